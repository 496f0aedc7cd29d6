import type { Logger } from './log/logger';
import type { EngineHandlers } from './rpc/handlers';
import { createSession, type Session } from './rpc/session';
import type { ServerMessage } from '../contract';

export interface MinatoEngineOptions {
  env?: NodeJS.ProcessEnv;
  homeDir?: string;
  platform?: NodeJS.Platform;
  /** The desktop shell's folder dialog; absent in headless mode, where paths are typed. */
  pickFolder?: () => Promise<string | undefined>;
  /** Where the engine reports what it recovered from (debug) and what went wrong; silent when absent. */
  logger?: Logger;
  /** Minato's settings file (engines added in Settings); default: the platform's per-user config folder. */
  settingsFile?: string;
  /** The shell's prompt for an encrypted SSH key's passphrase (kept in memory only). */
  askPassphrase?: (keyFile: string) => Promise<string | undefined>;
}

/** The engine as the carriers see it: open one session per connected client, close everything at exit. */
export interface MinatoEngine {
  handlers: EngineHandlers;
  openSession(send: (message: ServerMessage) => void): Session;
  close(): Promise<void>;
}

export function sessionFactory(handlers: EngineHandlers, logger?: Logger) {
  return (send: (message: ServerMessage) => void): Session => createSession(handlers, send, logger);
}
