import type { Executor } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { addQuotaUse, lockQuotaUse } from './quotas.queries';

export { listQuotaUse } from './quotas.queries';

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
  const used = await lockQuotaUse(trx, claim.planId, claim.quotaKey);
  if (used + count > claim.cap)
    throw new AppError(
      'CONFLICT',
      `Vượt hạn mức: ${claim.label} (đã duyệt ${used}/${claim.cap}, không thể duyệt thêm ${count}).`,
      { quotaKey: claim.quotaKey, used, cap: claim.cap },
    );
  await addQuotaUse(trx, claim.planId, claim.quotaKey, count);
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
  return { used: await addQuotaUse(trx, planId, quotaKey, -count) };
}
