import path from 'node:path';
import { BrowserWindow, Menu, app, dialog, protocol, session, shell, type WebContents } from 'electron';
import { createLogger, fileDestination, type Logger } from '../engine/src/log/logger';
import type { MinatoEngine } from '../engine/src/minato-engine';
import { startMinatoEngine } from '../engine/src/start-engine';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, APP_URL, appProtocolHandler } from './app-protocol';
import { attachIpcCarrier } from './ipc-carrier';
import { keepRunningOnUncaught } from '../engine/src/log/last-resort';
import { menuTemplate } from './menu';
import { CONTENT_SECURITY_POLICY, isAllowedPermission, isSafeExternalUrl, isSameOrigin, windowSecurityPreferences } from './security';

/** Navigation stays inside the app; new windows never open in Electron; http(s) links go to the system browser. */
export function guardWebContents(contents: WebContents, appUrl: string): void {
  // The URL is read from the event itself: the separate url argument is deprecated since Electron 25.
  contents.on('will-navigate', (event) => {
    if (!isSameOrigin(event.url, appUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isSameOrigin(event.url, appUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export interface WindowOptions {
  preload: string;
  /** Developer tools exist only in development (an unpackaged app). */
  devTools: boolean;
}

export function createMainWindow(engine: MinatoEngine, options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 560,
    title: 'Minato',
    show: false,
    webPreferences: windowSecurityPreferences(options.preload, { devTools: options.devTools }),
  });
  guardWebContents(window.webContents, APP_URL);
  attachIpcCarrier(window.webContents, engine, APP_URL);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_URL);
  return window;
}

/** The desktop app logs to a file in the OS's log folder (the user has no terminal to read). */
function desktopLogger(development: boolean): Logger {
  app.setAppLogsPath();
  const file = path.join(app.getPath('logs'), 'minato.log');
  return createLogger({ level: development ? 'debug' : 'info', destination: fileDestination(file) });
}

/** The shell's whole life: one instance, one window, the engine in this process, closed on quit. */
export async function runApp(): Promise<void> {
  // Must happen before `ready`: the scheme's privileges are fixed when the browser process starts.
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const development = !app.isPackaged;
  await app.whenReady();
  const logger = desktopLogger(development);
  keepRunningOnUncaught(process, logger, 'the main process');
  logger.info({ version: app.getVersion(), electron: process.versions.electron, development }, 'Minato starting');

  const root = path.join(__dirname, '..');
  protocol.handle(APP_SCHEME, appProtocolHandler(path.join(root, 'dist', 'renderer')));
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ platform: process.platform, development })));
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => callback(isAllowedPermission(permission, details.requestingUrl, APP_URL)));
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isAllowedPermission(permission, requestingOrigin, APP_URL));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  const engine = await startMinatoEngine({
    logger,
    // Engines added in Settings live beside Electron's own per-user data (the passphrase of a locked SSH key is asked
    // in the window, through engines:unlockKey, as in headless mode).
    settingsFile: path.join(app.getPath('userData'), 'settings.json'),
    // The Run form's "Choose a folder…" for bind mounts: a native dialog, only in the desktop app.
    pickFolder: async () => {
      const result = await dialog.showOpenDialog({ properties: ['openDirectory', 'createDirectory'] });
      return result.canceled ? undefined : result.filePaths[0];
    },
  }).catch((error: unknown) => {
    // Without an engine there is nothing to show: exit (with the reason in the log) instead of idling windowless.
    logger.fatal({ err: error }, 'the engine could not start');
    app.exit(1);
    return undefined;
  });
  if (!engine) return;
  const windowOptions: WindowOptions = { preload: path.join(__dirname, 'preload.cjs'), devTools: development };
  let window = createMainWindow(engine, windowOptions);
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = createMainWindow(engine, windowOptions);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => void engine.close());
}
