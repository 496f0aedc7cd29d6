import { copyFile, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MinatoError } from '../../contract';
import { fetchRange, fetchText } from './image-store-fetch';
import {
  MANIFEST,
  MANIFEST_SUM,
  parseManifestSum,
  readManifest,
  sha256Hex,
  sha256OfFile,
  type VmImageArch,
  type VmImageManifest,
} from './image-store-manifest';

/**
 * Where images are published: `{version}` and `{arch}` are filled in, and `{name}` is each file's name (a URL
 * without `{name}` is a folder the names are appended to). The default is the project's release assets, where an
 * image is published with each release as `minato-vm-<arch>-<file>`.
 */
export const DEFAULT_VM_IMAGE_URL = 'https://github.com/minato-app/minato/releases/download/v{version}/minato-vm-{arch}-{name}';

export interface VmImageStoreOptions {
  /** The store's folder (beside Minato's settings: `<config>/vm/images`). */
  root: string;
  /** Minato's version: the image asked for is the one built for it. */
  version: string;
  arch: VmImageArch;
  /** The setting's URL template; DEFAULT_VM_IMAGE_URL when unset. */
  url?: string;
  /** Times a cut download is resumed within one call before it fails (it can still be resumed by the next call). */
  retries?: number;
  idleTimeoutMs?: number;
}

export interface VmImageProgress {
  /** Bytes of the image's files fetched or checked so far, over `total`. */
  current: number;
  total: number;
  phase: 'manifest' | 'download' | 'verify' | 'copy';
  file?: string;
}

export interface VmImageRun {
  signal?: AbortSignal;
  onProgress?: (progress: VmImageProgress) => void;
  log?: (text: string) => void;
}

export interface InstalledVmImage {
  folder: string;
  manifest: VmImageManifest;
}

export function vmImageUrl(template: string, version: string, arch: VmImageArch, name: string): string {
  const filled = template.replaceAll('{version}', encodeURIComponent(version)).replaceAll('{arch}', arch);
  return filled.includes('{name}') ? filled.replaceAll('{name}', name) : `${filled.replace(/\/+$/, '')}/${name}`;
}

/** The machine's architecture as the image names it; undefined where Minato has no image. */
export function vmImageArch(nodeArch: string = process.arch): VmImageArch | undefined {
  return nodeArch === 'x64' ? 'x86_64' : nodeArch === 'arm64' ? 'aarch64' : undefined;
}

const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason as Error)), { once: true });
  });

/**
 * Minato's VM images on this machine: one folder per version and architecture, written whole or not at all. A
 * download goes to a `.partial` folder kept across failures (so the next try resumes it), every file is checked
 * against the manifest's SHA-256 (a file that fails is deleted), and only then is the folder renamed into place.
 */
export class VmImageStore {
  readonly folder: string;
  private readonly partial: string;

  constructor(private readonly options: VmImageStoreOptions) {
    const tag = `${options.version}-${options.arch}`;
    this.folder = path.join(options.root, tag);
    this.partial = path.join(options.root, `.partial-${tag}`);
  }

  /**
   * The image's folder if a checked image is installed (its files there with the manifest's sizes), else undefined.
   * The checksums were checked when it was installed; they are not read again on every start.
   */
  async installed(): Promise<InstalledVmImage | undefined> {
    try {
      const sumText = await readFile(path.join(this.folder, MANIFEST_SUM), 'utf8');
      const text = await readFile(path.join(this.folder, MANIFEST), 'utf8');
      const manifest = readManifest(text, parseManifestSum(sumText), this.options);
      for (const file of manifest.files) {
        if ((await stat(path.join(this.folder, file.name))).size !== file.size) return undefined;
      }
      return { folder: this.folder, manifest };
    } catch {
      return undefined;
    }
  }

  /** For the provider: the folder to create a VM from, or undefined until an image is downloaded or imported. */
  async imageFolder(): Promise<string | undefined> {
    return (await this.installed())?.folder;
  }

  /** Fetches the image for this version and architecture from the URL, resuming what an earlier try left. */
  async download(run: VmImageRun = {}): Promise<InstalledVmImage> {
    const signal = run.signal ?? new AbortController().signal;
    const template = this.options.url ?? DEFAULT_VM_IMAGE_URL;
    const { version, arch } = this.options;
    const urlOf = (name: string) => vmImageUrl(template, version, arch, name);
    const context = { signal, version, arch, idleTimeoutMs: this.options.idleTimeoutMs };

    run.onProgress?.({ current: 0, total: 0, phase: 'manifest' });
    const sumText = await fetchText(urlOf(MANIFEST_SUM), 4096, context);
    const text = await fetchText(urlOf(MANIFEST), 65_536, context);
    const manifest = readManifest(text, parseManifestSum(sumText), this.options);

    // A partial download of another manifest (a rebuilt release) is of no use: start that one again.
    const earlier = await readFile(path.join(this.partial, MANIFEST), 'utf8').catch(() => undefined);
    if (earlier !== undefined && earlier !== text) await rm(this.partial, { recursive: true, force: true });
    await mkdir(this.partial, { recursive: true });
    await writeFile(path.join(this.partial, MANIFEST), text);
    await writeFile(path.join(this.partial, MANIFEST_SUM), sumText);

    const total = manifest.files.reduce((sum, file) => sum + file.size, 0);
    let done = 0;
    for (const file of manifest.files) {
      const dest = path.join(this.partial, file.name);
      const before = await stat(dest).then((info) => Math.min(info.size, file.size), () => 0);
      if (before > 0) run.log?.(`${file.name}: resuming after ${before} of ${file.size} bytes`);
      let fileDone = before;
      const report = () => run.onProgress?.({ current: done + fileDone, total, phase: 'download', file: file.name });
      report();
      for (let attempt = 0; ; attempt++) {
        try {
          await fetchRange(urlOf(file.name), dest, file.size, context, (count) => {
            fileDone += count;
            report();
          });
          break;
        } catch (error) {
          if (signal.aborted || attempt >= (this.options.retries ?? 4) || !isRetryable(error)) throw error;
          run.log?.(`${file.name}: ${(error as Error).message}; resuming (${attempt + 1})`);
          fileDone = await stat(dest).then((info) => info.size, () => 0);
          await pause(Math.min(500 * 2 ** attempt, 8000), signal);
        }
      }
      run.onProgress?.({ current: done + file.size, total, phase: 'verify', file: file.name });
      await this.verify(dest, file, signal);
      done += file.size;
    }
    return this.install(this.partial, manifest);
  }

