import { sql, type RawBuilder, type SqlBool, type Updateable } from 'kysely';
import type { PersonTable } from '../../db/schema';
import { pathInScope, type Scope } from '../../platform/access';
import { escapeLike, foldVietnamese } from '../../platform/text';
import type { Executor } from '../../platform/db';
import { notFound } from '../../platform/errors';
import type { PersonListRow } from './organization.schemas';
import { exportWhere, type ExportFilter } from './units.queries';

export type PersonRecord = PersonListRow & { unitPath: string; provinceId: number | null };

function selectPeople(db: Executor) {
  return db
    .selectFrom('person as p')
    .innerJoin('orgUnit as u', 'u.id', 'p.unitId')
    .select([
      'p.id',
      'p.fullName',
      'p.gender',
      'p.birthYear',
      'p.category',
      'p.position',
      'p.unitId',
      'u.displayName as unitName',
      'p.email',
      'p.phone',
      'p.active',
      'p.version',
      'p.provinceId',
      sql<string>`u.path::text`.as('unitPath'),
    ]);
}

export function findPerson(db: Executor, id: number): Promise<PersonRecord | undefined> {
  return selectPeople(db).where('p.id', '=', id).executeTakeFirst();
}

export async function getPerson(db: Executor, id: number): Promise<PersonRecord> {
  const p = await findPerson(db, id);
  if (p === undefined) throw notFound('cán bộ');
  return p;
}

/** Counts stop here: beyond it a list answers "more than 5,000" (totalCapped) instead of counting on. */
export const COUNT_CAP = 5000;
/** Match sets up to this size are collected and sorted; larger ones walk the name-sort index. */
const MATERIALIZE_MAX = 2000;

/**
 * A page of people matching `where` (a predicate over `person p` only), sorted by given name then
 * full name in Vietnamese order, with a capped total.
 *
 * Plan choice is made here rather than by the planner, whose trigram estimates are poor: a small
 * match set (a specific name, a commune's staff) is collected once and sorted; a large one (a
 * common family name, a province) is read in sort order from `person_sort` until the page is full.
 */
export async function listPeople(
  db: Executor,
  where: RawBuilder<SqlBool>,
  pageNo: number,
  size: number,
  limits: { countCap?: number; materializeMax?: number } = {},
) {
  const countCap = limits.countCap ?? COUNT_CAP;
  const materializeMax = limits.materializeMax ?? MATERIALIZE_MAX;
  const offset = (pageNo - 1) * size;
  const order = sql`ORDER BY p.given_name COLLATE "vi-x-icu", p.full_name COLLATE "vi-x-icu", p.id`;
  const columns = sql`p.id, p.full_name, p.gender, p.birth_year, p.category, p.position, p.unit_id,
    u.display_name AS unit_name, p.email, p.phone, p.active, p.version, p.province_id, u.path::text AS unit_path`;
  // One pass over the matches (up to the cap): count them and, when few, sort the page from them.
  const first = await sql<PersonRecord & { n: number }>`
    WITH m AS MATERIALIZED (SELECT p.id, p.given_name, p.full_name FROM person p WHERE ${where} LIMIT ${countCap + 1}),
      c AS (SELECT count(*)::int AS n FROM m),
      pg AS (SELECT p.id FROM m p, c WHERE c.n <= ${materializeMax} ${order} LIMIT ${size} OFFSET ${offset})
    SELECT c.n, ${columns}
    FROM c LEFT JOIN (pg JOIN person p ON p.id = pg.id JOIN org_unit u ON u.id = p.unit_id) ON true
    ${order}`.execute(db);
  const n = first.rows[0]?.n ?? 0;
  const total = Math.min(n, countCap);
  const totalCapped = n > countCap;
  if (n === 0 || (offset >= n && !totalCapped))
    return { items: [] as PersonRecord[], total, totalCapped };
  if (n <= materializeMax) {
    return { items: first.rows.map(({ n: _n, ...row }) => row), total, totalCapped };
  }
  // Many matches: read them in sort order from person_sort until the page is full.
  const rows = await sql<PersonRecord>`
    SELECT ${columns}
    FROM (SELECT p.id FROM person p WHERE ${where} ${order} LIMIT ${size} OFFSET ${offset}) pg
      JOIN person p ON p.id = pg.id JOIN org_unit u ON u.id = p.unit_id
    ${order}`.execute(db);
  return { items: rows.rows, total, totalCapped };
}

