import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { RegistrationStatus } from '../../../shared/registration';
import type { UnitKind } from '../../../shared/org';
import type { Executor } from '../../platform/db';
import { pathInScope, type Scope } from '../../platform/access';
import { escapeLike, foldVietnamese } from '../../platform/text';

/**
 * Registration progress of a plan by unit, set-based: one statement for the totals, one for a
 * page of eligible units with their collective registration and staff counts.
 */

export type ProgressScope = {
  planId: number;
  issuerPath: string;
  unitKinds: string[];
  unitIds: number[];
  categories: string[];
  /** The units the actor may see. */
  visible: Scope;
};

export type ProgressRow = {
  unitId: number;
  /** The unit's display name (with its parents' where another unit bears its name). */
  unitName: string;
  unitKind: UnitKind;
  /** The parent's name, for context, unless the display name already carries it. */
  parentName: string | null;
  registrationId: number | null;
  status: RegistrationStatus | null;
  late: boolean | null;
  peopleRegistered: number;
  peopleEligible: number;
  /** The unit's path (ltree text): for the service's per-row permission, not sent. */
  unitPath: string;
};

export type ProgressTotals = {
  unitsEligible: number;
  unitsRegistered: number;
  peopleEligible: number;
  peopleRegistered: number;
};

const eligibleUnits = (s: ProgressScope, extra: RawBuilder<SqlBool>) => sql`
  SELECT u.id, u.path, u.name, u.display_name, u.kind, u.parent_id FROM org_unit u
  WHERE u.path <@ ${s.issuerPath}::ltree AND u.active
    AND (u.kind = ANY(${sql.val(s.unitKinds)}::text[]) OR u.id = ANY(${sql.val(s.unitIds)}::int[]))
    AND ${pathInScope(s.visible, sql<string>`u.path`)} AND ${extra}`;

const liveCollective = (s: ProgressScope) => sql`registration cr ON cr.plan_id = ${s.planId}
  AND cr.kind = 'collective' AND cr.unit_id = e.id AND cr.status <> 'withdrawn'`;

export async function progressTotals(db: Executor, s: ProgressScope): Promise<ProgressTotals> {
  const { rows } = await sql<ProgressTotals>`
    WITH e AS (${eligibleUnits(s, sql<SqlBool>`true`)})
    SELECT
      (SELECT count(*)::int FROM e) AS "unitsEligible",
      (SELECT count(*)::int FROM e JOIN ${liveCollective(s)}) AS "unitsRegistered",
      (SELECT count(*)::int FROM person p JOIN org_unit u ON u.id = p.unit_id
        WHERE p.active AND p.category = ANY(${sql.val(s.categories)}::text[])
          AND u.path <@ ${s.issuerPath}::ltree AND ${pathInScope(s.visible, sql<string>`u.path`)}
      ) AS "peopleEligible",
      (SELECT count(*)::int FROM registration r JOIN org_unit u ON u.id = r.unit_id
        WHERE r.plan_id = ${s.planId} AND r.kind = 'individual' AND r.status <> 'withdrawn'
          AND ${pathInScope(s.visible, sql<string>`u.path`)}
      ) AS "peopleRegistered"`.execute(db);
  return (
    rows[0] ?? { unitsEligible: 0, unitsRegistered: 0, peopleEligible: 0, peopleRegistered: 0 }
  );
}

/**
 * A page of eligible units (Vietnamese name order) with the unit's live collective registration
 * and, over the unit's subtree, live individual registrations and eligible staff.
 */
export async function progressRows(
  db: Executor,
  s: ProgressScope,
  search: string | undefined,
  page: number,
  pageSize: number,
): Promise<{ items: ProgressRow[]; total: number }> {
  const filter = search
    ? sql<SqlBool>`u.name_search LIKE ${`%${escapeLike(foldVietnamese(search))}%`}`
    : sql<SqlBool>`true`;
  const { rows } = await sql<ProgressRow & { total: number }>`
    WITH e AS (${eligibleUnits(s, filter)}),
    pg AS (
      SELECT e.*, count(*) OVER ()::int AS total FROM e
      ORDER BY e.name COLLATE "vi-x-icu", e.id
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}
    )
    SELECT pg.id AS "unitId", pg.display_name AS "unitName", pg.kind AS "unitKind", pg.path::text AS "unitPath",
      CASE WHEN pg.display_name = pg.name THEN parent.name END AS "parentName", cr.id AS "registrationId", cr.status, cr.late,
      (SELECT count(*)::int FROM registration ir JOIN org_unit iu ON iu.id = ir.unit_id
        WHERE ir.plan_id = ${s.planId} AND ir.kind = 'individual' AND ir.status <> 'withdrawn'
          AND iu.path <@ pg.path) AS "peopleRegistered",
      (SELECT count(*)::int FROM person p JOIN org_unit pu ON pu.id = p.unit_id
        WHERE p.active AND p.category = ANY(${sql.val(s.categories)}::text[])
          AND pu.path <@ pg.path) AS "peopleEligible",
      pg.total
    FROM pg
    LEFT JOIN org_unit parent ON parent.id = pg.parent_id
    LEFT JOIN ${sql`registration cr ON cr.plan_id = ${s.planId} AND cr.kind = 'collective'
      AND cr.unit_id = pg.id AND cr.status <> 'withdrawn'`}
    ORDER BY pg.name COLLATE "vi-x-icu", pg.id`.execute(db);
  return {
    items: rows.map(({ total: _t, ...r }) => r),
    total: rows[0]?.total ?? 0,
  };
}
