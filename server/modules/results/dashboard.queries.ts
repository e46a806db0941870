import { sql } from 'kysely';
import type { Executor } from '../../platform/db';
import {
  joinResultsState,
  resultsStatus,
  type ResultsState,
  type SheetStatus,
} from '../assessment/index';
import type { DashboardTopItem } from './dashboard.service';

/**
 * SQL of the campaign dashboard (dashboard.service.ts). Both statements join other modules'
 * tables (registration, org_unit, assessment's score_sheet) with the results: the figures are one
 * set-based statement over the whole subtree (about 10 ms for the 3,321 communes of the national
 * data set), which calls through each module's index would turn into one query per unit.
 */

/** Registrations of one area (direct child of the issuer; null: other) in one status and band. */
export type GroupRow = {
  areaId: number | null;
  status: SheetStatus;
  bandKey: string | null;
  n: number;
};

type ResultsStatus = ResultsState['resultsStatus'];

/**
 * The dashboard's figures for a plan issued by `issuerId` (path `issuerPath`, `lvl` labels):
 * counts of the approved collective registrations per area, status and band, the percent
 * histogram (10 buckets), the top ten of the ranking, the areas' names, the issuer's name and the
 * results state. Undefined for an unknown plan.
 */
export async function dashboardFigures(
  db: Executor,
  {
    planId,
    issuerId,
    issuerPath,
    lvl,
  }: {
    planId: number;
    issuerId: number;
    issuerPath: string;
    lvl: number;
  },
) {
  const { rows } = await sql<{
    issuerName: string;
    resultsStatus: ResultsStatus;
    resultsComputedAt: Date | null;
    groups: GroupRow[] | null;
    histogram: { bucket: number; n: number }[] | null;
    top: DashboardTopItem[] | null;
    areas: { id: number; name: string }[] | null;
  }>`
    WITH t AS MATERIALIZED (
      SELECT CASE WHEN nlevel(u.path) > ${lvl} AND u.path <@ ${issuerPath}::ltree
          THEN subpath(u.path, ${lvl}, 1)::text::int END AS area_id,
        coalesce(s.status, 'not_opened') AS status, e.band_key, e.percent
      FROM registration r
      JOIN org_unit u ON u.id = r.unit_id
      LEFT JOIN score_sheet s ON s.registration_id = r.id
      LEFT JOIN evaluation_result e ON e.plan_id = ${planId} AND e.sheet_id = s.id
      WHERE r.plan_id = ${planId} AND r.kind = 'collective' AND r.status = 'approved'
    )
    SELECT (SELECT name FROM org_unit WHERE id = ${issuerId}) AS "issuerName",
      ${resultsStatus} AS "resultsStatus", rs.computed_at AS "resultsComputedAt",
      (SELECT json_agg(g) FROM (
        SELECT area_id AS "areaId", status, band_key AS "bandKey", count(*)::int AS n
        FROM t GROUP BY 1, 2, 3) g) AS groups,
      (SELECT json_agg(h) FROM (
        SELECT least(floor(percent / 10), 9)::int AS bucket, count(*)::int AS n
        FROM t WHERE percent IS NOT NULL GROUP BY 1) h) AS histogram,
      -- Competition ranks: the first ten by (rank, name) all have rank <= 10 (the rank index).
      (SELECT json_agg(x) FROM (
        SELECT e.rank, e.unit_id AS "unitId", u.display_name AS "unitName", e.sheet_id AS "sheetId",
          e.total::float8 AS total, e.percent::float8 AS percent, e.band_key AS "bandKey",
          e.band_label AS "bandLabel"
        FROM evaluation_result e JOIN org_unit u ON u.id = e.unit_id
        WHERE e.plan_id = ${planId} AND e.rank <= 10
        ORDER BY e.rank, u.name COLLATE "vi-x-icu" LIMIT 10) x) AS top,
      (SELECT json_agg(json_build_object('id', a.id, 'name', a.name) ORDER BY a.name COLLATE "vi-x-icu")
        FROM org_unit a WHERE a.id IN (SELECT area_id FROM t)) AS areas
    FROM campaign_plan p ${joinResultsState(sql.ref('p.id'))} WHERE p.id = ${planId}`.execute(db);
  return rows[0];
}

/** The plan's full ranking with each unit's area (direct child of the issuer) and sheet status. */
export async function listRankingRows(db: Executor, planId: number, issuingUnitId: number) {
  const { rows } = await sql<{
    rank: number;
    unitName: string;
    areaName: string | null;
    total: number;
    percent: number;
    bandLabel: string;
    status: SheetStatus;
  }>`
    SELECT e.rank, u.display_name AS "unitName", a.name AS "areaName", e.total::float8 AS total,
      e.percent::float8 AS percent, e.band_label AS "bandLabel", s.status
    FROM evaluation_result e
    JOIN org_unit u ON u.id = e.unit_id
    JOIN score_sheet s ON s.id = e.sheet_id
    JOIN org_unit i ON i.id = ${issuingUnitId}
    LEFT JOIN org_unit a ON a.parent_id = i.id AND nlevel(u.path) > nlevel(i.path)
      AND a.path = subpath(u.path, 0, nlevel(i.path) + 1)
    WHERE e.plan_id = ${planId}
    ORDER BY e.rank, u.name COLLATE "vi-x-icu"`.execute(db);
  return rows;
}
