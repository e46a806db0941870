import type { CriteriaTree, CriterionNode } from '../../../shared/criteria';
import type { ScoreSheetStatus } from '../../db/schema';
import { isSelfStage } from '../../../shared/api/assessment';
import { treeLeaves } from '../criteria/index';

/**
 * Pure rules of the self-assessment (tự chấm điểm): which leaves a unit scores, when a sheet is
 * editable, the deadline, and what a submission still lacks.
 */

/** Survey leaves are scored from the survey, never by the unit itself. */
export const isSelfScored = (leaf: CriterionNode) => leaf.scoring?.method !== 'survey';

/** The unit edits its sheet while drafting and after it is returned (the rule is shared with the web). */
export { isSelfStage };

/**
 * The first submission is due by the plan's assessment deadline (Vietnam date, inclusive); no
 * deadline set means none applies. A sheet returned for corrections may be resubmitted after it.
 */
export function isSubmissionLate(
  status: ScoreSheetStatus,
  deadline: string | null,
  today: string,
): boolean {
  return status === 'self_draft' && deadline !== null && today > deadline;
}

export type SelfEntryState = { points: number | null; note: string | null };
export type SubmissionProblem = { nodeId: string; code: string; message: string };

/**
 * What stands between a sheet and its submission: every self-scored, non-adjustment leaf needs
 * points; a leaf whose criterion asks for evidence and has no file needs an explanation (an
 * adjustment leaf only when it claims a bonus or penalty). Tree order, one problem per reason.
 */
export function submissionProblems(
  tree: CriteriaTree,
  entries: ReadonlyMap<string, SelfEntryState>,
  evidenceCount: ReadonlyMap<string, number>,
): SubmissionProblem[] {
  const problems: SubmissionProblem[] = [];
  for (const leaf of treeLeaves(tree)) {
    if (!isSelfScored(leaf)) continue;
    const entry = entries.get(leaf.id);
    const adjustment = leaf.scoring?.method === 'adjustment';
    const scored = entry !== undefined && entry.points !== null;
    if (!adjustment && !scored)
      problems.push({ nodeId: leaf.id, code: leaf.code, message: 'chưa chấm điểm' });
    const claimed = !adjustment || (scored && entry.points !== 0);
    const hasNote = (entry?.note ?? '').trim().length > 0;
    if (leaf.evidenceRequired && claimed && (evidenceCount.get(leaf.id) ?? 0) === 0 && !hasNote)
      problems.push({
        nodeId: leaf.id,
        code: leaf.code,
        message: 'chưa có tài liệu kiểm chứng nên cần ghi giải trình',
      });
  }
  return problems;
}

/** A sheet's status, or `not_opened` when the unit has no sheet yet. */
export const sheetStatuses = [
  'not_opened',
  'self_draft',
  'submitted',
  'returned',
  'explaining',
  'explained',
  'appraised',
  'published',
] as const;
export type SheetStatus = (typeof sheetStatuses)[number];

/** Vietnamese labels of the sheet statuses (dashboard, sheet export). */
export const sheetStatusLabels: Record<SheetStatus, string> = {
  not_opened: 'Chưa mở phiếu',
  self_draft: 'Đang tự chấm',
  submitted: 'Đã nộp',
  returned: 'Bị trả lại',
  explaining: 'Đang giải trình',
  explained: 'Đã giải trình',
  appraised: 'Đã thẩm định',
  published: 'Đã công bố',
};

/**
 * What moves a score sheet from one status to the next: the unit submits (a first time or after a
 * return), the plan's officer returns it, the appraisers ask for an explanation, the unit sends
 * it, the appraisers close the open round.
 */
export const sheetEvents = [
  'submit',
  'return',
  'request_explanation',
  'explain',
  'complete_appraisal',
] as const;
export type SheetEvent = (typeof sheetEvents)[number];

/**
 * The sheet state machine: the status `event` leads to from `from`, or null when the status does
 * not allow it. A draft or returned sheet is submitted; a submitted one is returned, questioned
 * (round 1) or appraised; an explained one is appraised (round 2). 'published' is never a
 * sheet's status (published results lock the plan instead, plan-lock.ts).
 */
export function nextSheetStatus(
  from: ScoreSheetStatus,
  event: SheetEvent,
): ScoreSheetStatus | null {
  switch (event) {
    case 'submit':
      return from === 'self_draft' || from === 'returned' ? 'submitted' : null;
    case 'return':
      return from === 'submitted' ? 'returned' : null;
    case 'request_explanation':
      return from === 'submitted' ? 'explaining' : null;
    case 'explain':
      return from === 'explaining' ? 'explained' : null;
    case 'complete_appraisal':
      return from === 'submitted' || from === 'explained' ? 'appraised' : null;
  }
}

/** Why an event is refused by the sheet's status (the message of INVALID_STATE). */
export const sheetEventRefusals: Record<SheetEvent, string> = {
  submit: 'Chỉ nộp được phiếu đang tự chấm hoặc bị trả lại.',
  return: 'Chỉ trả lại được phiếu đã nộp và chưa thẩm định.',
  request_explanation: 'Chỉ đề nghị giải trình được khi phiếu đang thẩm định lần 1.',
  explain: 'Phiếu không ở bước giải trình.',
  complete_appraisal: 'Phiếu không ở bước thẩm định.',
};
