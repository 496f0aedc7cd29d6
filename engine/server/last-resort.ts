import type { Logger } from '../src/log/logger';

/**
 * Headless mode serves every browser tab from one process: an error nobody caught (a bug in some request's handling)
 * must not drop every other tab's terminals and streams. It is logged with its stack and the server keeps serving;
 * the request's own error handling stays the real fix.
 */
export function keepServingOnUncaught(target: NodeJS.EventEmitter, logger: Logger): () => void {
  const onException = (error: unknown) => logger.error({ err: error }, 'uncaught exception (the server keeps serving)');
  const onRejection = (reason: unknown) => logger.error({ err: reason }, 'unhandled promise rejection (the server keeps serving)');
  target.on('uncaughtException', onException);
  target.on('unhandledRejection', onRejection);
  return () => {
    target.removeListener('uncaughtException', onException);
    target.removeListener('unhandledRejection', onRejection);
  };
}
