import type { DomainDeps, DomainHandlers } from '../domain';
import type { composeProcedures, composeSubscriptions } from '../../contract/compose-procedures';

export type ComposeDomain = DomainHandlers<keyof typeof composeProcedures, keyof typeof composeSubscriptions>;

/** The compose domain's handlers. */
export function composeDomain(_deps: DomainDeps): ComposeDomain {
  return { procedures: {}, subscriptions: {} };
}
