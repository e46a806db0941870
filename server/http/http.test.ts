import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../test/db';
import { makePerson, makeTree, makeUser, testCtx } from '../test/factories';
import { loadConfig } from '../config';
import { buildApp } from '../app';
import { roleAllows, roles, type Action, type Role } from '../../shared/permissions';

let t: TestDb;
let app: FastifyInstance;
let tree: Awaited<ReturnType<typeof makeTree>>;
let insidePerson: { id: number };
let outsidePerson: { id: number };
const cookies = new Map<Role | 'none', string>();

async function loginCookie(username: string, password: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  expect(res.statusCode).toBe(200);
  const c = res.cookies.find((x) => x.name === 'thidua_sid');
  if (!c) throw new Error('no cookie');
  return `thidua_sid=${c.value}`;
}

beforeAll(async () => {
  t = await createTestDb();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: '/tmp/unused',
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
  });
  app = await buildApp(
    { db: t.db, config, storage: t.storage, now: () => new Date(), databaseKind: 'embedded' },
    { logger: false },
  );
  app.get('/api/test/boom', async () => {
    throw new Error('secret internal detail: password=hunter2');
  });
  await app.ready();
  const sys = testCtx(t);
  tree = await makeTree(sys);
  insidePerson = await makePerson(sys, tree.office.id, 'Người Trong Xã');
  outsidePerson = await makePerson(sys, tree.otherOffice.id, 'Người Ngoài Xã');
  for (const role of roles) {
    const u = await makeUser(sys, role, role === 'admin' ? null : tree.commune.id);
    cookies.set(role, await loginCookie(u.username, u.password));
  }
});
afterAll(async () => {
  await app.close();
  await t.close();
});

type Case = {
  name: string;
  action: Action;
  request: (inside: boolean) => { method: 'GET' | 'POST' | 'PATCH'; url: string; payload?: object };
  ok: number;
  scoped: boolean;
};

const cases: Case[] = [
  {
    name: 'GET unit',
    action: 'unit.view',
    scoped: true,
    ok: 200,
    request: (i) => ({
      method: 'GET',
      url: `/api/units/${i ? tree.office.id : tree.otherOffice.id}`,
    }),
  },
  {
    name: 'GET unit history',
    action: 'unit.view',
    scoped: true,
    ok: 200,
    request: (i) => ({
      method: 'GET',
      url: `/api/units/${i ? tree.office.id : tree.otherOffice.id}/history`,
    }),
  },
  {
    name: 'POST unit',
    action: 'unit.manage',
    scoped: true,
    ok: 201,
    request: (i) => ({
      method: 'POST',
      url: '/api/units',
      payload: {
        parentId: i ? tree.commune.id : tree.otherCommune.id,
        name: `Thôn ${Math.random()}`,
        kind: 'village',
      },
    }),
  },
  {
    name: 'GET person',
    action: 'person.view',
    scoped: true,
    ok: 200,
    request: (i) => ({
      method: 'GET',
      url: `/api/people/${i ? insidePerson.id : outsidePerson.id}`,
    }),
  },
  {
    name: 'POST person',
    action: 'person.manage',
    scoped: true,
    ok: 201,
    request: (i) => ({
      method: 'POST',
      url: '/api/people',
      payload: {
        fullName: 'Nguyễn Văn Mới',
        category: 'cong_chuc',
        unitId: i ? tree.office.id : tree.otherOffice.id,
      },
    }),
  },
  {
    name: 'export people',
    action: 'person.export',
    scoped: true,
    ok: 200,
    request: (i) => ({
      method: 'GET',
      url: `/api/exports/people?unitId=${i ? tree.commune.id : tree.otherCommune.id}`,
    }),
  },
  {
    name: 'GET audit',
    action: 'audit.view',
    scoped: false,
    ok: 200,
    request: () => ({ method: 'GET', url: '/api/audit' }),
  },
  {
    name: 'GET accounts',
    action: 'account.manage',
    scoped: false,
    ok: 200,
    request: () => ({ method: 'GET', url: '/api/accounts' }),
  },
];

