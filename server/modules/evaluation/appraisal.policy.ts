import type { ScoreSheetStatus } from '../../db/schema';
import type { Actor } from '../../platform/context';
import { can, isWithin, minimalPaths } from '../../platform/access';
import { canActForUnit } from './assessment.policy';
import { openRound } from './appraisal.rules';

/**
 * Who appraises. The appraisers of a campaign are the issuing unit's inspection team and council:
 * users holding `council_member` or `emulation_officer` at the plan's issuing unit or above it,
 * who can also view the plan. Administrators run the system and do not score. The unit's side
 * (answering a request for explanation) is the self-assessment's `registration.submit`.
 */

const APPRAISER_ROLES = new Set(['council_member', 'emulation_officer']);

type SheetRef = { unitPath: string; planUnitPath: string; status: ScoreSheetStatus };

/** The units whose subtree's plans the actor appraises (minimal); lists filter on them in SQL. */
export function appraiserPaths(actor: Actor): string[] {
  if (actor.kind !== 'user') return [];
  return minimalPaths(
    actor.grants.flatMap((g) =>
      APPRAISER_ROLES.has(g.role) && g.unitPath !== null ? [g.unitPath] : [],
    ),
  );
}

export function canAppraise(actor: Actor, planUnitPath: string): boolean {
  if (actor.kind !== 'user' || !can(actor, 'campaign.view', planUnitPath)) return false;
  return appraiserPaths(actor).some((p) => isWithin(planUnitPath, p));
}

/** Importing survey points is the plan's officer's job (`registration.review` over the issuer). */
export function canImportSurvey(actor: Actor, planUnitPath: string): boolean {
  return can(actor, 'registration.review', planUnitPath);
}

/**
 * Appraising one sheet: an appraiser of its plan who did not do the unit's side of it (scored,
 * explained, attached evidence or submitted it: `actedForUnit`). An officer of the issuing unit
 * also acts for every unit below it, e.g. the district's own one-stop section; nobody appraises
 * their own work, so the council or another officer appraises that sheet.
 */
export function canAppraiseSheet(
  actor: Actor,
  s: { planUnitPath: string; actedForUnit: boolean },
): boolean {
  return !s.actedForUnit && canAppraise(actor, s.planUnitPath);
}

/**
 * What the side-by-side view tells the UI the actor may do now; every flag is false while the
 * plan's results are published (`round` still says which round the sheet is in).
 */
export function appraisalPermissions(
  actor: Actor,
  s: SheetRef & { resultsPublished: boolean; actedForUnit: boolean },
) {
  const appraiser = !s.resultsPublished && canAppraiseSheet(actor, s);
  const round = openRound(s.status);
  const unit = !s.resultsPublished && canActForUnit(actor, s);
  return {
    round,
    canScore: appraiser && round !== null,
    canRequestExplanation: appraiser && s.status === 'submitted',
    canComplete: appraiser && round !== null,
    canAnswer: unit && s.status === 'explaining',
    canSubmitExplanation: unit && s.status === 'explaining',
  };
}
