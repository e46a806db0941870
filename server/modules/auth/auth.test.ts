import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { FIXED_NOW, makeTree, makeUser, testCtx } from '../../test/factories';
import { AppError } from '../../platform/errors';
import {
  login,
  logout,
  resolveSession,
  sessionIdOf,
  changePassword,
  touchIntervalMs,
} from './auth.service';
import { LoginThrottle } from './login-throttle';
import { createAccount, grantRole, revokeRole, updateAccount } from './accounts.service';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

const settings = { idleMinutes: 30, maxHours: 12 };
const meta = { ip: '127.0.0.1', userAgent: 'vitest' };
const at = (minutes: number) => new Date(FIXED_NOW.getTime() + minutes * 60_000);

describe('login and sessions', () => {
  it('logs in with argon2id, resolves the session with grants, and refuses wrong passwords alike', async () => {
    const sys = testCtx(t);
    const tree = await makeTree(sys);
    const u = await makeUser(sys, 'emulation_officer', tree.commune.id);
    const hash = await t.db
      .selectFrom('userAccount')
      .select('passwordHash')
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(hash.passwordHash).toMatch(/^\$argon2id\$/);
    const { token } = await login(
      sys,
      { username: u.username.toUpperCase(), password: u.password },
      meta,
      settings,
    );
    const actor = await resolveSession(t.db, token, at(1), settings);
    expect(actor?.grants).toEqual([
      {
        role: 'emulation_officer',
        unitId: tree.commune.id,
        unitPath: expect.stringMatching(/\.\d+$/) as unknown,
      },
    ]);
    const wrong = await login(
      sys,
      { username: u.username, password: 'sai-mat-khau' },
      meta,
      settings,
    ).catch((e: unknown) => e);
    const unknown = await login(
      sys,
      { username: 'khong-ton-tai', password: 'x' },
      meta,
      settings,
    ).catch((e: unknown) => e);
    expect((wrong as AppError).code).toBe('UNAUTHENTICATED');
    expect((unknown as AppError).message).toBe((wrong as AppError).message);
  });

  it('expires idle sessions and sessions past their absolute lifetime', async () => {
    const sys = testCtx(t);
    const u = await makeUser(sys, 'admin', null);
    const { token } = await login(
      sys,
      { username: u.username, password: u.password },
      meta,
      settings,
    );
    expect(await resolveSession(t.db, token, at(29), settings)).toBeDefined(); // refreshes last_seen
    expect(await resolveSession(t.db, token, at(58), settings)).toBeDefined();
    expect(await resolveSession(t.db, token, at(58 + 31), settings)).toBeUndefined();
    const { token: t2 } = await login(sys, { username: u.username, password: u.password }, meta, {
      idleMinutes: 10_000,
      maxHours: 1,
    });
    expect(
      await resolveSession(t.db, t2, at(61), { idleMinutes: 10_000, maxHours: 1 }),
    ).toBeUndefined();
  });

  it('reuses a resolved session briefly and forgets it on logout and account changes', async () => {
    const sys = testCtx(t);
    const u = await makeUser(sys, 'admin', null);
    const cached = { ...settings, cacheSeconds: 30 };
    const a = await login(sys, { username: u.username, password: u.password }, meta, cached);
    expect(await resolveSession(t.db, a.token, at(0.5), cached)).toBeDefined();
    await t.db.deleteFrom('userSession').where('id', '=', sessionIdOf(a.token)).execute();
    expect(await resolveSession(t.db, a.token, at(0.6), cached)).toBeDefined(); // served from cache
    expect(await resolveSession(t.db, a.token, at(0.6), settings)).toBeUndefined(); // cache off: asks the db
    const b = await login(sys, { username: u.username, password: u.password }, meta, cached);
    expect(await resolveSession(t.db, b.token, at(0.5), cached)).toBeDefined();
    await updateAccount(sys, u.id, { active: false });
    expect(await resolveSession(t.db, b.token, at(0.6), cached)).toBeUndefined();
    const c = await login(
      sys,
      { username: (await makeUser(sys, 'admin', null)).username, password: u.password },
      meta,
      cached,
    );
    expect(await resolveSession(t.db, c.token, at(0.5), cached)).toBeDefined();
    await logout(t.db, c.token);
    expect(await resolveSession(t.db, c.token, at(0.6), cached)).toBeUndefined();
  });

  it('rotates the session id at login and ends the previous session', async () => {
    const sys = testCtx(t);
    const u = await makeUser(sys, 'staff', (await makeTree(sys)).commune.id);
    const first = await login(sys, { username: u.username, password: u.password }, meta, settings);
    const second = await login(
      sys,
      { username: u.username, password: u.password },
      { ...meta, previousToken: first.token },
      settings,
    );
    expect(second.token).not.toBe(first.token);
    expect(await resolveSession(t.db, first.token, at(1), settings)).toBeUndefined();
    expect(await resolveSession(t.db, second.token, at(1), settings)).toBeDefined();
    const stored = await t.db
      .selectFrom('userSession')
      .select('id')
      .where('id', '=', sessionIdOf(second.token))
      .executeTakeFirst();
    expect(stored?.id).not.toBe(second.token); // only the hash is stored
  });

  it('stops serving the previous session from the cache at once when a new login replaces it', async () => {
    const sys = testCtx(t);
    const u = await makeUser(sys, 'admin', null);
    const cached = { ...settings, cacheSeconds: 30 };
    const first = await login(sys, { username: u.username, password: u.password }, meta, cached);
    expect(await resolveSession(t.db, first.token, at(0.1), cached)).toBeDefined(); // now cached
    await login(
      sys,
      { username: u.username, password: u.password },
      { ...meta, previousToken: first.token },
      cached,
    );
    expect(await resolveSession(t.db, first.token, at(0.2), cached)).toBeUndefined();
  });

  it('refreshes the idle clock often enough that an active session never expires', async () => {
    expect([1, 2, 4, 30, 60].map(touchIntervalMs)).toEqual([
      15_000, 30_000, 60_000, 60_000, 60_000,
    ]);
    const sys = testCtx(t);
    const u = await makeUser(sys, 'admin', null);
    const short = { idleMinutes: 1, maxHours: 12, cacheSeconds: 5 };
    const { token } = await login(sys, { username: u.username, password: u.password }, meta, short);
    // A request every 40 s (more often than the 1-minute idle timeout) for ten minutes.
    for (let s = 40; s <= 600; s += 40) {
      expect(await resolveSession(t.db, token, at(s / 60), short), `at ${s} s`).toBeDefined();
    }
    expect(await resolveSession(t.db, token, at(661 / 60), short)).toBeUndefined();
  });

  it('throttles a username after repeated failures from any IP, for a bounded time', async () => {
    const sys = testCtx(t);
    const u = await makeUser(sys, 'admin', null);
    const throttle = new LoginThrottle({ maxFailures: 3, windowMs: 15 * 60_000 });
    const attempt = (minutes: number, ip: string, password: string) =>
      login(
        { ...sys, now: () => at(minutes) },
        { username: u.username, password },
        { ...meta, ip, throttle },
        settings,
      ).then(
        () => 'ok',
        (e: unknown) => (e as AppError).code,
      );
    expect(await attempt(0, '10.0.0.1', u.password)).toBe('ok'); // the owner's usual IP
    expect(await attempt(1, '10.0.0.2', 'sai-1')).toBe('UNAUTHENTICATED');
    expect(await attempt(2, '10.0.0.3', 'sai-2')).toBe('UNAUTHENTICATED');
    expect(await attempt(3, '10.0.0.4', 'sai-3')).toBe('UNAUTHENTICATED');
    // Locked for new IPs, even with the right password; the message says when to come back.
    const locked = await login(
      { ...sys, now: () => at(4) },
      { username: u.username.toUpperCase(), password: u.password },
      { ...meta, ip: '10.0.0.5', throttle },
      settings,
    ).catch((e: unknown) => e as AppError);
    expect(locked).toMatchObject({
      code: 'RATE_LIMITED',
      message: 'Tài khoản này đã bị đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 12 phút.',
    });
    expect(await attempt(10, '10.0.0.6', 'sai-4')).toBe('RATE_LIMITED'); // not counted
    // The owner's IP still gets its password checked, so the attacker cannot keep them out.
    expect(await attempt(11, '10.0.0.1', u.password)).toBe('ok');
    // Unknown usernames are throttled alike (no hint that an account exists).
    for (const m of [1, 2, 3]) {
      const e = await login(
        { ...sys, now: () => at(m) },
        { username: 'khong-co-ai', password: 'x' },
        { ...meta, ip: `10.1.0.${m}`, throttle },
        settings,
      ).catch((x: unknown) => x as AppError);
      expect(e).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
    const ghost = await login(
      { ...sys, now: () => at(4) },
      { username: 'khong-co-ai', password: 'x' },
      { ...meta, ip: '10.1.0.9', throttle },
      settings,
    ).catch((x: unknown) => x as AppError);
    expect(ghost).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('deactivating an account ends its sessions; password change keeps only the current one', async () => {
    const sys = testCtx(t);
    const u = await makeUser(sys, 'admin', null);
    const a = await login(sys, { username: u.username, password: u.password }, meta, settings);
    const b = await login(sys, { username: u.username, password: u.password }, meta, settings);
    await changePassword(
      { ...testCtx(t, u.actor), actor: u.actor },
      { currentPassword: u.password, newPassword: 'mat-khau-moi-123' },
      b.token,
    );
    expect(await resolveSession(t.db, a.token, at(1), settings)).toBeUndefined();
    expect(await resolveSession(t.db, b.token, at(1), settings)).toBeDefined();
    await updateAccount(sys, u.id, { active: false });
    expect(await resolveSession(t.db, b.token, at(1), settings)).toBeUndefined();
    const err = await login(
      sys,
      { username: u.username, password: 'mat-khau-moi-123' },
      meta,
      settings,
    ).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('UNAUTHENTICATED');
  });
});

describe('accounts', () => {
  it('rejects duplicate usernames, weak passwords, and grants outside the manager scope', async () => {
    const sys = testCtx(t);
    const tree = await makeTree(sys);
    const u = await makeUser(sys, 'staff', tree.commune.id);
    const dup = await createAccount(sys, {
      username: u.username,
      displayName: 'Trùng',
      password: 'mat-khau-dai',
    }).catch((e: unknown) => e);
    expect((dup as AppError).code).toBe('CONFLICT');
    const weak = await createAccount(sys, {
      username: 'yeu.pass',
      displayName: 'Yếu',
      password: '123',
    }).catch((e: unknown) => e);
    expect((weak as AppError).details?.fields?.[0]).toMatchObject({
      field: 'password',
      label: 'Mật khẩu',
    });
    const officer = await makeUser(sys, 'emulation_officer', tree.commune.id);
    const denied = await grantRole(testCtx(t, officer.actor), u.id, {
      role: 'unit_head',
      unitId: tree.commune.id,
    }).catch((e: unknown) => e);
    expect((denied as AppError).code).toBe('FORBIDDEN');
    const noScope = await grantRole(sys, u.id, { role: 'staff', unitId: null }).catch(
      (e: unknown) => e,
    );
    expect((noScope as AppError).code).toBe('VALIDATION_FAILED');
    // A system role (the catalogue's isSystemRole) is the one granted without a unit.
    const systemWide = await grantRole(sys, u.id, { role: 'admin', unitId: null });
    expect(systemWide).toMatchObject({ role: 'admin', unitId: null });
  });

  it('keeps a unit-level account manager away from accounts outside their subtree', async () => {
    const sys = testCtx(t);
    const tree = await makeTree(sys);
    const systemAdmin = await makeUser(sys, 'admin', null);
    const inside = await makeUser(sys, 'staff', tree.office.id);
    const outside = await makeUser(sys, 'staff', tree.otherOffice.id);
    const communeAdmin = await makeUser(sys, 'admin', tree.commune.id);
    const ctx = testCtx(t, communeAdmin.actor);
    const reset = await updateAccount(ctx, inside.id, { password: 'mat-khau-moi-456' });
    expect(reset.username).toBe(inside.username);
    for (const target of [systemAdmin, outside]) {
      const e = await updateAccount(ctx, target.id, { password: 'chiem-quyen-123' }).catch(
        (x: unknown) => x,
      );
      expect((e as AppError).code).toBe('FORBIDDEN');
    }
    const created = await createAccount(ctx, {
      username: 'moi.taikhoan',
      displayName: 'Mới',
      password: 'mat-khau-dai',
    }).catch((x: unknown) => x);
    expect((created as AppError).code).toBe('FORBIDDEN');
    const still = await login(
      sys,
      { username: systemAdmin.username, password: systemAdmin.password },
      meta,
      settings,
    );
    expect(still.user.username).toBe(systemAdmin.username);
  });

  it('does not let a unit-level manager adopt an account by granting it a role', async () => {
    const sys = testCtx(t);
    const tree = await makeTree(sys);
    const orphan = await createAccount(sys, {
      username: `moi${Date.now()}`,
      displayName: 'Chưa có vai trò',
      password: 'mat-khau-dai',
    });
    const elsewhere = await makeUser(sys, 'emulation_officer', tree.otherCommune.id);
    const communeAdmin = await makeUser(sys, 'admin', tree.commune.id);
    const ctx = testCtx(t, communeAdmin.actor);
    for (const target of [orphan.id, elsewhere.id]) {
      const e = await grantRole(ctx, target, { role: 'staff', unitId: tree.office.id }).catch(
        (x: unknown) => x,
      );
      expect((e as AppError).code).toBe('FORBIDDEN');
    }
    const grants = await t.db
      .selectFrom('roleGrant')
      .select('id')
      .where('userId', '=', elsewhere.id)
      .execute();
    const revoke = await revokeRole(ctx, elsewhere.id, grants[0]?.id ?? 0).catch((x: unknown) => x);
    expect((revoke as AppError).code).toBe('FORBIDDEN');
    const reset = await updateAccount(ctx, orphan.id, { password: 'chiem-quyen-123' }).catch(
      (x: unknown) => x,
    );
    expect((reset as AppError).code).toBe('FORBIDDEN');
  });
});
