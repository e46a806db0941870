import type { Ctx } from '../../platform/context';
import { actorId } from '../../platform/context';
import type { Executor } from '../../platform/db';
import { recordAudit } from '../../platform/audit';
import { markDecisionHonoursRemoved } from './decision-honours.queries';

/**
 * Annuls the awards an issued decision recorded (source 'decision', its `sourceRef`), inside the
 * caller's transaction, when a later decision cancels or corrects it: each row is marked removed
 * with the reason (the row stays, so history and audit keep their target) and audited as
 * `honour.annulled`. The award-decisions module calls this, never the table; the caller has
 * authorised the new decision. Returns how many were annulled.
 */
export async function annulDecisionHonours(
  trx: Executor,
  ctx: Ctx,
  sourceRef: string,
  reason: string,
): Promise<number> {
  const rows = await markDecisionHonoursRemoved(trx, sourceRef, {
    userId: actorId(ctx.actor),
    reason,
    at: ctx.now(),
  });
  if (rows.length === 0) return 0;
  await recordAudit(
    trx,
    ctx,
    rows.map((r) => ({
      action: 'honour.annulled',
      entityType: 'honour',
      entityId: r.id,
      unitPath: null,
      after: { sourceRef, reason, personId: r.personId, unitId: r.unitId },
    })),
  );
  return rows.length;
}
