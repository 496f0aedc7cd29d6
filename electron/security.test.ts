import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl, isSameOrigin, isTrustedSender, windowSecurityPreferences } from './security';

const app = 'file:///opt/Minato/resources/app/dist/renderer/index.html';

describe('electron security decisions', () => {
  it('keeps the renderer isolated and sandboxed', () => {
    expect(windowSecurityPreferences('/p.cjs')).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  });

  it('compares origins by parsed parts, not prefixes', () => {
    expect(isSameOrigin(`${app}#containers`, app)).toBe(true);
    expect(isSameOrigin('file:///opt/Minato/resources/app/dist/renderer/index.html.evil', app)).toBe(false);
    expect(isSameOrigin('file:///etc/passwd', app)).toBe(false);
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
  });
});
