/** The vm section's texts; en.ts and ja.ts hold them under `vm`. */
export const vmEn = {
  title: 'Linux VM',
};

export const vmJa: typeof vmEn = {
  title: 'Linux VM',
};
