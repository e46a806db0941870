import { sql, type RawBuilder } from 'kysely';
import { CriteriaTree } from '../../../shared/criteria';
import { pathInScope, type Scope } from '../../platform/access';
import type { Executor } from '../../platform/db';
import { escapeLike, foldVietnamese } from '../../platform/text';
import { notFound } from '../../platform/errors';
import type { CriteriaVersionRecord } from './criteria.schemas';
import { countLeaves } from './tree';

/** SQL of criteria sets and their versions (tables criteria_set, criteria_set_version). */

const versionSelect = sql`v.id, v.set_id AS "setId", s.name AS "setName", s.description,
  s.is_example AS "isExample", s.owner_unit_id AS "ownerUnitId", u.name AS "ownerUnitName",
  u.path::text AS "ownerUnitPath", v.number, v.status, v.tree, v.leaf_count AS "leafCount",
  v.max_total AS "maxTotal", v.based_on_id AS "basedOnId", v.version,
  v.published_at AS "publishedAt", v.updated_at AS "updatedAt"`;
const versionFrom = sql`criteria_set_version v JOIN criteria_set s ON s.id = v.set_id
  LEFT JOIN org_unit u ON u.id = s.owner_unit_id`;

export async function findCriteriaVersion(
  db: Executor,
  id: number,
  lock = false,
): Promise<CriteriaVersionRecord | undefined> {
  const { rows } = await sql<Omit<CriteriaVersionRecord, 'tree'> & { tree: unknown }>`
    SELECT ${versionSelect} FROM ${versionFrom} WHERE v.id = ${id}
    ${lock ? sql`FOR UPDATE OF v` : sql``}`.execute(db);
  const row = rows[0];
  return row === undefined ? undefined : { ...row, tree: CriteriaTree.parse(row.tree) };
}

/**
 * The ONE criteria tree loader: the tree of a criteria version (a score sheet's, a plan's),
 * parsed. NOT_FOUND when the version does not exist. Readers that already hold a tree pass it
 * on instead of loading it again.
 */
export async function loadCriteriaTree(db: Executor, versionId: number): Promise<CriteriaTree> {
  const row = await db
    .selectFrom('criteriaSetVersion')
    .select('tree')
    .where('id', '=', versionId)
    .executeTakeFirst();
  if (row === undefined) throw notFound('bộ tiêu chí');
  return CriteriaTree.parse(row.tree);
}

/**
 * SQL: when the criteria version `versionId` (a column reference) was published, null for a
 * draft. A reader selects it with its own row to call `publishedCriteriaTree` without a read.
 */
export const criteriaPublishedAtSql = (versionId: RawBuilder<unknown>) =>
  sql<Date | null>`(SELECT cv.published_at FROM criteria_set_version cv WHERE cv.id = ${versionId})`;

/** Parsed trees of published versions, by id and publication time (oldest dropped first). */
const publishedTrees = new Map<string, CriteriaTree>();
const PUBLISHED_TREES_KEPT = 64;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * The version's tree as `loadCriteriaTree` gives it, but without a round trip or a parse when
 * the version is published and this process has loaded it before: a published tree never
 * changes (only drafts are edited), so the version's id with its publication time (from
 * `criteriaPublishedAtSql`, read with the caller's row) names it for good — also across a
 * database emptied and refilled, where ids are reused. A draft (`publishedAt` null) is read each
 * time. The tree returned is frozen: callers must not change it.
 */
export async function publishedCriteriaTree(
  db: Executor,
  versionId: number,
  publishedAt: Date | null,
): Promise<CriteriaTree> {
  if (publishedAt === null) return loadCriteriaTree(db, versionId);
  const key = `${versionId}@${publishedAt.toISOString()}`;
  const cached = publishedTrees.get(key);
  if (cached !== undefined) return cached;
  const tree = deepFreeze(await loadCriteriaTree(db, versionId));
  if (publishedTrees.size >= PUBLISHED_TREES_KEPT) {
    const [oldest] = publishedTrees.keys();
    if (oldest !== undefined) publishedTrees.delete(oldest);
  }
  publishedTrees.set(key, tree);
  return tree;
}

