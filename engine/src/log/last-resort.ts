import type { Logger } from './logger';

/**
 * The engine process serves every window (desktop) or browser tab (headless): one bad request whose error nobody
 * caught must not drop every other terminal and stream. Such an error is a bug, so it is logged loudly with its
 * stack (through the masking logger) and the process carries on; each request's own error handling stays the real fix.
 * `host` names the process in the log line ("the main process", "the server").
 */
export function keepRunningOnUncaught(target: NodeJS.EventEmitter, logger: Logger, host: string): () => void {
  const onException = (error: unknown) => logger.error({ err: error }, `uncaught exception (${host} keeps running)`);
  const onRejection = (reason: unknown) =>
    logger.error({ err: reason }, `unhandled promise rejection (${host} keeps running)`);
  target.on('uncaughtException', onException);
  target.on('unhandledRejection', onRejection);
  return () => {
    target.removeListener('uncaughtException', onException);
    target.removeListener('unhandledRejection', onRejection);
  };
}
