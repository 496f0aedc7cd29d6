/** Electron security decisions as plain functions, so they are unit-tested without the Electron binary. */

export function windowSecurityPreferences(preload: string, options: { devTools: boolean } = { devTools: false }) {
  return {
    preload,
    devTools: options.devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  } as const;
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * Same origin by parsed parts, never by string prefix ("app://minato" must not admit "app://minato.evil").
 * file: URLs have no origin of their own (every file shares one), so a file: page is never the app.
 */
export function isSameOrigin(candidate: string, appUrl: string): boolean {
  const a = parse(candidate);
  const b = parse(appUrl);
  if (!a || !b || a.protocol === 'file:' || b.protocol === 'file:') return false;
  return a.protocol === b.protocol && a.host === b.host;
}

/** Only web links leave the app, and only to the system browser. */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== undefined && (parsed.protocol === 'http:' || parsed.protocol === 'https:');
}

/** IPC is accepted only from the window's own main frame showing the app. */
export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean, appUrl: string): boolean {
  return isMainFrame && frameUrl !== undefined && isSameOrigin(frameUrl, appUrl);
}

/**
 * The one permission the app asks for: desktop notifications (a long task ended while the window was in the
 * background), and only for the app's own page. Camera, microphone, geolocation, clipboard reads… stay refused.
 */
export function isAllowedPermission(permission: string, requestingUrl: string | undefined, appUrl: string): boolean {
  return permission === 'notifications' && requestingUrl !== undefined && isSameOrigin(requestingUrl, appUrl);
}
