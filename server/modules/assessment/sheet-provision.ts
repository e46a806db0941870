import type { Ctx } from '../../platform/context';
import type { Executor } from '../../platform/db';
import { recordAudit } from '../../platform/audit';
import * as q from './sheet-provision.queries';

/**
 * Score sheets exist for every approved collective registration of a plan that has a criteria
 * set, without anyone first opening them from the registration row: so the evaluation work list
 * shows them from the moment they are due. Registration approval (registrations module, through
 * this module's index.ts) and binding a criteria set to a plan both call `provideScoreSheets`.
 */

/**
 * Creates the missing score sheets of `planId`'s approved collective registrations (only `only`
 * when given), bound to the criteria version the plan uses now. Idempotent: a registration that
 * has a sheet keeps it (the unique constraint settles a race with `openSheet`). Does nothing for a
 * plan without a criteria set or whose results are published (as `openSheet`, which would refuse
 * a new sheet then). Each new sheet is audited as `score_sheet.opened`. Run it in the caller's
 * transaction; returns the number of sheets created.
 */
export async function provideScoreSheets(
  ctx: Ctx,
  trx: Executor,
  planId: number,
  only?: readonly number[],
): Promise<number> {
  if (only !== undefined && only.length === 0) return 0;
  const now = ctx.now();
  if (only === undefined) await followPlanCriteria(ctx, trx, planId);
  const rows = await q.insertDueSheets(trx, planId, now, only);
  await recordAudit(
    trx,
    ctx,
    rows.map((s) => ({
      action: 'score_sheet.opened',
      entityType: 'score_sheet',
      entityId: s.id,
      unitPath: s.unitPath,
      after: { registrationId: s.registrationId, criteriaVersionId: s.criteriaVersionId },
    })),
  );
  return rows.length;
}

/**
 * Sheets nobody has touched yet (still in self-scoring, no score and no evidence) follow the plan
 * when its criteria version changes: a sheet provided on approval must not pin the set the plan
 * had then. A sheet with any entry or evidence keeps its version (changing it would orphan what
 * the unit wrote). Each moved sheet is audited as `score_sheet.criteria_followed`.
 */
async function followPlanCriteria(ctx: Ctx, trx: Executor, planId: number): Promise<void> {
  const rows = await q.followPlanCriteriaVersion(trx, planId, ctx.now());
  await recordAudit(
    trx,
    ctx,
    rows.map((s) => ({
      action: 'score_sheet.criteria_followed',
      entityType: 'score_sheet',
      entityId: s.id,
      unitPath: s.unitPath,
      before: { criteriaVersionId: s.before },
      after: { criteriaVersionId: s.after },
    })),
  );
}
