import type { ScoreSheetStatus } from '../../db/schema';
import type { Actor } from '../../platform/context';
import { can, isWithin } from '../../platform/access';
import {
  ACTED_FOR_UNIT_REASON,
  APPRAISED_SHEET_REASON,
  appraiserPaths,
  canActForUnit,
} from '../assessment/index';
import { openRound } from './appraisal.rules';

export { ACTED_FOR_UNIT_REASON, APPRAISED_SHEET_REASON, appraiserPaths };

/**
 * Who appraises. The appraisers of a campaign are the issuing unit's inspection team and council:
 * users holding `evaluation.appraise` (council members and emulation officers in the catalogue) at
 * the plan's issuing unit or above it, who can also view the plan. Administrators run the system
 * and do not score (a member-only action). The unit's side (answering a request for explanation)
 * is the self-assessment's `registration.submit`.
 */

type SheetRef = { unitPath: string; planUnitPath: string; status: ScoreSheetStatus };

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
 * Explaining a sheet for the unit (answering, adding evidence, sending the explanation): the
 * unit's side who did not appraise it (scored round 1 or 2, or asked for the explanation:
 * `appraisedSheet`) — the reverse of `canAppraiseSheet`.
 */
export function canExplainSheet(
  actor: Actor,
  s: { unitPath: string; appraisedSheet: boolean },
): boolean {
  return !s.appraisedSheet && canActForUnit(actor, s);
}

/**
 * What the side-by-side view tells the UI the actor may do now; every flag is false while the
 * plan's results are published (`round` still says which round the sheet is in). `blockedReason`
 * says why an actor whose role would allow the step now is kept from it by the conflict rules
 * (they filled the sheet in for the unit, or they appraised it), else null.
 */
export function appraisalPermissions(
  actor: Actor,
  s: SheetRef & { resultsPublished: boolean; actedForUnit: boolean; appraisedSheet: boolean },
) {
  const round = openRound(s.status);
  const explaining = s.status === 'explaining';
  const appraiserRole = !s.resultsPublished && canAppraise(actor, s.planUnitPath);
  const appraiser = appraiserRole && canAppraiseSheet(actor, s);
  const unitRole = !s.resultsPublished && canActForUnit(actor, s);
  const unit = unitRole && canExplainSheet(actor, s);
  const blockedReason =
    appraiserRole && !appraiser && round !== null
      ? ACTED_FOR_UNIT_REASON
      : unitRole && !unit && explaining
        ? APPRAISED_SHEET_REASON
        : null;
  return {
    round,
    canScore: appraiser && round !== null,
    canRequestExplanation: appraiser && s.status === 'submitted',
    canComplete: appraiser && round !== null,
    canAnswer: unit && explaining,
    canSubmitExplanation: unit && explaining,
    blockedReason,
  };
}
