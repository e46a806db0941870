import { sql } from 'kysely';
import { pathInScope, type Scope } from '../../platform/access';
import type { Executor } from '../../platform/db';
import type {
  NominationAction,
  NominationRound,
  NominationStatus,
} from '../../../shared/nominations';

/**
 * Nominations (tables nomination, nomination_step). People, units and the catalogue's form
 * versions are read by join for names and the unit paths that scope them (as honours and
 * registrations do); nominations writes only its own tables.
 */

const detailColumns = sql`
  n.id, n.plan_id AS "planId", n.round, n.person_id AS "personId", n.unit_id AS "unitId",
  coalesce(p.full_name, su.display_name) AS "subjectName",
  n.form_version_id AS "formVersionId", f.code AS "formCode", v.name AS "formName",
  n.achievement, n.period_from::text AS "periodFrom", n.period_to::text AS "periodTo",
  n.proposing_unit_id AS "proposingUnitId", pu.display_name AS "proposingUnitName",
  pu.path::text AS "proposingUnitPath",
  n.current_unit_id AS "currentUnitId", cu.display_name AS "currentUnitName",
  cu.path::text AS "currentUnitPath", cu.parent_id AS "currentUnitParentId",
  n.status, n.return_reason AS "returnReason", n.version`;

const detailFrom = sql`
  nomination n
  JOIN award_form_version v ON v.id = n.form_version_id
  JOIN award_form f ON f.id = v.form_id
  JOIN org_unit pu ON pu.id = n.proposing_unit_id
  JOIN org_unit cu ON cu.id = n.current_unit_id
  LEFT JOIN person p ON p.id = n.person_id
  LEFT JOIN org_unit su ON su.id = n.unit_id`;

export type NominationRecord = {
  id: number;
  planId: number;
  round: NominationRound;
  personId: number | null;
  unitId: number | null;
  subjectName: string;
  formVersionId: number;
  formCode: string;
  formName: string;
  achievement: string;
  periodFrom: string;
  periodTo: string;
  proposingUnitId: number;
  proposingUnitName: string;
  proposingUnitPath: string;
  currentUnitId: number;
  currentUnitName: string;
  currentUnitPath: string;
  currentUnitParentId: number | null;
  status: NominationStatus;
  returnReason: string | null;
  version: number;
};

/** One nomination; `lock` locks its row until the transaction ends. */
export async function findNomination(
  db: Executor,
  id: number,
  lock = false,
): Promise<NominationRecord | undefined> {
  const r = await sql<NominationRecord>`
    SELECT ${detailColumns} FROM ${detailFrom} WHERE n.id = ${id}
    ${lock ? sql`FOR UPDATE OF n` : sql``}`.execute(db);
  return r.rows[0];
}

/**
 * A plan's nominations proposed within any of `scopes` (the actor's subtrees for proposing and
 * reviewing), filtered in SQL.
 */
export async function listNominationsOfPlan(
  db: Executor,
  planId: number,
  scopes: readonly Scope[],
): Promise<NominationRecord[]> {
  const visible = sql.join(
    scopes.map((scope) => pathInScope(scope, sql<string>`pu.path`)),
    sql` OR `,
  );
  const r = await sql<NominationRecord>`
    SELECT ${detailColumns} FROM ${detailFrom}
    WHERE n.plan_id = ${planId} AND (${visible})
    ORDER BY n.id`.execute(db);
  return r.rows;
}

export function listSteps(db: Executor, nominationId: number) {
  return db
    .selectFrom('nominationStep')
    .select(['action', 'fromUnitId', 'toUnitId', 'reason', 'at'])
    .where('nominationId', '=', nominationId)
    .orderBy('id')
    .execute();
}

/** The other nominations of a subject (any plan), for the eligibility policy. */
export async function listNominationsOfSubject(
  db: Executor,
  subject: { personId: number | null; unitId: number | null },
) {
  const r = await sql<{
    id: number;
    planId: number;
    status: NominationStatus;
    formName: string;
    periodFrom: string;
    periodTo: string;
  }>`
    SELECT n.id, n.plan_id AS "planId", n.status, v.name AS "formName",
      n.period_from::text AS "periodFrom", n.period_to::text AS "periodTo"
    FROM nomination n JOIN award_form_version v ON v.id = n.form_version_id
    WHERE ${subject.personId === null ? sql`n.unit_id = ${subject.unitId}` : sql`n.person_id = ${subject.personId}`}`.execute(
    db,
  );
  return r.rows;
}

/** A catalogue form version with its code and subject. */
export function findFormVersion(db: Executor, id: number) {
  return db
    .selectFrom('awardFormVersion as v')
    .innerJoin('awardForm as f', 'f.id', 'v.formId')
    .select(['v.id', 'v.name', 'v.subject', 'f.code', 'f.planId', 'f.scope'])
    .where('v.id', '=', id)
    .executeTakeFirst();
}

/** A person as a subject: name, unit and the unit's path. */
export function findPerson(db: Executor, personId: number) {
  return db
    .selectFrom('person as p')
    .innerJoin('orgUnit as u', 'u.id', 'p.unitId')
    .select(['p.id', 'p.fullName as name', 'p.unitId', sql<string>`u.path::text`.as('unitPath')])
    .where('p.id', '=', personId)
    .executeTakeFirst();
}

/** A unit: name, parent and path. */
export function findUnit(db: Executor, unitId: number) {
  return db
    .selectFrom('orgUnit as u')
    .select([
      'u.id',
      'u.displayName as name',
      'u.parentId',
      sql<string>`u.path::text`.as('unitPath'),
    ])
    .where('u.id', '=', unitId)
    .executeTakeFirst();
}

export async function insertNomination(
  db: Executor,
  values: {
    planId: number;
    round: NominationRound;
    personId: number | null;
    unitId: number | null;
    formVersionId: number;
    achievement: string;
    periodFrom: string;
    periodTo: string;
    proposingUnitId: number;
  },
  by: { userId: number | null; at: Date },
): Promise<number> {
  const row = await db
    .insertInto('nomination')
    .values({
      ...values,
      currentUnitId: values.proposingUnitId,
      createdBy: by.userId,
      createdAt: by.at,
      updatedBy: by.userId,
      updatedAt: by.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Moves a nomination (optimistic: only at `version`); false when the version is stale. */
export async function moveNomination(
  db: Executor,
  id: number,
  version: number,
  to: { status: NominationStatus; currentUnitId: number; returnReason: string | null },
  by: { userId: number | null; at: Date },
): Promise<boolean> {
  const r = await db
    .updateTable('nomination')
    .set({
      ...to,
      version: sql<number>`version + 1`,
      updatedBy: by.userId,
      updatedAt: by.at,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

export async function insertStep(
  db: Executor,
  step: {
    nominationId: number;
    action: NominationAction;
    fromUnitId: number;
    toUnitId: number;
    reason: string | null;
  },
  by: { userId: number | null; at: Date },
): Promise<void> {
  await db
    .insertInto('nominationStep')
    .values({ ...step, byUserId: by.userId, at: by.at })
    .execute();
}

/** The paths of units, by id (scope checks on lists the results module returns). */
export async function listUnitPaths(
  db: Executor,
  unitIds: readonly number[],
): Promise<Map<number, string>> {
  if (unitIds.length === 0) return new Map();
  const { rows } = await sql<{ id: number; path: string }>`
    SELECT id, path::text AS path FROM org_unit WHERE id = ANY(${sql.val([...new Set(unitIds)])}::int[])`.execute(
    db,
  );
  return new Map(rows.map((r) => [r.id, r.path]));
}
