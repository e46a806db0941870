import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { makeTree, makeUser, testCtx } from '../../test/factories';
import { buildTestApp, loginCookie, multipart } from '../../test/http';
import { xlsxBomb1300MB, xlsxBomb420MB, xlsxLyingSizes } from '../../test/zip-bombs';
import { silentLogger } from '../context';
import { jobRunner, startWorker } from '../jobs';
import { createCriteriaSet, ensureExampleCriteriaSet } from '../../modules/criteria/index';
import { importJob } from '../../modules/organization/index';
import { loadUserActor } from '../../modules/auth/index';

/**
 * Issue 11 item 1 over HTTP: the zip bombs that took the server to 4.5–5.7 GB and "heap out of
 * memory" are answered 400 naming the file field, write nothing, keep the process's resident
 * memory under idle + 300 MB, and never stop /api/health answering.
 */

let t: TestDb;
let app: FastifyInstance;
let cookie: string;
let draft: { id: number; version: number };
let communeId: number;

beforeAll(async () => {
  t = await createTestDb();
  app = await buildTestApp(t);
  const sys = testCtx(t);
  const tree = await makeTree(sys);
  communeId = tree.commune.id;
  const officer = await makeUser(sys, 'emulation_officer', tree.province.id);
  const exampleId = await ensureExampleCriteriaSet(sys);
  draft = await createCriteriaSet(testCtx(t, officer.actor), {
    ownerUnitId: tree.province.id,
    name: 'Bộ tiêu chí thử bom nén',
    basedOnVersionId: exampleId,
  });
  cookie = await loginCookie(app, officer.username, officer.password);
});
afterAll(async () => {
  await app.close();
  await t.close();
});

async function counts() {
  const r = await sql<{ person: string; job: string; file: string; audit: string; draft: string }>`
    SELECT (SELECT count(*) FROM person) AS person, (SELECT count(*) FROM job) AS job,
      (SELECT count(*) FROM stored_file) AS file, (SELECT count(*) FROM audit_event) AS audit,
      (SELECT md5(tree::text) || version FROM criteria_set_version WHERE id = ${draft.id}) AS draft`.execute(
    t.db,
  );
  return r.rows[0];
}

/** Runs `work` while sampling RSS every 50 ms and probing /api/health every 100 ms. */
async function watched(work: () => Promise<void>) {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  let probing = true;
  let slowest = 0;
  let probes = 0;
  const probe = (async () => {
    while (probing) {
      const start = performance.now();
      const res = await app.inject({ method: 'GET', url: '/api/health' });
      expect(res.statusCode).toBe(200);
      slowest = Math.max(slowest, performance.now() - start);
      probes++;
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  try {
    await work();
  } finally {
    probing = false;
    clearInterval(sampler);
    await probe;
  }
  return { peak, slowest, probes };
}

describe('zip bombs over HTTP (issue 11 item 1)', () => {
  it('criteria and people imports answer 400 naming the file field, write nothing, stay within memory and keep answering', async () => {
    const bombs = [
      { name: '1 MB → 420 MB', data: xlsxBomb420MB() },
      { name: '4 MB → 1.3 GB', data: xlsxBomb1300MB() },
    ];
    const before = await counts();
    global.gc?.();
    const idle = process.memoryUsage().rss;
    const { peak, slowest, probes } = await watched(async () => {
      for (const bomb of bombs) {
        const criteria = multipart(
          { version: String(draft.version) },
          { name: 'bo-tieu-chi.xlsx', data: bomb.data },
        );
        const c = await app.inject({
          method: 'POST',
          url: `/api/criteria/versions/${draft.id}/import`,
          payload: criteria.payload,
          headers: { cookie, ...criteria.headers },
        });
        expect(c.statusCode, `${bomb.name}: ${c.body}`).toBe(400);
        expect(c.json()).toMatchObject({
          error: 'VALIDATION_FAILED',
          message: expect.stringContaining('tệp quá lớn khi giải nén') as unknown,
          details: { fields: [{ field: 'file', label: 'Tệp Excel' }] },
        });

        const people = multipart(
          { type: 'people', unitId: String(communeId) },
          { name: 'can-bo.xlsx', data: bomb.data },
        );
        const p = await app.inject({
          method: 'POST',
          url: '/api/imports',
          payload: people.payload,
          headers: { cookie, ...people.headers },
        });
        expect(p.statusCode, `${bomb.name}: ${p.body}`).toBe(400);
        expect(p.json()).toMatchObject({
          error: 'VALIDATION_FAILED',
          details: { fields: [{ field: 'file' }] },
        });
      }
      // Some time for the probe and the sampler to see the aftermath too.
      await new Promise((r) => setTimeout(r, 300));
    });
    expect(await counts()).toEqual(before);
    expect(peak - idle).toBeLessThan(300 * 1024 * 1024);
    expect(probes).toBeGreaterThan(2);
    expect(slowest).toBeLessThan(1000);
  });

  it('a file whose headers lie passes the upload, then its job fails with the reason and imports nothing', async () => {
    const people = multipart(
      { type: 'people', unitId: String(communeId) },
      { name: 'can-bo.xlsx', data: xlsxLyingSizes() },
    );
    const before = await counts();
    const idle = process.memoryUsage().rss;
    let jobId = 0;
    const { peak, slowest } = await watched(async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/imports',
        payload: people.payload,
        headers: { cookie, ...people.headers },
      });
      expect(res.statusCode, res.body).toBe(202);
      jobId = res.json<{ jobId: number }>().jobId;
      const worker = startWorker(
        {
          db: t.db,
          log: silentLogger,
          storage: t.storage,
          now: () => new Date(),
          loadActor: (id) => loadUserActor(t.db, id),
        },
        [jobRunner(importJob)],
        60_000,
      );
      await worker.drain();
      await worker.stop();
    });
    const job = await t.db
      .selectFrom('job')
      .selectAll()
      .where('id', '=', jobId)
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'failed', attempts: 1 });
    expect(job.error).toMatchObject({
      error: 'VALIDATION_FAILED',
      message: 'Tệp Excel: tệp bị hỏng: kích thước khai báo bên trong không khớp với nội dung.',
    });
    expect((await counts())?.person).toBe(before?.person);
    expect(peak - idle).toBeLessThan(300 * 1024 * 1024);
    expect(slowest).toBeLessThan(1000);
  });
});
