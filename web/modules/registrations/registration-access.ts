import { useQueries, useQuery } from '@tanstack/react-query';
import { daysLeft as vietnamDaysLeft } from '../../../shared/dates';
import type { PlanStatus } from '../../../shared/campaign';
import { roleAllows } from '../../../shared/permissions';
import type { Action } from '../../../shared/permissions';
import type { Me, PathItem } from '../../api/types';
import { useCurrentUser } from '../../shell/current-user';
import { unitDetailQuery } from '../../ui/unit-fetch';
import type { PlanDetail } from '../campaigns/plans.api';
import type { Registration, RegistrationPermissions } from './registrations.api';

/**
 * What the UI offers on registrations, mirroring the server's policy (registrations.policy.ts):
 * registering needs `registration.submit` over the unit (a person may always register themself),
 * reviewing needs `registration.review` over the plan's issuing unit. These are hints for what
 * to show; the server decides and its 403/422 messages are shown as they come.
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

const covers = (g: Grants, path: readonly PathItem[]) =>
  g.all || path.some((p) => g.unitIds.has(String(p.id)));

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
  /** Whether the user may act for this unit (id known to be covered, or path given). */
  coversUnit: (unitId: number | string, path?: readonly PathItem[]) => boolean;
};

export function useRegistrationAccess(plan: PlanDetail): RegistrationAccess {
  const me = useCurrentUser();
  const submit = grantsFor(me, 'registration.submit');
  const review = grantsFor(me, 'registration.review');
  const needIssuer =
    (!submit.all && submit.unitIds.size > 0) || (!review.all && review.unitIds.size > 0);
  const issuer = useQuery({
    ...unitDetailQuery(plan.issuingUnit.id),
    enabled: needIssuer,
    staleTime: 60_000,
    retry: false,
  });
  const issuerPath = issuer.data?.path ?? [];
  const submitsEverywhere = covers(submit, issuerPath);
  const left = daysLeft(plan.registrationDeadline);
  return {
    submitUnits: submit.units,
    canSubmitSomewhere: submit.all || submit.unitIds.size > 0,
    submitsEverywhere,
    reviewer: covers(review, issuerPath),
    accepting: acceptsRegistrations(plan.status),
    reviewable: allowsReview(plan.status),
    pastDeadline: left !== null && left < 0,
    personId: me.user.personId === null ? null : String(me.user.personId),
    coversUnit: (unitId, path) =>
      submitsEverywhere ||
      submit.unitIds.has(String(unitId)) ||
      (path !== undefined && covers(submit, path)),
  };
}

/**
 * Whether the user may register for (or act as registrant of) each of these units: known from the
 * grants when they hold the unit itself or the issuing unit, otherwise from the unit's path,
 * fetched (and cached) only for those units.
 */
export function useUnitCoverage(
  access: RegistrationAccess,
  unitIds: readonly (number | string)[],
): (unitId: number | string) => boolean {
  const unknown = access.canSubmitSomewhere
    ? [...new Set(unitIds.map(String))].filter((id) => !access.coversUnit(id))
    : [];
  const details = useQueries({
    queries: unknown.map((id) => ({ ...unitDetailQuery(id), staleTime: 60_000, retry: false })),
  });
  const paths = new Map<string, readonly PathItem[]>();
  unknown.forEach((id, i) => {
    const path = details[i]?.data?.path;
    if (path) paths.set(id, path);
  });
  return (unitId) => access.coversUnit(unitId, paths.get(String(unitId)));
}

/** What the user may do with each registration on a page. */
export function useRowPermissions(
  access: RegistrationAccess,
  rows: readonly Registration[],
): (r: Registration) => RegistrationPermissions {
  const covered = useUnitCoverage(
    access,
    rows.map((r) => r.unit.id),
  );
  return (r) => {
    const self =
      r.kind === 'individual' && r.person !== null && String(r.person.id) === access.personId;
    const registrant = access.accepting && (self || covered(r.unit.id));
    const reviewer = access.reviewable && access.reviewer;
    return {
      canEdit: registrant && r.status === 'submitted',
      canResubmit: registrant && r.status === 'returned',
      canWithdraw: registrant && (r.status === 'submitted' || r.status === 'returned'),
      canApprove: reviewer && r.status === 'submitted',
      canReturn: reviewer && r.status === 'submitted',
    };
  };
}
