import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { makeTree, makeUser, testCtx } from '../../test/factories';
import { buildTestApp, loginCookie } from '../../test/http';
import { ensureExampleCriteriaSet } from '../criteria/index';
import { samplePlanInput } from '../../test/plans';

let t: TestDb;
let app: FastifyInstance;
let tree: Awaited<ReturnType<typeof makeTree>>;
let exampleId = 0;
const cookies = new Map<string, string>();

const login = (username: string, password: string) => loginCookie(app, username, password);
const as = (who: string) => ({ cookie: cookies.get(who) ?? '' });

beforeAll(async () => {
  t = await createTestDb();
  app = await buildTestApp(t);
  const sys = testCtx(t);
  tree = await makeTree(sys);
  exampleId = await ensureExampleCriteriaSet(sys);
  for (const [name, role] of [
    ['officer', 'emulation_officer'],
    ['staff', 'staff'],
  ] as const) {
    const u = await makeUser(sys, role, tree.province.id);
    cookies.set(name, await login(u.username, u.password));
  }
});
afterAll(async () => {
  await app.close();
  await t.close();
});

describe('criteria routes', () => {
  it('needs a session, lists the example to everyone and lets only managers create', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/criteria' })).statusCode).toBe(401);
    const list = await app.inject({ method: 'GET', url: '/api/criteria', headers: as('staff') });
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: { id: number }[] }>().items.map((v) => v.id)).toContain(exampleId);
    const body = {
      ownerUnitId: tree.province.id,
      name: 'Bộ chỉ số tỉnh',
      basedOnVersionId: exampleId,
    };
    const denied = await app.inject({
      method: 'POST',
      url: '/api/criteria',
      headers: as('staff'),
      payload: body,
    });
    expect(denied.statusCode).toBe(403);
    const created = await app.inject({
      method: 'POST',
      url: '/api/criteria',
      headers: as('officer'),
      payload: body,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json<{ status: string; number: number }>()).toMatchObject({
      status: 'draft',
      number: 1,
    });
  });

  it('names the field when the body is wrong', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/criteria',
      headers: as('officer'),
      payload: { ownerUnitId: tree.province.id, name: '' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).toContain('Tên bộ tiêu chí');
  });

  it('answers 404 for the public results of a draft, never 403', async () => {
    const draft = await app.inject({
      method: 'POST',
      url: '/api/plans',
      headers: as('officer'),
      payload: samplePlanInput(tree.province.id),
    });
    expect(draft.statusCode).toBe(201);
    const id = draft.json<{ id: number }>().id;
    const res = await app.inject({ method: 'GET', url: `/api/public/plans/${id}/results` });
    expect(res.statusCode).toBe(404);
  });
});
