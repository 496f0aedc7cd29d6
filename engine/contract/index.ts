// The contract: the only part of the engine the renderer may import. Plain TypeScript + zod, no node:*.
export * from './errors';
export * from './engines';
export * from './containers';
export * from './logs';
export * from './exec';
export * from './stats';
export * from './inspect';
export * from './files';
export * from './procedures';
export * from './wire';
export * from './commands';
export * from './client';
export * from './run/run-spec';
export * from './run/run-command';
export * from './run/create-input';
export * from './images';
export * from './tasks';
