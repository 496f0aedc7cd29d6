import { randomBytes } from 'node:crypto';

/** 24 random bytes (192 bits) as base64url: 32 characters that travel in a URL and a cookie unescaped. */
const TOKEN_BYTES = 24;

/** The secret a browser must present: MINATO_TOKEN when set (a stable bookmark), else a fresh one per run. */
export function serveToken(env: NodeJS.ProcessEnv): string {
  return env.MINATO_TOKEN || randomBytes(TOKEN_BYTES).toString('base64url');
}
