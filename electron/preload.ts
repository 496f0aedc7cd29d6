import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { MESSAGE_CHANNEL } from './channels';

// A transport, not an API: adding a procedure to the contract never changes this file.
contextBridge.exposeInMainWorld('minatoTransport', {
  send(message: unknown) {
    ipcRenderer.send(MESSAGE_CHANNEL, message);
  },
  onMessage(listener: (message: unknown) => void) {
    const handler = (_event: IpcRendererEvent, message: unknown) => listener(message);
    ipcRenderer.on(MESSAGE_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(MESSAGE_CHANNEL, handler);
    };
  },
});