  /**
   * Imports an image from a folder (or the manifest.json in it) on this machine, for machines without internet:
   * the same checks as a download, then the files are copied in.
   */
  async importFrom(source: string, run: VmImageRun = {}): Promise<InstalledVmImage> {
    const signal = run.signal ?? new AbortController().signal;
    const from = path.basename(source) === MANIFEST ? path.dirname(source) : source;
    // A mistyped path is named as such, before any file of it is looked for.
    const kind = await stat(from).then((info) => (info.isDirectory() ? 'folder' : 'other'), () => 'none');
    if (kind === 'none') throw new MinatoError('not-found', { key: 'vmImage.noFolder', params: { folder: from } });
    if (kind === 'other') throw new MinatoError('invalid-input', { key: 'vmImage.notFolder', params: { folder: from } });
    const readSource = (name: string) =>
      readFile(path.join(from, name), 'utf8').catch(() => {
        throw new MinatoError('not-found', { key: 'vmImage.missingFile', params: { file: name } });
      });
    // The manifest first: a folder without either is missing the manifest, not its checksum.
    const text = await readSource(MANIFEST);
    const sumText = await readSource(MANIFEST_SUM);
    const manifest = readManifest(text, parseManifestSum(sumText), this.options);
    const total = manifest.files.reduce((sum, file) => sum + file.size, 0);
    // Every file there before a byte is copied: a folder missing one is refused at once.
    for (const file of manifest.files) {
      if (!(await stat(path.join(from, file.name)).then((info) => info.isFile(), () => false))) {
        throw new MinatoError('not-found', { key: 'vmImage.missingFile', params: { file: file.name } });
      }
    }

    await rm(this.partial, { recursive: true, force: true });
    await mkdir(this.partial, { recursive: true });
    let done = 0;
    for (const file of manifest.files) {
      signal.throwIfAborted();
      const origin = path.join(from, file.name);
      run.onProgress?.({ current: done, total, phase: 'copy', file: file.name });
      const dest = path.join(this.partial, file.name);
      // Copied first, then checked: the copy is what will be used, not the original that could change meanwhile.
      await copyFile(origin, dest);
      await this.verify(dest, file, signal);
      done += file.size;
      run.onProgress?.({ current: done, total, phase: 'verify', file: file.name });
    }
    await writeFile(path.join(this.partial, MANIFEST), text);
    await writeFile(path.join(this.partial, MANIFEST_SUM), sumText);
    return this.install(this.partial, manifest);
  }

  /** Deletes the installed image and any partial download (VMs made from it keep their own copy). */
  async remove(): Promise<void> {
    await rm(this.folder, { recursive: true, force: true });
    await rm(this.partial, { recursive: true, force: true });
  }

  /** Refuses and deletes a file that is not the manifest's (size first: cheap; then SHA-256). */
  private async verify(file: string, expected: VmImageManifest['files'][number], signal: AbortSignal): Promise<void> {
    const size = await stat(file).then((info) => info.size, () => -1);
    if (size !== expected.size) {
      await rm(file, { force: true });
      throw new MinatoError('invalid-input', { key: 'vmImage.size', params: { file: expected.name } });
    }
    if ((await sha256OfFile(file, signal)) !== expected.sha256) {
      await rm(file, { force: true });
      throw new MinatoError('invalid-input', { key: 'vmImage.checksum', params: { file: expected.name } });
    }
  }

  private async install(from: string, manifest: VmImageManifest): Promise<InstalledVmImage> {
    // The manifest written is checked once more against the checksum file beside it, as installed() will.
    const text = await readFile(path.join(from, MANIFEST), 'utf8');
    if (sha256Hex(text) !== parseManifestSum(await readFile(path.join(from, MANIFEST_SUM), 'utf8'))) {
      throw new MinatoError('invalid-input', { key: 'vmImage.checksum', params: { file: MANIFEST } });
    }
    await rm(this.folder, { recursive: true, force: true });
    await rename(from, this.folder);
    return { folder: this.folder, manifest };
  }
}

/** A cut or stalled connection is worth resuming; a wrong file, a 404 or a refused redirect is not. */
function isRetryable(error: unknown): boolean {
  return error instanceof MinatoError && error.code === 'engine-unavailable';
}
