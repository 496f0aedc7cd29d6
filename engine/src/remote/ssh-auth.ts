import { readFile } from 'node:fs/promises';
import ssh2, { type AuthenticationType, type AuthHandlerMiddleware, type NextAuthHandler } from 'ssh2';
import { defaultIdentityFiles, type SshTarget } from './ssh-config';

/**
 * Passphrases of encrypted key files, kept in memory for this run only (never written anywhere). `ask` is the
 * shell's prompt when it has one; without it a locked key is reported so the UI can ask and call `set`.
 */
export interface Passphrases {
  get(keyFile: string): string | undefined;
  set(keyFile: string, passphrase: string): void;
  ask?: (keyFile: string) => Promise<string | undefined>;
}

export function createPassphrases(ask?: (keyFile: string) => Promise<string | undefined>): Passphrases {
  const known = new Map<string, string>();
  return {
    get: (keyFile) => known.get(keyFile),
    set: (keyFile, passphrase) => void known.set(keyFile, passphrase),
    ...(ask ? { ask } : {}),
  };
}

export interface AuthPlan {
  handler: AuthHandlerMiddleware;
  /** An encrypted key that was skipped for want of its passphrase (so a failure can say which). */
  lockedKey(): string | undefined;
}

type Method = Exclude<AuthenticationType, 'none'>;

/** ssh-agent's keys first, then the identity files (the config's, else OpenSSH's defaults), as `ssh` tries them. */
export function authPlan(target: SshTarget, agents: string[], homeDir: string, passphrases: Passphrases): AuthPlan {
  const files = target.identityFiles.length > 0 ? target.identityFiles : defaultIdentityFiles(homeDir);
  const steps: Array<() => Promise<Record<string, unknown> | undefined>> = [];
  let locked: string | undefined;
  // IdentitiesOnly: only the configured files, as OpenSSH does (the agent may hold many keys, and servers count tries).
  if (!target.identitiesOnly) for (const agent of agents) steps.push(async () => ({ type: 'agent', username: target.user, agent }));
  for (const file of files) {
    steps.push(async () => {
      const data = await readFile(file).catch(() => undefined);
      if (!data) return undefined;
      const plain = ssh2.utils.parseKey(data);
      if (!(plain instanceof Error)) return { type: 'publickey', username: target.user, key: data };
      if (!/encrypted|passphrase/i.test(plain.message)) return undefined;
      const passphrase = passphrases.get(file) ?? (await passphrases.ask?.(file));
      // Decrypting is slow (bcrypt KDF in JavaScript): the key is handed over already parsed, never decrypted twice.
      const unlocked = passphrase === undefined ? undefined : ssh2.utils.parseKey(data, passphrase);
      if (passphrase === undefined || !unlocked || unlocked instanceof Error) {
        locked ??= file;
        return undefined;
      }
      passphrases.set(file, passphrase);
      return { type: 'publickey', username: target.user, key: unlocked };
    });
  }
  const handler = (_methodsLeft: Method[], _partial: boolean | null, next: NextAuthHandler) => {
    const take = async (): Promise<void> => {
      const step = steps.shift();
      if (!step) return next(false as never);
      const method = await step().catch(() => undefined);
      if (method) return next(method as never);
      return take();
    };
    // ssh2 waits for next(); each step's failure is caught above and moves on to the next method.
    void take();
  };
  return { handler: handler as unknown as AuthHandlerMiddleware, lockedKey: () => locked };
}
