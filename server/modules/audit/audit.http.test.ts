import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob, enqueueJob } from '../../platform/jobs';
import { createTestDb, type TestDb } from '../../test/db';
import { makeTree, makeUser, testCtx } from '../../test/factories';
import { buildTestApp, loginCookie } from '../../test/http';

let t: TestDb;
let app: FastifyInstance;

beforeAll(async () => {
  t = await createTestDb();
  app = await buildTestApp(t);
});
afterAll(async () => {
  await app.close();
  await t.close();
});

// The test app checks every JSON answer against shared/api (a 500 otherwise).
describe('audit and job routes', () => {
  it('pages the audit trail for an administrator, instants as ISO strings', async () => {
    const sys = testCtx(t);
    await makeTree(sys);
    const admin = await makeUser(sys, 'admin', null);
    const cookie = await loginCookie(app, admin.username, admin.password);
    const res = await app.inject({
      method: 'GET',
      url: '/api/audit?pageSize=3',
      headers: { cookie },
    });
    expect(res.statusCode).toBe(200);
    const page = res.json<{ items: { at: string; entityId: string }[]; total: number }>();
    expect(page.items).toHaveLength(3);
    expect(page.total).toBeGreaterThan(3);
    expect(page.items[0]!.at).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
  });

  it('matches % and _ in the action filter literally', async () => {
    const sys = testCtx(t);
    await makeTree(sys);
    const admin = await makeUser(sys, 'admin', null);
    const cookie = await loginCookie(app, admin.username, admin.password);
    const total = async (action: string) =>
      (
        await app.inject({
          method: 'GET',
          url: `/api/audit?action=${encodeURIComponent(action)}`,
          headers: { cookie },
        })
      ).json<{ total: number }>().total;
    expect(await total('auth.')).toBeGreaterThan(0);
    expect(await total('%')).toBe(0);
    expect(await total('auth_login')).toBe(0);
    expect(await total('auth.login')).toBeGreaterThan(0);
  });

  it('shows a job to the user who started it, and to no one else', async () => {
    const sys = testCtx(t);
    const u = await makeTree(sys);
    const officer = await makeUser(sys, 'emulation_officer', u.province.id);
    const other = await makeUser(sys, 'emulation_officer', u.province.id);
    const job = defineJob({ kind: 'test.noop', payload: z.object({}), run: async () => ({}) });
    const id = await enqueueJob(t.db, job, {}, officer.id);
    const as = async (who: { username: string; password: string }) =>
      app.inject({
        method: 'GET',
        url: `/api/jobs/${id}`,
        headers: { cookie: await loginCookie(app, who.username, who.password) },
      });
    const mine = await as(officer);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ id, kind: 'test.noop', status: 'queued', startedAt: null });
    expect((await as(other)).statusCode).toBe(404);
  });
});
