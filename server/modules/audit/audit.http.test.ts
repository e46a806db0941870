import { createPublicKey, verify } from 'node:crypto';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob, enqueueJob } from '../../platform/jobs';
import { createTestDb, type TestDb } from '../../test/db';
import { makeTree, makeUser, testCtx } from '../../test/factories';
import { buildTestApp, loginCookie } from '../../test/http';
import { sealAudit, tempAnchorDir } from '../../test/audit';
import type { AuditAnchorResponse } from '../../../shared/api/audit';

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

  it('shows new events as not sealed until the sealer chains them', async () => {
    const sys = testCtx(t);
    const admin = await makeUser(sys, 'admin', null);
    const cookie = await loginCookie(app, admin.username, admin.password);
    await makeTree(sys);
    const sealedFlags = async () =>
      (await app.inject({ method: 'GET', url: '/api/audit?pageSize=5', headers: { cookie } }))
        .json<{ items: { sealed: boolean }[] }>()
        .items.map((i) => i.sealed);
    expect(await sealedFlags()).toEqual([false, false, false, false, false]);
    await sealAudit(t.db);
    expect(await sealedFlags()).toEqual([true, true, true, true, true]);
  });

  it('publishes the newest anchor and the public key that verifies it, to anyone', async () => {
    const anchors = tempAnchorDir();
    const pub = await buildTestApp(t, { env: { DATA_DIR: path.dirname(anchors.dir) } });
    try {
      const get = async () => {
        const res = await pub.inject({ method: 'GET', url: '/api/public/audit-anchor' });
        expect(res.statusCode).toBe(200);
        return res.json<AuditAnchorResponse>();
      };
      expect(await get()).toEqual({ anchor: null, algorithm: 'Ed25519', publicKey: null });
      await makeTree(testCtx(t));
      const sealed = await sealAudit(t.db, anchors.dir);
      const { anchor, publicKey } = await get();
      expect(anchor).toMatchObject({ seq: sealed.head?.seq, hash: sealed.head?.hash });
      expect(
        verify(
          null,
          Buffer.from(anchor?.signedText ?? ''),
          createPublicKey(publicKey ?? ''),
          Buffer.from(anchor?.signature ?? '', 'base64'),
        ),
      ).toBe(true);
    } finally {
      await pub.close();
      anchors.remove();
    }
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
