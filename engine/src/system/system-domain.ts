import type { DomainDeps, DomainHandlers } from '../domain';
import type { systemProcedures, systemSubscriptions } from '../../contract/system-procedures';

export type SystemDomain = DomainHandlers<keyof typeof systemProcedures, keyof typeof systemSubscriptions>;

/** The system domain's handlers. */
export function systemDomain(_deps: DomainDeps): SystemDomain {
  return { procedures: {}, subscriptions: {} };
}
