import { sql } from 'kysely';
import type { Executor } from '../../platform/db';
import { AppError } from '../../platform/errors';

/**
 * Enforcement of a quota at the decision step (decision 037): inside the caller's transaction,
 * the quota's counter row (`quota_use`, migration 0022) is locked before one more approval is
 * counted, so two officers approving at once can never exceed the cap — the second waits for the
 * first to commit, then sees its count.
 */

export type QuotaClaim = {
  planId: number;
  /** The plan's quota id ("q-k3v9x0ab"), or a derived key for a per-unit count. */
  quotaKey: string;
  /** The cap now (selectWithinQuota's / quotaCap's answer for this quota). */
  cap: number;
  /** The quota as written, for the message: "không quá 01 tập thể". */
  label: string;
  /** How many approvals this claims; default 1. */
  count?: number;
};

/**
 * Counts `count` more approvals against the quota, or throws CONFLICT "Vượt hạn mức: <label> …"
 * (details: quotaKey, used, cap) when that would exceed the cap. Must run inside the caller's
 * transaction (`trx`): the row lock is held until it commits or rolls back, and a rollback undoes
 * the count with the approval. Returns the count after the claim.
 */
export async function claimQuota(trx: Executor, claim: QuotaClaim): Promise<{ used: number }> {
  const count = claim.count ?? 1;
  await sql`INSERT INTO quota_use (plan_id, quota_key) VALUES (${claim.planId}, ${claim.quotaKey})
    ON CONFLICT DO NOTHING`.execute(trx);
  const { rows } = await sql<{ used: number }>`
    SELECT used FROM quota_use WHERE plan_id = ${claim.planId} AND quota_key = ${claim.quotaKey}
    FOR UPDATE`.execute(trx);
  const used = rows[0]?.used ?? 0;
  if (used + count > claim.cap)
    throw new AppError(
      'CONFLICT',
      `Vượt hạn mức: ${claim.label} (đã duyệt ${used}/${claim.cap}, không thể duyệt thêm ${count}).`,
      { quotaKey: claim.quotaKey, used, cap: claim.cap },
    );
  await sql`UPDATE quota_use SET used = used + ${count}, updated_at = now()
    WHERE plan_id = ${claim.planId} AND quota_key = ${claim.quotaKey}`.execute(trx);
  return { used: used + count };
}

/**
 * Gives back `count` approvals (a nomination returned or a decision cancelled), under the same
 * lock. Never below 0 (the CHECK refuses it): giving back more than was counted is a bug.
 */
export async function releaseQuota(
  trx: Executor,
  planId: number,
  quotaKey: string,
  count = 1,
): Promise<{ used: number }> {
  const { rows } = await sql<{ used: number }>`
    UPDATE quota_use SET used = used - ${count}, updated_at = now()
    WHERE plan_id = ${planId} AND quota_key = ${quotaKey} RETURNING used`.execute(trx);
  return { used: rows[0]?.used ?? 0 };
}

/** How many approvals each of a plan's quotas has counted. */
export async function listQuotaUse(db: Executor, planId: number): Promise<Map<string, number>> {
  const { rows } = await sql<{ quotaKey: string; used: number }>`
    SELECT quota_key AS "quotaKey", used FROM quota_use WHERE plan_id = ${planId}`.execute(db);
  return new Map(rows.map((r) => [r.quotaKey, r.used]));
}
