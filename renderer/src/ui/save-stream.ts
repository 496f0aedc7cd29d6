/** Where a download's bytes go: a file on disk when the browser lets us stream there, else a Blob download. */
export interface SaveTarget {
  write(chunk: string | Uint8Array): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

interface FilePickerWindow {
  showSaveFilePicker?(options: { suggestedName: string }): Promise<{ createWritable(): Promise<WritableStreamLike> }>;
}
interface WritableStreamLike {
  write(data: string | Uint8Array): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

/**
 * Chromium and Electron can stream straight to a file the person picks (nothing held in memory); elsewhere the parts
 * are gathered into a Blob, which the browser may keep on disk, and saved through a link.
 */
export async function openSaveTarget(fileName: string): Promise<SaveTarget> {
  const picker = (window as unknown as FilePickerWindow).showSaveFilePicker;
  if (picker) {
    const handle = await picker.call(window, { suggestedName: fileName });
    const writable = await handle.createWritable();
    return { write: (chunk) => writable.write(chunk), close: () => writable.close(), abort: () => writable.abort() };
  }
  const parts: BlobPart[] = [];
  return {
    write: async (chunk) => {
      parts.push(chunk as BlobPart);
    },
    close: async () => {
      const url = URL.createObjectURL(new Blob(parts));
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.rel = 'noopener';
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 30_000);
    },
    abort: async () => {
      parts.length = 0;
    },
  };
}
