import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, app, dialog, session, shell, type WebContents } from 'electron';
import type { MinatoEngine } from '../engine/src/minato-engine';
import { startMinatoEngine } from '../engine/src/start-engine';
import { attachIpcCarrier } from './ipc-carrier';
import { CONTENT_SECURITY_POLICY, isSafeExternalUrl, isSameOrigin, windowSecurityPreferences } from './security';

/** Navigation stays inside the app; new windows never open in Electron; http(s) links go to the system browser. */
export function guardWebContents(contents: WebContents, appUrl: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isSameOrigin(url, appUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isSameOrigin(url, appUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function createMainWindow(engine: MinatoEngine, rendererDir: string, preload: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 560,
    title: 'Minato',
    show: false,
    webPreferences: windowSecurityPreferences(preload),
  });
  const appUrl = pathToFileURL(path.join(rendererDir, 'index.html')).toString();
  guardWebContents(window.webContents, appUrl);
  attachIpcCarrier(window.webContents, engine, appUrl);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appUrl);
  return window;
}

/** The shell's whole life: one instance, one window, the engine in this process, closed on quit. */
export async function runApp(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  const engine = await startMinatoEngine({
    // The Run form's "Choose a folder…" for bind mounts: a native dialog, only in the desktop app.
    pickFolder: async () => {
      const result = await dialog.showOpenDialog({ properties: ['openDirectory', 'createDirectory'] });
      return result.canceled ? undefined : result.filePaths[0];
    },
  });
  const root = path.join(__dirname, '..');
  const rendererDir = path.join(root, 'dist', 'renderer');
  const preload = path.join(__dirname, 'preload.cjs');
  let window = createMainWindow(engine, rendererDir, preload);
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = createMainWindow(engine, rendererDir, preload);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => void engine.close());
}
