import type { Ctx } from '../../platform/context';
import { AppError, forbidden, staleVersion } from '../../platform/errors';
import type { Executor } from '../../platform/db';
import * as q from './campaigns.queries';
import { canAmendPlan, canEditDraft } from './campaigns.policy';
import { getVisiblePlan, unitRef } from './plans.service';

/**
 * Opens a change of settings another module keeps about a plan (evaluation: its criteria version,
 * bands, tie-break, qualifying bands and assessment deadline, decision 023). The plan is locked
 * for the caller's transaction; it must be visible, not closed or cancelled (INVALID_STATE), the
 * actor its officer or head (FORBIDDEN with `deniedMessage`) and `version` current (CONFLICT).
 * The plan's version goes up, as for any edit of the plan, so a stale plan page notices. Returns
 * the plan as it was and its new version; the caller writes its own tables and the audit.
 */
export async function claimPlanSettingsChange(
  ctx: Ctx,
  trx: Executor,
  id: number,
  version: number,
  deniedMessage: string,
) {
  const before = await getVisiblePlan(ctx, trx, id, true);
  const ref = { status: before.status, unit: unitRef(before) };
  if (before.status === 'closed' || before.status === 'cancelled')
    throw new AppError('INVALID_STATE', 'Kế hoạch đã kết thúc hoặc đã hủy.');
  if (!canEditDraft(ctx.actor, { ...ref, status: 'draft' }) && !canAmendPlan(ctx.actor, ref))
    throw forbidden(deniedMessage);
  if (before.version !== version) throw staleVersion();
  await q.setPlanVersion(trx, id, before.version + 1, ctx.now());
  return { plan: before, version: before.version + 1 };
}
