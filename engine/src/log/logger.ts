import pino, { type DestinationStream, type Level } from 'pino';
import { REDACTED, maskSecrets } from './redact';

/** The engine's logger: pino's, passed in to whatever logs (never imported as a module-wide instance). */
export type Logger = pino.Logger;

export interface LoggerOptions {
  /** `info` by default; `debug` shows the errors the engine recovers from on its own (headless `--verbose`). */
  level?: Level | 'silent';
  /** Where lines go: stdout by default, a file for the desktop app, a memory stream in tests. */
  destination?: DestinationStream;
}

/** Known places secrets sit in the objects the engine handles, redacted by path before anything else runs. */
const SECRET_PATHS = [
  'password',
  'token',
  'secret',
  'auth',
  'authconfig',
  'headers.authorization',
  'headers["x-registry-auth"]',
  'headers.cookie',
  '*.password',
  '*.token',
  '*.secret',
  '*.auth',
  '*.authconfig',
  '*.headers.authorization',
  '*.headers["x-registry-auth"]',
  '*.headers.cookie',
];

/**
 * One JSON line per event. Secrets are removed three times over: pino's own redaction for the known key paths,
 * then every argument, Error and child binding is copied with secret-named fields replaced and every string masked
 * by shape (URL passwords, `*_TOKEN=…`, authorization headers), so a secret nested where no path foresaw it, or
 * quoted inside a message, still never reaches the output.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const logger = pino(
    {
      level: options.level ?? 'info',
      base: { pid: process.pid },
      redact: { paths: SECRET_PATHS, censor: REDACTED },
      // Errors arrive already turned into plain, masked objects (below); pino's own serializer would rename their type.
      serializers: { err: (value: unknown) => value },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((arg) => (arg instanceof Error ? { err: maskSecrets(arg) } : maskSecrets(arg)));
          return method.apply(this, masked as Parameters<typeof method>);
        },
      },
    },
    options.destination ?? pino.destination({ dest: 1, sync: false }),
  );
  // pino applies the bindings formatter to the root's bindings only; children inherit this override (they are
  // created from their parent's prototype), so `child({ endpoint })` is masked at every depth.
  const child = logger.child;
  logger.child = function maskedChild(this: Logger, bindings, childOptions) {
    return child.call(this, maskSecrets(bindings) as typeof bindings, childOptions);
  } as typeof child;
  return logger;
}

/** For callers that log nothing (unit tests, embedders that have not chosen): same shape, no output. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

/** Headless mode logs to stderr: stdout carries only the address to open, for people and scripts to read. */
export function stderrDestination(): DestinationStream {
  return pino.destination({ dest: 2, sync: false });
}

/** A log file, its folder created when missing (the OS log folder may not exist yet on a first run). */
export function fileDestination(file: string): DestinationStream {
  return pino.destination({ dest: file, mkdir: true, sync: false });
}
