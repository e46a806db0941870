import type { Actor } from '../../platform/context';
import { can } from '../../platform/access';

/**
 * Who may see and confirm an individual's checklist. Reading follows the registration: those who
 * see the plan's tree or the person's unit, and the person themself. Confirming is the unit's
 * side — `registration.submit` over the person's unit (its head, the officers above it) — and
 * never the person themself, even when they also hold such a role: nobody confirms their own
 * criteria.
 */

type CheckRef = { unitPath: string; personId: number | null; planUnitPath: string };

export function isSelfPerson(actor: Actor, personId: number | null): boolean {
  return actor.kind === 'user' && personId !== null && actor.personId === personId;
}

export function canViewChecklist(actor: Actor, r: CheckRef): boolean {
  return (
    can(actor, 'campaign.view', r.planUnitPath) ||
    can(actor, 'campaign.view', r.unitPath) ||
    can(actor, 'registration.submit', r.unitPath) ||
    isSelfPerson(actor, r.personId)
  );
}

export function canConfirmChecklist(actor: Actor, r: CheckRef): boolean {
  return !isSelfPerson(actor, r.personId) && can(actor, 'registration.submit', r.unitPath);
}
