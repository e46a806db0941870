import { sql } from 'kysely';
import { Band, CriteriaTree, defaultBands, defaultTieBreak } from '../../../shared/criteria';
import type { Ctx } from '../../platform/context';
import { AppError, forbidden, notFound } from '../../platform/errors';
import { can } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import type { Executor } from '../../platform/db';
import { page, pageSize, parseInput, text, z } from '../../platform/validation';
import { getVisiblePlan, type PlanRecord } from '../campaigns/index';
import { classify, rankEntry, rankUnits, rollUp } from './scoring.rules';
import { round2 } from './numbers';
import { qualifyingBands } from './individual.rules';
import { canAppraise, canPublishResults, canReopenResults } from './results.policy';
import {
  notifyResultsPublished,
  notifyResultsReopened,
  resultsRound,
} from './results-notifications';

/**
 * Classification and ranking of a campaign's scored units. Each leaf counts at its latest stage
 * (appraisal 2, else appraisal 1, else the unit's own score; survey leaves from the survey import),
 * rolled up against the sheet's criteria version, classified by the plan's bands (or the
 * defaults) and ranked with the documented tie-break (ranking.rules.ts). Publishing locks the
 * results; only the council reopens them, with a reason. Everything is audited on the plan.
 */

type PlanResultsState = { status: 'none' | 'computed' | 'published' };

async function resultsState(db: Executor, planId: number, lock = false) {
  const row = await db
    .selectFrom('campaignPlan')
    .select(['resultsStatus', 'resultsComputedAt', 'resultsPublishedAt'])
    .where('id', '=', planId)
    .$if(lock, (qb) => qb.forUpdate())
    .executeTakeFirstOrThrow();
  return row;
}

/** Latest-stage points of every leaf of every submitted sheet of the plan, one row per sheet. */
async function sheetPoints(db: Executor, planId: number) {
  const { rows } = await sql<{
    sheetId: number;
    unitId: number;
    provinceId: number | null;
    criteriaVersionId: number;
    submittedAt: Date | null;
    points: Record<string, number | null> | null;
  }>`
    WITH latest AS (
      SELECT DISTINCT ON (e.sheet_id, e.node_id) e.sheet_id, e.node_id, e.points
      FROM score_entry e JOIN score_sheet s ON s.id = e.sheet_id
      WHERE s.plan_id = ${planId} AND s.status <> 'self_draft'
        -- A unit's explanation is a note, not a score.
        AND e.stage IN ('self', 'appraisal1', 'appraisal2', 'survey')
      ORDER BY e.sheet_id, e.node_id,
        CASE e.stage WHEN 'appraisal2' THEN 0 WHEN 'appraisal1' THEN 1 WHEN 'survey' THEN 2 ELSE 3 END
    )
    SELECT s.id AS "sheetId", s.unit_id AS "unitId", s.province_id AS "provinceId",
      s.criteria_version_id AS "criteriaVersionId", s.submitted_at AS "submittedAt",
      (SELECT jsonb_object_agg(l.node_id, l.points) FROM latest l WHERE l.sheet_id = s.id) AS points
    FROM score_sheet s WHERE s.plan_id = ${planId} AND s.status <> 'self_draft'
    ORDER BY s.id`.execute(db);
  return rows;
}

function bandsOf(plan: PlanRecord): Band[] {
  return plan.bands ?? defaultBands;
}

/** The plan's tie-break order, or the default one. */
const tieBreakOf = (plan: PlanRecord) => plan.tieBreak ?? [...defaultTieBreak];

/** The band keys whose units qualify for commendation: the plan's, or its top band. */
export const qualifyingKeysOf = (plan: PlanRecord) =>
  qualifyingBands(bandsOf(plan), plan.qualifyingBandKeys ?? undefined);

/**
 * Every sheet past its draft, rolled up against its criteria version, classified by the plan's
 * bands and ranked with its tie-break order: the rows `computeResults` stores, in rank order.
 */
