import type { CriteriaTree, CriterionNode } from '../../../shared/criteria';
import type { ScoreSheetStatus } from '../../db/schema';
import { treeLeaves } from '../criteria/index';

/**
 * Pure rules of the self-assessment (tự chấm điểm): which leaves a unit scores, when a sheet is
 * editable, the deadline, and what a submission still lacks.
 */

/** Survey leaves are scored from the survey, never by the unit itself. */
export const isSelfScored = (leaf: CriterionNode) => leaf.scoring?.method !== 'survey';

/** The unit edits its sheet while drafting and after the sheet is returned to it. */
export const isSelfEditable = (status: ScoreSheetStatus) =>
  status === 'self_draft' || status === 'returned';

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
