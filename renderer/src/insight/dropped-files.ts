/** A file to upload and where it goes, relative to the target folder ("site/assets/logo.png"). */
export interface UploadItem {
  file: File;
  path: string;
}

/** The parts of the File and Directory Entries API a drop gives us (Chromium, Electron, Firefox, Safari). */
export interface DroppedEntry {
  name: string;
  isFile: boolean;
  isDirectory: boolean;
}
interface DroppedFileEntry extends DroppedEntry {
  file(success: (file: File) => void, failure?: (error: unknown) => void): void;
}
interface DroppedDirectoryEntry extends DroppedEntry {
  createReader(): { readEntries(success: (entries: DroppedEntry[]) => void, failure?: (error: unknown) => void): void };
}

/** A file picked through an input keeps its folder in webkitRelativePath when the input picks a folder. */
export function fromFileList(files: FileList | File[]): UploadItem[] {
  return [...files].map((file) => ({ file, path: (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name }));
}

/**
 * The drop's entries must be taken while the drop event runs: afterwards the browser empties the list. Items
 * without an entry (an older browser) fall back to their plain File.
 */
export function takeDroppedEntries(transfer: DataTransfer): Array<DroppedEntry | File> {
  const taken: Array<DroppedEntry | File> = [];
  for (const item of [...transfer.items]) {
    if (item.kind !== 'file') continue;
    const entry = (item as DataTransferItem & { webkitGetAsEntry?(): DroppedEntry | null }).webkitGetAsEntry?.();
    const file = entry ? undefined : item.getAsFile();
    if (entry) taken.push(entry);
    else if (file) taken.push(file);
  }
  return taken;
}

function fileOf(entry: DroppedFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** readEntries answers in batches (100 at a time in Chromium) and with an empty batch once done. */
async function childrenOf(entry: DroppedDirectoryEntry): Promise<DroppedEntry[]> {
  const reader = entry.createReader();
  const children: DroppedEntry[] = [];
  for (;;) {
    const batch = await new Promise<DroppedEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return children;
    children.push(...batch);
  }
}

/** Walks dropped folders depth-first, keeping each file's path below the dropped item (the folder's own name first). */
export async function walkDropped(taken: Array<DroppedEntry | File>): Promise<UploadItem[]> {
  const items: UploadItem[] = [];
  const visit = async (entry: DroppedEntry, prefix: string): Promise<void> => {
    const path = `${prefix}${entry.name}`;
    if (entry.isFile) items.push({ file: await fileOf(entry as DroppedFileEntry), path });
    else if (entry.isDirectory) {
      for (const child of await childrenOf(entry as DroppedDirectoryEntry)) await visit(child, `${path}/`);
    }
  };
  for (const one of taken) {
    if (one instanceof File) items.push({ file: one, path: one.name });
    else await visit(one, '');
  }
  return items;
}