async function rankPlan(db: Executor, plan: PlanRecord) {
  const sheets = await sheetPoints(db, plan.id);
  const trees = new Map<number, CriteriaTree>();
  for (const id of new Set(sheets.map((s) => s.criteriaVersionId))) {
    const v = await db
      .selectFrom('criteriaSetVersion')
      .select('tree')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    trees.set(id, CriteriaTree.parse(v.tree));
  }
  const bands = bandsOf(plan);
  const scored = sheets.map((s) => {
    const tree = trees.get(s.criteriaVersionId);
    if (tree === undefined) throw new Error(`criteria version ${s.criteriaVersionId} not loaded`);
    const r = rollUp(tree, new Map(Object.entries(s.points ?? {})));
    return { ...rankEntry(String(s.sheetId), r, s.submittedAt), sheet: s, total: r.total };
  });
  return rankUnits(scored, tieBreakOf(plan)).map(({ entry, rank, decidedBy }) => ({
    sheetId: entry.sheet.sheetId,
    unitId: entry.sheet.unitId,
    provinceId: entry.sheet.provinceId,
    total: entry.total,
    percent: entry.percent,
    appraised: entry.appraised,
    fieldTotals: JSON.stringify(entry.fieldTotals),
    missingCount: entry.missingCount,
    band: classify(entry.percent, bands),
    rank,
    decidedBy,
  }));
}

/** What publication announces of each unit: its sheet's total, percent, band, rank and why. */
const announced = (r: {
  sheetId: number;
  total: number;
  percent: number;
  missingCount: number;
  bandKey: string;
  bandLabel: string;
  rank: number;
  decidedBy: string | null;
}) =>
  JSON.stringify([
    r.sheetId,
    round2(r.total),
    round2(r.percent),
    r.missingCount,
    r.bandKey,
    r.bandLabel,
    r.rank,
    r.decidedBy,
  ]);

/**
 * True when the stored results differ from what the sheets and the plan's settings give now: a
 * score, a sheet or a ranking setting changed after the last computation.
 */
async function isStale(db: Executor, plan: PlanRecord): Promise<boolean> {
  const fresh = (await rankPlan(db, plan)).map((c) =>
    announced({ ...c, bandKey: c.band.key, bandLabel: c.band.label }),
  );
  const stored = await db
    .selectFrom('evaluationResult')
    .select([
      'sheetId',
      'total',
      'percent',
      'missingCount',
      'bandKey',
      'bandLabel',
      'rank',
      'decidedBy',
    ])
    .where('planId', '=', plan.id)
    .execute();
  const sort = (xs: string[]) => [...xs].sort();
  return JSON.stringify(sort(fresh)) !== JSON.stringify(sort(stored.map(announced)));
}

/**
 * Computes (or recomputes) the results of a plan: every sheet past its draft, rolled up,
 * classified and ranked with the plan's tie-break order; the previous computation is replaced. The plan's officer or council
 * (appraisers); INVALID_STATE once published. Returns counts per band and the time taken.
 */
export async function computeResults(ctx: Ctx, planId: number) {
  const started = performance.now();
  return ctx.db.transaction().execute(async (trx) => {
    // Locked first, so the bands and tie-break read here are the ones the rows are computed with.
    const plan = await getVisiblePlan(ctx, trx, planId, true);
    if (!canAppraise(ctx.actor, plan.unitPath))
      throw forbidden('Chỉ cán bộ thi đua hoặc Hội đồng của đơn vị ban hành được tính kết quả.');
    const state = await resultsState(trx, planId, true);
    if (state.resultsStatus === 'published')
      throw new AppError(
        'INVALID_STATE',
        'Kết quả đã công bố: cần Hội đồng mở lại trước khi tính lại.',
      );
    const bands = bandsOf(plan);
    const cols = await rankPlan(trx, plan);
    const now = ctx.now();
    await trx.deleteFrom('evaluationResult').where('planId', '=', planId).execute();
    if (cols.length > 0) {
      // One statement for all rows: thousands of units stay well within a second.
      await sql`INSERT INTO evaluation_result (plan_id, sheet_id, unit_id, province_id, total, percent,
          appraised, field_totals, missing_count, band_key, band_label, rank, decided_by, computed_at)
        SELECT ${planId}, * , ${now}::timestamptz FROM unnest(
          ${sql.val(cols.map((c) => c.sheetId))}::int[], ${sql.val(cols.map((c) => c.unitId))}::int[],
          ${sql.val(cols.map((c) => c.provinceId))}::int[], ${sql.val(cols.map((c) => c.total))}::numeric[],
          ${sql.val(cols.map((c) => c.percent))}::numeric[], ${sql.val(cols.map((c) => c.appraised))}::numeric[],
          ${sql.val(cols.map((c) => c.fieldTotals))}::jsonb[], ${sql.val(cols.map((c) => c.missingCount))}::int[],
          ${sql.val(cols.map((c) => c.band.key))}::text[], ${sql.val(cols.map((c) => c.band.label))}::text[],
          ${sql.val(cols.map((c) => c.rank))}::int[], ${sql.val(cols.map((c) => c.decidedBy))}::text[])`.execute(
        trx,
      );
    }
    await trx
      .updateTable('campaignPlan')
      .set({ resultsStatus: 'computed', resultsComputedAt: now })
      .where('id', '=', planId)
      .execute();
    const counts: Record<string, number> = {};
    for (const b of bands) counts[b.key] = 0;
    for (const c of cols) counts[c.band.key] = (counts[c.band.key] ?? 0) + 1;
    await recordAudit(trx, ctx, {
      action: 'results.computed',
      entityType: 'campaign_plan',
      entityId: planId,
      unitPath: plan.unitPath,
      before: { resultsStatus: state.resultsStatus },
      after: { resultsStatus: 'computed', units: cols.length, counts },
    });
    return { units: cols.length, counts, ms: Math.round(performance.now() - started) };
  });
}

