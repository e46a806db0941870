import type { ScoreSheetStatus } from '../../db/schema';
import type { Actor } from '../../platform/context';
import { can, scopeFor } from '../../platform/access';
import { isSelfStage } from './assessment.rules';

/**
 * Who may do what with a score sheet. The unit's side (filling the self-assessment, evidence,
 * submitting) is `registration.submit` over the registered unit — its head and the officers
 * above it. The plan's side (returning a sheet) is `registration.review` over the issuing unit.
 * Reading is `campaign.view` over the unit (its own subtree viewers) or over the issuing unit
 * (the issuer's officers and council).
 */

type SheetRef = { unitPath: string; planUnitPath: string; status: ScoreSheetStatus };
/** What the detail's permissions need on top: the plan's lock and the explanation round. */
type SheetState = SheetRef & {
  resultsPublished: boolean;
  explanationNodeIds: readonly string[];
  explanationRequestedAt: Date | null;
  /** The actor appraised this sheet, so may not add to its explanation (appraisal.explanation.ts). */
  appraisedByActor?: boolean;
};

export function canViewSheet(actor: Actor, s: Omit<SheetRef, 'status'>): boolean {
  return can(actor, 'campaign.view', s.unitPath) || can(actor, 'campaign.view', s.planUnitPath);
}

/** The unit's side, whatever the status. */
export function canActForUnit(actor: Actor, s: Pick<SheetRef, 'unitPath'>): boolean {
  return can(actor, 'registration.submit', s.unitPath);
}

export function canReviewSheet(actor: Actor, s: Pick<SheetRef, 'planUnitPath'>): boolean {
  return can(actor, 'registration.review', s.planUnitPath);
}

export function canEditSelf(actor: Actor, s: SheetRef): boolean {
  return isSelfStage(s.status) && canActForUnit(actor, s);
}

export function canReturnSheet(actor: Actor, s: SheetRef): boolean {
  return s.status === 'submitted' && canReviewSheet(actor, s);
}

/**
 * The unit adds evidence while it edits its self-assessment and, during an explanation round, to
 * the leaves it was asked about (all of them when the request named none).
 */
export function canAddEvidence(
  actor: Actor,
  s: SheetRef & Pick<SheetState, 'appraisedByActor'>,
): boolean {
  if (s.status === 'explaining' && s.appraisedByActor === true) return false;
  return (isSelfStage(s.status) || s.status === 'explaining') && canActForUnit(actor, s);
}

/**
 * A file may be removed while the sheet is editable, and during an explanation round only when it
 * was uploaded in that round (earlier evidence is what the appraisers scored).
 */
export function canRemoveEvidence(
  actor: Actor,
  s: Omit<SheetState, 'explanationNodeIds'>,
  uploadedAt: Date,
): boolean {
  if (s.resultsPublished || !canActForUnit(actor, s)) return false;
  if (isSelfStage(s.status)) return true;
  return (
    s.status === 'explaining' &&
    s.appraisedByActor !== true &&
    s.explanationRequestedAt !== null &&
    uploadedAt.getTime() >= s.explanationRequestedAt.getTime()
  );
}

/**
 * What the detail response tells the UI the actor may do now; all false while the plan's results
 * are published. `evidenceNodeIds`: the leaves that take new evidence when `canAddEvidence` —
 * null for any self-scored leaf, else the leaves the explanation round asked about.
 */
export function sheetPermissions(actor: Actor, s: SheetState) {
  if (s.resultsPublished)
    return {
      canEdit: false,
      canSubmit: false,
      canReturn: false,
      canAddEvidence: false,
      evidenceNodeIds: null,
    };
  const edit = canEditSelf(actor, s);
  const explaining = s.status === 'explaining' && s.explanationNodeIds.length > 0;
  return {
    canEdit: edit,
    canSubmit: edit,
    canReturn: canReturnSheet(actor, s),
    canAddEvidence: canAddEvidence(actor, s),
    evidenceNodeIds: explaining ? [...s.explanationNodeIds] : null,
  };
}

// The appraisers' side, as far as the sheets need it: the work list shows appraisers the sheets
// of the plans they appraise (`evaluation.appraise` over the issuing unit or above), and the
// reasons that keep one person off both sides of one sheet (the appraisal module decides).

/** The units whose subtree's plans the actor appraises (minimal); lists filter on them in SQL. */
export function appraiserPaths(actor: Actor): string[] {
  if (actor.kind !== 'user') return [];
  const scope = scopeFor(actor, 'evaluation.appraise');
  return scope.all ? [] : scope.paths;
}

/** Why an appraiser of the plan may not appraise a sheet they filled in for the unit. */
export const ACTED_FOR_UNIT_REASON =
  'Bạn đã tự chấm/nộp phiếu này thay đơn vị nên không thẩm định phiếu này; thành viên Hội đồng hoặc cán bộ khác sẽ thẩm định.';

/** Why someone of the unit's side may not explain a sheet they appraised. */
export const APPRAISED_SHEET_REASON =
  'Bạn đã thẩm định phiếu này (chấm thẩm định hoặc đề nghị giải trình) nên không giải trình thay đơn vị; thủ trưởng hoặc cán bộ khác của đơn vị sẽ giải trình.';
