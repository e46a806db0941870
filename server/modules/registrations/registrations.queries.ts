import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { Commitments, type RegistrationStatus } from '../../../shared/registration';
import type { PersonCategory, UnitKind } from '../../../shared/org';
import type { Executor } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { pathInScope, type Scope } from '../../platform/access';
import { escapeLike, foldVietnamese } from '../../platform/text';
import type { RegistrationRecord } from './registrations.schemas';

/** Reads and writes of registrations. The first parameter is always the executor. */

const registrationSelect = sql`
  r.id, r.plan_id AS "planId", r.kind, r.unit_id AS "unitId", u.path::text AS "unitPath",
  u.display_name AS "unitName", u.kind AS "unitKind", r.person_id AS "personId",
  p.full_name AS "personName", p.position AS "personPosition", p.category AS "personCategory",
  r.status, r.commitments, r.submitted_at AS "submittedAt", r.submitted_by AS "submittedBy",
  sa.display_name AS "submittedByName", r.late, r.late_reason AS "lateReason",
  r.decided_at AS "decidedAt", da.display_name AS "decidedByName",
  r.return_reason AS "returnReason", r.version, r.updated_at AS "updatedAt"`;

/** Registrations (`r`: the table, or rows just inserted) with the names a record shows. */
const registrationsFrom = (r: RawBuilder<unknown>) => sql`${r} r JOIN org_unit u ON u.id = r.unit_id
  LEFT JOIN person p ON p.id = r.person_id
  LEFT JOIN user_account sa ON sa.id = r.submitted_by
  LEFT JOIN user_account da ON da.id = r.decided_by`;
const registrationFrom = registrationsFrom(sql`registration`);

type RawRegistration = Omit<RegistrationRecord, 'commitments'> & { commitments: unknown };

const parse = (row: RawRegistration): RegistrationRecord => ({
  ...row,
  commitments: Commitments.parse(row.commitments),
});

/**
 * Holds the plan row in share mode until commit: registrations of one plan do not block each
 * other, but a cancel or amendment (FOR UPDATE) waits, and what is read after this is current.
 */
export async function lockPlanShared(db: Executor, planId: number): Promise<void> {
  await sql`SELECT 1 FROM campaign_plan WHERE id = ${planId} FOR SHARE`.execute(db);
}

export async function findRegistration(
  db: Executor,
  id: number,
  lock = false,
): Promise<RegistrationRecord | undefined> {
  const { rows } = await sql<RawRegistration>`
    SELECT ${registrationSelect} FROM ${registrationFrom} WHERE r.id = ${id}
    ${lock ? sql`FOR UPDATE OF r` : sql``}`.execute(db);
  const row = rows[0];
  return row === undefined ? undefined : parse(row);
}

export async function getRegistration(
  db: Executor,
  id: number,
  lock = false,
): Promise<RegistrationRecord> {
  const r = await findRegistration(db, id, lock);
  if (r === undefined) throw notFound('đăng ký thi đua');
  return r;
}

/** The registrations with these ids (missing ones absent), by id; `lock` locks them in that order. */
export async function getRegistrations(
  db: Executor,
  ids: number[],
  lock = false,
): Promise<RegistrationRecord[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<RawRegistration>`
    SELECT ${registrationSelect} FROM ${registrationFrom}
    WHERE r.id = ANY(${sql.val(ids)}::int[]) ORDER BY r.id
    ${lock ? sql`FOR UPDATE OF r` : sql``}`.execute(db);
  return rows.map(parse);
}

const listOrder = sql`r.kind, u.name COLLATE "vi-x-icu", u.id,
  p.given_name COLLATE "vi-x-icu", p.full_name COLLATE "vi-x-icu", r.id`;

/** What a registration list asks for (over `registration r`, `org_unit u`, `person p`). */
export type RegistrationFilter = {
  /** The units whose registrations the actor sees (all for those who see the whole plan). */
  visible: Scope;
  /** Besides the visible units, the actor always sees what they registered and their own. */
  own: { userId: number; personId: number | null } | null;
  status?: string | undefined;
  kind?: string | undefined;
  /** Only this unit's subtree. */
  unitPath?: string | undefined;
  /** Accent-insensitive, over the unit's and the person's names. */
  search?: string | undefined;
};

