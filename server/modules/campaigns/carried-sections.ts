import { carriedSectionLabels, type CarriedSection } from '../../../shared/campaign';
import type { Ctx } from '../../platform/context';
import { actorId } from '../../platform/context';
import { AppError, forbidden, notFound } from '../../platform/errors';
import { recordAudit } from '../../platform/audit';
import type { Executor } from '../../platform/db';
import { parseInput } from '../../platform/validation';
import { SectionParam } from '../../../shared/api/campaigns';
import { canEditDraft } from './campaigns.policy';
import * as q from './carried-sections.queries';
import { getVisiblePlan, unitRef } from './plans.service';

/**
 * Review of the sections a lower unit's plan carried over from the higher plan it implements:
 * each is marked reviewed ("Đã xem lại") by the unit's officer; issuing with sections still
 * unreviewed needs an acknowledgement (decision 016).
 */

/** The carried sections as the plan detail shows them. */
export function toCarriedSections(rows: q.CarriedSectionRow[]) {
  return rows.map((r) => ({
    section: r.section,
    label: carriedSectionLabels[r.section],
    adapted: r.adapted,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    reviewedByName: r.reviewedByName,
  }));
}

/**
 * Marks one carried-over section of a draft reviewed (the unit's officer only, FORBIDDEN
 * otherwise; INVALID_STATE once issued; NOT_FOUND when the plan did not carry that section).
 * Idempotent: the first review's time and reviewer are kept. Does not change the draft's version,
 * so an editor open on the draft can still save.
 */
export async function reviewCarriedSection(ctx: Ctx, planId: number, section: unknown) {
  const key = parseInput(SectionParam, section, { '(dữ liệu)': 'Phần mang sang' });
  return ctx.db.transaction().execute(async (trx) => {
    const plan = await getVisiblePlan(ctx, trx, planId, true);
    if (plan.status !== 'draft')
      throw new AppError('INVALID_STATE', 'Kế hoạch đã ban hành: không còn phần nào để xem lại.');
    if (!canEditDraft(ctx.actor, { status: plan.status, unit: unitRef(plan) }))
      throw forbidden('Chỉ cán bộ thi đua của đơn vị ban hành được xem lại dự thảo.');
    // The plan row is locked: the section's state cannot change between the read and the write.
    const row = (await q.listCarriedSections(trx, planId)).find((r) => r.section === key);
    if (row === undefined) throw notFound('phần mang sang từ kế hoạch cấp trên');
    if (row.reviewedAt === null) {
      await q.markCarriedSectionReviewed(trx, planId, key, actorId(ctx.actor), ctx.now());
      await recordAudit(trx, ctx, {
        action: 'plan.section_reviewed',
        entityType: 'campaign_plan',
        entityId: planId,
        unitPath: plan.unitPath,
        after: { section: key },
      });
    }
    return { items: toCarriedSections(await q.listCarriedSections(trx, planId)) };
  });
}

/**
 * A child plan with carried-over sections not yet reviewed is issued only when the request
 * acknowledges it (INVALID_STATE otherwise, naming the sections). Returns the unreviewed ones.
 */
export async function assertCarriedReviewed(
  db: Executor,
  planId: number,
  acknowledged: boolean,
): Promise<CarriedSection[]> {
  const unreviewed = (await q.listCarriedSections(db, planId))
    .filter((r) => r.reviewedAt === null)
    .map((r) => r.section);
  if (unreviewed.length > 0 && !acknowledged)
    throw new AppError(
      'INVALID_STATE',
      `Chưa ban hành — còn ${unreviewed.length} phần mang sang từ kế hoạch cấp trên chưa được xem lại: ${unreviewed.map((s) => carriedSectionLabels[s]).join(', ')}. Xem lại từng phần (nút "Đã xem lại"), hoặc xác nhận vẫn ban hành.`,
      { acknowledge: 'acknowledgeUnreviewed', sections: unreviewed },
    );
  return unreviewed;
}
