import { daysLeft as vietnamDaysLeft } from '../../../shared/dates';
import { unitsAllowing } from '../../../shared/permissions';
import { acceptsRegistrations, allowsReview } from '../../../shared/registration';
import { useCurrentUser } from '../../shell/current-user';
import type { PlanDetail } from '../campaigns/plans.api';

/**
 * What the UI offers on registrations, from the server's decisions (registrations.policy.ts) and
 * the rules both sides share (shared/registration.ts, shared/permissions.ts):
 * registering needs `registration.submit` over the unit (a person may always register themself),
 * reviewing needs `registration.review` over the plan's issuing unit. The plan detail, each
 * registration row and each progress row carry the computed permissions; the server still
 * decides every action and its 403/422 messages are shown as they come.
 */

/** Days from today to the deadline (Vietnam calendar, shared/dates.ts): 0 on the day, < 0 after. */
export function daysLeft(deadline: string | null): number | null {
  if (!deadline) return null;
  return vietnamDaysLeft(deadline, new Date());
}

export type RegistrationAccess = {
  /** Units where the user holds a role allowing `registration.submit`. */
  submitUnits: { value: string; label: string }[];
  canSubmitSomewhere: boolean;
  /** `registration.submit` over the issuing unit: every registrant of the plan is theirs. */
  submitsEverywhere: boolean;
  reviewer: boolean;
  accepting: boolean;
  reviewable: boolean;
  pastDeadline: boolean;
  /** The person the account is linked to, if any. */
  personId: string | null;
};

/**
 * The plan's registration side for the user: who they register for and whether they review come
 * from the plan's server-computed `permissions` (registersEverywhere, canReviewRegistrations), so
 * no unit needs to be read — an officer of a lower unit may not read the issuing unit at all.
 */
export function useRegistrationAccess(plan: PlanDetail): RegistrationAccess {
  const me = useCurrentUser();
  const submit = unitsAllowing(me.grants, 'registration.submit');
  const left = daysLeft(plan.registrationDeadline);
  return {
    submitUnits: submit.units.map((u) => ({ value: u.id, label: u.name })),
    canSubmitSomewhere: submit.all || submit.units.length > 0,
    submitsEverywhere: plan.permissions.registersEverywhere,
    reviewer: plan.permissions.canReviewRegistrations,
    accepting: acceptsRegistrations(plan.status),
    reviewable: allowsReview(plan.status),
    pastDeadline: left !== null && left < 0,
    personId: me.user.personId === null ? null : String(me.user.personId),
  };
}
