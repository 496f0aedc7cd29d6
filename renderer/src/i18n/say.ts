import type { TFunction } from 'i18next';
import type { Message } from '../../../engine/contract';

/** A sentence the contract or the engine sent as a key (engine/contract/messages.ts), in the person's language. */
export function say(t: TFunction, message: Message): string {
  return t(`contract.${message.key}`, message.params ?? {});
}
