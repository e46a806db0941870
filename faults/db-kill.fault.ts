import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import {
  call,
  embeddedUrl,
  postmasterPid,
  sleep,
  startFaultServer,
  waitFor,
  within,
  type FaultServer,
} from './harness';

/**
 * Issue 11 item 2 against the real server process: `kill -9` of the embedded postmaster (its pid
 * from DATA_DIR's postmaster.pid) while an emulation officer's write loop creates units over
 * HTTP, three times. During each outage requests answer 503 with the Vietnamese message and
 * Retry-After; the product restarts PostgreSQL by itself; the Node process never exits; and
 * every write acknowledged with 201 is in the database afterwards (counted over SQL).
 */

const CYCLES = 3;
const MESSAGE = 'Cơ sở dữ liệu tạm thời không sẵn sàng, vui lòng thử lại sau ít phút.';

let server: FaultServer;

beforeAll(async () => {
  server = await startFaultServer('db-kill', { DB_POOL_SIZE: '4' });
}, 180_000);

afterAll(async () => {
  await server?.dispose();
}, 60_000);

describe('item 2: the embedded PostgreSQL is killed with SIGKILL during a write loop', () => {
  it(`answers 503 meanwhile, restarts it by itself, ${CYCLES} times, and loses no acknowledged write`, async () => {
    const acknowledged: number[] = [];
    const statuses = new Map<number, number>();
    const unexpected: string[] = [];
    let stop = false;
    let n = 0;
    const writer = async () => {
      while (!stop) {
        const i = ++n;
        let reply;
        try {
          reply = await call(server.url, 'POST', '/api/units', {
            cookie: server.officerCookie,
            json: { parentId: server.provinceId, name: `Đơn vị ghi ${i}`, kind: 'department' },
            timeoutMs: 20_000,
          });
        } catch (e) {
          // No answer at all (refused, reset, timed out): the server went away or hung.
          unexpected.push(`request ${i}: ${e instanceof Error ? e.message : String(e)}`);
          await sleep(200);
          continue;
        }
        statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
        if (reply.status === 201) acknowledged.push((reply.body as { id: number }).id);
        else if (reply.status === 503) {
          const body = reply.body as { error?: string; message?: string };
          if (body.error !== 'DATABASE_UNAVAILABLE' || body.message !== MESSAGE)
            unexpected.push(`503 with ${JSON.stringify(body)}`);
          if (reply.headers.get('retry-after') === null) unexpected.push('503 without Retry-After');
          await sleep(50);
        } else unexpected.push(`${reply.status} ${JSON.stringify(reply.body)}`);
      }
    };
    const writers = [writer(), writer(), writer(), writer()];
    const outages: { pid: number; newPid: number; acked: number; downMs: number }[] = [];

    try {
      for (let cycle = 1; cycle <= CYCLES; cycle++) {
        const before = acknowledged.length;
        await waitFor(30_000, `cycle ${cycle}: 20 writes before the kill`, () =>
          acknowledged.length >= before + 20 ? true : undefined,
        );
        const pid = postmasterPid(server.dataDir);
        if (pid === undefined) throw new Error(`cycle ${cycle}: no live postmaster.pid`);
        const seen503 = statuses.get(503) ?? 0;
        const killedAt = Date.now();
        process.kill(pid, 'SIGKILL');

        // The outage is seen: writes answer 503, and /api/health says so too.
        let health503 = false;
        await waitFor(30_000, `cycle ${cycle}: 503 from writes and from /api/health`, async () => {
          const h = await call(server.url, 'GET', '/api/health', { timeoutMs: 5_000 });
          if (h.status === 503) health503 = true;
          return health503 && (statuses.get(503) ?? 0) > seen503;
        });
        // Recovery with no manual step: a new postmaster, health 200, writes acknowledged again.
        const ackedAtRecovery = acknowledged.length;
        const newPid = await waitFor(
          60_000,
          `cycle ${cycle}: PostgreSQL restarted by the product`,
          async () => {
            const p = postmasterPid(server.dataDir);
            if (p === undefined || p === pid) return undefined;
            const h = await call(server.url, 'GET', '/api/health', { timeoutMs: 5_000 });
            return h.status === 200 ? p : undefined;
          },
          100,
        );
        const downMs = Date.now() - killedAt;
        await waitFor(30_000, `cycle ${cycle}: writes acknowledged after the restart`, () =>
          acknowledged.length >= ackedAtRecovery + 20 ? true : undefined,
        );
        expect(server.alive(), `cycle ${cycle}: the Node process is still running`).toBe(true);
        outages.push({ pid, newPid, acked: acknowledged.length - before, downMs });
      }
    } finally {
      stop = true;
      await within(30_000, 'writers to finish', Promise.all(writers));
    }

    console.log(
      `[faults] db-kill: ${CYCLES} kill -9 cycles, ${acknowledged.length} acknowledged writes, statuses ${JSON.stringify(Object.fromEntries(statuses))}, outages ${JSON.stringify(outages)}`,
    );
    expect(unexpected).toEqual([]);
    expect(statuses.get(503) ?? 0).toBeGreaterThan(0);
    expect(server.alive()).toBe(true);
    expect(server.output()).not.toMatch(/Unhandled|uncaught|FATAL ERROR/i);

    // Every acknowledged write survived: counted directly in the database.
    const client = new pg.Client({ connectionString: embeddedUrl(server.dataDir) });
    await client.connect();
    try {
      const stored = await client.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM org_unit WHERE id = ANY($1::bigint[])',
        [acknowledged],
      );
      expect(stored.rows[0]?.n).toBe(acknowledged.length);
    } finally {
      await client.end();
    }
  }, 240_000);
});
