/**
 * The one secret masker: what Minato hides on screen until a person reveals it (inspect, the shown `docker run`
 * command, the edit's list of changes, `docker top`). It judges a value by the name it is given under (an env key, a
 * label, a flag, a query parameter) and by its own shape (a password inside a URL or a DSN, a well-known token format),
 * since a secret often travels under an ordinary name (`DATABASE_URL=postgres://u:p@db/app`).
 */

export const MASK = '••••••';

/** Long words that name a secret wherever they appear in a name (PGPASSWORD, dbPassword, GITHUB_TOKEN). */
const SECRET_PART = /(password|passwd|secret|token|credential|api_?key|private_?key|access_?key|auth_?key|basic_?auth|requirepass|masterauth)/i;
/** Short words that name a secret only as a word of their own: DB_PWD but not PWD (the working folder), GH_PAT not PATH. */
const SECRET_WORDS = new Set(['pass', 'pw', 'pwd', 'pat', 'auth', 'apikey', 'dsn', 'sig', 'signature']);
/** A name whose last word says it holds where the secret is, not the secret (POSTGRES_PASSWORD_FILE=/run/secrets/db). */
const POINTER_WORDS = new Set(['file', 'path', 'dir', 'env', 'length', 'len']);

/** "DB_PWD" → ["db", "pwd"]; "apiKey" → ["api", "key"]; "--log-opt" → ["log", "opt"]. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/** Whether a value given under this name (env key, label key, flag, log option, query parameter) is a secret. */
export function looksSecret(name: string): boolean {
  const parts = words(name);
  if (parts.length === 0 || POINTER_WORDS.has(parts.at(-1) as string)) return false;
  if (SECRET_PART.test(parts.join('_'))) return true;
  // PWD alone is the shell's working folder; `pwd` among other words (DB_PWD, --pwd given to a client) is a password.
  if (parts.length === 1 && parts[0] === 'pwd') return false;
  return parts.some((part) => SECRET_WORDS.has(part));
}

/** Well-known token formats that are secret whatever they are called. */
const TOKEN_SHAPES = [
  /\bgh[pousr]_[A-Za-z0-9]{30,}/g,
  /\bgithub_pat_[A-Za-z0-9_]{30,}/g,
  /\bglpat-[A-Za-z0-9_-]{20,}/g,
  /\bxox[abprs]-[A-Za-z0-9-]{10,}/g,
  /\bsk-(?:live_|test_|proj-)?[A-Za-z0-9_-]{20,}/g,
  /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
];

/** scheme://user:password@host: the password goes, the user and host stay (they say what the URL is for). */
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s:@/?#]*):([^\s@/?#]+)@/gi;
/** Go's MySQL DSN, user:password@tcp(host:3306)/db, has no scheme. */
const GO_DSN_PASSWORD = /(^|[\s"'=])([^\s:@/"'=]+):([^\s@]+)@(tcp|unix)\(/g;
/** name=value inside a value: DSNs (password=… / Password=…;), query strings (?token=…), -Dx.password=…, --token=…. */
const PAIR = /(^|[\s;?&"',{(])([A-Za-z0-9_.-]+)(\s*=\s*)("[^"]*"|'[^']*'|[^\s;&"',})]+)/g;

/**
 * An HTTP credential after its scheme (`Authorization: Bearer …`, `Basic …`): the scheme stays. The credential must
 * not be a plain lowercase word, so prose such as "Basic configuration" is left alone.
 */
const HTTP_CREDENTIAL = /\b(Bearer|Basic)(\s+)(?![a-z]+\b)([A-Za-z0-9._~+/-]{6,}=*)/g;
const isHttpCredential = (scheme: string | undefined, word: string) =>
  scheme !== undefined && /^(Bearer|Basic)$/.test(scheme) && /^[A-Za-z0-9._~+/-]{6,}=*$/.test(word) && !/^[a-z]+$/.test(word);

/** The userinfo of an address (`ssh://user:password@host`): everything after `scheme://` up to the authority's last `@`. */
function userinfoOf(address: string): string | undefined {
  const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(address)?.[1] ?? '';
  const at = authority.lastIndexOf('@');
  return at < 0 ? undefined : authority.slice(0, at);
}

/** Whether an engine address carries a password in its userinfo (`tcp://user:pass@host`, even an empty one). */
export function addressHasPassword(address: string): boolean {
  return userinfoOf(address)?.includes(':') ?? false;
}

/**
 * An engine address fit to show or log: a password in its userinfo replaced (the user and host stay). Addresses from
 * docker contexts and DOCKER_HOST are not ours to refuse, so this is how one with a password is ever shown.
 */
export function maskAddress(address: string): string {
  const userinfo = userinfoOf(address);
  if (userinfo === undefined || !userinfo.includes(':')) return address;
  const user = userinfo.slice(0, userinfo.indexOf(':'));
  return address.replace(`${userinfo}@`, `${user}:${MASK}@`);
}

