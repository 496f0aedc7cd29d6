import net from 'node:net';
import { readFile } from 'node:fs/promises';
import ssh2 from 'ssh2';
import { fingerprintOf, keyTypeOf, type KnownHosts } from '../remote/known-hosts';
import { createPassphrases } from '../remote/ssh-auth';
import type { RemoteDeps } from '../remote/transport';
import { keyBlobOf, type VmLayout } from './vm-layout';

/**
 * The VM's host key is the one Minato made and put in: it is the only key accepted, whatever ~/.ssh/known_hosts
 * says about 127.0.0.1 (nothing there is consulted or written). Any other key is "changed": refused.
 */
export function pinnedKnownHosts(hostPublicKeyLine: string): KnownHosts {
  const pinned = keyBlobOf(hostPublicKeyLine);
  return {
    async check(host, port, blob) {
      const facts = { host, port, keyType: keyTypeOf(blob), fingerprint: fingerprintOf(blob) };
      return { verdict: pinned && pinned.equals(blob) ? 'known' : 'changed', facts };
    },
    accept: async () => false,
  };
}

/** How the VM's engine reaches it: its folder is the SSH "home" (its key and config), no agent, the pinned key. */
export async function vmRemoteDeps(layout: VmLayout, keepalive?: RemoteDeps['keepalive']): Promise<RemoteDeps> {
  const hostLine = await readFile(layout.hostPublicKey, 'utf8');
  return {
    homeDir: layout.folder,
    env: {},
    knownHosts: pinnedKnownHosts(hostLine),
    passphrases: createPassphrases(),
    insecureAllowed: () => false,
    // An emulated (tcg) guest on a busy machine can take seconds to answer: 5 s × 3 notices a dead link in about
    // 20 s without taking a slow VM for a dead one.
    keepalive: keepalive ?? { intervalMs: 5000, countMax: 3 },
  };
}

/** QEMU accepts on the forwarded port before sshd runs: only the server's banner says sshd is there. */
export function sshBanner(port: number, timeoutMs = 3000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    const done = (answer: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
      if (text.startsWith('SSH-')) done(true);
      else if (text.length > 4) done(false);
    });
    socket.on('error', () => done(false));
    socket.on('close', () => done(false));
  });
}

/** One command over a short SSH session with the VM's key and pinned host key (stop: poweroff; diagnostics). */
export async function sshRun(layout: VmLayout, port: number, command: string, timeoutMs = 15_000): Promise<{ code: number | undefined; output: string }> {
  const [key, hostLine] = await Promise.all([readFile(layout.userKey), readFile(layout.hostPublicKey, 'utf8')]);
  const pinned = keyBlobOf(hostLine);
  const client = new ssh2.Client();
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      client.end();
      reject(new Error(`SSH to the VM: no answer within ${timeoutMs / 1000} s.`));
    }, timeoutMs);
    const finish = (result: { code: number | undefined; output: string } | Error) => {
      clearTimeout(timer);
      client.end();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    client.on('error', (error) => finish(error));
    client.on('ready', () => {
      client.exec(command, (error, channel) => {
        if (error) return finish(error);
        channel.on('data', (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-8000)));
        channel.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-8000)));
        channel.on('exit', (code: number | null) => finish({ code: code ?? undefined, output }));
        // poweroff may drop the connection before an exit status is sent.
        channel.on('close', () => finish({ code: undefined, output }));
      });
    });
    client.connect({
      host: '127.0.0.1',
      port,
      username: 'minato',
      privateKey: key,
      readyTimeout: Math.min(timeoutMs, 10_000),
      hostVerifier: (blob: Buffer) => pinned !== undefined && pinned.equals(blob),
    } as Parameters<ssh2.Client['connect']>[0]);
  });
}
