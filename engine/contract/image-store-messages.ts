/** The Linux VM image store's sentences (engine/src/vm/image-store*.ts), spread into messages.ts as `vmImage.*`. */
export const VM_IMAGE_MESSAGES = {
  unreachable: 'The VM image could not be downloaded from {{url}} ({{reason}}).',
  httpStatus: '{{url}} answered {{status}}: there is no VM image there for Minato {{version}} ({{arch}}).',
  checksum: '{{file}} of the VM image does not match its checksum: it was deleted. Download or import it again.',
  size: '{{file}} of the VM image is not the size its manifest says: it was deleted. Download or import it again.',
  badManifest: "The VM image's manifest cannot be read ({{reason}}).",
  otherImage: 'This VM image is for Minato {{found}} ({{foundArch}}), not {{version}} ({{arch}}).',
  missingFile: 'The folder has no {{file}}: import the whole folder the image came in.',
  needed: 'No VM image is available yet: download or import one first.',
  noFolder: 'There is no folder at {{folder}}.',
  notFolder: '{{folder}} is not a folder: give the folder the image came in.',
  insecureRedirect: 'The download was sent from https to plain http ({{url}}): Minato does not follow it.',
};
