import type { Ctx } from '../../platform/context';
import { actorId } from '../../platform/context';
import { AppError, forbidden, notFound } from '../../platform/errors';
import { recordAudit } from '../../platform/audit';
import { assertCan, canAnywhere, isWithin, scopeFor } from '../../platform/access';
import type { Executor } from '../../platform/db';
import { parseInput, z } from '../../platform/validation';
import { isSystemRole, Role, roleLabels } from '../../../shared/permissions';
import {
  CreateAccount,
  GrantInput,
  ListAccountsQuery,
  UpdateAccount,
} from '../../../shared/api/auth';
import { hashPassword } from './password';
import { forgetCachedSessions } from './auth.service';
import * as q from './auth.queries';

const labels = {
  username: 'Tên đăng nhập',
  displayName: 'Tên hiển thị',
  password: 'Mật khẩu',
  personId: 'Cán bộ liên kết',
  role: 'Vai trò',
  unitId: 'Đơn vị',
  active: 'Hoạt động',
};

function assertAccountManager(ctx: Ctx): void {
  if (!canAnywhere(ctx.actor, 'account.manage')) throw forbidden();
}

/**
 * An account may be changed by a system-wide account manager, or by one whose scope covers every
 * grant the account holds (so a unit-level manager can never touch a system administrator or an
 * account working elsewhere). Accounts without any grant belong to system-wide managers only.
 */
async function assertManagesAccount(ctx: Ctx, db: Executor, accountId: number): Promise<void> {
  const scope = scopeFor(ctx.actor, 'account.manage');
  if (scope.all) return;
  const grants = await q.listGrants(db, accountId);
  const covered =
    grants.length > 0 &&
    grants.every(
      (g) => g.unitPath !== null && scope.paths.some((p) => isWithin(g.unitPath ?? '', p)),
    );
  if (!covered) throw forbidden('Bạn không có quyền thay đổi tài khoản này.');
}

/** Lists accounts that hold a role inside the actor's account.manage scope (all for system admins). */
export async function listAccounts(ctx: Ctx, input: unknown) {
  assertAccountManager(ctx);
  const p = parseInput(ListAccountsQuery, input);
  const { rows, total } = await q.listAccountsPage(ctx.db, {
    scope: scopeFor(ctx.actor, 'account.manage'),
    search: p.search,
    page: p.page,
    pageSize: p.pageSize,
  });
  const items = await Promise.all(
    rows.map(async (r) => ({
      ...r,
      grants: (await q.listGrants(ctx.db, r.id)).map((g) => ({
        id: g.id,
        role: g.role,
        roleLabel: roleLabels[g.role],
        unitId: g.unitId,
        unitName: g.unitName,
      })),
    })),
  );
  return { items, total };
}

/**
 * Creates an account (argon2id password, at least 8 characters). Throws CONFLICT when the
 * username is taken. `opts.minPasswordLength` exists only for the demo seed's "demo" password.
 */
export async function createAccount(
  ctx: Ctx,
  input: unknown,
  opts: { minPasswordLength?: number } = {},
) {
  assertAccountManager(ctx);
  if (!scopeFor(ctx.actor, 'account.manage').all) {
    throw forbidden('Chỉ quản trị hệ thống được tạo tài khoản mới.');
  }
  const schema =
    opts.minPasswordLength === undefined
      ? CreateAccount
      : CreateAccount.extend({ password: z.string().min(opts.minPasswordLength).max(200) });
  const data = parseInput(schema, input, labels);
  const passwordHash = await hashPassword(data.password);
  return ctx.db.transaction().execute(async (trx) => {
    if (await q.findUserByUsername(trx, data.username)) {
      throw new AppError('CONFLICT', `Tên đăng nhập "${data.username}" đã được sử dụng.`, {
        fields: [{ field: 'username', label: labels.username, message: 'đã được sử dụng' }],
      });
    }
    const row = await q.insertUser(trx, {
      username: data.username,
      displayName: data.displayName,
      passwordHash,
      personId: data.personId ?? null,
    });
    await recordAudit(trx, ctx, {
      action: 'account.created',
      entityType: 'user_account',
      entityId: row.id,
      unitPath: null,
      after: row,
    });
    return row;
  });
}

