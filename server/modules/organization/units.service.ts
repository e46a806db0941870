import type { Ctx } from '../../platform/context';
import { fieldError, forbidden, staleVersion } from '../../platform/errors';
import { recordAudit, changedFields } from '../../platform/audit';
import { assertCan, can, isWithin, scopeFor } from '../../platform/access';
import { isUniqueViolation, type Executor } from '../../platform/db';
import { parseInput } from '../../platform/validation';
import { containmentError, allowedChildKinds } from './organization.rules';
import {
  CreateUnit,
  ListUnitsQuery,
  UpdateUnit,
  toUnitResponse,
  unitLabels,
} from './organization.schemas';
import * as q from './units.queries';

function auditView(u: q.UnitRecord) {
  return {
    name: u.name,
    kind: u.kind,
    adminCode: u.adminCode,
    active: u.active,
    parentId: u.parentId,
  };
}

function translateUniqueError(e: unknown): never {
  if (isUniqueViolation(e, 'org_unit_sibling_name')) {
    throw fieldError(
      'name',
      unitLabels.name ?? 'name',
      'đã có đơn vị cùng tên trong cùng đơn vị cấp trên',
    );
  }
  if (isUniqueViolation(e, 'org_unit_admin_code')) {
    throw fieldError(
      'adminCode',
      unitLabels.adminCode ?? 'adminCode',
      'đã được dùng cho một đơn vị cùng loại',
    );
  }
  throw e;
}

/**
 * Lists units the actor may see (unit.view), filtered in SQL by the actor's subtrees:
 * children of `parentId`, or accent-insensitive name matches (`search`), or the actor's top units.
 */
export async function listUnits(ctx: Ctx, input: unknown) {
  const query = parseInput(ListUnitsQuery, input, unitLabels);
  const scope = scopeFor(ctx.actor, 'unit.view');
  const parent = query.parentId === undefined ? undefined : await q.getUnit(ctx.db, query.parentId);
  const where = q.unitFilterWhere({ scope, parent, search: query.search, kind: query.kind });
  const page = await q.listUnits(ctx.db, where, query.page, query.pageSize);
  return { items: page.items.map(toUnitResponse), total: page.total };
}

function permissionsOn(ctx: Ctx, path: string) {
  return {
    canEdit: can(ctx.actor, 'unit.manage', path),
    canCreateChild: can(ctx.actor, 'unit.manage', path),
    canManagePeople: can(ctx.actor, 'person.manage', path),
    canImport: can(ctx.actor, 'person.import', path),
    canExport: can(ctx.actor, 'person.export', path),
    canViewAudit: can(ctx.actor, 'audit.view', path) || can(ctx.actor, 'unit.view', path),
  };
}

/** One unit with counts, ancestors and the actor's permissions on it. NOT_FOUND / FORBIDDEN. */
export async function getUnitDetail(ctx: Ctx, id: number) {
  const unit = await q.getUnit(ctx.db, id);
  assertCan(ctx.actor, 'unit.view', unit.path);
  const counts = await q.unitDetailCounts(ctx.db, id);
  return { ...toUnitResponse({ ...unit, ...counts }), permissions: permissionsOn(ctx, unit.path) };
}

/** Loads a unit the actor may view, for other modules (NOT_FOUND / FORBIDDEN). */
export async function getVisibleUnit(ctx: Ctx, db: Executor, id: number): Promise<q.UnitRecord> {
  const unit = await q.getUnit(db, id);
  assertCan(ctx.actor, 'unit.view', unit.path);
  return unit;
}

/**
 * Creates a unit under a parent the actor manages (unit.manage). Top-level units (provinces) need
 * system-wide rights. Throws VALIDATION_FAILED when the kind cannot sit under the parent or the
 * name is taken among siblings.
 */
