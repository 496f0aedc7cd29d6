/** The compose section's texts; en.ts and ja.ts hold them under `compose`. */
export const composeEn = {
  title: 'Compose',
};

export const composeJa: typeof composeEn = {
  title: 'Compose',
};
