import type { Ctx } from '../../platform/context';
import { AppError, forbidden, staleVersion } from '../../platform/errors';
import { recordAudit } from '../../platform/audit';
import type { Executor } from '../../platform/db';
import { canAmendPlan, canEditDraft } from './campaigns.policy';
import { getVisiblePlan, unitRef } from './plans.service';

/**
 * Sets the criteria version a campaign is evaluated against, its classification bands (null =
 * the defaults), its tie-break order (null = the default order) and the band keys that qualify
 * for commendation (null = the top band). The evaluation module checks the version is published,
 * the bands, the steps and the keys before calling. The plan's officer or head; not once the plan
 * is closed or cancelled. Audited on the plan.
 */
export async function setPlanEvaluation(
  ctx: Ctx,
  trx: Executor,
  id: number,
  data: {
    version: number;
    criteriaVersionId: number | null;
    bands: unknown[] | null;
    assessmentDeadline: string | null;
    tieBreak: string[] | null;
    qualifyingBandKeys: string[] | null;
  },
) {
  const before = await getVisiblePlan(ctx, trx, id, true);
  const ref = { status: before.status, unit: unitRef(before) };
  if (before.status === 'closed' || before.status === 'cancelled')
    throw new AppError('INVALID_STATE', 'Kế hoạch đã kết thúc hoặc đã hủy.');
  if (!canEditDraft(ctx.actor, { ...ref, status: 'draft' }) && !canAmendPlan(ctx.actor, ref))
    throw forbidden('Chỉ cán bộ thi đua hoặc thủ trưởng đơn vị ban hành được chọn bộ tiêu chí.');
  if (before.version !== data.version) throw staleVersion();
  const row = await trx
    .selectFrom('campaignPlan')
    .select(['criteriaVersionId', 'bands', 'assessmentDeadline', 'tieBreak', 'qualifyingBands'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('campaignPlan')
    .set({
      criteriaVersionId: data.criteriaVersionId,
      bands: data.bands === null ? null : JSON.stringify(data.bands),
      assessmentDeadline: data.assessmentDeadline,
      tieBreak: data.tieBreak === null ? null : JSON.stringify(data.tieBreak),
      qualifyingBands:
        data.qualifyingBandKeys === null ? null : JSON.stringify(data.qualifyingBandKeys),
      version: before.version + 1,
      updatedAt: ctx.now(),
    })
    .where('id', '=', id)
    .execute();
  await recordAudit(trx, ctx, {
    action: 'plan.evaluation_set',
    entityType: 'campaign_plan',
    entityId: id,
    unitPath: before.unitPath,
    before: {
      criteriaVersionId: row.criteriaVersionId,
      bands: row.bands,
      assessmentDeadline: row.assessmentDeadline,
      tieBreak: row.tieBreak,
      qualifyingBandKeys: row.qualifyingBands,
    },
    after: {
      criteriaVersionId: data.criteriaVersionId,
      bands: data.bands,
      assessmentDeadline: data.assessmentDeadline,
      tieBreak: data.tieBreak,
      qualifyingBandKeys: data.qualifyingBandKeys,
    },
  });
  return {
    planId: id,
    criteriaVersionId: data.criteriaVersionId,
    bands: data.bands,
    assessmentDeadline: data.assessmentDeadline,
    tieBreak: data.tieBreak,
    qualifyingBandKeys: data.qualifyingBandKeys,
    version: before.version + 1,
  };
}
