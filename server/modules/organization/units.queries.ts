import { sql, type SqlBool, type RawBuilder } from 'kysely';
import type { Executor } from '../../platform/db';
import { notFound } from '../../platform/errors';

/** A unit with its ltree path as text and the fields responses need. */
export type UnitRecord = {
  id: number;
  parentId: number | null;
  path: string;
  provinceId: number | null;
  kind: import('../../../shared/org').UnitKind;
  name: string;
  adminCode: string | null;
  active: boolean;
  version: number;
};

const unitColumns = [
  'u.id',
  'u.parentId',
  'u.provinceId',
  'u.kind',
  'u.name',
  'u.adminCode',
  'u.active',
  'u.version',
] as const;

export function findUnit(db: Executor, id: number): Promise<UnitRecord | undefined> {
  return db
    .selectFrom('orgUnit as u')
    .select([...unitColumns, sql<string>`u.path::text`.as('path')])
    .where('u.id', '=', id)
    .executeTakeFirst();
}

export async function getUnit(db: Executor, id: number): Promise<UnitRecord> {
  const unit = await findUnit(db, id);
  if (unit === undefined) throw notFound('đơn vị');
  return unit;
}

export type UnitListRow = UnitRecord & {
  childCount: number;
  peopleCount: number;
  ancestors: { id: number; name: string }[];
};

/** Ancestor names from the root down, looked up by primary key from the ids in the path. */
const ancestorsOf = (unit: string) =>
  sql<
    { id: number; name: string }[]
  >`(SELECT json_agg(json_build_object('id', a.id, 'name', a.name) ORDER BY nlevel(a.path))
    FROM org_unit a WHERE a.id = ANY(string_to_array(${sql.ref(`${unit}.path`)}::text, '.')::int[]))`;

/**
 * A page of units matching `where`, Vietnamese-sorted, with counts and ancestor names. The page's
 * ids are chosen first so the per-row subqueries run for the page only, not for skipped rows.
 */
export async function listUnits(
  db: Executor,
  where: RawBuilder<SqlBool>,
  pageNo: number,
  size: number,
): Promise<{ items: UnitListRow[]; total: number }> {
  const base = db.selectFrom('orgUnit as u').where(where);
  const pageIds = base
    .select(['u.id', sql<string>`u.name`.as('sortName')])
    .orderBy(sql`u.name COLLATE "vi-x-icu"`)
    .orderBy('u.id')
    .limit(size)
    .offset((pageNo - 1) * size)
    .as('pg');
  const [items, count] = await Promise.all([
    db
      .selectFrom(pageIds)
      .innerJoin('orgUnit as u', 'u.id', 'pg.id')
      .select([
        ...unitColumns,
        sql<string>`u.path::text`.as('path'),
        sql<number>`(SELECT count(*) FROM org_unit c WHERE c.parent_id = u.id)::int`.as(
          'childCount',
        ),
        sql<number>`(SELECT count(*) FROM person p WHERE p.unit_id = u.id AND p.active)::int`.as(
          'peopleCount',
        ),
        ancestorsOf('u').as('ancestors'),
      ])
      .orderBy(sql`u.name COLLATE "vi-x-icu"`)
      .orderBy('u.id')
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export async function unitDetailCounts(db: Executor, id: number) {
  return db
    .selectFrom('orgUnit as u')
    .select([
      sql<number>`(SELECT count(*) FROM org_unit c WHERE c.parent_id = u.id)::int`.as('childCount'),
      sql<number>`(SELECT count(*) FROM person p WHERE p.unit_id = u.id AND p.active)::int`.as(
        'peopleCount',
      ),
      sql<
        { id: number; name: string }[]
      >`(SELECT json_agg(json_build_object('id', a.id, 'name', a.name) ORDER BY nlevel(a.path))
        FROM org_unit a WHERE a.path @> u.path)`.as('ancestors'),
    ])
    .where('u.id', '=', id)
    .executeTakeFirstOrThrow();
}

export async function nextUnitId(db: Executor): Promise<number> {
  const r = await sql<{
    id: number;
  }>`SELECT nextval(pg_get_serial_sequence('org_unit', 'id'))::int AS id`.execute(db);
  const row = r.rows[0];
  if (row === undefined) throw new Error('no id from sequence');
  return row.id;
}

export async function insertUnit(
  db: Executor,
  u: {
    id: number;
    parentId: number | null;
    path: string;
    provinceId: number | null;
    kind: UnitRecord['kind'];
    name: string;
    adminCode: string | null;
    active: boolean;
    now: Date;
  },
): Promise<void> {
  await db
    .insertInto('orgUnit')
    .values({
      id: u.id,
      parentId: u.parentId,
      path: sql<string>`${u.path}::ltree`,
      provinceId: u.provinceId,
      kind: u.kind,
      name: u.name,
      adminCode: u.adminCode,
      active: u.active,
      createdAt: u.now,
      updatedAt: u.now,
    })
    .execute();
}

/** Re-roots a subtree: the unit at `oldPath` and everything under it move under `newParentPath`. */
export async function moveSubtree(
  db: Executor,
  oldPath: string,
  newParentPath: string | null,
  provinceId: number | null,
): Promise<void> {
  const keep = sql`subpath(path, nlevel(${oldPath}::ltree) - 1)`;
  const newPathExpr = newParentPath === null ? keep : sql`${newParentPath}::ltree || ${keep}`;
  await sql`
    UPDATE person SET province_id = ${provinceId}::int
    WHERE unit_id IN (SELECT id FROM org_unit WHERE path <@ ${oldPath}::ltree)`.execute(db);
  await sql`
    UPDATE org_unit SET path = ${newPathExpr},
      province_id = CASE WHEN kind = 'province' THEN id ELSE ${provinceId}::int END
    WHERE path <@ ${oldPath}::ltree`.execute(db);
}

const TREE_LOCK_KEY = 7_320_002;
/**
 * Serialises changes to the shape of the tree (create, move, import of units) until commit, so a
 * path is never built from a parent path that another transaction is moving at the same moment.
 */
export async function lockTree(db: Executor): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${TREE_LOCK_KEY})`.execute(db);
}
