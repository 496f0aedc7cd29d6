/**
 * The headless server's token as this tab holds it. It arrives once in `?token=`, then lives in sessionStorage (this
 * tab only, gone when it closes) and travels only in the WebSocket handshake: never in a cookie, which the browser
 * would also hand to every other server on this host.
 */

const STORAGE_KEY = 'minato.token';

interface AddressBar {
  location: { href: string };
  history: { state: unknown; replaceState(state: unknown, unused: string, url: string): void };
  sessionStorage: Pick<Storage, 'getItem' | 'setItem'>;
}

/** Moves `?token=` into sessionStorage and out of the address bar (and of history); returns the tab's token. */
export function takePageToken(page: AddressBar): string | undefined {
  const url = new URL(page.location.href);
  const offered = url.searchParams.get('token');
  if (offered) {
    page.sessionStorage.setItem(STORAGE_KEY, offered);
    url.searchParams.delete('token');
    page.history.replaceState(page.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  }
  return page.sessionStorage.getItem(STORAGE_KEY) ?? undefined;
}

export function keepPageToken(storage: Pick<Storage, 'setItem'>, token: string): void {
  storage.setItem(STORAGE_KEY, token);
}

/** What a person pasted: the printed address (its `token`) or the bare token. Undefined when there is none. */
export function tokenFromPaste(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  if (/^https?:\/\//i.test(trimmed)) {
    try {
      return new URL(trimmed).searchParams.get('token') || undefined;
    } catch {
      return undefined;
    }
  }
  return trimmed;
}

/** Hex of the token's UTF-8: fits the subprotocol grammar and HTTP headers whatever characters MINATO_TOKEN has. */
export function encodeToken(token: string): string {
  return Array.from(new TextEncoder().encode(token), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Offered in the WebSocket handshake; the server answers with plain `minato` and never echoes the token. */
export function tokenProtocols(token: string): string[] {
  return ['minato', `minato.token.${encodeToken(token)}`];
}
