/** The volumes section's texts; en.ts and ja.ts hold them under `volumes`. */
export const volumeEn = {
  title: 'Volumes',
};

export const volumeJa: typeof volumeEn = {
  title: 'ボリューム',
};

/** The Japanese of engine/contract/volume-messages.ts (the engine's refusals), under `contract.volumes`. */
export const volumeMessagesJa = {
  exists: 'ボリューム {{name}} はすでにあります。別の名前を選んでください。',
  notEmpty: 'ボリューム {{name}} にはすでにファイルがあります。復元するとファイルが追加され、同じ名前のファイルは置き換えられます。続けるなら確認してください。新しいボリュームへの復元もできます。',
  inUse: 'ボリューム {{name}} は {{containers}} が使用中です。先にそれらのコンテナを削除してください。',
  notAUser: 'コンテナ {{container}} はボリューム {{name}} を使っていないため、Minato は削除しませんでした。',
  sameVolume: 'ボリュームを自分自身に複製することはできません。',
  cancelled: 'ボリュームのコピーを取り消しました。',
  uploadGone: 'この復元はもう開いていません。もう一度始めてください。',
  uploadShort: 'ファイルが、伝えられたサイズより {{bytes}} バイト足りません。',
  uploadTooLong: 'ファイルが、伝えられたサイズより長くなっています。',
  tooManyUploads: '同時に実行できる復元は {{limit}} 件までです。どれかが終わるのを待つか、取り消してください。',
};
