import type { DomainDeps, DomainHandlers } from '../domain';
import type { vmProcedures, vmSubscriptions } from '../../contract/vm-procedures';

export type VmDomain = DomainHandlers<keyof typeof vmProcedures, keyof typeof vmSubscriptions>;

/** The vm domain's handlers. */
export function vmDomain(_deps: DomainDeps): VmDomain {
  return { procedures: {}, subscriptions: {} };
}
