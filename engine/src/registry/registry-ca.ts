import { X509Certificate } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { MinatoError } from '../../contract';

/** A certificate authority trusted for one registry: its PEM, its subject, and the file it came from if any. */
export interface RegistryAuthority {
  pem: string;
  subject: string;
  file?: string;
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** The subject's common name, or the whole subject when it has none. */
function subjectOf(certificate: X509Certificate): string {
  const cn = /^CN=(.*)$/m.exec(certificate.subject)?.[1];
  return cn ?? certificate.subject.replace(/\n/g, ', ');
}

/**
 * Reads PEM text (one certificate or a bundle) as the authorities it holds; anything else is refused with a message
 * for the field, so a typo never becomes "trust nothing" or a broken registry entry.
 */
export function readAuthorities(text: string, file?: string): RegistryAuthority[] {
  const blocks = text.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) throw new MinatoError('invalid-input', { key: 'registry.badCa', params: { reason: 'no -----BEGIN CERTIFICATE----- block' } });
  return blocks.map((pem) => {
    let certificate: X509Certificate;
    try {
      certificate = new X509Certificate(pem);
    } catch {
      throw new MinatoError('invalid-input', { key: 'registry.badCa', params: { reason: 'the certificate does not parse' } });
    }
    return { pem: `${pem}\n`, subject: subjectOf(certificate), ...(file ? { file } : {}) };
  });
}

/**
 * The docker CLI's and the engine's convention for a registry's private CA: `certs.d/<host:port>/*.crt` under the
 * CLI's config folder (`DOCKER_CONFIG`, or `~/.docker`) and under `/etc/docker`. The folders to look in.
 */
export function certsFolders(env: NodeJS.ProcessEnv, homeDir: string): string[] {
  return [path.join(env.DOCKER_CONFIG ?? path.join(homeDir, '.docker'), 'certs.d'), '/etc/docker/certs.d'];
}

/**
 * The `*.crt` files of `<folder>/<address>/` (the address is host[:port], checked by the contract's grammar, so it
 * names one folder), read now: a CA put there later is used on the next request. A file that does not parse is left
 * out rather than failing every request (the engine would refuse it too).
 */
export async function authoritiesInCertsFolders(folders: readonly string[], address: string): Promise<RegistryAuthority[]> {
  const found: RegistryAuthority[] = [];
  for (const folder of folders) {
    const dir = path.join(folder, address);
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter((entry) => entry.endsWith('.crt')).sort()) {
      const file = path.join(dir, name);
      const text = await readFile(file, 'utf8').catch(() => '');
      try {
        found.push(...readAuthorities(text, file));
      } catch {
        // Not a certificate: skipped.
      }
    }
  }
  return found;
}
