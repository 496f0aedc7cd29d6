import { z } from 'zod';
import { VOLUME_MESSAGES } from './volume-messages';
import { NETWORK_MESSAGES } from './network-messages';
import { VM_IMAGE_MESSAGES } from './image-store-messages';

/**
 * Every sentence the contract and the engine write for a person, in English. The wire carries a sentence as its key
 * and parameters (`Message`), logs keep this English, and the renderer translates the key: its en.ts takes these
 * texts as they are and ja.ts must have every key (the type checker says which one is missing).
 */
export const CONTRACT_MESSAGES = {
  form: {
    platform: 'A platform looks like linux/amd64 or linux/arm64/v8.',
    keyNeeded: 'A key is needed.',
    envNameEquals: 'A variable name cannot contain "=".',
    envNameSpace: 'A variable name cannot contain spaces or NUL characters.',
    portRange: 'Ports go from 1 to 65535.',
    containerPath: 'A path inside the container starts with "/".',
    shellExpansion: 'Replace {{expansion}} with the folder it stands for, e.g. {{example}}: Minato runs no shell to fill it in.',
    volumeName: 'Name the volume.',
    hostFolder: 'A host folder is an absolute path.',
    aliasesNeedNetwork: 'Network aliases need a network you created (not the default bridge, host or none).',
    linksNetwork: 'Links cannot be used with this network.',
    macNetwork: 'A MAC address cannot be set with this network.',
    sharedHostname: "A container sharing another's network uses that one's hostname.",
    sharedDns: "A container sharing another's network uses that one's DNS servers.",
    sharedHosts: "A container sharing another's network cannot add hosts.",
    sharedPorts: "A container sharing another's network cannot publish ports.",
    image: 'Choose an image.',
    name: 'Names start with a letter or digit and use only letters, digits, _ . and -.',
    envOnce: 'Each variable may be set once.',
    hostPortTwice: 'The same host port is mapped twice.',
    extraHost: 'Write extra hosts as name:address.',
    macAddress: 'A MAC address looks like 02:42:ac:11:00:02.',
    memory: 'Docker needs at least 6 MB of memory.',
    cpus: 'CPUs must be more than 0.',
    cpuShares: 'CPU shares are at least 2.',
    retries: 'Retries are a whole number, 0 or more.',
    wholeNumber: 'This is a whole number.',
    notEmpty: 'This cannot be empty.',
    invalid: 'This value is not accepted.',
  },
  paste: {
    singleQuote: 'A single quote is not closed.',
    doubleQuote: 'A double quote is not closed.',
    protocol: '"{{protocol}}" is not tcp, udp or sctp.',
    notHostContainer: '"{{text}}" is not host:container.',
    portRange: 'Ports go from 1 to 65535 ("{{text}}").',
    noContainerPort: '"{{text}}" names no container port.',
    envFromShell: '--env {{name}} without "=" takes the value from your shell; write {{name}}=VALUE.',
    notKeyValue: '{{flag}} "{{value}}" is not KEY=VALUE.',
    wholeNumber: '{{flag}} must be a whole number, not "{{value}}".',
    volume: '--volume "{{value}}" is not SOURCE:/PATH[:ro].',
    restart: '--restart "{{value}}" is not no, on-failure[:N], always or unless-stopped.',
    restartRetries: '--restart "{{value}}": only on-failure takes a retry count.',
    memory: '--memory "{{value}}" is not a size such as 512m or 1g.',
    cpus: '--cpus "{{value}}" is not a number of CPUs such as 1.5.',
    notDockerRun: 'This is not a docker run command.',
    needsValue: '{{flag}} needs a value.',
    trueOrFalse: '{{flag}} takes true or false, not "{{value}}".',
    noImage: 'No image: a docker run command ends with the image and then its command.',
  },
  engine: {
    cancelled: 'The request was cancelled.',
    connectionLost: 'The connection to the Minato engine was lost.',
    malformed: 'Malformed message.',
    badAnswer: "Minato could not read the engine's answer to {{method}} ({{where}}).",
    tooManyStreams: 'This window already has {{limit}} open streams (logs, terminals, stats…), the most one connection may hold: close some tabs or views, or reload the page.',
    tooManyCalls: 'This window already has {{limit}} requests running, the most one connection may have: wait for them to finish, or reload the page.',
    notConnected: 'The Docker engine is not connected.',
    noEngine: 'No engine "{{engineId}}" is configured.',
    engineExists: 'An engine "{{engineId}}" already exists.',
    notCustomEngine: 'Only engines added in Settings can be edited or removed here.',
    hostKeyMoved: 'The server at {{host}}:{{port}} no longer presents the key {{fingerprint}}: test the connection again.',
    noPassphraseWanted: 'No engine is waiting for the passphrase of {{keyFile}}.',
    keyUnreadable: '{{keyFile}} cannot be read.',
    wrongPassphrase: 'That passphrase does not open {{keyFile}}.',
    terminalEnded: 'This terminal session has ended.',
    attachNeedsTty: 'Only containers started with a terminal and input (docker run -it) can be attached to. Open a shell instead.',
    noTask: 'No task "{{id}}" (finished tasks are kept for a while only).',
    pullCancelled: 'The pull was cancelled.',
    pullClosed: 'The engine closed the pull before it finished.',
    downloadStopped: 'The download was stopped.',
    uploadGone: 'This upload is no longer open; start it again.',
    uploadShort: 'The previous file is {{bytes}} bytes short of its announced size.',
    notAFolder: '{{path}} is not a folder.',
    uploadOrder: 'Send uploadFile before its chunks.',
    uploadTooLong: 'More bytes than the file announced.',
    badName: '"{{value}}" cannot name a {{what}}.',
    beingEdited: 'This container is being edited already: wait for that edit to finish.',
    autoRemove: 'This container removes itself when stopped (--rm), so it cannot be edited. Use "Run another like this" instead.',
    portHeldByContainer: 'Host port {{port}} is held by container {{container}}. The original container was not stopped.',
    portHeldByProgram: 'Host port {{port}} is held by another program. The original container was not stopped.',
    portsOpenDirectly: 'The ports of {{engine}} open directly at {{host}}.',
    engineNotConnected: '{{engine}} is not connected.',
  },
  // Registries, logins and push (engine/src/registry, engine/src/credentials).
  registry: {
    badUrl: '"{{url}}" is not a registry address: write host, host:port or an http(s):// URL without a path.',
    plainHttpConsent: '{{address}} would be reached over plain HTTP, which sends logins in clear: allow it only for a registry on a network you trust.',
    wrongLogin: 'Wrong user name or password for {{address}}.',
    loginNeeded: '{{address}} needs a login: log in first.',
    denied: '{{address}} refused this with the login in use.',
    unreachable: '{{address}} does not answer ({{reason}}).',
    notRegistry: '{{address}} does not answer as a registry (Registry HTTP API v2, status {{status}}).',
    deleteRefused: '{{address}} does not allow deleting images (its storage delete setting is off).',
    notFound: '{{what}} is not in {{address}}.',
    unknown: 'No registry {{address}} has been added.',
    exists: '{{address}} is in the list already.',
    helperFailed: 'The credential helper docker-credential-{{helper}} failed: {{reason}}.',
    tooBig: "The registry's answer is larger than Minato reads ({{limit}} bytes).",
    untrustedCertificate: "{{address}}'s certificate is not trusted: no authority Minato trusts signed it. If the registry uses a private CA, give that CA's certificate when adding the registry, or put it in ~/.docker/certs.d/{{address}}/ca.crt.",
    certificateName: "{{address}}'s certificate was made for another name: use the name or address the certificate lists.",
    badCa: 'This is not a CA certificate Minato can read ({{reason}}): paste the PEM text of ca.crt, or pick the file.',
    caForHttp: '{{address}} is plain HTTP: a CA certificate is only for an https:// registry.',
    badAnswer: '{{address}} answered with something Minato could not read ({{what}}).',
    pushCancelled: 'The push was cancelled.',
    pushClosed: 'The engine closed the push before it finished.',
  },
  // Docker Hub (engine/src/hub).
  hub: {
    unreachable: 'Docker Hub does not answer ({{reason}}).',
    notFound: '{{what}} is not on Docker Hub.',
    badAnswer: 'Docker Hub answered with something Minato could not read ({{what}}).',
    rateLimited: "Docker Hub's pull limit is used up: try again in {{seconds}} s, or log in to Docker Hub to get more pulls.",
    rateLimitedLater: "Docker Hub's pull limit is used up: try again later, or log in to Docker Hub to get more pulls.",
    imageAddress: 'Minato does not fetch README images from {{host}}: it is at {{address}}, on this machine or a private network.',
    imageNotHttps: 'Minato fetches README images over https only, and {{host}} is not https.',
    imageTooBig: 'The image from {{host}} is larger than the {{megabytes}} MB Minato shows.',
  },
  // The Volumes section's refusals (engine/contract/volume-messages.ts).
  volumes: VOLUME_MESSAGES,
  // Input refused at the contract before it reaches a handler, and the Run form's checks that say why.
  checks: {
    pathControl: 'A path cannot contain NUL or other control characters.',
    addressPassword: 'An engine address cannot hold a password: it would be shown and stored in clear. Remove it and use an SSH key or ssh-agent.',
    imageReference: 'Not an image reference: write [registry[:port]/]name[:tag][@digest] with a lowercase name, such as nginx:1.27 or ghcr.io/org/app:v2.',
  },
  // The Networks section's checks and the engine's refusals (engine/contract/network-messages.ts).
  networks: NETWORK_MESSAGES,
  // The Linux VM image's download and import (engine/contract/image-store-messages.ts).
  vmImage: VM_IMAGE_MESSAGES,
};

