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
      'u.name as unitName',
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

/** A page of people matching `where` (over p and u), sorted by given name then full name in Vietnamese order. */
export async function listPeople(
  db: Executor,
  where: RawBuilder<SqlBool>,
  pageNo: number,
  size: number,
) {
  const [items, count] = await Promise.all([
    selectPeople(db)
      .where(where)
      .orderBy(sql`p.given_name COLLATE "vi-x-icu"`)
      .orderBy(sql`p.full_name COLLATE "vi-x-icu"`)
      .orderBy('p.id')
      .limit(size)
      .offset((pageNo - 1) * size)
      .execute(),
    db
      .selectFrom('person as p')
      .innerJoin('orgUnit as u', 'u.id', 'p.unitId')
      .where(where)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export function listAssignments(db: Executor, personId: number) {
  return db
    .selectFrom('personAssignment as a')
    .innerJoin('orgUnit as u', 'u.id', 'a.unitId')
    .select(['a.id', 'a.unitId', 'u.name as unitName', 'a.position', 'a.startedOn', 'a.endedOn'])
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
