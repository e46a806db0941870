import type { ScoreSheetStatus } from '../../db/schema';
import type { Actor } from '../../platform/context';
import { can } from '../../platform/access';
import { isSelfEditable } from './assessment.rules';

/**
 * Who may do what with a score sheet. The unit's side (filling the self-assessment, evidence,
 * submitting) is `registration.submit` over the registered unit — its head and the officers
 * above it. The plan's side (returning a sheet) is `registration.review` over the issuing unit.
 * Reading is `campaign.view` over the unit (its own subtree viewers) or over the issuing unit
 * (the issuer's officers and council).
 */

type SheetRef = { unitPath: string; planUnitPath: string; status: ScoreSheetStatus };

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
  return isSelfEditable(s.status) && canActForUnit(actor, s);
}

export function canReturnSheet(actor: Actor, s: SheetRef): boolean {
  return s.status === 'submitted' && canReviewSheet(actor, s);
}

/** What the detail response tells the UI the actor may do now. */
export function sheetPermissions(actor: Actor, s: SheetRef) {
  const edit = canEditSelf(actor, s);
  return { canEdit: edit, canSubmit: edit, canReturn: canReturnSheet(actor, s) };
}
