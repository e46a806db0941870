import type { Ctx } from '../../platform/context';
import { AppError, forbidden } from '../../platform/errors';
import { recordAudit } from '../../platform/audit';
import { parseInput } from '../../platform/validation';
import { ReopenResults } from '../../../shared/api/results';
import { canPublishResults, canReopenResults } from './results.policy';
import { isStale, resultsState, type PlanResultsState } from './results-compute';
import { getEvaluatedPlan, updateResultsState } from '../assessment/index';
import {
  notifyResultsPublished,
  notifyResultsReopened,
  resultsRound,
} from './results-notifications';

/**
 * Publication of a campaign's results: publishing locks them (and every sheet and checklist of
 * the plan, results-lock.ts) and shows them on the public page; only the council reopens them,
 * with a reason. Everything is audited on the plan and the units are notified.
 */

/** `details.reason` of the refusal to publish stale results: the web offers to recompute. */
export const STALE_RESULTS = 'stale_results';

/**
 * Publishes computed results (the plan's head): they are shown on the public page, and every
 * sheet and checklist of the plan is locked (results-lock.ts). Each unit in the results is
 * notified of its band and rank. Sheets not appraised yet or returned to the unit do not stop it
 * (a campaign may rank on self-scores; the web asks first, from `listResults().pending`).
 * INVALID_STATE unless computed, or when the stored results are stale (a score, a sheet or the
 * plan's bands or tie-break order changed after the computation: publication announces exactly
 * what the sheets give, so they must be recomputed first; `details.reason` = 'stale_results').
 */
export async function publishResults(ctx: Ctx, planId: number) {
  return setPublished(ctx, planId, 'publish', null);
}

/**
 * Reopens published results (a council member over the issuing unit), with a reason: the sheets
 * are unlocked again, each at its own step. The issuing unit is notified.
 */
export async function reopenResults(ctx: Ctx, planId: number, input: unknown) {
  const { reason } = parseInput(ReopenResults, input, { reason: 'Lý do mở lại' });
  return setPublished(ctx, planId, 'reopen', reason);
}

async function setPublished(
  ctx: Ctx,
  planId: number,
  op: 'publish' | 'reopen',
  reason: string | null,
) {
  return ctx.db.transaction().execute(async (trx) => {
    // Locked first: the staleness check reads the plan's current bands and tie-break order.
    const plan = await getEvaluatedPlan(ctx, trx, planId, true);
    const allowed =
      op === 'publish'
        ? canPublishResults(ctx.actor, plan)
        : canReopenResults(ctx.actor, plan.unitPath);
    if (!allowed)
      throw forbidden(
        op === 'publish'
          ? 'Chỉ thủ trưởng đơn vị ban hành được công bố kết quả.'
          : 'Chỉ thành viên Hội đồng thi đua – khen thưởng được mở lại kết quả đã công bố.',
      );
    const state = await resultsState(trx, planId, true);
    const from: PlanResultsState['status'] = op === 'publish' ? 'computed' : 'published';
    if (state.resultsStatus !== from)
      throw new AppError(
        'INVALID_STATE',
        op === 'publish'
          ? 'Cần tính kết quả trước khi công bố (hoặc kết quả đã công bố).'
          : 'Kết quả chưa được công bố.',
      );
    if (op === 'publish' && (await isStale(trx, plan)))
      throw new AppError(
        'INVALID_STATE',
        'Điểm hoặc cách xếp loại đã thay đổi sau lần tính kết quả gần nhất: cần tính lại kết quả trước khi công bố.',
        { reason: STALE_RESULTS },
      );
    const to = op === 'publish' ? 'published' : 'computed';
    const action = op === 'publish' ? 'results.published' : 'results.reopened';
    const round = (await resultsRound(trx, planId, action)) + 1;
    const publishedAt = op === 'publish' ? ctx.now() : null;
    await updateResultsState(trx, planId, to, { publishedAt }, ctx.now());
    await recordAudit(trx, ctx, {
      action,
      entityType: 'campaign_plan',
      entityId: planId,
      unitPath: plan.unitPath,
      before: { resultsStatus: from },
      after: reason === null ? { resultsStatus: to } : { resultsStatus: to, reason },
    });
    if (reason === null) await notifyResultsPublished(ctx, trx, plan, round);
    else await notifyResultsReopened(ctx, trx, plan, round, reason);
    return { status: to };
  });
}