/**
 * One page of the versions readable in `scope` (published ones, and drafts of sets owned inside
 * the actor's criteria.manage scope), optionally by accent-insensitive name, with the total.
 */
export async function listCriteriaVersionRows(
  db: Executor,
  scope: Scope,
  page: { page: number; pageSize: number; search?: string | undefined },
) {
  const conditions = [sql`(v.status = 'published' OR ${pathInScope(scope, sql<string>`u.path`)})`];
  if (page.search)
    conditions.push(sql`f_norm(s.name) LIKE ${`%${escapeLike(foldVietnamese(page.search))}%`}`);
  const { rows } = await sql<
    Omit<CriteriaVersionRecord, 'tree'> & { tree: unknown; total: number }
  >`
    SELECT ${versionSelect}, count(*) OVER ()::int AS total FROM ${versionFrom}
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY s.is_example, s.id DESC, v.number DESC
    LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`.execute(db);
  return rows;
}

export async function insertCriteriaSet(
  db: Executor,
  values: {
    ownerUnitId: number | null;
    name: string;
    description: string | null;
    isExample?: boolean;
    createdBy?: number | null;
    at: Date;
  },
): Promise<number> {
  const { at, ...rest } = values;
  const row = await db
    .insertInto('criteriaSet')
    .values({ ...rest, createdAt: at, updatedAt: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The next version of a set (number = highest + 1), as a draft unless `published` is given. */
export async function insertCriteriaVersion(
  db: Executor,
  values: {
    setId: number;
    tree: CriteriaTree;
    basedOnId: number | null;
    createdBy: number | null;
    at: Date;
    published?: boolean;
  },
): Promise<number> {
  const last = await db
    .selectFrom('criteriaSetVersion')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('setId', '=', values.setId)
    .executeTakeFirst();
  const row = await db
    .insertInto('criteriaSetVersion')
    .values({
      setId: values.setId,
      number: (last?.n ?? 0) + 1,
      tree: JSON.stringify(values.tree),
      leafCount: countLeaves(values.tree),
      maxTotal: values.tree.maxTotal,
      basedOnId: values.basedOnId,
      createdBy: values.createdBy,
      createdAt: values.at,
      updatedAt: values.at,
      ...(values.published === true ? { status: 'published', publishedAt: values.at } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCriteriaVersionTree(
  db: Executor,
  id: number,
  tree: CriteriaTree,
  version: number,
  at: Date,
): Promise<void> {
  await db
    .updateTable('criteriaSetVersion')
    .set({
      tree: JSON.stringify(tree),
      leafCount: countLeaves(tree),
      maxTotal: tree.maxTotal,
      version,
      updatedAt: at,
    })
    .where('id', '=', id)
    .execute();
}

export async function markCriteriaVersionPublished(
  db: Executor,
  id: number,
  by: number | null,
  version: number,
  at: Date,
): Promise<void> {
  await db
    .updateTable('criteriaSetVersion')
    .set({ status: 'published', publishedAt: at, publishedBy: by, version, updatedAt: at })
    .where('id', '=', id)
    .execute();
}

/** Locks a set's row so two new versions of it are numbered one after the other. */
export async function lockCriteriaSet(db: Executor, setId: number): Promise<void> {
  await db.selectFrom('criteriaSet').select('id').where('id', '=', setId).forUpdate().execute();
}

/** Serialises installers of the example set (a transaction-scoped advisory lock). */
export async function lockExampleInstall(db: Executor): Promise<void> {
  await db
    .selectNoFrom((eb) => eb.fn('pg_advisory_xact_lock', [eb.val(7_320_004)]).as('l'))
    .execute();
}

export async function findExampleVersionId(db: Executor, name: string) {
  const row = await db
    .selectFrom('criteriaSetVersion as v')
    .innerJoin('criteriaSet as s', 's.id', 'v.setId')
    .select('v.id')
    .where('s.isExample', '=', true)
    .where('s.name', '=', name)
    .executeTakeFirst();
  return row?.id;
}