/** Renames, (de)activates or resets the password of an account; deactivation ends its sessions. */
export async function updateAccount(ctx: Ctx, accountId: number, input: unknown) {
  assertAccountManager(ctx);
  const data = parseInput(UpdateAccount, input, labels);
  const passwordHash = data.password === undefined ? undefined : await hashPassword(data.password);
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      const before = await q.findUserById(trx, accountId);
      if (before === undefined) throw notFound('tài khoản');
      await assertManagesAccount(ctx, trx, accountId);
      const after = await q.updateUser(trx, accountId, {
        ...(data.displayName === undefined ? {} : { displayName: data.displayName }),
        ...(data.active === undefined ? {} : { active: data.active }),
        ...(passwordHash === undefined ? {} : { passwordHash }),
        updatedAt: ctx.now(),
      });
      if (data.active === false || passwordHash !== undefined) {
        await q.deleteUserSessions(trx, accountId);
      }
      await recordAudit(trx, ctx, {
        action: passwordHash === undefined ? 'account.updated' : 'account.password_reset',
        entityType: 'user_account',
        entityId: accountId,
        unitPath: null,
        before: { displayName: before.displayName, active: before.active },
        after: { displayName: after.displayName, active: after.active },
      });
      return after;
    })
    .finally(forgetCachedSessions);
}

/**
 * Grants a role at a unit (covering its subtree). Only a system role (`isSystemRole`) may be
 * granted system-wide (unitId null), and only by a system-wide account manager. Throws FORBIDDEN outside the actor's scope.
 */
export async function grantRole(ctx: Ctx, accountId: number, input: unknown) {
  const data = parseInput(GrantInput, input, labels);
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      if ((await q.findUserById(trx, accountId)) === undefined) throw notFound('tài khoản');
      // The account itself must be one the actor manages (judged on its grants before this one),
      // or a unit-level manager could adopt any account and then reset its password.
      await assertManagesAccount(ctx, trx, accountId);
      let unitPath: string | null = null;
      if (data.unitId === null) {
        if (!isSystemRole(data.role)) {
          throw new AppError(
            'VALIDATION_FAILED',
            'Đơn vị: chỉ vai trò quản trị hệ thống mới được cấp toàn hệ thống.',
            {
              fields: [{ field: 'unitId', label: labels.unitId, message: 'không được để trống' }],
            },
          );
        }
        if (!scopeFor(ctx.actor, 'account.manage').all) throw forbidden();
      } else {
        unitPath = (await q.findUnitPath(trx, data.unitId)) ?? null;
        if (unitPath === null) throw notFound('đơn vị');
        assertCan(ctx.actor, 'account.manage', unitPath);
      }
      const grant = await q.insertGrant(trx, {
        userId: accountId,
        role: data.role,
        unitId: data.unitId,
        grantedBy: actorId(ctx.actor),
      });
      if (grant === undefined)
        throw new AppError('CONFLICT', 'Tài khoản đã có vai trò này tại đơn vị này.');
      await recordAudit(trx, ctx, {
        action: 'account.role_granted',
        entityType: 'user_account',
        entityId: accountId,
        unitPath,
        after: { role: data.role, unitId: data.unitId },
      });
      return grant;
    })
    .finally(forgetCachedSessions);
}

/** Revokes one grant. Throws NOT_FOUND or FORBIDDEN outside the actor's scope. */
export async function revokeRole(ctx: Ctx, accountId: number, grantId: number): Promise<void> {
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      const grant = await q.findGrant(trx, accountId, grantId);
      if (grant === undefined) throw notFound('vai trò');
      await assertManagesAccount(ctx, trx, accountId);
      if (grant.unitPath === null) {
        if (!scopeFor(ctx.actor, 'account.manage').all) throw forbidden();
      } else assertCan(ctx.actor, 'account.manage', grant.unitPath);
      await q.deleteGrant(trx, grantId);
      await recordAudit(trx, ctx, {
        action: 'account.role_revoked',
        entityType: 'user_account',
        entityId: accountId,
        unitPath: grant.unitPath,
        before: { role: grant.role, unitId: grant.unitId },
      });
    })
    .finally(forgetCachedSessions);
}

/** CLI: creates the first administrator (system-wide admin grant). Throws CONFLICT if taken. */
export async function createAdministrator(
  ctx: Ctx,
  input: { username: string; password: string; displayName?: string },
) {
  const account = await createAccount(ctx, {
    username: input.username,
    displayName: input.displayName ?? 'Quản trị hệ thống',
    password: input.password,
  });
  await grantRole(ctx, account.id, { role: Role.admin, unitId: null });
  return account;
}