/** A value with every secret it carries by shape replaced (URL passwords, DSN passwords, token formats). */
export function maskValue(value: string): string {
  let masked = value
    .replace(HTTP_CREDENTIAL, (_match, scheme: string, space: string) => `${scheme}${space}${MASK}`)
    .replace(URL_PASSWORD, (_match, scheme: string, user: string) => `${scheme}${user}:${MASK}@`)
    .replace(GO_DSN_PASSWORD, (_match, before: string, user: string, _password: string, net: string) => `${before}${user}:${MASK}@${net}(`)
    .replace(PAIR, (match, before: string, name: string, separator: string, secret: string) => {
      if (!looksSecret(name) || secret.startsWith(MASK)) return match;
      const quote = /^["']/.test(secret) ? secret[0] : '';
      return `${before}${name}${separator}${quote}${MASK}${quote}`;
    });
  for (const shape of TOKEN_SHAPES) masked = masked.replace(shape, MASK);
  return masked;
}

/** `KEY=VALUE` (an env entry, a label or log option written out): the whole value when the key looks secret. */
export function maskAssignment(entry: string): string {
  const separator = entry.indexOf('=');
  if (separator <= 0) return maskValue(entry);
  const key = entry.slice(0, separator);
  return looksSecret(key) ? `${key}=${MASK}` : `${key}=${maskValue(entry.slice(separator + 1))}`;
}

/** A value under a name (a label, a log option, an env pair): masked whole by its name, else by its shape. */
export function maskPairValue(name: string, value: string): string {
  return looksSecret(name) ? MASK : maskValue(value);
}

/** Programs whose `-pPASSWORD` (glued to the flag) is a password, not a port: the MySQL family's clients. */
const MYSQL_CLIENT = /(^|\/)(mysql|mysqldump|mysqladmin|mysqlimport|mysqlcheck|mysqlpump|mysqlsh|mariadb|mariadb-dump|mariadb-admin)$/;

const unquote = (word: string) => word.replace(/^["']|["']$/g, '');

/** Clients whose short flag takes a password (where the same letter elsewhere is a port or an option). */
const PASSWORD_FLAGS: ReadonlyArray<[program: RegExp, flag: string]> = [
  [/(^|\/)redis-cli$/, '-a'],
  [/(^|\/)sshpass$/, '-p'],
];

/**
 * A command's arguments (a container's Cmd, Entrypoint or Args, or a `docker run` command's words): `--password x`,
 * `--token=x`, `-pSECRET` after a MySQL client, `KEY=VALUE` words, and every secret shape inside an argument (a
 * `sh -c` script is one argument) are masked. The flag names stay, so the command still reads as it was written.
 */
export function maskArgs(args: readonly string[]): string[] {
  const programs = args.flatMap((arg) => arg.split(/\s+/).map(unquote));
  const mysql = programs.some((word) => MYSQL_CLIENT.test(word));
  const passwordFlags = new Set(PASSWORD_FLAGS.filter(([program]) => programs.some((word) => program.test(word))).map(([, flag]) => flag));
  return args.map((arg, index) => {
    const previous = args[index - 1];
    if (previous !== undefined && passwordFlags.has(previous) && !arg.startsWith('-')) return MASK;
    // `-H "Authorization: Bearer x"` split into words: the credential follows its scheme.
    if (isHttpCredential(previous, arg)) return MASK;
    // A flag whose value is the next word: --password x, -P x is not one (only long or multi-letter flags count).
    if (previous !== undefined && /^--?[A-Za-z][A-Za-z0-9_-]+$/.test(previous) && looksSecret(previous) && !arg.startsWith('-')) return MASK;
    if (mysql && /^-p.+/.test(arg)) return `-p${MASK}`;
    if (/^--?[A-Za-z][A-Za-z0-9_-]*=/.test(arg)) {
      const separator = arg.indexOf('=');
      return looksSecret(arg.slice(0, separator)) ? `${arg.slice(0, separator)}=${MASK}` : `${arg.slice(0, separator + 1)}${maskValue(arg.slice(separator + 1))}`;
    }
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(arg)) return maskAssignment(arg);
    // A script or a whole command line in one argument: its words are masked the same way.
    return /\s/.test(arg) ? maskCommandLine(arg) : maskValue(arg);
  });
}

/**
 * A command line as one string (a `docker top` CMD column, a `sh -c` script): its words are masked as arguments,
 * spaces kept as they were. Quotes stay on the words they were written on.
 */
export function maskCommandLine(line: string): string {
  const parts = line.split(/(\s+)/);
  const wordIndexes = parts.map((part, index) => (index % 2 === 0 && part !== '' ? index : -1)).filter((index) => index >= 0);
  const wordsOnly = wordIndexes.map((index) => parts[index] as string);
  // Quotes around a word are taken off to judge it and put back after.
  const masked = maskArgs(wordsOnly.map(unquote)).map((word, position) => {
    const original = wordsOnly[position] as string;
    if (word === unquote(original)) return original;
    const open = /^["']/.test(original) ? original[0] : '';
    const close = /["']$/.test(original) && original.length > 1 ? original.at(-1) : '';
    return `${open}${word}${close}`;
  });
  wordIndexes.forEach((index, position) => {
    parts[index] = masked[position] as string;
  });
  return parts.join('');
}

/** Where inspect keeps a command as a list of words. */
const ARGUMENT_LISTS = new Set(['Cmd', 'Entrypoint', 'Args', 'Test']);
/** Where it keeps KEY=VALUE lists. */
const ASSIGNMENT_LISTS = new Set(['Env']);

/**
 * A copy of a JSON value (a container's inspect) with every secret masked: env entries, labels, log options and any
 * property by its name, commands by their arguments, and every string by its shape. Object keys are never changed.
 */
export function maskTree(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return maskValue(value);
  if (Array.isArray(value)) {
    if (ARGUMENT_LISTS.has(key) && value.every((item) => typeof item === 'string')) return maskArgs(value as string[]);
    if (ASSIGNMENT_LISTS.has(key)) return value.map((item) => (typeof item === 'string' ? maskAssignment(item) : maskTree(item)));
    return value.map((item) => maskTree(item));
  }
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([name, child]) => [name, typeof child === 'string' && looksSecret(name) && child !== '' ? MASK : maskTree(child, name)]),
  );
}
