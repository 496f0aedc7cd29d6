import type { DomainDeps, DomainHandlers } from '../domain';
import type { volumeProcedures, volumeSubscriptions } from '../../contract/volumes-procedures';

export type VolumeDomain = DomainHandlers<keyof typeof volumeProcedures, keyof typeof volumeSubscriptions>;

/** The volumes domain's handlers. */
export function volumeDomain(_deps: DomainDeps): VolumeDomain {
  return { procedures: {}, subscriptions: {} };
}
