import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/** Small stand-ins for the Electron modules, for unit tests only (the Electron binary cannot run here). */
export class FakeWebContents extends EventEmitter {
  sent: Array<[string, unknown]> = [];
  mainFrame = { url: '' };
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  destroyed = false;
  isDestroyed() {
    return this.destroyed;
  }
  send(channel: string, message: unknown) {
    this.sent.push([channel, message]);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  /** Emits a cancellable Electron event (its details carry the URL, as Electron's do) and says whether it was prevented. */
  emitPreventable(name: string, url?: string): boolean {
    let prevented = false;
    this.emit(name, { url, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

export const ipcMain = new EventEmitter();
export const shell = { openExternal: vi.fn(async () => undefined) };
export const exposed: Record<string, unknown> = {};
export const contextBridge = {
  exposeInMainWorld: (key: string, api: unknown) => {
    exposed[key] = api;
  },
};
export const ipcRenderer = Object.assign(new EventEmitter(), { send: vi.fn() });
export const createdWindows: Array<{ options: { webPreferences: Record<string, unknown> }; webContents: FakeWebContents; url?: string }> = [];

export class BrowserWindow extends EventEmitter {
  webContents = new FakeWebContents();
  url: string | undefined;
  constructor(readonly options: { webPreferences: Record<string, unknown> }) {
    super();
    createdWindows.push(this);
  }
  async loadURL(url: string) {
    this.url = url;
    this.webContents.mainFrame.url = url;
  }
  show() {}
  static getAllWindows() {
    return createdWindows;
  }
}