type Catalogue = typeof CONTRACT_MESSAGES;

/** "form.portRange", "paste.noImage", "engine.noTask"…: every key of the catalogue, as the wire carries it. */
export type MessageKey = { [Group in keyof Catalogue]: `${Group & string}.${keyof Catalogue[Group] & string}` }[keyof Catalogue];

export type MessageParams = Record<string, string | number>;

/** A sentence as it crosses the wire: its key and what fills its placeholders. */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

export function isMessageKey(key: unknown): key is MessageKey {
  if (typeof key !== 'string') return false;
  const [group, name, ...rest] = key.split('.');
  if (rest.length > 0 || group === undefined || name === undefined || !Object.hasOwn(CONTRACT_MESSAGES, group)) return false;
  return Object.hasOwn(CONTRACT_MESSAGES[group as keyof Catalogue], name);
}

export const MessageKeySchema = z.custom<MessageKey>(isMessageKey, 'Not a message key.');
export const MessageParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

/** A message, checked where one arrives from elsewhere (the wire). */
export const MessageSchema = z.object({ key: MessageKeySchema, params: MessageParamsSchema.optional() });

export function message(key: MessageKey, params?: MessageParams): Message {
  return params === undefined ? { key } : { key, params };
}

/**
 * The message of a schema problem: the schemas write keys as their messages (`.min(1, 'form.keyNeeded')`) and a custom
 * problem's parameters in its `params`; a rule written without a key becomes `form.invalid`.
 */
export function messageOfIssue(issue: { message: string; params?: Record<string, unknown> }): Message {
  if (!isMessageKey(issue.message)) return { key: 'form.invalid' };
  const params = Object.entries(issue.params ?? {}).filter((entry): entry is [string, string | number] => typeof entry[1] === 'string' || typeof entry[1] === 'number');
  return params.length > 0 ? { key: issue.message, params: Object.fromEntries(params) } : { key: issue.message };
}

/** The English sentence of a message, for logs and for whoever reads the wire without the renderer. */
export function englishOf({ key, params }: Message): string {
  const [group, name] = key.split('.') as [keyof Catalogue, string];
  const text = (CONTRACT_MESSAGES[group] as Record<string, string>)[name] ?? key;
  return text.replace(/\{\{(\w+)\}\}/g, (whole, param: string) => (params && param in params ? String(params[param]) : whole));
}