export async function createUnit(ctx: Ctx, input: unknown) {
  const data = parseInput(CreateUnit, input, unitLabels);
  return ctx.db.transaction().execute(async (trx) => {
    await q.lockTree(trx);
    const parent = data.parentId === null ? null : await q.getUnit(trx, data.parentId);
    if (parent === null) {
      if (!scopeFor(ctx.actor, 'unit.manage').all)
        throw forbidden('Chỉ quản trị hệ thống được tạo đơn vị cấp cao nhất.');
    } else {
      assertCan(ctx.actor, 'unit.manage', parent.path);
    }
    const problem = containmentError(parent?.kind ?? null, data.kind);
    if (problem !== null) throw fieldError('kind', unitLabels.kind ?? 'kind', problem);
    const id = await q.nextUnitId(trx);
    const path = parent === null ? String(id) : `${parent.path}.${id}`;
    const provinceId = data.kind === 'province' ? id : (parent?.provinceId ?? null);
    await q
      .insertUnit(trx, {
        id,
        parentId: parent?.id ?? null,
        path,
        provinceId,
        kind: data.kind,
        name: data.name,
        adminCode: data.adminCode ?? null,
        active: data.active,
        now: ctx.now(),
      })
      .catch(translateUniqueError);
    await q.refreshDisplayNames(trx, q.treeRootsOf(path));
    const created = await q.getUnit(trx, id);
    await recordAudit(trx, ctx, {
      action: 'unit.created',
      entityType: 'org_unit',
      entityId: id,
      unitPath: path,
      after: auditView(created),
    });
    const counts = await q.unitDetailCounts(trx, id);
    return toUnitResponse({ ...created, ...counts });
  });
}

/**
 * Edits a unit (unit.manage) with optimistic concurrency on `version`. Changing `parentId` moves
 * the whole subtree; the actor must manage both the unit and the new parent, and a unit cannot
 * move under itself. Throws CONFLICT on a stale version, VALIDATION_FAILED on bad kinds or names.
 */
export async function updateUnit(ctx: Ctx, id: number, input: unknown) {
  const data = parseInput(UpdateUnit, input, unitLabels);
  return ctx.db.transaction().execute(async (trx) => {
    await q.lockTree(trx);
    const before = await q.getUnit(trx, id);
    assertCan(ctx.actor, 'unit.manage', before.path);
    if (before.version !== data.version) throw staleVersion();
    const kind = data.kind ?? before.kind;
    const moving = data.parentId !== undefined && data.parentId !== before.parentId;
    let parent = before.parentId === null ? null : await q.getUnit(trx, before.parentId);
    if (moving) {
      parent =
        data.parentId === null || data.parentId === undefined
          ? null
          : await q.getUnit(trx, data.parentId);
      if (parent === null) {
        if (!scopeFor(ctx.actor, 'unit.manage').all) throw forbidden();
      } else {
        assertCan(
          ctx.actor,
          'unit.manage',
          parent.path,
          'Bạn không có quyền chuyển đơn vị tới đơn vị cấp trên này.',
        );
        if (isWithin(parent.path, before.path)) {
          throw fieldError(
            'parentId',
            unitLabels.parentId ?? 'parentId',
            'không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó',
          );
        }
      }
    }
    const problem = containmentError(parent?.kind ?? null, kind);
    if (problem !== null)
      throw fieldError(
        moving ? 'parentId' : 'kind',
        (moving ? unitLabels.parentId : unitLabels.kind) ?? '',
        problem,
      );
    if (kind !== before.kind) {
      const bad = (await q.listChildKinds(trx, id)).find(
        (k) => !allowedChildKinds[kind].includes(k),
      );
      if (bad)
        throw fieldError(
          'kind',
          unitLabels.kind ?? 'kind',
          `đơn vị đang có đơn vị trực thuộc không phù hợp với loại mới`,
        );
    }
    const updated = await q
      .updateUnitIfVersion(trx, id, data.version, {
        name: data.name ?? before.name,
        kind,
        adminCode: data.adminCode === undefined ? before.adminCode : data.adminCode,
        active: data.active ?? before.active,
        parentId: parent?.id ?? null,
        updatedAt: ctx.now(),
      })
      .catch(translateUniqueError);
    if (!updated) throw staleVersion();
    if (moving) {
      const provinceId = kind === 'province' ? id : (parent?.provinceId ?? null);
      await q.moveSubtree(trx, before.path, parent?.path ?? null, provinceId);
    }
    const moved = await q.getUnit(trx, id);
    await q.refreshDisplayNames(trx, q.treeRootsOf(before.path, moved.path));
    const after = await q.getUnit(trx, id);
    const diff = changedFields(auditView(before), auditView(after));
    await recordAudit(trx, ctx, {
      action: moving ? 'unit.moved' : 'unit.updated',
      entityType: 'org_unit',
      entityId: id,
      unitPath: after.path,
      before: moving ? { ...diff.before, path: before.path } : diff.before,
      after: moving ? { ...diff.after, path: after.path } : diff.after,
    });
    const counts = await q.unitDetailCounts(trx, id);
    return {
      ...toUnitResponse({ ...after, ...counts }),
      permissions: permissionsOn(ctx, after.path),
    };
  });
}
