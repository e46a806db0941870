import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../platform/db';
import { notFound } from '../../platform/errors';
import type { PersonListRow } from './organization.schemas';

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
