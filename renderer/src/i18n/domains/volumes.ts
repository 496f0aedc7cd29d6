/** The volumes section's texts; en.ts and ja.ts hold them under `volumes`. */
export const volumeEn = {
  title: 'Volumes',
};

export const volumeJa: typeof volumeEn = {
  title: 'ボリューム',
};
