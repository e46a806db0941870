import { sql } from 'kysely';
import { pathInScope, type Scope } from '../../platform/access';
import type { Executor } from '../../platform/db';
import type { Decider } from '../../../shared/awards';
import type { UnitKind } from '../../../shared/org';
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
  cu.kind AS "currentUnitKind", pu.parent_id AS "proposingUnitParentId",
  v.deciders AS "formDeciders", n.quota_keys AS "quotaKeys",
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
  currentUnitKind: UnitKind;
  proposingUnitParentId: number | null;
  formDeciders: Decider[];
  /** The quota counters its approval claimed (decision 041). */
  quotaKeys: string[];
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

/** The units above `unitId` (not itself), nearest first. */
export async function listUnitsAbove(
  db: Executor,
  unitId: number,
): Promise<{ id: number; kind: UnitKind; name: string }[]> {
  const { rows } = await sql<{ id: number; kind: UnitKind; name: string }>`
    SELECT a.id, a.kind, a.display_name AS name
    FROM org_unit u JOIN org_unit a ON a.path @> u.path AND a.id <> u.id
    WHERE u.id = ${unitId}
    ORDER BY nlevel(a.path) DESC`.execute(db);
  return rows;
}

/** A unit's kind and name (the level a nomination sits at or goes to). */
export async function findLevelUnit(db: Executor, unitId: number) {
  const { rows } = await sql<{ id: number; kind: UnitKind; name: string }>`
    SELECT id, kind, display_name AS name FROM org_unit WHERE id = ${unitId}`.execute(db);
  return rows[0];
}

/** Records the quota counters an approval claimed (empty: given back). */
export async function setQuotaKeys(db: Executor, id: number, keys: readonly string[]) {
  await sql`UPDATE nomination SET quota_keys = ${sql.val([...keys])}::text[] WHERE id = ${id}`.execute(
    db,
  );
}

/** The attachments of a nomination with their stored file's name, type and size. */
export async function listAttachments(db: Executor, nominationId: number) {
  const { rows } = await sql<{
    id: number;
    dossierItem: string | null;
    fileName: string;
    contentType: string;
    sizeBytes: number;
    storageKey: string;
    uploadedAt: Date;
  }>`
    SELECT a.id, a.dossier_item AS "dossierItem", f.original_name AS "fileName",
      f.content_type AS "contentType", f.size_bytes::int AS "sizeBytes",
      f.storage_key AS "storageKey", a.uploaded_at AS "uploadedAt"
    FROM nomination_attachment a JOIN stored_file f ON f.id = a.file_id
    WHERE a.nomination_id = ${nominationId} ORDER BY a.id`.execute(db);
  return rows;
}

export async function insertAttachment(
  db: Executor,
  values: { nominationId: number; dossierItem: string | null; fileId: string },
  by: { userId: number | null; at: Date },
): Promise<number> {
  const row = await db
    .insertInto('nominationAttachment')
    .values({ ...values, uploadedBy: by.userId, uploadedAt: by.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Deletes an attachment row (the stored file stays for the audit trail); its dossier item. */
export async function deleteAttachment(db: Executor, nominationId: number, id: number) {
  return db
    .deleteFrom('nominationAttachment')
    .where('nominationId', '=', nominationId)
    .where('id', '=', id)
    .returning(['id', 'dossierItem', 'fileId'])
    .executeTakeFirst();
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
