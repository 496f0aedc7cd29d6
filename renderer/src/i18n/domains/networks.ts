import type { NETWORK_MESSAGES } from '../../../../engine/contract/network-messages';

/** The networks section's texts; en.ts and ja.ts hold them under `networks`. */
export const networkEn = {
  title: 'Networks',
};

export const networkJa: typeof networkEn = {
  title: 'ネットワーク',
};

/** The Japanese of the contract's `networks` sentences (engine/contract/network-messages.ts). */
export const networkMessagesJa: typeof NETWORK_MESSAGES = {
  name: 'ネットワーク名には英数字と _ . - が使え、先頭は英数字にします。',
  driver: 'ドライバーは bridge、macvlan、ipvlan のような名前です。',
  subnet: 'サブネットは 172.28.0.0/16 のような IPv4 のアドレスブロックで書きます。',
  subnetHostBits: '{{subnet}} はブロックの先頭ではありません。{{base}} と書いてください。',
  subnetSize: 'サブネットにはゲートウェイとコンテナの分のアドレスが必要です。最小は /30 です（/{{prefix}} は小さすぎます）。',
  gateway: 'ゲートウェイは 172.28.0.1 のような IPv4 アドレスで書きます。',
  gatewayOutside: 'ゲートウェイ {{gateway}} は {{subnet}} の中で使えるアドレスではありません。',
  ipRange: 'IP 範囲は 172.28.5.0/24 のような IPv4 のアドレスブロックで書きます。',
  ipRangeOutside: 'IP 範囲 {{range}} が {{subnet}} の中に収まっていません。',
  subnetOverlaps: '{{subnet}} は {{network}} のサブネット {{other}} と重なっています。別のブロックを選んでください。',
  needsSubnet: 'ゲートウェイや IP 範囲を指定するには、サブネットも指定してください。',
  label: 'ラベルは 1 行に 1 つ、key=value の形で書きます。キーは空にできません。',
  labelTwice: 'ラベル {{key}} が 2 回指定されています。',
  alias: 'エイリアスはホスト名です。英数字と . _ - が使え、先頭は英数字にします。',
  ip: 'アドレスは 172.28.5.10 のような IPv4 で書きます。',
  ipOutside: '{{ip}} は、{{network}} のサブネット {{subnet}} の中で使えるアドレスではありません。',
  ipIsGateway: '{{ip}} は {{network}} のゲートウェイです。',
  ipNeedsSubnet: '固定 IP アドレスを使うには、サブネットを自分で指定して作成したネットワークが必要です。{{network}} にはありません。',
  aliasesNeedUserNetwork: 'エイリアスは自分で作成したネットワークでのみ使えます。{{network}} は Docker 組み込みのネットワークです。',
  notJoinable: '{{network}} にはどのコンテナも接続できません（ホストのネットワーク、またはネットワークなしを表します）。',
  modeNone: '{{container}} はネットワークなし（--network none）で動いているため、ネットワークに参加できません。接続するには、ネットワークを指定して作り直してください。',
  modeHost: '{{container}} はホストのネットワーク（--network host）を使っているため、他のネットワークに参加できません。',
  modeContainer: '{{container}} は {{other}} のネットワークを共有しています（--network container:…）。自分のネットワークを持たないため接続できません。',
  builtIn: '{{network}} は Docker 組み込みのネットワークなので削除できません。',
  inUse: '{{network}} は {{containers}} が使用中です。先に切断するか停止してください。',
  until: '「until」は 24h や 90m のような期間、Unix 時刻、または 2026-01-31T12:00:00Z のような日時で書きます。',
  labelFilter: 'ラベルの条件は key または key=value の形で書きます。',
};
