import { ipcMain, type IpcMainEvent, type WebContents } from 'electron';
import type { MinatoEngine } from '../engine/src/minato-engine';
import type { Session } from '../engine/src/rpc/session';
import { MESSAGE_CHANNEL } from './channels';
import { isTrustedSender } from './security';

/**
 * The Electron carrier: contract messages between one window and the engine. A reload or navigation starts a fresh
 * session (the old page's subscriptions are disposed); messages from any frame but the app's main frame are dropped.
 */
export function attachIpcCarrier(contents: WebContents, engine: MinatoEngine, appUrl: string): () => void {
  const open = (): Session =>
    engine.openSession((message) => {
      if (!contents.isDestroyed()) contents.send(MESSAGE_CHANNEL, message);
    });
  let session = open();

  const onMessage = (event: IpcMainEvent, raw: unknown) => {
    if (event.sender !== contents) return;
    const frame = event.senderFrame;
    if (!isTrustedSender(frame?.url, frame !== null && frame === contents.mainFrame, appUrl)) return;
    session.receive(raw);
  };
  const onNavigate = () => {
    session.close();
    session = open();
  };
  ipcMain.on(MESSAGE_CHANNEL, onMessage);
  contents.on('did-navigate', onNavigate);

  const dispose = () => {
    ipcMain.removeListener(MESSAGE_CHANNEL, onMessage);
    contents.removeListener('did-navigate', onNavigate);
    session.close();
  };
  contents.once('destroyed', dispose);
  return dispose;
}
