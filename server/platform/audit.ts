import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from './db';
import { actorId, actorName, type Ctx } from './context';

/**
 * The audit trail: every change writes one event (who, when, what, before and after) in the same
 * transaction as the change. Events form a hash chain: each stores the previous event's hash and
 * its own hash over its content, so editing or deleting a row breaks the chain at that point.
 * Writers serialise on an advisory lock held until commit so the chain stays linear.
 */

export type AuditInput = {
  action: string;
  entityType: string;
  entityId: string | number;
  unitPath: string | null;
  before?: unknown;
  after?: unknown;
};

const AUDIT_LOCK_KEY = 7_320_001;
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

export function auditHash(e: HashedFields): string {
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

/** Writes audit events in order, chained; must run inside the caller's transaction. */
export async function recordAudit(
  trx: Executor,
  ctx: Ctx,
  inputs: AuditInput | AuditInput[],
): Promise<void> {
  const list = Array.isArray(inputs) ? inputs : [inputs];
  if (list.length === 0) return;
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
  const last = await trx
    .selectFrom('auditEvent')
    .select('hash')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  let prevHash = last?.hash ?? GENESIS_HASH;
  const at = ctx.now();
  const rows = list.map((input) => {
    const fields: HashedFields = {
      at,
      actorId: actorId(ctx.actor),
      actorName: actorName(ctx.actor),
      action: input.action,
      entityType: input.entityType,
      entityId: String(input.entityId),
      unitPath: input.unitPath,
      before: plain(input.before),
      after: plain(input.after),
      prevHash,
    };
    const hash = auditHash(fields);
    prevHash = hash;
    return {
      ...fields,
      before: fields.before === null ? null : JSON.stringify(fields.before),
      after: fields.after === null ? null : JSON.stringify(fields.after),
      requestId: ctx.requestId ?? null,
      hash,
    };
  });
  for (let i = 0; i < rows.length; i += 1000) {
    await trx
      .insertInto('auditEvent')
      .values(rows.slice(i, i + 1000))
      .execute();
  }
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

export type ChainReport =
  { ok: true; checked: number } | { ok: false; checked: number; brokenAt: number; reason: string };

/** Walks the chain in id order and reports the first event whose link or hash does not match. */
export async function verifyAuditChain(db: Executor, batch = 5000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let afterId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('auditEvent')
      .selectAll()
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(batch)
      .execute();
    if (rows.length === 0) return { ok: true, checked };
    for (const r of rows) {
      if (r.prevHash !== prevHash) {
        return {
          ok: false,
          checked,
          brokenAt: r.id,
          reason: 'prev_hash does not match the previous event (an event was removed or reordered)',
        };
      }
      const expected = auditHash({ ...r, before: r.before ?? null, after: r.after ?? null });
      if (expected !== r.hash) {
        return {
          ok: false,
          checked,
          brokenAt: r.id,
          reason: 'content does not match its hash (the event was altered)',
        };
      }
      prevHash = r.hash;
      afterId = r.id;
      checked++;
    }
  }
}
