import { sql } from 'kysely';
import type { ScoreSheetStatus } from '../../db/schema';
import type { Ctx } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { can } from '../../platform/access';
import type { Executor } from '../../platform/db';
import { page, pageSize, parseInput, z } from '../../platform/validation';
import { getEvaluatedPlan } from '../assessment/index';
import { bandsOf, qualifyingKeysOf, resultsState, tieBreakOf } from './results-compute';
import { canAppraise, canPublishResults, canReopenResults } from './results.policy';

/**
 * The results of a campaign: computing them (results-compute.ts), publishing and reopening them
 * (results-publish.ts) and the ranking table (here).
 */

export { computeResults, qualifyingKeysOf } from './results-compute';
export { publishResults, reopenResults } from './results-publish';

const ResultsQuery = z.object({ bandKey: z.string().trim().max(30).optional(), page, pageSize });

/** Sheet steps before the appraisal is closed: ranked on the self or round-1 scores. */
const NOT_APPRAISED: readonly ScoreSheetStatus[] = ['submitted', 'explaining', 'explained'];

/**
 * How many ranked units are not final yet, over the whole results of the plan (not the page or
 * the band filter): sheets still being appraised, and sheets returned to the unit for correction.
 */
async function pendingOf(db: Executor, planId: number) {
  const { rows } = await sql<{ notAppraised: number; returned: number }>`
    SELECT count(*) FILTER (WHERE s.status IN (${sql.join(NOT_APPRAISED)}))::int AS "notAppraised",
      count(*) FILTER (WHERE s.status = 'returned')::int AS returned
    FROM evaluation_result r JOIN score_sheet s ON s.id = r.sheet_id
    WHERE r.plan_id = ${planId}`.execute(db);
  return rows[0] ?? { notAppraised: 0, returned: 0 };
}

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
  const { rows } = await sql<{
    unitId: number;
    unitName: string;
    sheetId: number;
    sheetStatus: ScoreSheetStatus;
    total: number;
    percent: number;
    bandKey: string;
    bandLabel: string;
    rank: number;
    decidedBy: string | null;
    missingCount: number;
    unitPath: string[];
    count: number;
  }>`SELECT r.unit_id AS "unitId", u.display_name AS "unitName", r.sheet_id AS "sheetId",
      s.status AS "sheetStatus", r.total, r.percent,
      -- Where the unit sits below the issuer (e.g. its commune): one-stop units share one name.
      COALESCE((SELECT array_agg(a.name ORDER BY nlevel(a.path)) FROM org_unit a
        WHERE a.path @> u.path AND a.id <> u.id AND nlevel(a.path) > ${issuerDepth}),
        '{}') AS "unitPath",
      r.band_key AS "bandKey", r.band_label AS "bandLabel", r.rank, r.decided_by AS "decidedBy",
      r.missing_count AS "missingCount", count(*) OVER ()::int AS count
    FROM evaluation_result r JOIN org_unit u ON u.id = r.unit_id
      JOIN score_sheet s ON s.id = r.sheet_id
    WHERE r.plan_id = ${planId} ${query.bandKey ? sql`AND r.band_key = ${query.bandKey}` : sql``}
    ORDER BY r.rank, u.name COLLATE "vi-x-icu"
    LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`.execute(db);
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
          pending: await pendingOf(db, planId),
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
