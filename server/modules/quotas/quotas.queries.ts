import { sql } from 'kysely';
import type { Executor } from '../../platform/db';

/** SQL of quota enforcement: the `quota_use` counter rows (migration 0022). */

/** Ensures the counter row exists (0 when new), then locks it; returns its count. */
export async function lockQuotaUse(
  db: Executor,
  planId: number,
  quotaKey: string,
): Promise<number> {
  await sql`INSERT INTO quota_use (plan_id, quota_key) VALUES (${planId}, ${quotaKey})
    ON CONFLICT DO NOTHING`.execute(db);
  const { rows } = await sql<{ used: number }>`
    SELECT used FROM quota_use WHERE plan_id = ${planId} AND quota_key = ${quotaKey}
    FOR UPDATE`.execute(db);
  return rows[0]?.used ?? 0;
}

/** Adds `delta` (negative: gives back) to the count; returns the new count (0 for no row). */
export async function addQuotaUse(
  db: Executor,
  planId: number,
  quotaKey: string,
  delta: number,
): Promise<number> {
  const { rows } = await sql<{ used: number }>`
    UPDATE quota_use SET used = used + ${delta}, updated_at = now()
    WHERE plan_id = ${planId} AND quota_key = ${quotaKey} RETURNING used`.execute(db);
  return rows[0]?.used ?? 0;
}

/** Every counter of a plan: quota key → approvals counted. */
export async function listQuotaUse(db: Executor, planId: number): Promise<Map<string, number>> {
  const { rows } = await sql<{ quotaKey: string; used: number }>`
    SELECT quota_key AS "quotaKey", used FROM quota_use WHERE plan_id = ${planId}`.execute(db);
  return new Map(rows.map((r) => [r.quotaKey, r.used]));
}