/** The list's predicate for `listRegistrations` and `listRegistrationIds`. */
export function registrationWhere(f: RegistrationFilter): RawBuilder<SqlBool> {
  const inScope = pathInScope(f.visible, sql<string>`u.path`);
  const own =
    f.own === null
      ? sql<SqlBool>`false`
      : sql<SqlBool>`(r.submitted_by = ${f.own.userId} OR r.person_id = ${f.own.personId ?? 0})`;
  const conditions: RawBuilder<SqlBool>[] = [sql<SqlBool>`(${inScope} OR ${own})`];
  if (f.status) conditions.push(sql<SqlBool>`r.status = ${f.status}`);
  if (f.kind) conditions.push(sql<SqlBool>`r.kind = ${f.kind}`);
  if (f.unitPath !== undefined) conditions.push(sql<SqlBool>`u.path <@ ${f.unitPath}::ltree`);
  if (f.search) {
    const pattern = `%${escapeLike(foldVietnamese(f.search))}%`;
    conditions.push(sql<SqlBool>`(u.name_search LIKE ${pattern} OR p.name_search LIKE ${pattern})`);
  }
  return sql<SqlBool>`${sql.join(conditions, sql` AND `)}`;
}

/** The predicate picking these registrations (a batch of an export). */
export const registrationIdIn = (ids: readonly number[]) =>
  sql<SqlBool>`r.id = ANY(${sql.val(ids)}::int[])`;

/** A page of a plan's registrations matching `where` (over r, u, p), in list order. */
export async function listRegistrations(
  db: Executor,
  planId: number,
  where: RawBuilder<SqlBool>,
  paging: { page: number; pageSize: number } | null,
): Promise<{ items: RegistrationRecord[]; total: number }> {
  const limit =
    paging === null
      ? sql``
      : sql`LIMIT ${paging.pageSize} OFFSET ${(paging.page - 1) * paging.pageSize}`;
  const { rows } = await sql<RawRegistration & { total: number }>`
    SELECT ${registrationSelect}, count(*) OVER ()::int AS total FROM ${registrationFrom}
    WHERE r.plan_id = ${planId} AND ${where} ORDER BY ${listOrder} ${limit}`.execute(db);
  return { items: rows.map(parse), total: rows[0]?.total ?? 0 };
}

/**
 * The ids of a plan's registrations matching `where` (over r, u, p), in list order: what an
 * export walks through in batches, so the list is sorted once rather than once per batch.
 */
