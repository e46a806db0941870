import { daysLeft as vietnamDaysLeft } from '../../../shared/dates';
import type { PlanStatus } from '../../../shared/campaign';
import { roleAllows } from '../../../shared/permissions';
import type { Action } from '../../../shared/permissions';
import type { Me } from '../../api/types';
import { useCurrentUser } from '../../shell/current-user';
import type { PlanDetail } from '../campaigns/plans.api';

/**
 * What the UI offers on registrations, from the server's decisions (registrations.policy.ts):
 * registering needs `registration.submit` over the unit (a person may always register themself),
 * reviewing needs `registration.review` over the plan's issuing unit. The plan detail, each
 * registration row and each progress row carry the computed permissions; the server still
 * decides every action and its 403/422 messages are shown as they come.
 */

type Grants = {
  /** A system-wide grant (administrators). */
  all: boolean;
  unitIds: Set<string>;
  units: { value: string; label: string }[];
};

function grantsFor(me: Me, action: Action): Grants {
  const out: Grants = { all: false, unitIds: new Set(), units: [] };
  for (const g of me.grants) {
    if (!roleAllows(g.role, action)) continue;
    if (g.unitId === null) {
      out.all = true;
      continue;
    }
    const value = String(g.unitId);
    if (out.unitIds.has(value)) continue;
    out.unitIds.add(value);
    out.units.push({ value, label: g.unitName ?? `Đơn vị #${value}` });
  }
  return out;
}

/** The plan takes registrations (and registrants' changes) once issued and while it runs. */
export const acceptsRegistrations = (s: PlanStatus) => s === 'issued' || s === 'in_progress';
/** Review goes on into the plan's review period. */
export const allowsReview = (s: PlanStatus) => acceptsRegistrations(s) || s === 'in_review';

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
  const submit = grantsFor(me, 'registration.submit');
  const left = daysLeft(plan.registrationDeadline);
  return {
    submitUnits: submit.units,
    canSubmitSomewhere: submit.all || submit.unitIds.size > 0,
    submitsEverywhere: plan.permissions.registersEverywhere,
    reviewer: plan.permissions.canReviewRegistrations,
    accepting: acceptsRegistrations(plan.status),
    reviewable: allowsReview(plan.status),
    pastDeadline: left !== null && left < 0,
    personId: me.user.personId === null ? null : String(me.user.personId),
  };
}
