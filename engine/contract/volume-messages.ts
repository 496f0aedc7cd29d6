/** The Volumes section's sentences (engine/src/volumes), spread into the contract's catalogue in messages.ts. */
export const VOLUME_MESSAGES = {
  exists: 'A volume named {{name}} exists already: choose another name.',
  notEmpty: 'Volume {{name}} already holds files: restoring adds to them and replaces files of the same name. Confirm to go on, or restore into a new volume.',
  inUse: 'Volume {{name}} is used by {{containers}}: remove those containers first.',
  notAUser: 'Container {{container}} does not use volume {{name}}, so Minato did not remove it.',
  sameVolume: 'A volume cannot be cloned into itself.',
  cancelled: 'The volume copy was cancelled.',
  uploadGone: 'This restore is no longer open; start it again.',
  uploadShort: 'The file is {{bytes}} bytes short of its announced size.',
  uploadTooLong: 'More bytes than the file announced.',
  tooManyUploads: 'At most {{limit}} restores run at once: wait for one to finish or cancel it.',
};
