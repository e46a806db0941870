import { sql } from 'kysely';
import type { Executor } from '../../platform/db';

/** An approved nomination as an award decision drafts its annex row from it. */
export type ApprovedNomination = {
  id: number;
  planId: number;
  personId: number | null;
  unitId: number | null;
  subjectName: string;
  /** The person's position and unit ("Chuyên viên, Bộ phận một cửa"), or the collective's parent. */
  positionText: string;
  formVersionId: number;
  achievement: string;
  periodTo: string;
};

/**
 * The nominations approved (status `approved`) at a level — whose current unit is `unitId` — for
 * an award decision of that unit to draft its annex from; of one plan when `planId` is given.
 * Read-only; the caller has authorised the decision's unit.
 */
export async function listApprovedNominations(
  db: Executor,
  filter: { unitId: number; planId?: number | null; ids?: readonly number[] },
): Promise<ApprovedNomination[]> {
  const { rows } = await sql<ApprovedNomination>`
    SELECT n.id, n.plan_id AS "planId", n.person_id AS "personId", n.unit_id AS "unitId",
      coalesce(p.full_name, su.display_name) AS "subjectName",
      coalesce(
        nullif(concat_ws(', ', nullif(p.position, ''), pu.display_name), ''),
        coalesce(parent.display_name, '')
      ) AS "positionText",
      n.form_version_id AS "formVersionId", n.achievement, n.period_to::text AS "periodTo"
    FROM nomination n
    LEFT JOIN person p ON p.id = n.person_id
    LEFT JOIN org_unit pu ON pu.id = p.unit_id
    LEFT JOIN org_unit su ON su.id = n.unit_id
    LEFT JOIN org_unit parent ON parent.id = su.parent_id
    WHERE n.status = 'approved' AND n.current_unit_id = ${filter.unitId}
      ${filter.planId == null ? sql`` : sql`AND n.plan_id = ${filter.planId}`}
      ${filter.ids === undefined ? sql`` : sql`AND n.id = ANY(${[...filter.ids]}::int[])`}
    ORDER BY n.unit_id NULLS LAST, coalesce(p.full_name, su.display_name) COLLATE "vi-x-icu", n.id`.execute(
    db,
  );
  return rows;
}
