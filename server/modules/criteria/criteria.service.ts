import type { CriteriaTree as Tree } from '../../../shared/criteria';
import type { Ctx } from '../../platform/context';
import { actorId } from '../../platform/context';
import { AppError, forbidden, notFound, staleVersion } from '../../platform/errors';
import { can, scopeFor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import type { Executor } from '../../platform/db';
import { parseInput } from '../../platform/validation';
import { getUnit } from '../organization/index';
import {
  CreateCriteriaSet,
  ListCriteriaQuery,
  NewCriteriaVersion,
  PublishCriteriaVersion,
  UpdateCriteriaDraft,
  criteriaLabels,
  toCriteriaVersionResponse,
} from './criteria.schemas';
import { validateTree } from './scoring.rules';
import * as q from './criteria.queries';
import { countLeaves } from './tree';

/**
 * Criteria sets (bộ tiêu chí): versioned trees. A draft version is edited whole; publishing
 * freezes it; a new version starts as a copy. Example sets (no owner) are read-only templates.
 */

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

/** Who may change a set: criteria.manage over its owner unit; example sets belong to nobody. */
function canManage(ctx: Ctx, v: { ownerUnitPath: string | null }): boolean {
  return v.ownerUnitPath !== null && can(ctx.actor, 'criteria.manage', v.ownerUnitPath);
}

/** Loads a version to change: NOT_FOUND when missing or a draft the actor cannot see. */
async function managedVersion(ctx: Ctx, trx: Executor, id: number) {
  const v = await q.findCriteriaVersion(trx, id, true);
  if (v === undefined || (v.status === 'draft' && !canManage(ctx, v)))
    throw notFound('bộ tiêu chí');
  if (!canManage(ctx, v)) throw forbidden('Bạn không có quyền sửa bộ tiêu chí này.');
  return v;
}

/** Published versions are readable by every signed-in user; drafts by their managers. */
export async function getCriteriaVersion(ctx: Ctx, id: number, db: Executor = ctx.db) {
  const v = await q.findCriteriaVersion(db, id);
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
  const rows = await q.listCriteriaVersionRows(ctx.db, scope, query);
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
    const setId = await q.insertCriteriaSet(trx, {
      ownerUnitId: unit.id,
      name: data.name,
      description: data.description,
      createdBy: actorId(ctx.actor),
      at: ctx.now(),
    });
    const versionId = await q.insertCriteriaVersion(trx, {
      setId,
      tree,
      basedOnId: data.basedOnVersionId ?? null,
      createdBy: actorId(ctx.actor),
      at: ctx.now(),
    });
    await recordAudit(trx, ctx, {
      action: 'criteria.created',
      entityType: 'criteria_set_version',
      entityId: versionId,
      unitPath: unit.path,
      after: {
        name: data.name,
        basedOnVersionId: data.basedOnVersionId ?? null,
        leafCount: countLeaves(tree),
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
    await q.updateCriteriaVersionTree(trx, versionId, tree, before.version + 1, ctx.now());
    await recordAudit(trx, ctx, {
      action: 'criteria.updated',
      entityType: 'criteria_set_version',
      entityId: versionId,
      unitPath: before.ownerUnitPath,
      before: { leafCount: before.leafCount, tree: before.tree },
      after: { leafCount: countLeaves(tree), tree },
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
    await q.markCriteriaVersionPublished(
      trx,
      versionId,
      actorId(ctx.actor),
      before.version + 1,
      ctx.now(),
    );
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
    await q.lockCriteriaSet(trx, setId);
    const id = await q.insertCriteriaVersion(trx, {
      setId,
      tree: base.tree,
      basedOnId: base.id,
      createdBy: actorId(ctx.actor),
      at: ctx.now(),
    });
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
