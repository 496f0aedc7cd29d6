/** The one IPC channel both directions use: the preload carries contract messages, never an API. */
export const MESSAGE_CHANNEL = 'minato:message';
