import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { matchesPatternList } from './patterns';

/** What Minato takes from ~/.ssh/config for one host. */
export interface SshHostConfig {
  hostName?: string;
  user?: string;
  port?: number;
  /** In the order given; `~` and the %d %h %p %r %u %% tokens are expanded by `resolveSshTarget`. */
  identityFiles: string[];
  identitiesOnly?: boolean;
}

interface Block {
  /** Undefined for the lines before the first Host (they apply to every host). */
  patterns?: string[];
  options: Array<[keyword: string, value: string]>;
}

/** Splits `Keyword value`, `Keyword=value` and quoted values; comments and blank lines are skipped. */
function parseLine(line: string): [string, string] | undefined {
  const trimmed = line.trim();
  if (!trimmed || trimmed.startsWith('#')) return undefined;
  const match = /^(\S+?)(?:\s*=\s*|\s+)(.*)$/.exec(trimmed);
  if (!match?.[1] || match[2] === undefined) return undefined;
  return [match[1].toLowerCase(), match[2].trim()];
}

function splitArgs(value: string): string[] {
  return [...value.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
}

export function parseSshConfig(text: string): Block[] {
  const blocks: Block[] = [{ options: [] }];
  for (const line of text.split('\n')) {
    const parsed = parseLine(line);
    if (!parsed) continue;
    const [keyword, value] = parsed;
    if (keyword === 'host') blocks.push({ patterns: splitArgs(value), options: [] });
    // Match blocks need conditions Minato does not evaluate (exec, canonical…): none of their lines apply.
    else if (keyword === 'match') blocks.push({ patterns: [], options: [] });
    else blocks.at(-1)?.options.push([keyword, value]);
  }
  return blocks;
}

/** As OpenSSH: the first value obtained for a keyword wins, except IdentityFile, which accumulates. */
export function configForHost(blocks: Block[], host: string): SshHostConfig {
  const config: SshHostConfig = { identityFiles: [] };
  for (const block of blocks) {
    if (block.patterns && !matchesPatternList(block.patterns, host)) continue;
    for (const [keyword, value] of block.options) {
      const first = splitArgs(value)[0] ?? '';
      if (keyword === 'hostname') config.hostName ??= first;
      else if (keyword === 'user') config.user ??= first;
      else if (keyword === 'port' && config.port === undefined && /^\d+$/.test(first)) config.port = Number(first);
      else if (keyword === 'identityfile') config.identityFiles.push(first);
      else if (keyword === 'identitiesonly') config.identitiesOnly ??= first.toLowerCase() === 'yes';
    }
  }
  return config;
}

export async function readSshConfig(homeDir: string, host: string): Promise<SshHostConfig> {
  const text = await readFile(path.join(homeDir, '.ssh', 'config'), 'utf8').catch(() => '');
  return configForHost(parseSshConfig(text), host);
}

/** Where to connect and as whom, with what the address says first and ~/.ssh/config filling the rest. */
export interface SshTarget {
  /** The name as given (ssh_config's `%n`), used for known_hosts only when no HostName replaces it. */
  alias: string;
  host: string;
  port: number;
  user: string;
  identityFiles: string[];
  identitiesOnly: boolean;
}

export function resolveSshTarget(
  address: { host: string; port?: number; user?: string },
  config: SshHostConfig,
  local: { homeDir: string; user: string },
): SshTarget {
  const host = config.hostName ? config.hostName.replaceAll('%h', address.host) : address.host;
  const port = address.port ?? config.port ?? 22;
  const user = address.user ?? config.user ?? local.user;
  const expand = (file: string) =>
    file
      .replace(/^~(?=\/|$)/, local.homeDir)
      .replace(/%(.)/g, (whole, token: string) => {
        const tokens: Record<string, string> = { d: local.homeDir, h: host, p: String(port), r: user, u: local.user, '%': '%' };
        return tokens[token] ?? whole;
      });
  return {
    alias: address.host,
    host,
    port,
    user,
    identityFiles: config.identityFiles.map(expand),
    identitiesOnly: config.identitiesOnly ?? false,
  };
}

/** OpenSSH's default identities, tried when the config names none (or after those it names). */
export function defaultIdentityFiles(homeDir: string): string[] {
  return ['id_rsa', 'id_ecdsa', 'id_ecdsa_sk', 'id_ed25519', 'id_ed25519_sk', 'id_dsa'].map((name) => path.join(homeDir, '.ssh', name));
}
