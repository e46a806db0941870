import type { Actor } from '../../platform/context';
import { formatVietnamDate } from '../../../shared/dates';
import { canReopenResults } from './results.policy';

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
