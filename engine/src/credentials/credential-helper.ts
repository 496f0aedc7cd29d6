import { execFile } from 'node:child_process';

/** `docker-credential-NAME`: the name is a word, so it can only ever name a program on PATH. */
const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
/** What helpers print when they hold nothing for a server (the CLI treats it as "no login"). */
const NOT_FOUND = /credentials not found/i;

export interface HelperCredentials {
  username: string;
  secret: string;
}

export class CredentialHelperError extends Error {
  constructor(
    readonly helper: string,
    readonly action: string,
    reason: string,
  ) {
    super(`docker-credential-${helper} ${action} failed: ${reason}`);
    this.name = 'CredentialHelperError';
  }
}

export interface HelperOptions {
  env: Record<string, string | undefined>;
  timeoutMs?: number;
}

interface HelperRun {
  stdout: string;
  failed: boolean;
  reason: string;
}

/** Runs the helper without a shell, the protocol's text on stdin; what it says is returned, never thrown as is. */
function runHelper(helper: string, action: string, input: string, { env, timeoutMs = 15_000 }: HelperOptions): Promise<HelperRun> {
  if (!HELPER_NAME.test(helper)) return Promise.reject(new CredentialHelperError(helper, action, 'not a credential helper name'));
  return new Promise((resolve) => {
    const child = execFile(
      `docker-credential-${helper}`,
      [action],
      { env: env as NodeJS.ProcessEnv, timeout: timeoutMs, maxBuffer: 1024 * 1024, windowsHide: true },
      (error, stdout) => {
        if (!error) return resolve({ stdout, failed: false, reason: '' });
        const code = (error as NodeJS.ErrnoException).code;
        const reason = code === 'ENOENT' ? 'the program is not on PATH' : error.killed ? `no answer within ${timeoutMs / 1000} s` : `exit code ${String(error.code ?? 'unknown')}`;
        resolve({ stdout, failed: true, reason });
      },
    );
    // A helper that exits before reading its input closes the pipe: that is its failure to report, not a crash here.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input);
  });
}

/**
 * The helper's own words about a failure, kept only when they cannot hold the secret: a helper that echoes its input
 * would otherwise put the password into an error message.
 */
function failureReason(run: HelperRun, secrets: string[]): string {
  const said = run.stdout.trim().split('\n')[0]?.slice(0, 200) ?? '';
  if (said === '' || secrets.some((secret) => secret !== '' && said.includes(secret))) return run.reason;
  return `${said} (${run.reason})`;
}

/** The login a helper holds for a server, or undefined when it holds none. */
export async function helperGet(helper: string, serverUrl: string, options: HelperOptions): Promise<HelperCredentials | undefined> {
  const run = await runHelper(helper, 'get', serverUrl, options);
  if (run.failed) {
    if (NOT_FOUND.test(run.stdout)) return undefined;
    // Its stdout may hold a secret when it fails half-way: only the exit reason is told.
    throw new CredentialHelperError(helper, 'get', run.reason);
  }
  let parsed: { Username?: unknown; Secret?: unknown };
  try {
    parsed = JSON.parse(run.stdout) as typeof parsed;
  } catch {
    throw new CredentialHelperError(helper, 'get', 'its answer is not JSON');
  }
  const username = typeof parsed.Username === 'string' ? parsed.Username : '';
  const secret = typeof parsed.Secret === 'string' ? parsed.Secret : '';
  // Some helpers (docker-credential-pass 0.6) answer an unknown server with empty fields instead of an error.
  if (username === '' && secret === '') return undefined;
  return { username, secret };
}

export async function helperStore(helper: string, serverUrl: string, credentials: HelperCredentials, options: HelperOptions): Promise<void> {
  const input = JSON.stringify({ ServerURL: serverUrl, Username: credentials.username, Secret: credentials.secret });
  const run = await runHelper(helper, 'store', input, options);
  if (run.failed) throw new CredentialHelperError(helper, 'store', failureReason(run, [credentials.secret]));
}

export async function helperErase(helper: string, serverUrl: string, options: HelperOptions): Promise<void> {
  const run = await runHelper(helper, 'erase', serverUrl, options);
  if (run.failed && !NOT_FOUND.test(run.stdout)) throw new CredentialHelperError(helper, 'erase', failureReason(run, []));
}

/** Server → user name of every login the helper holds. */
export async function helperList(helper: string, options: HelperOptions): Promise<Record<string, string>> {
  const run = await runHelper(helper, 'list', '', options);
  if (run.failed) throw new CredentialHelperError(helper, 'list', failureReason(run, []));
  const parsed: unknown = JSON.parse(run.stdout || '{}');
  if (typeof parsed !== 'object' || parsed === null) return {};
  return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