const ResultsQuery = z.object({ bandKey: z.string().trim().max(30).optional(), page, pageSize });

/**
 * The ranking table: visible to those who see the plan's tree, and to everyone once published.
 * Each row says whether its band qualifies for commendation; the response carries the plan's
 * tie-break order and qualifying band keys (the effective ones: defaults filled in).
 */
export async function listResults(ctx: Ctx, planId: number, input: unknown, db: Executor = ctx.db) {
  const query = parseInput(ResultsQuery, input, { bandKey: 'Mức xếp loại' });
  const plan = await getVisiblePlan(ctx, db, planId);
  const issuerDepth = plan.unitPath.split('.').length;
  const state = await resultsState(db, planId);
  if (state.resultsStatus !== 'published' && !can(ctx.actor, 'campaign.view', plan.unitPath))
    throw notFound('kết quả đánh giá');
  const { rows } = await sql<{
    unitId: number;
    unitName: string;
    sheetId: number;
    total: number;
    percent: number;
    bandKey: string;
    bandLabel: string;
    rank: number;
    decidedBy: string | null;
    missingCount: number;
    unitPath: string[];
    count: number;
  }>`SELECT r.unit_id AS "unitId", u.name AS "unitName", r.sheet_id AS "sheetId", r.total, r.percent,
      -- Where the unit sits below the issuer (e.g. its commune): one-stop units share one name.
      COALESCE((SELECT array_agg(a.name ORDER BY nlevel(a.path)) FROM org_unit a
        WHERE a.path @> u.path AND a.id <> u.id AND nlevel(a.path) > ${issuerDepth}),
        '{}') AS "unitPath",
      r.band_key AS "bandKey", r.band_label AS "bandLabel", r.rank, r.decided_by AS "decidedBy",
      r.missing_count AS "missingCount", count(*) OVER ()::int AS count
    FROM evaluation_result r JOIN org_unit u ON u.id = r.unit_id
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
    items: rows.map(({ count: _c, ...r }) => ({ ...r, qualifies: qualifying.includes(r.bandKey) })),
    total: rows[0]?.count ?? 0,
  };
}

/**
 * Publishes computed results (the plan's head): they are shown on the public page, and every
 * sheet and checklist of the plan is locked (results-lock.ts). Each unit in the results is
 * notified of its band and rank. INVALID_STATE unless computed, or when the stored results are
 * stale (a score, a sheet or the plan's bands or tie-break order changed after the computation:
 * publication announces exactly what the sheets give, so they must be recomputed first).
 */
export async function publishResults(ctx: Ctx, planId: number) {
  return setPublished(ctx, planId, 'publish', null);
}

const Reopen = z.object({ reason: text(1000) });

/**
 * Reopens published results (a council member over the issuing unit), with a reason: the sheets
 * are unlocked again, each at its own step. The issuing unit is notified.
 */
export async function reopenResults(ctx: Ctx, planId: number, input: unknown) {
  const { reason } = parseInput(Reopen, input, { reason: 'Lý do mở lại' });
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
    const plan = await getVisiblePlan(ctx, trx, planId, true);
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
      );
    const to = op === 'publish' ? 'published' : 'computed';
    const action = op === 'publish' ? 'results.published' : 'results.reopened';
    const round = (await resultsRound(trx, planId, action)) + 1;
    await trx
      .updateTable('campaignPlan')
      .set({ resultsStatus: to, resultsPublishedAt: op === 'publish' ? ctx.now() : null })
      .where('id', '=', planId)
      .execute();
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