export async function listRegistrationIds(
  db: Executor,
  planId: number,
  where: RawBuilder<SqlBool>,
): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    SELECT r.id FROM registration r JOIN org_unit u ON u.id = r.unit_id
      LEFT JOIN person p ON p.id = r.person_id
    WHERE r.plan_id = ${planId} AND ${where} ORDER BY ${listOrder}`.execute(db);
  return rows.map((r) => r.id);
}

export type RegistrationInsert = {
  planId: number;
  kind: 'collective' | 'individual';
  unitId: number;
  personId: number | null;
  commitments: unknown;
  submittedAt: Date;
  submittedBy: number | null;
  late: boolean;
  lateReason: string | null;
};

/**
 * Inserts the registrations and returns them as records (names joined), in id order: one
 * statement (the insert is a CTE the record query reads), not an insert and a re-read.
 */
export async function insertRegistrations(
  db: Executor,
  rows: RegistrationInsert[],
): Promise<RegistrationRecord[]> {
  if (rows.length === 0) return [];
  const insert = db
    .insertInto('registration')
    .values(
      rows.map((r) => ({
        ...r,
        provinceId: sql`(SELECT province_id FROM org_unit WHERE id = ${r.unitId})`,
        commitments: JSON.stringify(r.commitments),
        createdAt: r.submittedAt,
        updatedAt: r.submittedAt,
      })),
    )
    .returningAll();
  const { rows: created } = await sql<RawRegistration>`
    WITH inserted AS (${insert})
    SELECT ${registrationSelect} FROM ${registrationsFrom(sql`inserted`)} ORDER BY r.id`.execute(
    db,
  );
  return created.map(parse);
}

/**
 * An individual registration in one statement: reads the person (with their unit's path) and
 * inserts the registration from that row, at the person's unit — unless the person already holds
 * a live registration to the plan (then `created` is undefined: nothing written). `person` is
 * undefined when there is no such person. The caller checks the person afterwards and throws,
 * rolling the insert back, when the registration must not stand.
 */
export async function insertIndividualRegistration(
  db: Executor,
  row: Omit<RegistrationInsert, 'kind' | 'unitId' | 'personId'> & { personId: number },
): Promise<{ person: PersonRow | undefined; created: RegistrationRecord | undefined }> {
  const { rows } = await sql<
    Omit<RawRegistration, 'id'> & { id: number | null; person: PersonRow }
  >`
    WITH person_row AS (
      SELECT p.id, p.full_name AS "fullName", p.category, p.active, p.unit_id AS "unitId",
        u.path::text AS "unitPath", u.province_id AS "provinceId"
      FROM person p JOIN org_unit u ON u.id = p.unit_id WHERE p.id = ${row.personId}
    ), inserted AS (
      INSERT INTO registration (plan_id, kind, unit_id, person_id, province_id, commitments,
        submitted_at, submitted_by, late, late_reason, created_at, updated_at)
      SELECT ${row.planId}, 'individual', pr."unitId", pr.id, pr."provinceId",
        ${JSON.stringify(row.commitments)}::jsonb, ${row.submittedAt}, ${row.submittedBy},
        ${row.late}, ${row.lateReason}, ${row.submittedAt}, ${row.submittedAt}
      FROM person_row pr
      ON CONFLICT DO NOTHING
      RETURNING *
    )
    SELECT json_build_object('id', pr.id, 'fullName', pr."fullName", 'category', pr.category,
        'active', pr.active, 'unitId', pr."unitId", 'unitPath', pr."unitPath") AS person,
      ${registrationSelect}
    FROM person_row pr LEFT JOIN (${registrationsFrom(sql`inserted`)}) ON true`.execute(db);
  const first = rows[0];
  if (first === undefined) return { person: undefined, created: undefined };
  const { person, id, ...rest } = first;
  return { person, created: id === null ? undefined : parse({ ...rest, id }) };
}

export async function updateRegistration(
  db: Executor,
  id: number,
  set: {
    status?: RegistrationStatus;
    commitments?: unknown;
    decidedAt?: Date | null;
    decidedBy?: number | null;
    returnReason?: string | null;
    version: number;
    updatedAt: Date;
  },
): Promise<void> {
  await db
    .updateTable('registration')
    .set({
      ...set,
      commitments: set.commitments === undefined ? undefined : JSON.stringify(set.commitments),
    })
    .where('id', '=', id)
    .execute();
}

export type UnitRow = {
  id: number;
  path: string;
  name: string;
  kind: UnitKind;
  active: boolean;
};

export async function findUnitRow(db: Executor, id: number): Promise<UnitRow | undefined> {
  const { rows } = await sql<UnitRow>`
    SELECT id, path::text AS path, name, kind, active FROM org_unit WHERE id = ${id}`.execute(db);
  return rows[0];
}

export type PersonRow = {
  id: number;
  fullName: string;
  category: PersonCategory;
  active: boolean;
  unitId: number;
  unitPath: string;
};

/** The people with these ids (missing ids are simply absent), with their unit's path. */
export async function findPeople(db: Executor, ids: number[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<PersonRow>`
    SELECT p.id, p.full_name AS "fullName", p.category, p.active, p.unit_id AS "unitId",
      u.path::text AS "unitPath"
    FROM person p JOIN org_unit u ON u.id = p.unit_id
    WHERE p.id = ANY(${sql.val(ids)}::int[])`.execute(db);
  return rows;
}

/** Of these people, those already holding a live (not withdrawn) registration to the plan. */
export async function registeredPeople(
  db: Executor,
  planId: number,
  personIds: number[],
): Promise<number[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .selectFrom('registration')
    .select('personId')
    .where('planId', '=', planId)
    .where('kind', '=', 'individual')
    .where('status', '<>', 'withdrawn')
    .where('personId', 'in', personIds)
    .execute();
  return rows.map((r) => r.personId).filter((x): x is number => x !== null);
}

/** The nearest government level at or above the unit ("Xã Lương Điền"), and its parent's name. */
export async function localityOf(
  db: Executor,
  unitPath: string,
  governmentKinds: readonly string[],
): Promise<{ locality: string | null; parentName: string | null }> {
  const { rows } = await sql<{ name: string; parentName: string | null }>`
    SELECT a.name, pa.name AS "parentName" FROM org_unit a
    LEFT JOIN org_unit pa ON pa.id = a.parent_id
    WHERE a.path @> ${unitPath}::ltree AND a.kind = ANY(${sql.val([...governmentKinds])}::text[])
    ORDER BY nlevel(a.path) DESC LIMIT 1`.execute(db);
  const row = rows[0];
  return { locality: row?.name ?? null, parentName: row?.parentName ?? null };
}
