/** The networks section's texts; en.ts and ja.ts hold them under `networks`. */
export const networkEn = {
  title: 'Networks',
};

export const networkJa: typeof networkEn = {
  title: 'ネットワーク',
};
