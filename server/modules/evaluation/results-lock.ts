import type { Actor } from '../../platform/context';
import type { Executor } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { formatVietnamDate } from '../../../shared/dates';
import { canReopenResults } from './results.policy';
import { getResultsState } from './results-state.queries';

/**
 * Published results lock the plan's evaluation: while `results_state.status` is
 * 'published', no score sheet of the plan (self-scores, submission, return, evidence, appraisal,
 * explanation, survey import, opening a new sheet) and no individual checklist may change. The
 * council's reopening (results.service.ts) lifts the lock.
 *
 * The lock lives on the plan, not on each sheet: `score_sheet.status` keeps its own step
 * (submitted, explaining, appraised…) so that reopening gives every sheet back exactly where it
 * was. A per-sheet 'published' status would overwrite that step, so that value of the status
 * CHECK is deliberately never written.
 */

export const RESULTS_LOCKED_MESSAGE =
  'Kết quả của kế hoạch đã công bố: cần Hội đồng thi đua – khen thưởng mở lại trước khi sửa.';

/**
 * INVALID_STATE while the plan's results are published. Call it inside the writing transaction:
 * it holds the plan's `results_state` row FOR SHARE until commit, so a concurrent publication
 * (which takes the row FOR UPDATE) either waits for this write or is seen by it — never both.
 */
export async function assertResultsOpen(trx: Executor, planId: number): Promise<void> {
  const state = await getResultsState(trx, planId, 'share');
  if (state.resultsStatus === 'published')
    throw new AppError('INVALID_STATE', RESULTS_LOCKED_MESSAGE);
}

/**
 * Why an evaluation screen is read-only, for the UI to say so instead of just hiding its buttons:
 * the plan's results are published (since when, and who may reopen them: a council member over
 * the issuing unit, results.policy.ts) or the plan is cancelled (for good). Null when open.
 */
export type EvaluationLock = {
  reason: 'results_published' | 'plan_cancelled';
  /** When the lock began (the publication), ISO; null for a cancelled plan. */
  since: string | null;
  /** One Vietnamese sentence: what is locked and since when. */
  message: string;
  /** Who may lift it, in Vietnamese; null when nobody can (a cancelled plan). */
  reopenBy: string | null;
  /** The actor may lift it themself (reopen the results in the plan's results tab). */
  canReopen: boolean;
};

export function evaluationLock(
  actor: Actor,
  plan: { status: string; unitPath: string; unitName: string },
  results: { resultsStatus: string; resultsPublishedAt: Date | null },
  what: string,
): EvaluationLock | null {
  if (plan.status === 'cancelled')
    return {
      reason: 'plan_cancelled',
      since: null,
      message: `Kế hoạch đã hủy; ${what} không sửa được nữa.`,
      reopenBy: null,
      canReopen: false,
    };
  if (results.resultsStatus !== 'published') return null;
  const on =
    results.resultsPublishedAt === null
      ? ''
      : ` ngày ${formatVietnamDate(results.resultsPublishedAt)}`;
  return {
    reason: 'results_published',
    since: results.resultsPublishedAt?.toISOString() ?? null,
    message: `Kết quả của kế hoạch đã công bố${on}; ${what} đã khóa.`,
    reopenBy: `Thành viên Hội đồng thi đua – khen thưởng của ${plan.unitName} (mở lại kết quả ở thẻ "Kết quả" của kế hoạch, có ghi lý do).`,
    canReopen: canReopenResults(actor, plan.unitPath),
  };
}
