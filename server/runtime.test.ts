import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from './app';
import { loadConfig } from './config';
import { openRuntime, type Runtime } from './runtime';
import { createUnit } from './modules/organization/index';
import { makeUser, testCtx } from './test/factories';
import { loginCookie } from './test/http';

/**
 * Decision 028: the service survives its database. The app runs on an embedded PostgreSQL of its
 * own (not the shared test cluster); a write loop creates units over HTTP while the postmaster is
 * killed with SIGKILL. Requests during the outage answer 503 DATABASE_UNAVAILABLE, the product
 * restarts the server with no manual step, writes succeed again, and every write that was
 * acknowledged with 201 is in the database afterwards. Then an administrator terminates every
 * connection of the app (57P01) a few times: again only 201 or 503, and writes go on.
 */

let dataDir: string;
let runtime: Runtime;
let app: FastifyInstance;
const warnings: string[] = [];

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-db-survival-'));
  fs.chmodSync(dataDir, 0o755); // as root: the `postgres` user keeps the cluster in place
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    DB_POOL_SIZE: '4',
  });
  runtime = await openRuntime(config, {
    restart: { minMs: 200, maxMs: 2_000 },
    warn: (m) => warnings.push(m),
  });
  app = await buildApp(
    {
      db: runtime.db,
      config,
      storage: runtime.storage,
      now: () => new Date(),
      databaseKind: runtime.databaseKind,
      databaseState: runtime.databaseState,
    },
    { logger: false },
  );
  await app.ready();
}, 60_000);

afterAll(async () => {
  await app?.close();
  await runtime?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the embedded PostgreSQL is killed with SIGKILL during a write loop', () => {
  it('answers 503 meanwhile, restarts it by itself and loses no acknowledged write', async () => {
    const t = { db: runtime.db, url: '', storage: runtime.storage, close: async () => {} };
    const ctx = testCtx(t, undefined, () => new Date());
    const province = await createUnit(ctx, {
      parentId: null,
      name: 'Tỉnh Bền Bỉ',
      kind: 'province',
    });
    const admin = await makeUser(ctx, 'admin', null);
    const cookie = await loginCookie(app, admin.username, admin.password);

    const acknowledged: number[] = [];
    const statuses = new Map<number, number>();
    const unexpected: string[] = [];
    let stop = false;
    let terminated = 0;
    let n = 0;
    const writer = async () => {
      while (!stop) {
        const i = ++n;
        const res = await app.inject({
          method: 'POST',
          url: '/api/units',
          headers: { cookie },
          payload: { parentId: province.id, name: `Đơn vị ${i}`, kind: 'department' },
        });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode === 201) acknowledged.push(res.json<{ id: number }>().id);
        else if (res.statusCode === 503) {
          expect(res.json()).toMatchObject({
            error: 'DATABASE_UNAVAILABLE',
            message: 'Cơ sở dữ liệu tạm thời không sẵn sàng, vui lòng thử lại sau ít phút.',
          });
          expect(res.headers['retry-after']).toBe('5');
          await sleep(20);
        } else unexpected.push(`${res.statusCode} ${res.body}`);
      }
    };
    const writers = [writer(), writer(), writer(), writer()];

    try {
      // Some writes first, then the postmaster dies mid-loop.
      while (acknowledged.length < 20) await sleep(10);
      const killedPid = runtime.embedded?.pid();
      expect(killedPid).toBeGreaterThan(0);
      process.kill(killedPid ?? 0, 'SIGKILL');
      const ackedBeforeKill = acknowledged.length;

      // The outage is seen: 503s from writes, and health says the database is being restarted.
      const deadline = Date.now() + 40_000;
      let healthDuringOutage: { statusCode: number; body: unknown } | undefined;
      while ((statuses.get(503) ?? 0) === 0 || healthDuringOutage === undefined) {
        if (Date.now() > deadline)
          throw new Error(`no outage seen: ${JSON.stringify([...statuses])}`);
        const h = await app.inject({ method: 'GET', url: '/api/health' });
        if (h.statusCode === 503) healthDuringOutage = { statusCode: 503, body: h.json() };
        await sleep(20);
      }
      expect(healthDuringOutage.body).toMatchObject({
        error: 'DATABASE_UNAVAILABLE',
        details: { database: 'embedded' },
      });

      // Recovery with no manual step: a new postmaster, and writes acknowledged again.
      while (runtime.databaseState() !== 'running' || acknowledged.length < ackedBeforeKill + 40) {
        if (Date.now() > deadline)
          throw new Error(
            `no recovery: ${runtime.databaseState()} ${JSON.stringify([...statuses])}\n${warnings.join('\n')}`,
          );
        await sleep(50);
      }
      expect(runtime.embedded?.pid()).not.toBe(killedPid);

      // An administrator ends every connection of the app (57P01, the crash): idle ones,
      // and ones checked out inside a transaction between two statements.
      const dba = new pg.Client({ connectionString: runtime.embedded?.url });
      await dba.connect();
      try {
        for (let round = 0; round < 5; round++) {
          const ended = await dba.query(
            `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
              WHERE application_name = 'thidua' AND pid <> pg_backend_pid()`,
          );
          terminated += ended.rowCount ?? 0;
          await sleep(100);
        }
      } finally {
        await dba.end();
      }
      const ackedAfterTerminate = acknowledged.length;
      while (acknowledged.length < ackedAfterTerminate + 20) {
        if (Date.now() > deadline) throw new Error('no writes after pg_terminate_backend');
        await sleep(20);
      }
    } finally {
      stop = true;
      await Promise.all(writers);
    }

    expect(unexpected).toEqual([]);
    expect(statuses.get(503)).toBeGreaterThan(0);
    expect(terminated).toBeGreaterThan(0);
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    // Every acknowledged write survived the crash.
    const stored = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM org_unit WHERE id = ANY(${acknowledged})`.execute(runtime.db);
    expect(stored.rows[0]?.n).toBe(acknowledged.length);
    expect(warnings.some((w) => w.includes('embedded PostgreSQL exited'))).toBe(true);
    expect(warnings.some((w) => w.includes('embedded PostgreSQL is back'))).toBe(true);
  }, 60_000);
});
