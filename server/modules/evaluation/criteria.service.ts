import { sql } from 'kysely';
import {
  CriteriaTree,
  type CriterionNode,
  type CriteriaTree as Tree,
} from '../../../shared/criteria';
import type { Ctx } from '../../platform/context';
import { actorId } from '../../platform/context';
import { AppError, forbidden, notFound, staleVersion } from '../../platform/errors';
import { can, pathInScope, scopeFor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import type { Executor } from '../../platform/db';
import { parseInput } from '../../platform/validation';
import { escapeLike, foldVietnamese } from '../../platform/text';
import { getUnit } from '../organization/index';
import {
  CreateCriteriaSet,
  ListCriteriaQuery,
  NewCriteriaVersion,
  PublishCriteriaVersion,
  UpdateCriteriaDraft,
  criteriaLabels,
  toCriteriaVersionResponse,
  type CriteriaVersionRecord,
} from './criteria.schemas';
import { validateTree } from './scoring.rules';

/**
 * Criteria sets (bộ tiêu chí): versioned trees. A draft version is edited whole; publishing
 * freezes it; a new version starts as a copy. Example sets (no owner) are read-only templates.
 */

function leaves(nodes: CriterionNode[]): number {
  return nodes.reduce((n, c) => n + (c.children.length === 0 ? 1 : leaves(c.children)), 0);
}

/** Zod shape first, then the tree's own rules (sums, duplicate codes, scoring on leaves). */
function checkedTree(tree: Tree): Tree {
  const problems = validateTree(tree).map((p) =>
    p.code === null ? p.message : `${p.code}: ${p.message}`,
  );
  if (problems.length > 0)
    throw new AppError('VALIDATION_FAILED', `Cây tiêu chí chưa hợp lệ — ${problems.join('; ')}.`, {
      fields: problems.map((message) => ({ field: 'tree', label: 'Cây tiêu chí', message })),
    });
  return tree;
}

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

/** Who may change a set: criteria.manage over its owner unit; example sets belong to nobody. */
function canManage(ctx: Ctx, v: { ownerUnitPath: string | null }): boolean {
  return v.ownerUnitPath !== null && can(ctx.actor, 'criteria.manage', v.ownerUnitPath);
}

/** Loads a version to change: NOT_FOUND when missing or a draft the actor cannot see. */
async function managedVersion(ctx: Ctx, trx: Executor, id: number) {
  const v = await findCriteriaVersion(trx, id, true);
  if (v === undefined || (v.status === 'draft' && !canManage(ctx, v)))
    throw notFound('bộ tiêu chí');
  if (!canManage(ctx, v)) throw forbidden('Bạn không có quyền sửa bộ tiêu chí này.');
  return v;
}

/** Published versions are readable by every signed-in user; drafts by their managers. */
export async function getCriteriaVersion(ctx: Ctx, id: number, db: Executor = ctx.db) {
  const v = await findCriteriaVersion(db, id);
  if (v === undefined || (v.status === 'draft' && !canManage(ctx, v)))
    throw notFound('bộ tiêu chí');
  return {
    ...toCriteriaVersionResponse(v),
    permissions: {
      canEdit: v.status === 'draft' && canManage(ctx, v),
      canCopy: canManageAnywhere(ctx),
    },
  };
}

function canManageAnywhere(ctx: Ctx): boolean {
  const scope = scopeFor(ctx.actor, 'criteria.manage');
  return scope.all || scope.paths.length > 0;
}

/** Every version the actor may read, newest first, with accent-insensitive search on the name. */
export async function listCriteriaVersions(ctx: Ctx, input: unknown) {
  const query = parseInput(ListCriteriaQuery, input, { search: 'Tìm kiếm' });
  const scope = scopeFor(ctx.actor, 'criteria.manage');
  const conditions = [sql`(v.status = 'published' OR ${pathInScope(scope, sql<string>`u.path`)})`];
  if (query.search)
    conditions.push(sql`f_norm(s.name) LIKE ${`%${escapeLike(foldVietnamese(query.search))}%`}`);
  const { rows } = await sql<
    Omit<CriteriaVersionRecord, 'tree'> & { tree: unknown; total: number }
  >`
    SELECT ${versionSelect}, count(*) OVER ()::int AS total FROM ${versionFrom}
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY s.is_example, s.id DESC, v.number DESC
    LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`.execute(ctx.db);
  return {
    items: rows.map(({ tree: _t, total: _n, ...v }) => {
      const { tree: _omit, ...summary } = toCriteriaVersionResponse({
        ...v,
        tree: { maxTotal: v.maxTotal, fields: [] },
      });
      return summary;
    }),
    total: rows[0]?.total ?? 0,
  };
}

async function insertVersion(
  ctx: Ctx,
  trx: Executor,
  setId: number,
  tree: Tree,
  basedOnId: number | null,
): Promise<number> {
  const last = await trx
    .selectFrom('criteriaSetVersion')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('setId', '=', setId)
    .executeTakeFirst();
  const row = await trx
    .insertInto('criteriaSetVersion')
    .values({
      setId,
      number: (last?.n ?? 0) + 1,
      tree: JSON.stringify(tree),
      leafCount: leaves(tree.fields),
      maxTotal: tree.maxTotal,
      basedOnId,
      createdBy: actorId(ctx.actor),
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Creates a set owned by a unit (criteria.manage there) with a first draft version: a tree given
 * whole, or a copy of a readable version (e.g. the example template). VALIDATION_FAILED lists the
 * tree's problems; FORBIDDEN outside the actor's scope.
 */
export async function createCriteriaSet(ctx: Ctx, input: unknown) {
  const data = parseInput(CreateCriteriaSet, input, criteriaLabels);
  return ctx.db.transaction().execute(async (trx) => {
    const unit = await getUnit(trx, data.ownerUnitId);
    if (!can(ctx.actor, 'criteria.manage', unit.path))
      throw forbidden('Bạn không có quyền soạn bộ tiêu chí cho đơn vị này.');
    let tree = data.tree;
    if (tree === undefined && data.basedOnVersionId !== undefined)
      tree = (await getCriteriaVersion(ctx, data.basedOnVersionId, trx)).tree;
    if (tree === undefined)
      throw new AppError('VALIDATION_FAILED', 'Cây tiêu chí: không được để trống.');
    checkedTree(tree);
    const set = await trx
      .insertInto('criteriaSet')
      .values({
        ownerUnitId: unit.id,
        name: data.name,
        description: data.description,
        createdBy: actorId(ctx.actor),
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const versionId = await insertVersion(ctx, trx, set.id, tree, data.basedOnVersionId ?? null);
    await recordAudit(trx, ctx, {
      action: 'criteria.created',
      entityType: 'criteria_set_version',
      entityId: versionId,
      unitPath: unit.path,
      after: {
        name: data.name,
        basedOnVersionId: data.basedOnVersionId ?? null,
        leafCount: leaves(tree.fields),
      },
    });
    return getCriteriaVersion(ctx, versionId, trx);
  });
}

/** Replaces a draft version's tree (its managers; CONFLICT on a stale version; published → INVALID_STATE). */
export async function updateCriteriaDraft(ctx: Ctx, versionId: number, input: unknown) {
  const data = parseInput(UpdateCriteriaDraft, input, criteriaLabels);
  const tree = checkedTree(data.tree);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await managedVersion(ctx, trx, versionId);
    if (before.status !== 'draft')
      throw new AppError(
        'INVALID_STATE',
        'Phiên bản đã ban hành không sửa được: hãy tạo phiên bản mới.',
      );
    if (before.version !== data.version) throw staleVersion();
    await trx
      .updateTable('criteriaSetVersion')
      .set({
        tree: JSON.stringify(tree),
        leafCount: leaves(tree.fields),
        maxTotal: tree.maxTotal,
        version: before.version + 1,
        updatedAt: ctx.now(),
      })
      .where('id', '=', versionId)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'criteria.updated',
      entityType: 'criteria_set_version',
      entityId: versionId,
      unitPath: before.ownerUnitPath,
      before: { leafCount: before.leafCount, tree: before.tree },
      after: { leafCount: leaves(tree.fields), tree },
    });
    return getCriteriaVersion(ctx, versionId, trx);
  });
}

/** Publishes a draft: from now on it never changes and campaigns may bind it. */
export async function publishCriteriaVersion(ctx: Ctx, versionId: number, input: unknown) {
  const data = parseInput(PublishCriteriaVersion, input, criteriaLabels);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await managedVersion(ctx, trx, versionId);
    if (before.status !== 'draft')
      throw new AppError('INVALID_STATE', 'Phiên bản này đã ban hành.');
    if (before.version !== data.version) throw staleVersion();
    checkedTree(before.tree);
    await trx
      .updateTable('criteriaSetVersion')
      .set({
        status: 'published',
        publishedAt: ctx.now(),
        publishedBy: actorId(ctx.actor),
        version: before.version + 1,
        updatedAt: ctx.now(),
      })
      .where('id', '=', versionId)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'criteria.published',
      entityType: 'criteria_set_version',
      entityId: versionId,
      unitPath: before.ownerUnitPath,
      before: { status: 'draft' },
      after: { status: 'published' },
    });
    return getCriteriaVersion(ctx, versionId, trx);
  });
}

/** Starts the next version of a set as a draft copy of one of its versions. */
export async function newCriteriaVersion(ctx: Ctx, setId: number, input: unknown) {
  const data = parseInput(NewCriteriaVersion, input, criteriaLabels);
  return ctx.db.transaction().execute(async (trx) => {
    const base = await managedVersion(ctx, trx, data.basedOnVersionId);
    if (base.setId !== setId) throw notFound('phiên bản làm gốc');
    await trx.selectFrom('criteriaSet').select('id').where('id', '=', setId).forUpdate().execute();
    const id = await insertVersion(ctx, trx, setId, base.tree, base.id);
    await recordAudit(trx, ctx, {
      action: 'criteria.version_created',
      entityType: 'criteria_set_version',
      entityId: id,
      unitPath: base.ownerUnitPath,
      after: { basedOnVersionId: base.id },
    });
    return getCriteriaVersion(ctx, id, trx);
  });
}