export function listAssignments(db: Executor, personId: number) {
  return db
    .selectFrom('personAssignment as a')
    .innerJoin('orgUnit as u', 'u.id', 'a.unitId')
    .select([
      'a.id',
      'a.unitId',
      'u.displayName as unitName',
      'a.position',
      'a.startedOn',
      'a.endedOn',
    ])
    .where('a.personId', '=', personId)
    .orderBy('a.startedOn', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
}

export function unitPathNames(db: Executor, unitPath: string) {
  return db
    .selectFrom('orgUnit as a')
    .select(['a.id', 'a.name'])
    .where(sql<SqlBool>`a.path @> ${unitPath}::ltree`)
    .orderBy(sql`nlevel(a.path)`)
    .execute();
}

/** Predicate for a people search: accent/case-insensitive on the stored normalised name. */
export function nameMatches(search: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`p.name_search LIKE ${`%${escapeLike(foldVietnamese(search))}%`}`;
}

/** What the people list asks for; the scope is the actor's person.view scope. */
export type PeopleFilter = {
  scope: Scope;
  /** Only people in this unit's subtree. */
  unitPath?: string | undefined;
  search?: string | undefined;
  category?: string | undefined;
  active?: boolean | undefined;
};

/**
 * The people list's predicate over `person p` only: subtrees become `unit_id IN (units under the
 * path)`, so no join is needed until the page's rows are fetched.
 */
export function peopleWhere(f: PeopleFilter): RawBuilder<SqlBool> {
  const conditions: RawBuilder<SqlBool>[] = [];
  if (!f.scope.all) {
    conditions.push(
      sql<SqlBool>`p.unit_id IN (SELECT su.id FROM org_unit su WHERE ${pathInScope(f.scope, sql<string>`su.path`)})`,
    );
  }
  if (f.unitPath !== undefined) {
    conditions.push(
      sql<SqlBool>`p.unit_id IN (SELECT su.id FROM org_unit su WHERE su.path <@ ${f.unitPath}::ltree)`,
    );
  }
  if (f.search) conditions.push(nameMatches(f.search));
  if (f.category) conditions.push(sql<SqlBool>`p.category = ${f.category}`);
  if (f.active !== undefined) conditions.push(sql<SqlBool>`p.active = ${f.active}`);
  return conditions.length === 0
    ? sql<SqlBool>`true`
    : sql<SqlBool>`${sql.join(conditions, sql` AND `)}`;
}

export function insertPerson(
  db: Executor,
  p: {
    unitId: number;
    provinceId: number | null;
    fullName: string;
    gender?: PersonRecord['gender'] | undefined;
    birthYear?: number | null | undefined;
    category: PersonRecord['category'];
    position?: string | null | undefined;
    email?: string | null | undefined;
    phone?: string | null | undefined;
    createdAt: Date;
    updatedAt: Date;
  },
) {
  return db.insertInto('person').values(p).returning('id').executeTakeFirstOrThrow();
}

export async function insertAssignment(
  db: Executor,
  a: { personId: number; unitId: number; position: string | null | undefined; startedOn: string },
): Promise<void> {
  await db.insertInto('personAssignment').values(a).execute();
}

/** The person's open assignment (no end date), if any. */
export function findOpenAssignment(db: Executor, personId: number) {
  return db
    .selectFrom('personAssignment')
    .selectAll()
    .where('personId', '=', personId)
    .where('endedOn', 'is', null)
    .executeTakeFirst();
}

export async function setOpenAssignmentPosition(
  db: Executor,
  personId: number,
  position: string | null,
): Promise<void> {
  await db
    .updateTable('personAssignment')
    .set({ position })
    .where('personId', '=', personId)
    .where('endedOn', 'is', null)
    .execute();
}

/** Ends the assignment the day before `nextStartsOn`. */
export async function endAssignmentBefore(
  db: Executor,
  assignmentId: number,
  nextStartsOn: string,
): Promise<void> {
  await db
    .updateTable('personAssignment')
    .set({ endedOn: sql<string>`${nextStartsOn}::date - 1` })
    .where('id', '=', assignmentId)
    .execute();
}

/** Applies the changes if the person is still at `version` (bumping it); returns whether it was. */
export async function updatePersonIfVersion(
  db: Executor,
  id: number,
  version: number,
  changes: Updateable<PersonTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('person')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The next batch of people an export covers (keyset-paged by id), optionally name-matched. */
export function listPeopleForExport(
  db: Executor,
  f: ExportFilter & { search?: string | undefined },
  afterId: number,
  limit: number,
) {
  let query = db
    .selectFrom('person as p')
    .innerJoin('orgUnit as u', 'u.id', 'p.unitId')
    .select([
      'p.id',
      'p.fullName',
      'p.gender',
      'p.birthYear',
      'p.category',
      'p.position',
      'p.unitId',
      'p.email',
      'p.phone',
    ])
    .where(exportWhere(f));
  if (f.search) query = query.where(nameMatches(f.search));
  return query.where('p.id', '>', afterId).orderBy('p.id').limit(limit).execute();
}
