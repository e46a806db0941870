import { sql } from 'kysely';
import type { Db } from './db';
import { isDatabaseUnavailable } from './db';
import type { Logger } from './context';
import { CURRENT_HASH_VERSION, GENESIS_HASH, auditHashV2, type StoredEvent } from './audit';
import { appendAnchor, lastAnchor, type Anchor, type ChainHead } from './audit-anchor';

/**
 * The sealer (decision 032): chains committed audit events after the fact, so writers never wait
 * on each other. One sealer at a time, held by a session advisory lock that only the sealer takes
 * (writers take no lock at all). A sealing run reads, in id order, the unsealed events visible to
 * it — those whose transactions have committed — and gives each the next sequence number, the
 * previous event's hash and its version 2 hash, in one transaction per batch. An event whose
 * transaction commits later (even with a smaller id) is simply sealed by a later run with a later
 * sequence number: the chain's order is the order of sealing, never rewritten.
 *
 * After a run, the head is signed into DATA_DIR/audit-anchors when it moved and the last anchor is
 * older than `anchorEveryMs`, or when `force` is set, and at least once a day in any case.
 */

export const SEALER_LOCK_KEY = 7_320_002;
const DAY_MS = 24 * 60 * 60_000;

export type SealOptions = {
  /** DATA_DIR/audit-anchors; without it nothing is anchored (tests of the chain alone). */
  anchorDir?: string | undefined;
  /** Events sealed per transaction. */
  batch?: number;
  /** Anchor a moved head only when the last anchor is at least this old (default 10 s). */
  anchorEveryMs?: number;
  /** Anchor the head whenever it differs from the last anchor (the CLI, shutdown, tests). */
  force?: boolean;
  now?: () => Date;
};

export type SealResult = {
  /** False when another sealer holds the lock (nothing was done). */
  ran: boolean;
  sealed: number;
  head: ChainHead | null;
  anchored: Anchor | null;
};

async function readHead(conn: Db): Promise<ChainHead | null> {
  const row = await conn
    .selectFrom('auditEvent')
    .select(['seq', 'hash'])
    .where('seq', 'is not', null)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.seq == null || row.hash === null ? null : { seq: row.seq, hash: row.hash };
}

/** One batch in one transaction; the number sealed and the new head. */
async function sealBatch(conn: Db, batch: number): Promise<{ n: number; head: ChainHead | null }> {
  await sql`BEGIN`.execute(conn);
  try {
    let head = await readHead(conn);
    const rows: StoredEvent[] = await conn
      .selectFrom('auditEvent')
      .selectAll()
      .where('seq', 'is', null)
      .orderBy('id')
      .limit(batch)
      .execute();
    if (rows.length > 0) {
      const ids: number[] = [];
      const seqs: number[] = [];
      const prevs: string[] = [];
      const hashes: string[] = [];
      let seq = head?.seq ?? 0;
      let prev = head?.hash ?? GENESIS_HASH;
      for (const r of rows) {
        seq++;
        const hash = auditHashV2({ ...r, seq }, prev);
        ids.push(r.id);
        seqs.push(seq);
        prevs.push(prev);
        hashes.push(hash);
        prev = hash;
      }
      const res = await sql`
        UPDATE audit_event e
        SET seq = u.seq, prev_hash = u.prev, hash = u.hash, hash_version = ${CURRENT_HASH_VERSION}
        FROM unnest(${ids}::bigint[], ${seqs}::bigint[], ${prevs}::text[], ${hashes}::text[])
          AS u(id, seq, prev, hash)
        WHERE e.id = u.id AND e.seq IS NULL`.execute(conn);
      if (Number(res.numAffectedRows ?? 0) !== rows.length)
        throw new Error('audit sealer: events changed while being sealed');
      head = { seq, hash: prev };
    }
    await sql`COMMIT`.execute(conn);
    return { n: rows.length, head };
  } catch (e) {
    await sql`ROLLBACK`.execute(conn).catch(() => undefined);
    throw e;
  }
}

/**
 * Seals every committed unsealed event, then anchors the head outside the database when due
 * (see the module comment). Returns at once with `ran: false` when another sealer is running.
 */
export async function sealAuditEvents(db: Db, opts: SealOptions = {}): Promise<SealResult> {
  const batch = opts.batch ?? 2000;
  const now = opts.now ?? (() => new Date());
  return db.connection().execute(async (conn) => {
    const lock = await sql<{
      ok: boolean;
    }>`SELECT pg_try_advisory_lock(${SEALER_LOCK_KEY}) AS ok`.execute(conn);
    if (lock.rows[0]?.ok !== true) return { ran: false, sealed: 0, head: null, anchored: null };
    try {
      let sealed = 0;
      let head: ChainHead | null = null;
      for (;;) {
        const r = await sealBatch(conn, batch);
        sealed += r.n;
        head = r.head;
        if (r.n < batch) break;
      }
      let anchored: Anchor | null = null;
      if (opts.anchorDir !== undefined && head !== null) {
        const last = lastAnchor(opts.anchorDir);
        const age = last === undefined ? Infinity : now().getTime() - Date.parse(last.at);
        const moved = last === undefined || last.seq !== head.seq || last.hash !== head.hash;
        if (
          (moved && (opts.force === true || age >= (opts.anchorEveryMs ?? 10_000))) ||
          age >= DAY_MS
        )
          anchored = appendAnchor(opts.anchorDir, head, now());
      }
      return { ran: true, sealed, head, anchored };
    } finally {
      await sql`SELECT pg_advisory_unlock(${SEALER_LOCK_KEY})`.execute(conn).catch(() => undefined);
    }
  });
}

export type AuditSealer = {
  /** Stops the timer, then runs a last sealing with a forced anchor. */
  stop: () => Promise<void>;
};

/**
 * Runs the sealer every `intervalMs` (default 1 s) in the background, like the job worker. A
 * database outage is logged once and retried; sealing resumes where it stopped.
 */
export function startAuditSealer(
  deps: { db: Db; log: Logger; anchorDir: string },
  opts: { intervalMs?: number; anchorEveryMs?: number } = {},
): AuditSealer {
  const intervalMs = opts.intervalMs ?? 1000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let waiting = false;
  const run = async (force: boolean) => {
    try {
      await sealAuditEvents(deps.db, {
        anchorDir: deps.anchorDir,
        force,
        ...(opts.anchorEveryMs === undefined ? {} : { anchorEveryMs: opts.anchorEveryMs }),
      });
      if (waiting) deps.log.info('audit sealer: the database is back');
      waiting = false;
    } catch (e) {
      if (!isDatabaseUnavailable(e)) deps.log.error({ err: e }, 'audit sealing failed');
      else if (!waiting) {
        waiting = true;
        deps.log.warn({ err: e }, 'audit sealer: the database is unavailable; waiting for it');
      }
    }
  };
  const loop = async () => {
    if (stopped) return;
    await run(false);
    if (!stopped) timer = setTimeout(() => void (running = loop()), intervalMs);
  };
  running = loop();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      await run(true);
    },
  };
}
