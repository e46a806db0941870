import type { Actor } from '../../platform/context';
import { can } from '../../platform/access';

/** Who may create, submit or withdraw a unit's nomination: `nomination.submit` over the unit. */
export function canProposeNomination(actor: Actor, proposingUnitPath: string): boolean {
  return can(actor, 'nomination.submit', proposingUnitPath);
}

/** Who may return, accept or forward a nomination at a level: `nomination.review` over it. */
export function canReviewNomination(actor: Actor, currentUnitPath: string): boolean {
  return can(actor, 'nomination.review', currentUnitPath);
}
