import { sql } from 'kysely';
import type { ScoreSheetStatus } from '../../db/schema';
import type { Executor } from '../../platform/db';

/**
 * SQL of the plan's results (evaluation_result): computing them (results-compute.ts), the ranking
 * table (results.service.ts) and the publication notices (results-notifications.ts). Some reads
 * join assessment's score_sheet / score_entry and org_unit directly: the computation reads every
 * sheet's latest points set-based in one statement (thousands of units, see the benchmarks), and
 * the ranking pages and counts join the sheet's status and the unit's names row by row.
 */

/** Latest-stage points of every leaf of every submitted sheet of the plan, one row per sheet. */
export async function listSheetLatestPoints(db: Executor, planId: number) {
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

/** The plan's stored results, as publication announces them (any order). */
export async function listStoredResults(db: Executor, planId: number) {
  return db
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
    .where('planId', '=', planId)
    .execute();
}

/** Deletes the plan's stored results (before they are computed again). */
export async function deleteResults(trx: Executor, planId: number) {
  await trx.deleteFrom('evaluationResult').where('planId', '=', planId).execute();
}

/** One computed row of a plan's results (results-compute.ts `rankPlan`). */
export type ComputedResult = {
  sheetId: number;
  unitId: number;
  provinceId: number | null;
  total: number;
  percent: number;
  appraised: number;
  /** JSON text. */
  fieldTotals: string;
  missingCount: number;
  band: { key: string; label: string };
  rank: number;
  decidedBy: string | null;
};

/** Inserts the plan's computed results, computed at `now`; nothing for no rows. */
export async function insertResults(
  trx: Executor,
  planId: number,
  cols: readonly ComputedResult[],
  now: Date,
) {
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
}

/**
 * How many of the plan's ranked units have a sheet in one of `notAppraised` (still being
 * appraised), and how many a sheet returned to the unit.
 */
export async function countPendingResults(
  db: Executor,
  planId: number,
  notAppraised: readonly ScoreSheetStatus[],
) {
  const { rows } = await sql<{ notAppraised: number; returned: number }>`
    SELECT count(*) FILTER (WHERE s.status IN (${sql.join(notAppraised)}))::int AS "notAppraised",
      count(*) FILTER (WHERE s.status = 'returned')::int AS returned
    FROM evaluation_result r JOIN score_sheet s ON s.id = r.sheet_id
    WHERE r.plan_id = ${planId}`.execute(db);
  return rows[0] ?? { notAppraised: 0, returned: 0 };
}

/**
 * A page of the ranking (by rank, then the unit's name), optionally one band: each row with its
 * sheet's status, the unit's ancestors below the issuer (at `issuerDepth`), and `count`, the
 * number of rows of the whole filter.
 */
export async function listResultsPage(
  db: Executor,
  planId: number,
  issuerDepth: number,
  query: { bandKey?: string; page: number; pageSize: number },
) {
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
  return rows;
}

/**
 * How many times the plan's results were `action` before: the audit trail (platform's
 * audit_event, which offers no count) is the record.
 */
export async function countPlanAuditEvents(
  db: Executor,
  planId: number,
  action: 'results.published' | 'results.reopened',
): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM audit_event
    WHERE entity_type = 'campaign_plan' AND entity_id = ${String(planId)} AND action = ${action}`.execute(
    db,
  );
  return rows[0]?.n ?? 0;
}

/** Every unit in the plan's results with its display name, band and rank, in rank order. */
export async function listPublishedUnits(trx: Executor, planId: number) {
  const { rows } = await sql<{ unitId: number; unitName: string; bandLabel: string; rank: number }>`
    SELECT r.unit_id AS "unitId", u.display_name AS "unitName", r.band_label AS "bandLabel", r.rank
    FROM evaluation_result r JOIN org_unit u ON u.id = r.unit_id
    WHERE r.plan_id = ${planId} ORDER BY r.rank`.execute(trx);
  return rows;
}
