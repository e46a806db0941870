import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor, PendingWrite } from './db';
import { actorId, actorName, type Ctx } from './context';
import { isAnchorSigned, readAnchorKey, readAnchors, type Anchor } from './audit-anchor';

/**
 * The audit trail: every change writes one event (who, when, what, before and after) in the same
 * transaction as the change. Writers only insert; the events are chained after commit by the
 * sealer (audit-seal.ts), which gives each the next sequence number, the previous event's hash and
 * its own hash over every stored column. The chain's head is anchored outside the database in
 * signed checkpoint files (audit-anchor.ts). Decisions 005 and 032.
 */

export type AuditInput = {
  action: string;
  entityType: string;
  entityId: string | number;
  unitPath: string | null;
  before?: unknown;
  after?: unknown;
};

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so jsonb round-trips hash identically. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The fields of a version 1 hash (events stored before migration 0019). */
export type HashedFields = {
  at: Date;
  actorId: number | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  unitPath: string | null;
  before: unknown;
  after: unknown;
  prevHash: string;
};

/** Version 1: writers chained in id order under a global lock; id and request_id not covered. */
export function auditHashV1(e: HashedFields): string {
  const body = canonicalJson([
    e.at.toISOString(),
    e.actorId,
    e.actorName,
    e.action,
    e.entityType,
    e.entityId,
    e.unitPath,
    e.before ?? null,
    e.after ?? null,
  ]);
  return createHash('sha256').update(`${e.prevHash}\n${body}`).digest('hex');
}

/** JSON-safe copy (Dates become ISO strings) so what is hashed is what jsonb stores. */
function plain(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}

/**
 * Writes audit events, unsealed (no sequence number or hash yet), inside the caller's
 * transaction. Takes no lock: the sealer chains them after commit (decision 032).
 */
export async function recordAudit(
  trx: Executor,
  ctx: Ctx,
  inputs: AuditInput | AuditInput[],
): Promise<void> {
  for (const write of auditWrites(trx, ctx, inputs)) await trx.executeQuery(write.compile());
}

/**
 * The inserts `recordAudit` would send (one per 1,000 events), built but not sent: for a caller
 * that sends them with its other writes in one round trip (`writeTogether`, decision 040). They
 * must still run in the transaction of the change they record.
 */
export function auditWrites(
  trx: Executor,
  ctx: Ctx,
  inputs: AuditInput | AuditInput[],
): PendingWrite[] {
  const list = Array.isArray(inputs) ? inputs : [inputs];
  const at = ctx.now();
  const rows = list.map((input) => {
    const before = plain(input.before);
    const after = plain(input.after);
    return {
      at,
      actorId: actorId(ctx.actor),
      actorName: actorName(ctx.actor),
      action: input.action,
      entityType: input.entityType,
      entityId: String(input.entityId),
      unitPath: input.unitPath,
      before: before === null ? null : JSON.stringify(before),
      after: after === null ? null : JSON.stringify(after),
      requestId: ctx.requestId ?? null,
    };
  });
  const writes: PendingWrite[] = [];
  for (let i = 0; i < rows.length; i += 1000)
    writes.push(trx.insertInto('auditEvent').values(rows.slice(i, i + 1000)));
  return writes;
}

