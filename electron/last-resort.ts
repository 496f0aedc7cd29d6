import type { Logger } from '../engine/src/log/logger';

/**
 * The main process hosts the engine: one bad request whose error nobody caught must not close every window and
 * drop every terminal. Such an error is a bug, so it is logged loudly with its stack, and the app carries on; each
 * request's own error handling stays the real fix.
 */
export function installLastResortHandlers(target: NodeJS.EventEmitter, logger: Logger): () => void {
  const onException = (error: unknown) => logger.error({ err: error }, 'uncaught exception in the main process (kept running)');
  const onRejection = (reason: unknown) => logger.error({ err: reason }, 'unhandled promise rejection in the main process (kept running)');
  target.on('uncaughtException', onException);
  target.on('unhandledRejection', onRejection);
  return () => {
    target.removeListener('uncaughtException', onException);
    target.removeListener('unhandledRejection', onRejection);
  };
}
