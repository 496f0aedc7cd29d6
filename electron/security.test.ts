import { describe, expect, it } from 'vitest';
import { isAllowedPermission, isSafeExternalUrl, isSameOrigin, isTrustedSender, windowSecurityPreferences } from './security';

const app = 'app://minato/index.html';

describe('electron security decisions', () => {
  it('keeps the renderer isolated and sandboxed', () => {
    expect(windowSecurityPreferences('/p.cjs')).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, devTools: false });
    expect(windowSecurityPreferences('/p.cjs', { devTools: true })).toMatchObject({ sandbox: true, devTools: true });
  });

  it('compares origins by parsed parts, not prefixes', () => {
    expect(isSameOrigin(`${app}#containers`, app)).toBe(true);
    expect(isSameOrigin('app://minato/assets/index.js', app)).toBe(true);
    expect(isSameOrigin('app://minato.evil/index.html', app)).toBe(false);
    expect(isSameOrigin('app://minatoevil/index.html', app)).toBe(false);
    expect(isSameOrigin('apps://minato/index.html', app)).toBe(false);
    expect(isSameOrigin('file:///etc/passwd', app)).toBe(false);
    // file: pages share one opaque origin with every file on disk: never the app, even the app's own file.
    expect(isSameOrigin('file:///opt/Minato/index.html', 'file:///opt/Minato/index.html')).toBe(false);
    expect(isSameOrigin('https://example.com/', app)).toBe(false);
    expect(isSameOrigin('http://localhost:5173/x', 'http://localhost:5173/')).toBe(true);
    expect(isSameOrigin('http://localhost:5173.evil.example/', 'http://localhost:5173/')).toBe(false);
    expect(isSameOrigin('not a url', app)).toBe(false);
  });

  it('opens only http(s) links externally', () => {
    expect(isSafeExternalUrl('http://localhost:8080')).toBe(true);
    expect(isSafeExternalUrl('https://docs.docker.com/')).toBe(true);
    expect(isSafeExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeExternalUrl('smb://host/share')).toBe(false);
  });

  it('trusts only the main frame of the app', () => {
    expect(isTrustedSender(app, true, app)).toBe(true);
    expect(isTrustedSender(app, false, app)).toBe(false);
    expect(isTrustedSender('https://evil.example/', true, app)).toBe(false);
    expect(isTrustedSender(undefined, true, app)).toBe(false);
    expect(isTrustedSender('file:///opt/Minato/resources/app/dist/renderer/index.html', true, app)).toBe(false);
  });

  it('grants notifications to the app\'s own page and nothing else to anyone', () => {
    expect(isAllowedPermission('notifications', `${app}#images`, app)).toBe(true);
    expect(isAllowedPermission('notifications', 'https://evil.example/', app)).toBe(false);
    expect(isAllowedPermission('notifications', undefined, app)).toBe(false);
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen']) {
      expect(isAllowedPermission(permission, app, app), permission).toBe(false);
    }
  });
});