describe('authorisation matrix (role × endpoint × inside/outside the granted subtree)', () => {
  const rows = roles.flatMap((role) =>
    cases.flatMap((c) =>
      (c.scoped ? [true, false] : [true]).map((inside) => ({ role, c, inside })),
    ),
  );
  it.each(rows.map((r) => [r.role, r.c.name, r.inside ? 'inside' : 'outside', r] as const))(
    '%s · %s · %s',
    async (_r, _n, _i, { role, c, inside }) => {
      const allowed = roleAllows(role, c.action) && (inside || role === 'admin');
      const res = await app.inject({
        ...c.request(inside),
        headers: { cookie: cookies.get(role) ?? '' },
      });
      expect(res.statusCode, res.body.slice(0, 200)).toBe(allowed ? c.ok : 403);
      if (!allowed)
        expect(res.json()).toMatchObject({
          error: 'FORBIDDEN',
          message: expect.any(String) as unknown,
        });
    },
  );

  it.each(cases.map((c) => [c.name, c] as const))('anonymous · %s → 401', async (_n, c) => {
    const res = await app.inject(c.request(true));
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: 'UNAUTHENTICATED' });
  });

  it('lists only what lies inside the subtree', async () => {
    for (const role of roles) {
      const res = await app.inject({
        method: 'GET',
        url: '/api/people?search=nguoi',
        headers: { cookie: cookies.get(role) ?? '' },
      });
      const names = res.json<{ items: { fullName: string }[] }>().items.map((p) => p.fullName);
      if (!roleAllows(role, 'person.view')) {
        expect(names, role).toEqual([]);
        continue;
      }
      expect(names, role).toContain('Người Trong Xã');
      expect(names.includes('Người Ngoài Xã'), role).toBe(role === 'admin');
    }
  });
});

