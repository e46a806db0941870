import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { makeTree, makeUser, testCtx } from '../../test/factories';
import { buildTestApp, loginCookie } from '../../test/http';
import { notifyUnit } from './notifications.service';

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

describe('notification routes', () => {
  it('list, mark one and mark all read, answering as shared/api/notifications.ts says', async () => {
    // The test app checks every JSON answer against the contract (a 500 otherwise).
    const sys = testCtx(t);
    const u = await makeTree(sys);
    const head = await makeUser(sys, 'unit_head', u.commune.id);
    for (const n of [1, 2])
      await notifyUnit(sys, {
        unitId: u.commune.id,
        kind: 'registration.returned',
        title: `Thông báo ${n}`,
        body: 'Nội dung',
        link: '/plans/1',
        dueOn: n === 1 ? '2026-12-31' : null,
        dedupeKey: `http-test-${n}`,
      });
    const cookie = await loginCookie(app, head.username, head.password);
    const get = (url: string) => app.inject({ method: 'GET', url, headers: { cookie } });
    const post = (url: string) =>
      app.inject({ method: 'POST', url, headers: { cookie }, payload: {} });

    expect((await app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
    const list = await get('/api/notifications?pageSize=5');
    expect(list.statusCode).toBe(200);
    const body = list.json<{ items: { id: number; dueOn: string | null }[]; unread: number }>();
    expect(body.unread).toBe(2);
    expect(body.items.map((n) => n.dueOn)).toEqual([null, '2026-12-31']);
    const first = body.items[0]!.id;
    expect((await post(`/api/notifications/${first}/read`)).json()).toEqual({ ok: true });
    expect((await post('/api/notifications/abc/read')).statusCode).toBe(400);
    expect((await post('/api/notifications/read-all')).json()).toEqual({ marked: 1 });
    expect((await get('/api/notifications?unreadOnly=true')).json()).toMatchObject({
      items: [],
      unread: 0,
    });
  });
});
