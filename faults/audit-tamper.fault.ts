import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createDb, type Executor } from '../server/platform/db';
import { auditHash } from '../server/platform/audit';
import type { RunningServer } from '../server/test/server-process';
import {
  call,
  embeddedUrl,
  expectStatus,
  removeDataDir,
  restartServer,
  runCli,
  startFaultServer,
  type CliResult,
  type FaultServer,
} from './harness';

/**
 * Issue 11 item 4 against the real server: a database administrator rewrites the change log
 * with direct SQL while the service runs — (a) edits an event and recomputes every following
 * hash with the product's own `auditHash`, (b) deletes the newest events, (c) edits an event's
 * request id — and `npm run cli -- verify-audit` (server stopped: the CLI opens DATA_DIR itself)
 * must exit non-zero and print a line with the code of the check that failed. The untampered log
 * verifies first, and is put back between tampers, so each failure is that tamper's.
 */

let first: FaultServer | undefined;
let dataDir: string;
/** The whole audit table as JSON, taken before the first tamper, to put back between tampers. */
let pristine: string;

/** A line of the CLI's output naming one of the failed check's codes. */
function failedCheck(r: CliResult, codes: RegExp): string | undefined {
  return `${r.stdout}\n${r.stderr}`.split('\n').find((line) => codes.test(line));
}

async function verifyAudit(): Promise<CliResult> {
  const r = await runCli(dataDir, ['verify-audit']);
  console.log(`[faults] verify-audit → ${r.code}\n${r.stdout}${r.stderr}`.trim());
  return r;
}

/**
 * Runs `tamper` as a database administrator on the running server (its own embedded PostgreSQL,
 * superuser, triggers off), after putting the log back as it was; then stops the server.
 */
async function asDba(tamper: (db: Executor) => Promise<void>): Promise<void> {
  const server: RunningServer = await restartServer(dataDir);
  const db = createDb(embeddedUrl(dataDir), 1);
  try {
    await db.transaction().execute(async (trx) => {
      await sql`SET LOCAL session_replication_role = replica`.execute(trx);
      await sql`DELETE FROM audit_event`.execute(trx);
      await sql`INSERT INTO audit_event OVERRIDING SYSTEM VALUE
        SELECT * FROM json_populate_recordset(NULL::audit_event, ${pristine}::json)`.execute(trx);
    });
    await db.transaction().execute(async (trx) => {
      await sql`SET LOCAL session_replication_role = replica`.execute(trx);
      await tamper(trx);
    });
  } finally {
    await db.destroy();
    await server.stop(15_000);
  }
}

beforeAll(async () => {
  first = await startFaultServer('audit');
  dataDir = first.dataDir;
  // Audited changes: an officer creates units (one event each).
  for (let i = 1; i <= 12; i++) {
    expectStatus(
      await call(first.url, 'POST', '/api/units', {
        cookie: first.officerCookie,
        json: { parentId: first.provinceId, name: `Đơn vị nhật ký ${i}`, kind: 'department' },
      }),
      201,
      `create unit ${i}`,
    );
  }
  const db = createDb(embeddedUrl(dataDir), 1);
  try {
    // As text: the db's camel-case plugin would rename the keys of a parsed JSON value.
    const r = await sql<{ rows: string }>`
      SELECT coalesce(json_agg(a ORDER BY a.id), '[]'::json)::text AS rows FROM audit_event a`.execute(
      db,
    );
    pristine = r.rows[0]?.rows ?? '[]';
  } finally {
    await db.destroy();
  }
  // Stopped, not disposed: the data directory stays for the CLI and the tampers.
  await first.stop(15_000);
}, 240_000);

afterAll(async () => {
  if (dataDir !== undefined) await removeDataDir(dataDir);
}, 60_000);

describe('item 4: the change log rewritten with direct SQL is detected by verify-audit', () => {
  it('verifies the untampered log', async () => {
    const r = await verifyAudit();
    expect(r.code).toBe(0);
  }, 120_000);

  it('(a) an edited event with every following hash recomputed by auditHash', async () => {
    await asDba(async (db) => {
      const events = await db.selectFrom('auditEvent').selectAll().orderBy('id').execute();
      const victim = events.length - 6;
      expect(victim).toBeGreaterThan(0);
      let prevHash = events[victim - 1]?.hash ?? '';
      for (let i = victim; i < events.length; i++) {
        const e = events[i];
        if (e === undefined) continue;
        const after =
          i === victim ? { ...(e.after as Record<string, unknown>), name: 'Đã sửa lén' } : e.after;
        const hash = auditHash({ ...e, before: e.before ?? null, after: after ?? null, prevHash });
        await db
          .updateTable('auditEvent')
          .set({ after: JSON.stringify(after), prevHash, hash })
          .where('id', '=', e.id)
          .execute();
        prevHash = hash;
      }
    });
    const r = await verifyAudit();
    expect(r.code, 'verify-audit exit code').not.toBe(0);
    expect(
      failedCheck(r, /\b(HASH_MISMATCH|MAC_MISMATCH|ANCHOR_MISMATCH|TRUNCATED)\b/),
      'a line naming the failed check',
    ).toBeDefined();
  }, 180_000);

  it('(b) the newest events deleted', async () => {
    await asDba(async (db) => {
      const newest = await db
        .selectFrom('auditEvent')
        .select('id')
        .orderBy('id', 'desc')
        .limit(3)
        .execute();
      await db
        .deleteFrom('auditEvent')
        .where(
          'id',
          'in',
          newest.map((e) => e.id),
        )
        .execute();
    });
    const r = await verifyAudit();
    expect(r.code, 'verify-audit exit code').not.toBe(0);
    expect(failedCheck(r, /\bTRUNCATED\b/), 'a line naming TRUNCATED').toBeDefined();
  }, 180_000);

  it('(c) an event’s request id edited', async () => {
    await asDba(async (db) => {
      const e = await db
        .selectFrom('auditEvent')
        .select('id')
        .orderBy('id', 'desc')
        .offset(4)
        .limit(1)
        .executeTakeFirstOrThrow();
      await db
        .updateTable('auditEvent')
        .set({ requestId: 'forged' })
        .where('id', '=', e.id)
        .execute();
    });
    const r = await verifyAudit();
    expect(r.code, 'verify-audit exit code').not.toBe(0);
    expect(failedCheck(r, /\bHASH_MISMATCH\b/), 'a line naming HASH_MISMATCH').toBeDefined();
  }, 180_000);
});
