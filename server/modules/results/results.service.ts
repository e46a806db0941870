import type { Ctx } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { can } from '../../platform/access';
import type { Executor } from '../../platform/db';
import { parseInput } from '../../platform/validation';
import { notAppraisedStatuses, ResultsQuery } from '../../../shared/api/results';
import { getEvaluatedPlan } from '../assessment/index';
import { bandsOf, qualifyingKeysOf, resultsState, tieBreakOf } from './results-compute';
import { canAppraise, canPublishResults, canReopenResults } from './results.policy';
import * as q from './results.queries';

/**
 * The results of a campaign: computing them (results-compute.ts), publishing and reopening them
 * (results-publish.ts) and the ranking table (here).
 */

export { computeResults, qualifyingKeysOf } from './results-compute';
export { publishResults, reopenResults } from './results-publish';

/**
 * The ranking table: visible to those who see the plan's tree, and to everyone once published.
 * Each row says whether its band qualifies for commendation; the response carries the plan's
 * tie-break order and qualifying band keys (the effective ones: defaults filled in). For the
 * plan's own viewers (campaign.view over the issuing unit) each row also carries its sheet's
 * current `sheetStatus`, `pending` counts the ranked units whose sheet is not appraised yet
 * (`notAppraised`) or is back with the unit (`returned`), and `permissions` says whether the
 * actor's role computes, publishes or reopens results; the public gets none of these.
 */
export async function listResults(ctx: Ctx, planId: number, input: unknown, db: Executor = ctx.db) {
  const query = parseInput(ResultsQuery, input, { bandKey: 'Mức xếp loại' });
  const plan = await getEvaluatedPlan(ctx, db, planId);
  const issuerDepth = plan.unitPath.split('.').length;
  const state = await resultsState(db, planId);
  const internal = can(ctx.actor, 'campaign.view', plan.unitPath);
  if (state.resultsStatus !== 'published' && !internal) throw notFound('kết quả đánh giá');
  const rows = await q.listResultsPage(db, planId, issuerDepth, query);
  const qualifying = qualifyingKeysOf(plan);
  return {
    status: state.resultsStatus,
    computedAt: state.resultsComputedAt?.toISOString() ?? null,
    publishedAt: state.resultsPublishedAt?.toISOString() ?? null,
    bands: bandsOf(plan),
    tieBreak: tieBreakOf(plan),
    qualifyingBandKeys: qualifying,
    ...(internal
      ? {
          // How many ranked units are not final yet (the whole results, not the page or band).
          pending: await q.countPendingResults(db, planId, notAppraisedStatuses),
          // What the actor's role allows on the results (their status decides the rest).
          permissions: {
            canCompute: canAppraise(ctx.actor, plan.unitPath),
            canPublish: canPublishResults(ctx.actor, plan),
            canReopen: canReopenResults(ctx.actor, plan.unitPath),
          },
        }
      : {}),
    items: rows.map(({ count: _c, sheetStatus, ...r }) => ({
      ...r,
      ...(internal ? { sheetStatus } : {}),
      qualifies: qualifying.includes(r.bandKey),
    })),
    total: rows[0]?.count ?? 0,
  };
}
