import { sql } from 'kysely';
import type { ScoreSheetStatus } from '../../db/schema';
import type { Executor } from '../../platform/db';

/**
 * Survey points (survey.service.ts): the plan and its sheets the import and the template work on.
 * Both read other modules' tables (campaign_plan, org_unit, score_sheet) in one query each: the
 * plan with its issuing unit's path (for the officer check), and the sheets with their units'
 * names (to match file rows) — and, for the import, locked FOR SHARE in the same statement.
 */

export type PlanRef = { id: number; title: string; planUnitPath: string };
export type PlanSheet = {
  id: number;
  unitId: number;
  /** The unit's display name: the template writes it, the import matches it first. */
  unitName: string;
  /** The unit's own name, matched when the file gives no display name. */
  ownName: string;
  unitPath: string;
  status: ScoreSheetStatus;
  criteriaVersionId: number;
};

/** A plan with its issuing unit's path, or undefined. */
export async function findSurveyPlan(db: Executor, planId: number): Promise<PlanRef | undefined> {
  const { rows } = await sql<PlanRef>`
    SELECT p.id, p.title, pu.path::text AS "planUnitPath"
    FROM campaign_plan p JOIN org_unit pu ON pu.id = p.issuing_unit_id
    WHERE p.id = ${planId}`.execute(db);
  return rows[0];
}

/** The plan's score sheets with their units, by display name; `lock`: FOR SHARE of the sheets. */
export async function listPlanSheets(
  db: Executor,
  planId: number,
  lock: boolean,
): Promise<PlanSheet[]> {
  const { rows } = await sql<PlanSheet>`
    SELECT s.id, s.unit_id AS "unitId", u.display_name AS "unitName", u.name AS "ownName",
      u.path::text AS "unitPath",
      s.status, s.criteria_version_id AS "criteriaVersionId"
    FROM score_sheet s JOIN org_unit u ON u.id = s.unit_id
    WHERE s.plan_id = ${planId} ORDER BY u.display_name, s.id ${lock ? sql`FOR SHARE OF s` : sql``}`.execute(
    db,
  );
  return rows;
}
