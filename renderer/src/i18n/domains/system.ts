/** The system section's texts; en.ts and ja.ts hold them under `system`. */
export const systemEn = {
  title: 'System',
};

export const systemJa: typeof systemEn = {
  title: 'システム',
};
