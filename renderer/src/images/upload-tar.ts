import type { MethodInput, MinatoClient } from '../../../engine/contract';

/** Chunks of 1 MiB: 1.4 MB of base64 a call, under the contract's 2 MB limit. */
const CHUNK = 1024 * 1024;

/** A slice of the file as base64, read by the browser (the data URL's payload), without a giant string of our own. */
function sliceAsBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).slice(String(reader.result).indexOf(',') + 1));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(blob);
  });
}

export type UploadBegin = Omit<MethodInput<'images:uploadBegin'>, 'fileName' | 'size'>;

/**
 * `docker load` / `docker import` of a file the person picked: one chunk per call, the next sent once the engine
 * took the last, so the page never holds more than one chunk. The task (progress, cancel) is the engine's.
 */
export async function uploadTar(client: MinatoClient, begin: UploadBegin, file: File, onTask: (taskId: string) => void): Promise<string[]> {
  const { uploadId, taskId } = await client.call('images:uploadBegin', { ...begin, fileName: file.name, size: file.size } as MethodInput<'images:uploadBegin'>);
  onTask(taskId);
  try {
    for (let offset = 0; offset < file.size; offset += CHUNK) {
      await client.call('images:uploadChunk', { uploadId, data: await sliceAsBase64(file.slice(offset, offset + CHUNK)) });
    }
    return (await client.call('images:uploadEnd', { uploadId })).images;
  } catch (error) {
    // Free the engine's half-sent request now; it may already be gone (cancelled from the tasks panel).
    void client.call('images:uploadAbort', { uploadId }).catch(() => undefined);
    throw error;
  }
}
