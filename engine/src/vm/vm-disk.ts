import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { copyFile, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { VmLayout } from './vm-layout';

/** The image folder's manifest, as the image script writes it (engine/src/vm/GUEST.md). */
export interface ImageManifest {
  version: string;
  arch: 'x86_64' | 'aarch64';
  debian?: string;
  cmdline: string;
  files: Array<{ name: string; size: number; sha256: string }>;
}

export async function readManifest(folder: string): Promise<ImageManifest> {
  const manifest = JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8')) as ImageManifest;
  if (!manifest.version || !manifest.cmdline || !Array.isArray(manifest.files)) throw new Error(`${folder}/manifest.json is not an image manifest.`);
  return manifest;
}

function qemuImg(binary: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(binary, args, { timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`qemu-img ${args[0]}: ${stderr.trim() || error.message}`));
      else resolve(stdout);
    });
  });
}

/**
 * The VM's disk: the image's disk copied once as base.qcow2 (a reflink where the file system can), and the VM's own
 * disk.qcow2 on top of it, sparse, at the size asked for. The guest grows its file system to the disk at boot.
 * Reset makes a fresh disk.qcow2 over the same base, so it takes a second and loses everything written since.
 */
export async function prepareDisk(qemuImgPath: string, imageFolder: string, layout: VmLayout, diskGiB: number): Promise<ImageManifest> {
  const manifest = await readManifest(imageFolder);
  for (const file of manifest.files) {
    const size = (await stat(path.join(imageFolder, file.name))).size;
    if (size !== file.size) throw new Error(`${file.name} in ${imageFolder} is ${size} bytes, the manifest says ${file.size}.`);
  }
  await copyFile(path.join(imageFolder, 'disk.qcow2'), layout.base, constants.COPYFILE_FICLONE);
  await copyFile(path.join(imageFolder, 'vmlinuz'), layout.kernel);
  await copyFile(path.join(imageFolder, 'initrd.img'), layout.initrd);
  await copyFile(path.join(imageFolder, 'manifest.json'), layout.manifest);
  await overlayDisk(qemuImgPath, layout, diskGiB);
  return manifest;
}

export async function overlayDisk(qemuImgPath: string, layout: VmLayout, diskGiB: number): Promise<void> {
  await rm(layout.disk, { force: true });
  // The backing file is named relative to the overlay, so the VM's folder can move as a whole.
  await qemuImg(qemuImgPath, ['create', '-q', '-f', 'qcow2', '-F', 'qcow2', '-b', path.basename(layout.base), layout.disk, `${diskGiB}G`]);
}

/** Grows the disk (never shrinks: that would cut the file system); the guest grows its file system at boot. */
export async function growDisk(qemuImgPath: string, layout: VmLayout, diskGiB: number): Promise<void> {
  const info = JSON.parse(await qemuImg(qemuImgPath, ['info', '--output=json', '-U', layout.disk])) as { 'virtual-size': number };
  if (diskGiB * 2 ** 30 <= info['virtual-size']) return;
  await qemuImg(qemuImgPath, ['resize', '-q', layout.disk, `${diskGiB}G`]);
}

export async function diskUsage(qemuImgPath: string, layout: VmLayout): Promise<{ virtual: number; actual: number } | undefined> {
  const text = await qemuImg(qemuImgPath, ['info', '--output=json', '-U', layout.disk]).catch(() => undefined);
  if (!text) return undefined;
  const info = JSON.parse(text) as { 'virtual-size': number; 'actual-size': number };
  return { virtual: info['virtual-size'], actual: info['actual-size'] };
}
