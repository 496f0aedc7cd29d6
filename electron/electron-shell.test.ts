import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionFactory, type MinatoEngine } from '../engine/src/minato-engine';
import type { EngineHandlers } from '../engine/src/rpc/handlers';

vi.mock('electron', async () => import('./electron-fakes'));

const fakes = await import('./electron-fakes');
const { createMainWindow } = await import('./app');
const { MESSAGE_CHANNEL } = await import('./channels');

const info = { id: 'local', name: 'Local', endpoint: 'unix:///x', source: 'default', state: 'connected', since: 0 } as const;
const handlers = { procedures: { 'engines:list': async () => [info] }, subscriptions: {} } as unknown as EngineHandlers;
const engine: MinatoEngine = { handlers, openSession: sessionFactory(handlers), close: async () => {} };

beforeEach(() => {
  fakes.createdWindows.length = 0;
  fakes.ipcMain.removeAllListeners();
  fakes.shell.openExternal.mockClear();
});
afterEach(() => vi.clearAllMocks());

function openWindow() {
  const window = createMainWindow(engine, { preload: '/opt/minato/dist-electron/preload.cjs', devTools: false });
  return { window, contents: (window as unknown as { webContents: InstanceType<typeof fakes.FakeWebContents> }).webContents };
}

describe('the Electron shell', () => {
  it('opens one isolated, sandboxed window without developer tools on the app scheme', () => {
    openWindow();
    const [created] = fakes.createdWindows;
    expect(created?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      devTools: false,
      preload: '/opt/minato/dist-electron/preload.cjs',
    });
    expect((created as unknown as { url: string }).url).toBe('app://minato/index.html');
  });

  it('blocks navigation to foreign origins and keeps in-app navigation', () => {
    const { contents } = openWindow();
    expect(contents.emitPreventable('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.emitPreventable('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.emitPreventable('will-navigate', 'file:///opt/minato/dist/renderer/index.html')).toBe(true);
    expect(contents.emitPreventable('will-navigate', 'app://minato.evil/index.html')).toBe(true);
    expect(contents.emitPreventable('will-redirect', 'app://other/index.html')).toBe(true);
    expect(contents.emitPreventable('will-navigate', 'app://minato/index.html#x')).toBe(false);
    expect(contents.emitPreventable('will-attach-webview')).toBe(true);
  });

  it('denies every new window and opens only http(s) links in the system browser', () => {
    const { contents } = openWindow();
    expect(contents.windowOpenHandler?.({ url: 'http://localhost:8080' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(fakes.shell.openExternal).toHaveBeenCalledTimes(1);
    expect(fakes.shell.openExternal).toHaveBeenCalledWith('http://localhost:8080');
  });

  it('carries contract messages from the main frame only', async () => {
    const { contents } = openWindow();
    const message = { t: 'call', id: 1, method: 'engines:list', input: {} };
    fakes.ipcMain.emit(MESSAGE_CHANNEL, { sender: contents, senderFrame: { url: 'https://evil.example/' } }, message);
    fakes.ipcMain.emit(MESSAGE_CHANNEL, { sender: contents, senderFrame: { url: 'file:///opt/minato/dist/renderer/index.html' } }, message);
    fakes.ipcMain.emit(MESSAGE_CHANNEL, { sender: contents, senderFrame: { url: contents.mainFrame.url } }, message); // a subframe
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(contents.sent).toEqual([]);
    fakes.ipcMain.emit(MESSAGE_CHANNEL, { sender: contents, senderFrame: contents.mainFrame }, message);
    await new Promise((resolve) => setTimeout(resolve, 10));
    // Any answer to call 1 proves the session got it (the shape of EngineInfo is the contract's business, not the carrier's).
    expect(contents.sent).toEqual([[MESSAGE_CHANNEL, expect.objectContaining({ id: 1 })]]);
  });

  it('stops listening when the window goes away', () => {
    const { contents } = openWindow();
    expect(fakes.ipcMain.listenerCount(MESSAGE_CHANNEL)).toBe(1);
    contents.emit('destroyed');
    expect(fakes.ipcMain.listenerCount(MESSAGE_CHANNEL)).toBe(0);
  });

  it('preload exposes a transport (send, onMessage) and nothing else', async () => {
    await import('./preload');
    expect(Object.keys(fakes.exposed)).toEqual(['minatoTransport']);
    const transport = fakes.exposed.minatoTransport as { send(message: unknown): void; onMessage(listener: (m: unknown) => void): () => void };
    expect(Object.keys(transport).sort()).toEqual(['onMessage', 'send']);
    transport.send({ t: 'unsub', id: 3 });
    expect(fakes.ipcRenderer.send).toHaveBeenCalledWith(MESSAGE_CHANNEL, { t: 'unsub', id: 3 });
    const seen: unknown[] = [];
    const stop = transport.onMessage((message) => seen.push(message));
    fakes.ipcRenderer.emit(MESSAGE_CHANNEL, {}, { t: 'end', id: 3 });
    stop();
    fakes.ipcRenderer.emit(MESSAGE_CHANNEL, {}, { t: 'end', id: 4 });
    expect(seen).toEqual([{ t: 'end', id: 3 }]);
  });
});
