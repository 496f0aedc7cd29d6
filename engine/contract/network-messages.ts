/**
 * The networks domain's sentences (checks of the create and connect forms, the engine's refusals), in English. They
 * are the `networks` group of CONTRACT_MESSAGES; the Japanese lives in renderer/src/i18n/domains/networks.ts.
 */
export const NETWORK_MESSAGES = {
  name: 'Name the network with letters, digits, _ . and -, starting with a letter or digit.',
  driver: 'A driver is a name such as bridge, macvlan or ipvlan.',
  subnet: 'Write the subnet as an IPv4 block such as 172.28.0.0/16.',
  subnetHostBits: '{{subnet}} is not where its block starts: write {{base}}.',
  subnetSize: 'A subnet needs room for a gateway and containers: /30 at the smallest (/{{prefix}} is too small).',
  gateway: 'Write the gateway as an IPv4 address such as 172.28.0.1.',
  gatewayOutside: 'The gateway {{gateway}} is not a usable address inside {{subnet}}.',
  ipRange: 'Write the IP range as an IPv4 block such as 172.28.5.0/24.',
  ipRangeOutside: 'The IP range {{range}} does not lie inside {{subnet}}.',
  subnetOverlaps: '{{subnet}} overlaps {{other}}, the subnet of {{network}}: choose another block.',
  needsSubnet: 'A gateway or an IP range needs a subnet.',
  label: 'Write each label as key=value on its own line; the key cannot be empty.',
  labelTwice: 'The label {{key}} is given twice.',
  alias: 'An alias is a host name: letters, digits, . _ and -, starting with a letter or digit.',
  ip: 'Write the address as IPv4, such as 172.28.5.10.',
  ipOutside: '{{ip}} is not a usable address inside {{subnet}}, the subnet of {{network}}.',
  ipIsGateway: '{{ip}} is the gateway of {{network}}.',
  ipNeedsSubnet: 'A fixed IP address needs a network you created with a subnet you chose; {{network}} has none.',
  aliasesNeedUserNetwork: 'Aliases need a network you created; {{network}} is built into Docker.',
  notJoinable: 'No container can be connected to {{network}}: it is the host network or no network at all.',
  modeNone: '{{container}} runs with no network (--network none), so it cannot join one. Recreate it with a network to connect it.',
  modeHost: "{{container}} uses the host's network (--network host), so it cannot join other networks.",
  modeContainer: '{{container}} shares the network of {{other}} (--network container:…): it has no network of its own to connect.',
  builtIn: '{{network}} is built into Docker and cannot be removed.',
  inUse: '{{network}} is in use by {{containers}}: disconnect or stop them first.',
  until: 'Write "until" as a duration such as 24h or 90m, a Unix time, or a time such as 2026-01-31T12:00:00Z.',
  labelFilter: 'A label filter is key or key=value.',
};
