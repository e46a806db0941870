import type { Actor } from '../../platform/context';
import { can } from '../../platform/access';

/** Who may try a plan's quotas: officers of the issuing unit (or above it), `quota.simulate`. */
export function canSimulateQuota(actor: Actor, planUnitPath: string): boolean {
  return can(actor, 'quota.simulate', planUnitPath);
}