describe('HTTP behaviour', () => {
  it('answers health with the database kind and version', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', database: 'embedded', version: '0.1.0' });
  });

  it('sets an httpOnly SameSite session cookie and shows the actor with actions', async () => {
    const u = await makeUser(testCtx(t), 'unit_head', tree.commune.id);
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: u.password },
    });
    const c = res.cookies.find((x) => x.name === 'thidua_sid');
    expect(c).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `thidua_sid=${c?.value ?? ''}` },
    });
    expect(me.json()).toMatchObject({
      user: { username: u.username },
      grants: [{ role: 'unit_head', unitId: tree.commune.id, unitName: 'Xã Lương Điền' }],
      actions: [
        'unit.view',
        'person.view',
        'person.manage',
        'person.export',
        'campaign.view',
        'campaign.issue',
        'registration.submit',
        'results.publish',
        'decision.sign',
        'discipline.view',
        'quota.simulate',
        'nomination.submit',
      ],
    });
    const out = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: `thidua_sid=${c?.value ?? ''}` },
    });
    expect(out.statusCode).toBe(204);
    // "Who am I" answers 200 with no user once logged out (and with no cookie at all), so the
    // login page logs no failed request; protected endpoints still answer 401.
    const after = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `thidua_sid=${c?.value ?? ''}` },
    });
    expect(after.statusCode).toBe(200);
    expect(after.json()).toEqual({ user: null });
    const anonymous = await app.inject({ method: 'GET', url: '/api/auth/me' });
    expect([anonymous.statusCode, anonymous.json()]).toEqual([200, { user: null }]);
    const todo = await app.inject({
      method: 'GET',
      url: '/api/me/todo',
      headers: { cookie: `thidua_sid=${c?.value ?? ''}` },
    });
    expect(todo.statusCode).toBe(401);
  });

  it('names each invalid field in Vietnamese and changes nothing', async () => {
    const cookie = cookies.get('admin') ?? '';
    const res = await app.inject({
      method: 'POST',
      url: '/api/people',
      headers: { cookie },
      payload: {
        fullName: '',
        category: 'bac_si',
        unitId: tree.office.id,
        email: 'khong-phai-email',
      },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<{
      error: string;
      message: string;
      details: { fields: { field: string; label: string }[] };
    }>();
    expect(body.error).toBe('VALIDATION_FAILED');
    expect(body.details.fields.map((f) => f.label)).toEqual(['Họ và tên', 'Đối tượng', 'Email']);
    expect(body.message).toContain('Họ và tên: không được để trống');
    const list = await app.inject({
      method: 'GET',
      url: `/api/people?unitId=${tree.office.id}`,
      headers: { cookie },
    });
    expect(
      list.json<{ items: { fullName: string }[] }>().items.every((p) => p.fullName !== ''),
    ).toBe(true);
  });

  it('hides internals of unknown errors behind a request id', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/test/boom' });
    expect(res.statusCode).toBe(500);
    const body = res.json<{ error: string; message: string; requestId: string }>();
    expect(body.error).toBe('INTERNAL');
    expect(res.body).not.toContain('hunter2');
    expect(body.message).toContain(body.requestId);
  });

  it('refuses cross-site state changes and non-JSON bodies', async () => {
    const cookie = cookies.get('admin') ?? '';
    const cross = await app.inject({
      method: 'POST',
      url: '/api/units',
      headers: { cookie, origin: 'https://evil.example', host: 'localhost:3000' },
      payload: { parentId: tree.commune.id, name: 'Thôn X', kind: 'village' },
    });
    expect(cross.statusCode).toBe(403);
    const form = await app.inject({
      method: 'POST',
      url: '/api/units',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=x',
    });
    expect(form.statusCode).toBe(415);
    for (const type of ['text/plain', 'text/plain; charset=utf-8', 'application/xml']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/units',
        headers: { cookie, 'content-type': type },
        payload: JSON.stringify({ parentId: tree.commune.id, name: 'Thôn Y', kind: 'village' }),
      });
      expect(res.statusCode, type).toBe(415);
      expect(res.json()).toMatchObject({
        error: 'VALIDATION_FAILED',
        message: 'Định dạng dữ liệu gửi lên không được hỗ trợ (cần JSON).',
      });
    }
    const untyped = await app.inject({
      method: 'POST',
      url: '/api/units',
      headers: { cookie },
      payload: Buffer.from('{"name":"Thôn Y"}'),
    });
    expect(untyped.statusCode).toBe(415);
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: JSON.stringify({ username: 'admin', password: 'x' }),
    });
    expect(login.statusCode).toBe(415);
    const written = await t.db
      .selectFrom('orgUnit')
      .select('id')
      .where('name', '=', 'Thôn Y')
      .execute();
    expect(written).toEqual([]);
  });

  it('answers 400, not 500, for ids beyond the integer range', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/units/9999999999',
      headers: { cookie: cookies.get('admin') ?? '' },
    });
    expect(res.statusCode).toBe(400);
  });

  it('returns 404 JSON for unknown API paths', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/khong-co' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: 'NOT_FOUND' });
  });
});

describe('login rate limit', () => {
  it('answers 429 in Vietnamese after too many attempts', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: '/tmp/unused',
      LOG_LEVEL: 'silent',
      LOGIN_RATE_LIMIT_PER_MINUTE: '3',
    });
    const limited = await buildApp(
      { db: t.db, config, storage: t.storage, now: () => new Date(), databaseKind: 'embedded' },
      { logger: false },
    );
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await limited.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'ai-do', password: 'sai' },
        });
        codes.push(r.statusCode);
        if (r.statusCode === 429)
          expect(r.json()).toMatchObject({
            error: 'RATE_LIMITED',
            message: expect.stringContaining('thử quá nhiều lần') as unknown,
          });
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});
