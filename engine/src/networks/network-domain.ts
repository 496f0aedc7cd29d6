import type { DomainDeps, DomainHandlers } from '../domain';
import type { networkProcedures, networkSubscriptions } from '../../contract/networks-procedures';

export type NetworkDomain = DomainHandlers<keyof typeof networkProcedures, keyof typeof networkSubscriptions>;

/** The networks domain's handlers. */
export function networkDomain(_deps: DomainDeps): NetworkDomain {
  return { procedures: {}, subscriptions: {} };
}