/** Before/after values that changed, for a compact audit record of an update. */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: T,
): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (canonicalJson(before[key]) !== canonicalJson(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}

/** A stored event as the sealer and the verifier read it. */
export type StoredEvent = {
  id: number;
  seq: number | null;
  at: Date;
  recordedAt: Date | null;
  actorId: number | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  unitPath: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  prevHash: string | null;
  hash: string | null;
  hashVersion: number | null;
};

export const CURRENT_HASH_VERSION = 2;

/**
 * Version 2 (decision 032): every stored column is inside the hash — the chain position (seq),
 * the id, both times, the actor, the action, the entity, the unit path, before, after and the
 * request id — after a "v2" tag, so the format cannot be swapped for version 1 unseen.
 */
export function auditHashV2(e: StoredEvent & { seq: number }, prevHash: string): string {
  const body = canonicalJson([
    e.seq,
    e.id,
    e.at.toISOString(),
    e.recordedAt === null ? null : e.recordedAt.toISOString(),
    e.actorId,
    e.actorName,
    e.action,
    e.entityType,
    e.entityId,
    e.unitPath,
    e.before ?? null,
    e.after ?? null,
    e.requestId,
  ]);
  return createHash('sha256').update(`v2\n${prevHash}\n${body}`).digest('hex');
}

/** The hash a sealed event should have for its stored hash_version (undefined: unknown version). */
export function expectedHash(
  e: StoredEvent & { seq: number },
  prevHash: string,
): string | undefined {
  if (e.hashVersion === 1)
    return auditHashV1({ ...e, before: e.before ?? null, after: e.after ?? null, prevHash });
  if (e.hashVersion === 2) return auditHashV2(e, prevHash);
  return undefined;
}

/** What `verify-audit` checks; the code is printed for operators and scripts. */
export const AuditCheck = {
  linkBroken: 'LINK_BROKEN',
  hashMismatch: 'HASH_MISMATCH',
  sequenceGap: 'SEQUENCE_GAP',
  truncated: 'TRUNCATED',
  anchorMismatch: 'ANCHOR_MISMATCH',
  anchorInvalid: 'ANCHOR_INVALID',
  unsealedStale: 'UNSEALED_STALE',
} as const;
export type AuditCheck = (typeof AuditCheck)[keyof typeof AuditCheck];

export type ChainReport =
  | {
      ok: true;
      /** Sealed events checked. */
      checked: number;
      /** Events not sealed yet (recent ones; older ones fail UNSEALED_STALE). */
      unsealed: number;
      /** The newest anchor the chain was checked against; null when anchors were not given or none exists. */
      anchor: Anchor | null;
    }
  | {
      ok: false;
      code: AuditCheck;
      checked: number;
      /** The event's id where the chain breaks, when there is one. */
      brokenAt: number | null;
      /** Its chain position (seq), when known. */
      seq: number | null;
      /** For operators, in Vietnamese. */
      reason: string;
    };

export type VerifyOptions = {
  /** Rows read at a time. */
  batch?: number;
  /** The anchors folder (DATA_DIR/audit-anchors); without it the anchor checks are skipped. */
  anchorDir?: string;
  /** Unsealed events older than this (database clock) fail UNSEALED_STALE. Default 10 minutes. */
  staleAfterMs?: number;
};

type Failure = Extract<ChainReport, { ok: false }>;

/**
 * Verifies the audit trail and names the first check that fails:
 * ANCHOR_INVALID (an anchor line is malformed or its signature does not verify with the key),
 * SEQUENCE_GAP (a sealed event is missing: seq is not 1, 2, 3, …),
 * LINK_BROKEN (prev_hash is not the previous event's hash: removed, inserted or reordered),
 * HASH_MISMATCH (the content does not match its hash: altered),
 * ANCHOR_MISMATCH (an anchored position holds another hash: the chain was recomputed),
 * TRUNCATED (the chain ends before the newest anchor: the newest events were deleted),
 * UNSEALED_STALE (events left unsealed longer than `staleAfterMs`: the sealer stopped).
 */
export async function verifyAuditChain(
  db: Executor,
  opts: VerifyOptions = {},
): Promise<ChainReport> {
  const batch = opts.batch ?? 5000;
  const staleAfterMs = opts.staleAfterMs ?? 10 * 60_000;
  let checked = 0;
  const fail = (f: Omit<Failure, 'ok' | 'checked'>): Failure => ({ ok: false, checked, ...f });

  // Anchors: every line must be a well-formed anchor signed with this installation's key.
  const anchorsBySeq = new Map<number, Anchor & { line: number }>();
  let newest: (Anchor & { line: number }) | undefined;
  if (opts.anchorDir !== undefined) {
    const { anchors, bad } = readAnchors(opts.anchorDir);
    const firstBad = bad[0];
    if (firstBad)
      return fail({
        code: AuditCheck.anchorInvalid,
        brokenAt: null,
        seq: null,
        reason: `Dòng ${firstBad.line} của tệp mốc neo (${opts.anchorDir}) không phải là một mốc neo hợp lệ`,
      });
    const key = anchors.length > 0 ? readAnchorKey(opts.anchorDir) : undefined;
    for (const a of anchors) {
      if (!key || !isAnchorSigned(a, key))
        return fail({
          code: AuditCheck.anchorInvalid,
          brokenAt: null,
          seq: a.seq,
          reason: `Chữ ký của mốc neo ở dòng ${a.line} (số thứ tự ${a.seq}, lúc ${a.at}) không hợp lệ với khoá của hệ thống: tệp mốc neo bị sửa hoặc khoá bị thay`,
        });
      const seen = anchorsBySeq.get(a.seq);
      if (seen && seen.hash !== a.hash)
        return fail({
          code: AuditCheck.anchorInvalid,
          brokenAt: null,
          seq: a.seq,
          reason: `Hai mốc neo (dòng ${seen.line} và ${a.line}) ghi hai mã băm khác nhau cho cùng số thứ tự ${a.seq}`,
        });
      anchorsBySeq.set(a.seq, a);
      if (!newest || a.seq >= newest.seq) newest = a;
    }
  }

  let prevHash = GENESIS_HASH;
  let prevSeq = 0;
  let prevVersion = 1;
  for (;;) {
    const rows: StoredEvent[] = await db
      .selectFrom('auditEvent')
      .selectAll()
      .where('seq', 'is not', null)
      .where('seq', '>', prevSeq)
      .orderBy('seq')
      .limit(batch)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const seq = r.seq ?? 0;
      if (seq !== prevSeq + 1)
        return fail({
          code: AuditCheck.sequenceGap,
          brokenAt: r.id,
          seq,
          reason:
            prevSeq === 0
              ? `Chuỗi bắt đầu ở số thứ tự ${seq} thay vì 1: các bản ghi đầu tiên đã bị xoá`
              : `Thiếu số thứ tự ${prevSeq + 1}${seq > prevSeq + 2 ? `–${seq - 1}` : ''} (sau ${prevSeq} là ${seq}, bản ghi #${r.id}): có bản ghi đã bị xoá`,
        });
      if (r.prevHash !== prevHash)
        return fail({
          code: AuditCheck.linkBroken,
          brokenAt: r.id,
          seq,
          reason: `Liên kết bị đứt tại bản ghi #${r.id} (số thứ tự ${seq}): mã băm trước (prev_hash) không khớp với bản ghi liền trước — có bản ghi bị xoá, chèn hoặc đổi thứ tự`,
        });
      const expected = expectedHash({ ...r, seq }, prevHash);
      if (expected === undefined || expected !== r.hash || (r.hashVersion ?? 0) < prevVersion)
        return fail({
          code: AuditCheck.hashMismatch,
          brokenAt: r.id,
          seq,
          reason: `Nội dung bản ghi #${r.id} (số thứ tự ${seq}) không khớp với mã băm của nó: bản ghi đã bị sửa`,
        });
      const anchor = anchorsBySeq.get(seq);
      if (anchor && anchor.hash !== r.hash)
        return fail({
          code: AuditCheck.anchorMismatch,
          brokenAt: r.id,
          seq,
          reason: `Bản ghi số thứ tự ${seq} (#${r.id}) có mã băm khác với mốc neo lúc ${anchor.at}: chuỗi đã bị tính lại sau khi sửa`,
        });
      prevHash = r.hash ?? '';
      prevSeq = seq;
      prevVersion = r.hashVersion ?? prevVersion;
      checked++;
    }
  }
  if (newest && newest.seq > prevSeq)
    return fail({
      code: AuditCheck.truncated,
      brokenAt: null,
      seq: newest.seq,
      reason: `Chuỗi chỉ đến số thứ tự ${prevSeq} nhưng mốc neo lúc ${newest.at} đã ghi số thứ tự ${newest.seq}: các bản ghi mới nhất đã bị xoá`,
    });

  // Infinity: do not judge staleness (right after a restore, before the app has sealed).
  const staleSecs = Number.isFinite(staleAfterMs) ? staleAfterMs / 1000 : null;
  const unsealed = await sql<{
    n: number;
    stale: number;
    oldestId: number | null;
    oldestAt: Date | null;
  }>`
    SELECT count(*)::int AS n,
      count(*) FILTER (WHERE ${staleSecs}::float8 IS NOT NULL
        AND coalesce(recorded_at, at) < now() - make_interval(secs => ${staleSecs}::float8))::int AS stale,
      min(id) AS "oldestId", min(coalesce(recorded_at, at)) AS "oldestAt"
    FROM audit_event WHERE seq IS NULL`.execute(db);
  const u = unsealed.rows[0];
  if (u && u.stale > 0)
    return fail({
      code: AuditCheck.unsealedStale,
      brokenAt: u.oldestId,
      seq: null,
      reason: `${u.stale} bản ghi chưa được niêm phong quá ${Math.round(staleAfterMs / 60_000)} phút (cũ nhất #${u.oldestId ?? '?'} lúc ${u.oldestAt?.toISOString() ?? '?'}): bộ niêm phong đã ngừng — hãy khởi động ứng dụng hoặc chạy "npm run cli -- seal-audit"`,
    });
  const anchor = newest ? (({ line: _line, ...a }) => a)(newest) : null;
  return { ok: true, checked, unsealed: u?.n ?? 0, anchor };
}
