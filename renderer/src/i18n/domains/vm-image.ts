import type { VM_IMAGE_MESSAGES } from '../../../../engine/contract/image-store-messages';

/** The VM image store's sentences in Japanese (engine/contract/image-store-messages.ts). */
export const vmImageMessagesJa: typeof VM_IMAGE_MESSAGES = {
  unreachable: '{{url}} から VM イメージをダウンロードできませんでした（{{reason}}）。',
  httpStatus: '{{url}} の応答は {{status}} でした。Minato {{version}}（{{arch}}）用の VM イメージはそこにありません。',
  checksum: 'VM イメージの {{file}} がチェックサムと一致しないため、削除しました。もう一度ダウンロードするかインポートしてください。',
  size: 'VM イメージの {{file}} の大きさがマニフェストと違うため、削除しました。もう一度ダウンロードするかインポートしてください。',
  badManifest: 'VM イメージのマニフェストを読み取れません（{{reason}}）。',
  otherImage: 'この VM イメージは Minato {{found}}（{{foundArch}}）用で、{{version}}（{{arch}}）用ではありません。',
  missingFile: 'フォルダーに {{file}} がありません。イメージが入っていたフォルダーをまるごとインポートしてください。',
  needed: 'VM イメージがまだありません。先にダウンロードするかインポートしてください。',
  noFolder: '{{folder}} にフォルダーはありません。',
  notFolder: '{{folder}} はフォルダーではありません。イメージが入っていたフォルダーを指定してください。',
  insecureRedirect: 'ダウンロードが https から暗号化されない http（{{url}}）へ転送されたため、Minato は従いません。',
};
