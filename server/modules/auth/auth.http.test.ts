import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { makeTree, makeUser, testCtx } from '../../test/factories';
import { buildTestApp, loginCookie } from '../../test/http';

/**
 * Every auth and account endpoint over HTTP, so the test-mode response check proves each answer
 * matches its schema in shared/api/auth.ts (decision 027).
 */

let t: TestDb;
let app: FastifyInstance;
let admin: string;
let tree: Awaited<ReturnType<typeof makeTree>>;

beforeAll(async () => {
  t = await createTestDb();
  app = await buildTestApp(t);
  const sys = testCtx(t);
  tree = await makeTree(sys);
  const u = await makeUser(sys, 'admin', null);
  admin = await loginCookie(app, u.username, u.password);
});
afterAll(async () => {
  await app.close();
  await t.close();
});

describe('auth endpoints', () => {
  it('signs in, answers who am I with and without a session, and signs out', async () => {
    const sys = testCtx(t);
    const u = await makeUser(sys, 'unit_head', tree.commune.id);
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username.toUpperCase(), password: u.password },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toEqual({
      user: { id: u.id, username: u.username, displayName: `Người dùng ${u.username}` },
    });
    const cookie = `thidua_sid=${login.cookies.find((c) => c.name === 'thidua_sid')?.value}`;
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { id: u.id, personId: null },
      grants: [{ role: 'unit_head', unitId: tree.commune.id, unitName: 'Xã Lương Điền' }],
    });
    const anonymous = await app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(anonymous.json()).toEqual({ user: null });

    const changed = await app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: u.password, newPassword: 'mat-khau-moi-2' },
    });
    expect(changed.statusCode).toBe(204);
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect(
      (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json(),
    ).toEqual({ user: null });
  });

  it('lists the demo accounts the login page offers', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/auth/demo-accounts' });
    expect(res.json()).toMatchObject({
      enabled: true,
      password: 'demo',
      accounts: expect.arrayContaining([
        { username: 'admin', roleLabel: 'Quản trị hệ thống', unitName: 'Toàn hệ thống' },
      ]),
    });
  });

  it('answers 401 to a password change without a session', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'x', newPassword: 'yyyyyyyy' },
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('account endpoints', () => {
  it('creates, lists (with the last sign-in), edits, grants and revokes', async () => {
    const headers = { cookie: admin };
    const created = await app.inject({
      method: 'POST',
      url: '/api/accounts',
      headers,
      payload: { username: 'Can.Bo.Moi', displayName: 'Cán bộ mới', password: 'mat-khau-1' },
    });
    expect(created.statusCode).toBe(201);
    const account = created.json<{ id: number; username: string }>();
    expect(account).toMatchObject({ username: 'can.bo.moi', active: true, personId: null });

    const granted = await app.inject({
      method: 'POST',
      url: `/api/accounts/${account.id}/grants`,
      headers,
      payload: { role: 'staff', unitId: tree.office.id },
    });
    expect(granted.statusCode).toBe(201);
    const grant = granted.json<{ id: number; grantedAt: string }>();
    expect(grant).toMatchObject({ userId: account.id, role: 'staff', unitId: tree.office.id });
    expect(new Date(grant.grantedAt).toISOString()).toBe(grant.grantedAt);

    await loginCookie(app, 'can.bo.moi', 'mat-khau-1');
    const list = await app.inject({
      method: 'GET',
      url: '/api/accounts?search=can.bo.moi',
      headers,
    });
    expect(list.statusCode).toBe(200);
    const page = list.json<{ items: { lastLoginAt: string | null }[]; total: number }>();
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      id: account.id,
      grants: [{ id: grant.id, role: 'staff', roleLabel: 'Cán bộ, công chức' }],
    });
    expect(page.items[0]?.lastLoginAt).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);

    const updated = await app.inject({
      method: 'PATCH',
      url: `/api/accounts/${account.id}`,
      headers,
      payload: { displayName: 'Cán bộ đổi tên', active: false },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toEqual({
      id: account.id,
      username: 'can.bo.moi',
      displayName: 'Cán bộ đổi tên',
      active: false,
    });

    const revoked = await app.inject({
      method: 'DELETE',
      url: `/api/accounts/${account.id}/grants/${grant.id}`,
      headers,
    });
    expect(revoked.statusCode).toBe(204);
  });

  it('matches % and _ in the account search literally', async () => {
    const sys = testCtx(t);
    await makeUser(sys, 'staff', tree.commune.id);
    const search = async (term: string) =>
      (
        await app.inject({
          method: 'GET',
          url: `/api/accounts?search=${encodeURIComponent(term)}`,
          headers: { cookie: admin },
        })
      ).json<{ total: number }>().total;
    expect(await search('u')).toBeGreaterThan(0);
    expect(await search('%')).toBe(0);
    expect(await search('_')).toBe(0);
    expect(await search('u%')).toBe(0);
  });

  it('answers 429 for a username with too many failed logins, from any IP', async () => {
    const sys = testCtx(t);
    const u = await makeUser(sys, 'staff', tree.commune.id);
    const throttled = await buildTestApp(t, { env: { LOGIN_ACCOUNT_MAX_FAILURES: '2' } });
    try {
      const attempt = (ip: string, password: string) =>
        throttled.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: ip,
          payload: { username: u.username, password },
        });
      expect((await attempt('10.0.0.1', 'sai')).statusCode).toBe(401);
      expect((await attempt('10.0.0.2', 'sai')).statusCode).toBe(401);
      const locked = await attempt('10.0.0.3', u.password);
      expect(locked.statusCode).toBe(429);
      expect(locked.json()).toMatchObject({
        error: 'RATE_LIMITED',
        message: 'Tài khoản này đã bị đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.',
      });
    } finally {
      await throttled.close();
    }
  });

  it('names the path parameter it cannot read', async () => {
    const res = await app.inject({
      method: 'PATCH',
      url: '/api/accounts/abc',
      headers: { cookie: admin },
      payload: { active: true },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).toContain('Mã tài khoản');
  });
});
