import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createDb, type Executor } from '../server/platform/db';
import { AuditCheck, expectedHash, GENESIS_HASH } from '../server/platform/audit';
import {
  call,
  embeddedUrl,
  expectStatus,
  removeDataDir,
  restartServer,
  runCli,
  sleep,
  startFaultServer,
  type CliResult,
} from './harness';

/**
 * Issue 11 item 4 against the real server: a database administrator rewrites the change log
 * with direct SQL while the service runs — (a) edits an event and recomputes every following
 * hash with the product's own function, (b) deletes the newest events, (c) edits an event's
 * request id — the service goes on (its sealer runs) and is stopped; then
 * `npm run cli -- verify-audit` (which opens DATA_DIR itself, so the server is stopped) must exit
 * non-zero and print a line with the code of the check that failed. The untampered log verifies
 * first; each tamper starts from a cold copy of the untampered data directory (database and
 * anchors), so each failure is that tamper's alone.
 */

let dataDir: string;
let pristineDir: string;

const anyCheck = new RegExp(`\\b(${Object.values(AuditCheck).join('|')})\\b`);

/** A line of the CLI's output naming the failed check's code. */
function failedCheck(r: CliResult, codes: RegExp): string | undefined {
  return `${r.stdout}\n${r.stderr}`.split('\n').find((line) => codes.test(line));
}

async function verifyAudit(): Promise<CliResult> {
  const r = await runCli(dataDir, ['verify-audit']);
  console.log(`[faults] verify-audit → ${r.code}\n${r.stdout}${r.stderr}`.trim());
  return r;
}

/** The untampered data directory back in place (the server is stopped). */
function restorePristine(): void {
  fs.rmSync(dataDir, { recursive: true, force: true });
  execFileSync('cp', ['-a', pristineDir, dataDir]);
}

/**
 * Runs `tamper` as a database administrator (superuser, triggers off) on the running service,
 * which then goes on for a few seconds (its sealer runs) and is stopped normally.
 */
async function asDba(tamper: (db: Executor) => Promise<void>): Promise<void> {
  restorePristine();
  const server = await restartServer(dataDir);
  try {
    const db = createDb(embeddedUrl(dataDir), 1);
    try {
      await db.transaction().execute(async (trx) => {
        await sql`SET LOCAL session_replication_role = replica`.execute(trx);
        await tamper(trx);
      });
    } finally {
      await db.destroy();
    }
    await sleep(3_000);
  } finally {
    await server.stop(15_000);
  }
}

/** Sealed events in chain order (seq), as the verifier reads them. */
function sealedEvents(db: Executor) {
  return db
    .selectFrom('auditEvent')
    .selectAll()
    .where('seq', 'is not', null)
    .orderBy('seq')
    .execute();
}

beforeAll(async () => {
  const first = await startFaultServer('audit');
  dataDir = first.dataDir;
  pristineDir = `${dataDir}.pristine`;
  try {
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
  } finally {
    // Stopped, not disposed: the data directory stays for the CLI and the tampers. A normal
    // stop seals what is left and anchors the head.
    await first.stop(15_000);
  }
  execFileSync('cp', ['-a', dataDir, pristineDir]);
}, 240_000);

afterAll(async () => {
  if (dataDir !== undefined) await removeDataDir(dataDir);
  if (pristineDir !== undefined) fs.rmSync(pristineDir, { recursive: true, force: true });
}, 60_000);

describe('item 4: the change log rewritten with direct SQL is detected by verify-audit', () => {
  it('verifies the untampered log', async () => {
    const r = await verifyAudit();
    expect(r.code).toBe(0);
  }, 120_000);

  it('(a) an edited event with every following hash recomputed by the product', async () => {
    await asDba(async (db) => {
      const events = await sealedEvents(db);
      const victim = events.length - 6;
      expect(victim).toBeGreaterThan(0);
      let prevHash = events[victim - 1]?.hash ?? GENESIS_HASH;
      for (let i = victim; i < events.length; i++) {
        const e = events[i];
        if (e === undefined || e.seq === null) continue;
        const after =
          i === victim ? { ...(e.after as Record<string, unknown>), name: 'Đã sửa lén' } : e.after;
        const hash = expectedHash({ ...e, seq: e.seq, after, prevHash }, prevHash);
        if (hash === undefined) throw new Error(`event ${e.id}: unknown hash version`);
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
    expect(failedCheck(r, anyCheck), 'a line naming the failed check').toBeDefined();
  }, 180_000);

  it('(b) the newest events deleted', async () => {
    await asDba(async (db) => {
      const newest = await db
        .selectFrom('auditEvent')
        .select('id')
        .where('seq', 'is not', null)
        .orderBy('seq', 'desc')
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
    // TRUNCATED; or ANCHOR_MISMATCH when events written after the deletion were sealed into the
    // anchored positions.
    expect(
      failedCheck(r, /\b(TRUNCATED|ANCHOR_MISMATCH)\b/),
      'a line naming TRUNCATED',
    ).toBeDefined();
  }, 180_000);

  it('(c) an event’s request id edited', async () => {
    await asDba(async (db) => {
      const e = await db
        .selectFrom('auditEvent')
        .select('id')
        .where('seq', 'is not', null)
        .orderBy('seq', 'desc')
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
