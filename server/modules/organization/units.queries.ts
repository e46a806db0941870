import { sql, type SqlBool, type RawBuilder } from 'kysely';
import type { Executor } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { pathInScope, type Scope } from '../../platform/access';
import { escapeLike, foldVietnamese } from '../../platform/text';

/** A unit with its ltree path as text and the fields responses need. */
export type UnitRecord = {
  id: number;
  parentId: number | null;
  path: string;
  provinceId: number | null;
  kind: import('../../../shared/org').UnitKind;
  name: string;
  /** The name lists show: see `refreshDisplayNames`. */
  displayName: string;
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
  'u.displayName',
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

/** What the units list asks for; the scope is the actor's unit.view scope. */
export type UnitFilter = {
  scope: Scope;
  /** Children of this unit, or with `search` its whole subtree below it. */
  parent?: { id: number; path: string } | undefined;
  /** Matched, accent- and case-insensitively, anywhere in the name. */
  search?: string | undefined;
  kind?: string | undefined;
};

/**
 * The units list's condition: inside the scope; under `parent` (children, or its subtree when
 * searching); without either, the scope's top units.
 */
export function unitFilterWhere(f: UnitFilter): RawBuilder<SqlBool> {
  const conditions = [pathInScope(f.scope, sql<string>`u.path`)];
  if (f.parent !== undefined) {
    if (f.search)
      conditions.push(sql`u.path <@ ${f.parent.path}::ltree AND u.id <> ${f.parent.id}`);
    else conditions.push(sql`u.parent_id = ${f.parent.id}`);
  } else if (!f.search) {
    if (f.scope.all) conditions.push(sql`u.parent_id IS NULL`);
    else conditions.push(sql`u.path::text = ANY(${sql.val(f.scope.paths)})`);
  }
  if (f.search) {
    conditions.push(sql`u.name_search LIKE ${`%${escapeLike(foldVietnamese(f.search))}%`}`);
  }
  if (f.kind) conditions.push(sql`u.kind = ${f.kind}`);
  return sql<SqlBool>`${sql.join(conditions, sql` AND `)}`;
}

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
      // Provisional: the caller refreshes the tree's display names once its writes are done.
      displayName: u.name,
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

/** The root (province) ids of the trees holding these unit paths. */
export const treeRootsOf = (...paths: string[]): number[] => [
  ...new Set(paths.map((p) => Number(p.split('.')[0]))),
];

/**
 * Recomputes `display_name` for every unit in the trees rooted at `rootIds`. A unit's display name
 * is its own name when no other unit of its tree bears the same name (case-insensitive); otherwise
 * the name followed by its nearest ancestors' names, nearest first, as few as tell it apart from
 * every namesake ("Bộ phận một cửa – Xã Lương Điền", and one more level when two communes of the
 * tree share a name too). Run after any change to a name or to the tree's shape, under
 * `lockTree`. Only rows whose display name changes are written.
 */
export async function refreshDisplayNames(db: Executor, rootIds: readonly number[]): Promise<void> {
  if (rootIds.length === 0) return;
  const roots = rootIds.map(String);
  await sql`
    WITH t AS (
      SELECT u.id, u.name, u.path, nlevel(u.path) AS depth, subpath(u.path, 0, 1) AS root,
        lower(u.name) AS lname, count(*) OVER (PARTITION BY subpath(u.path, 0, 1), lower(u.name)) AS same
      FROM org_unit u WHERE u.path <@ ANY(${roots}::ltree[])
    ), amb AS (
      SELECT t.id, t.name, t.root, t.lname, t.depth,
        ARRAY(SELECT a.name FROM org_unit a
          WHERE a.id = ANY(string_to_array(t.path::text, '.')::int[]) AND a.id <> t.id
          ORDER BY nlevel(a.path) DESC) AS anc
      FROM t WHERE t.same > 1
    ), keys AS (
      SELECT amb.id, k, count(*) OVER (PARTITION BY amb.root, amb.lname, k,
        lower(array_to_string(amb.anc[1:k], chr(31)))) AS n
      FROM amb CROSS JOIN generate_series(1, (SELECT COALESCE(max(depth), 1) FROM amb)) AS k
    ), best AS (
      SELECT id, min(k) AS k FROM keys WHERE n = 1 GROUP BY id
    ), computed AS (
      SELECT t.id, CASE WHEN amb.id IS NULL THEN t.name
        ELSE array_to_string(ARRAY[amb.name] || amb.anc[1:COALESCE(best.k, amb.depth)], ' – ') END AS dn
      FROM t LEFT JOIN amb ON amb.id = t.id LEFT JOIN best ON best.id = t.id
    )
    UPDATE org_unit o SET display_name = c.dn FROM computed c
    WHERE o.id = c.id AND o.display_name IS DISTINCT FROM c.dn`.execute(db);
}

const TREE_LOCK_KEY = 7_320_002;
/**
 * Serialises changes to the shape of the tree (create, move, import of units) until commit, so a
 * path is never built from a parent path that another transaction is moving at the same moment.
 */
export async function lockTree(db: Executor): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${TREE_LOCK_KEY})`.execute(db);
}

/** The scope unit and every unit under it, parents before children. */
export function listUnitsWithin(db: Executor, scopePath: string): Promise<UnitRecord[]> {
  return db
    .selectFrom('orgUnit as u')
    .select([...unitColumns, sql<string>`u.path::text`.as('path')])
    .where(sql<boolean>`u.path <@ ${scopePath}::ltree`)
    .orderBy(sql`nlevel(u.path)`)
    .execute();
}

/** The units above the scope unit (not itself), from the top down. */
export function listUnitsAbove(db: Executor, scopePath: string) {
  return db
    .selectFrom('orgUnit as u')
    .select(['u.id', 'u.name'])
    .where(sql<boolean>`u.path @> ${scopePath}::ltree`)
    .where(sql<boolean>`u.path <> ${scopePath}::ltree`)
    .orderBy(sql`nlevel(u.path)`)
    .execute();
}

/** The distinct kinds of the unit's direct children. */
export async function listChildKinds(db: Executor, id: number) {
  const rows = await db
    .selectFrom('orgUnit')
    .select('kind')
    .distinct()
    .where('parentId', '=', id)
    .execute();
  return rows.map((r) => r.kind);
}

/**
 * Writes the unit's own fields if it is still at `version` (bumping it); returns whether it was.
 * Unique-constraint errors propagate for the caller to translate.
 */
export async function updateUnitIfVersion(
  db: Executor,
  id: number,
  version: number,
  fields: {
    name: string;
    kind: UnitRecord['kind'];
    adminCode: string | null;
    active: boolean;
    parentId: number | null;
    updatedAt: Date;
  },
): Promise<boolean> {
  const r = await db
    .updateTable('orgUnit')
    .set({ ...fields, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** What an export covers: the actor's scope, narrowed to one unit's subtree when given. */
export type ExportFilter = { scope: Scope; unitPath?: string | undefined };

/** The export's predicate over `org_unit u`. */
export function exportWhere(f: ExportFilter): RawBuilder<SqlBool> {
  const conditions = [pathInScope(f.scope, sql<string>`u.path`)];
  if (f.unitPath !== undefined) conditions.push(sql<SqlBool>`u.path <@ ${f.unitPath}::ltree`);
  return sql<SqlBool>`${sql.join(conditions, sql` AND `)}`;
}

/** The units an export covers, parents before children, Vietnamese-sorted within a level. */
export function listUnitsForExport(db: Executor, f: ExportFilter) {
  return db
    .selectFrom('orgUnit as u')
    .select(['u.id', 'u.name', 'u.kind', 'u.adminCode', 'u.parentId', 'u.active'])
    .where(exportWhere(f))
    .orderBy(sql`nlevel(u.path)`)
    .orderBy(sql`u.name COLLATE "vi-x-icu"`)
    .execute();
}

/** Each unit's names from the root down, joined with `separator`. */
export async function listUnitNamePaths(
  db: Executor,
  unitIds: readonly number[],
  separator: string,
): Promise<{ id: number; names: string }[]> {
  const { rows } = await sql<{ id: number; names: string }>`
    SELECT u.id, (SELECT string_agg(a.name, ${separator} ORDER BY nlevel(a.path)) FROM org_unit a WHERE a.path @> u.path) AS names
    FROM org_unit u WHERE u.id = ANY(${sql.val(unitIds)}::int[])`.execute(db);
  return rows;
}
