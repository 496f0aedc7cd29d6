import { randomBytes } from 'node:crypto';

/** 24 random bytes (192 bits) as base64url: 32 characters that travel in a URL and a cookie unescaped. */
const TOKEN_BYTES = 24;
/** The least a chosen token must carry: it is all that stands between a browser and root on this host. */
export const MIN_TOKEN_BITS = 128;

/**
 * What a chosen token can carry at most, from the smallest usual alphabet that holds all its characters: hex gives
 * 4 bits a character, base64(url) 6, anything else about 6.5 (printable ASCII). A generous upper bound: a token
 * that fails it is surely too weak.
 */
export function tokenBits(token: string): number {
  const perCharacter = /^[0-9a-f]+$/i.test(token) ? 4 : /^[A-Za-z0-9_+/=-]+$/.test(token) ? 6 : Math.log2(95);
  return Math.floor([...token].length * perCharacter);
}

/** The secret a browser must present: MINATO_TOKEN when set (a stable bookmark), else a fresh one per run. */
export function serveToken(env: NodeJS.ProcessEnv): string {
  const chosen = env.MINATO_TOKEN;
  if (!chosen) return randomBytes(TOKEN_BYTES).toString('base64url');
  if (tokenBits(chosen) < MIN_TOKEN_BITS) {
    throw new Error(
      `MINATO_TOKEN is too short: it carries at most ${tokenBits(chosen)} bits, and the token guards root on this host, ` +
        `so it needs at least ${MIN_TOKEN_BITS} (32 hex or 22 base64url characters). Make one with ` +
        '`openssl rand -hex 16`, or leave MINATO_TOKEN unset for a fresh token each run.',
    );
  }
  return chosen;
}
