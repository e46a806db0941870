import type { RegistrationStatus } from '../../../shared/registration';
import type { Actor } from '../../platform/context';
import { can } from '../../platform/access';
import { nextStatus } from './registrations.rules';

/**
 * Who may do what with registrations. Registering is `registration.submit` over the registered
 * unit (a unit head for the unit and its staff, the officer above them); a person may always
 * register themself. Reviewing and accepting late registrations is `registration.review` over
 * the plan's issuing unit. Reading follows `campaign.view`.
 */

type RegistrantRef = {
  kind: 'collective' | 'individual';
  unitPath: string;
  personId: number | null;
};
type RegistrationRef = RegistrantRef & { status: RegistrationStatus; submittedBy: number | null };

/** True when the actor's account is linked to this person. */
export function isSelf(actor: Actor, personId: number | null): boolean {
  return actor.kind === 'user' && personId !== null && actor.personId === personId;
}

export function canSubmitForUnit(actor: Actor, unitPath: string): boolean {
  return can(actor, 'registration.submit', unitPath);
}

/** A person is registered by whoever may register their unit, or by themself. */
export function canRegisterPerson(actor: Actor, person: { id: number; unitPath: string }): boolean {
  return isSelf(actor, person.id) || canSubmitForUnit(actor, person.unitPath);
}

/** The registrant side: the same people who may register it in the first place. */
export function canActAsRegistrant(actor: Actor, r: RegistrantRef): boolean {
  if (r.kind === 'individual' && isSelf(actor, r.personId)) return true;
  return canSubmitForUnit(actor, r.unitPath);
}

/** Approve, return and accept late registrations: the reviewer over the plan's issuing unit. */
export function canReviewRegistrations(actor: Actor, planUnitPath: string): boolean {
  return can(actor, 'registration.review', planUnitPath);
}

/** Those who see the plan's whole tree see every registration of the plan. */
export function canViewAllRegistrations(actor: Actor, planUnitPath: string): boolean {
  return can(actor, 'campaign.view', planUnitPath);
}

export function canViewRegistration(
  actor: Actor,
  r: RegistrationRef,
  planUnitPath: string,
): boolean {
  return (
    canViewAllRegistrations(actor, planUnitPath) ||
    can(actor, 'campaign.view', r.unitPath) ||
    canActAsRegistrant(actor, r) ||
    (actor.kind === 'user' && r.submittedBy === actor.userId)
  );
}

/** What the detail response tells the UI the actor may do now. */
export function registrationPermissions(
  actor: Actor,
  r: RegistrationRef,
  plan: { unitPath: string; accepting: boolean; reviewable: boolean },
) {
  const registrant = plan.accepting && canActAsRegistrant(actor, r);
  const reviewer = plan.reviewable && canReviewRegistrations(actor, plan.unitPath);
  return {
    canEdit: registrant && nextStatus(r.status, 'edit') !== null,
    canResubmit: registrant && nextStatus(r.status, 'resubmit') !== null,
    canWithdraw: registrant && nextStatus(r.status, 'withdraw') !== null,
    canApprove: reviewer && nextStatus(r.status, 'approve') !== null,
    canReturn: reviewer && nextStatus(r.status, 'return') !== null,
  };
}
