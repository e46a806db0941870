import { listDoubtfulValues, type DoubtfulValue } from '../../../shared/doubtful-text';
import type { Ctx } from '../../platform/context';
import { AppError, forbidden, staleVersion } from '../../platform/errors';
import { recordAudit } from '../../platform/audit';
import type { Executor } from '../../platform/db';
import { parseInput, z } from '../../platform/validation';
import { ConfirmDoubts } from '../../../shared/api/campaigns';
import { toPlanResponse, type PlanRecord } from './campaigns.schemas';
import { canEditDraft, canIssuePlanAt } from './campaigns.policy';
import * as q from './campaigns.queries';

/**
 * The review of a draft read from a document (decision 017). Values the classifier doubts (text
 * without accents, OCR noise, categories derived from such text) stay marked on the draft until
 * the officer confirms them as they are or changes them; while any remains, the draft cannot be
 * issued or recorded and its official .docx/.pdf is not produced.
 */

const StoredReview = z.object({ confirmed: z.array(z.string()) });
type StoredReview = z.infer<typeof StoredReview>;

/** The review kept on a plan row; null when the plan was not imported. */
async function findImportReview(db: Executor, planId: number): Promise<StoredReview | null> {
  const raw = await q.findImportReviewJson(db, planId);
  return raw === null ? null : StoredReview.parse(raw);
}

async function saveImportReview(db: Executor, planId: number, review: StoredReview) {
  await q.saveImportReviewJson(db, planId, review);
}

/** Starts the review of a draft just created from an import (inside the create transaction). */
export async function startImportReview(trx: Executor, plan: PlanRecord, confirmed: string[]) {
  // Only what is doubtful now is worth keeping as confirmed.
  const doubtful = new Set(listDoubtfulValues(plan, []).map((d) => d.key));
  await saveImportReview(trx, plan.id, { confirmed: confirmed.filter((c) => doubtful.has(c)) });
}

/** The doubtful values of a plan not yet confirmed; [] for a plan that was not imported. */
export async function openDoubts(db: Executor, plan: PlanRecord): Promise<DoubtfulValue[]> {
  const review = await findImportReview(db, plan.id);
  return review === null ? [] : listDoubtfulValues(plan, review.confirmed);
}

/**
 * Refuses `action` ("ban hành", "tải văn bản chính thức"…) while doubtful imported values remain:
 * VALIDATION_FAILED naming each field with its reason.
 */
export async function assertNoOpenDoubts(db: Executor, plan: PlanRecord, action: string) {
  const open = await openDoubts(db, plan);
  if (open.length === 0) return;
  const shown = open.slice(0, 5).map((d) => d.label);
  const more = open.length > shown.length ? ` và ${open.length - shown.length} giá trị khác` : '';
  throw new AppError(
    'VALIDATION_FAILED',
    `Chưa thể ${action} — còn ${open.length} giá trị nhập từ văn bản cần xem lại ` +
      `(xác nhận hoặc sửa): ${shown.join('; ')}${more}.`,
    {
      fields: open.map((d) => ({ field: d.field, label: d.label, message: d.reason })),
      doubts: open,
    },
  );
}

/**
 * Confirms doubtful values of an imported draft as they are (the officer has seen them): the
 * draft's officer or head only (FORBIDDEN), a draft only (INVALID_STATE), current version
 * (CONFLICT). Keys that are not open doubts are refused (VALIDATION_FAILED). Audited with the values.
 */
export async function confirmDoubtfulValues(ctx: Ctx, id: number, input: unknown) {
  const data = parseInput(ConfirmDoubts, input, { version: 'Phiên bản', keys: 'Giá trị' });
  return ctx.db.transaction().execute(async (trx) => {
    const before = await q.getPlan(trx, id, true);
    const ref = {
      status: before.status,
      unit: { id: before.issuingUnitId, path: before.unitPath },
    };
    if (before.status !== 'draft')
      throw new AppError('INVALID_STATE', 'Chỉ xác nhận giá trị nhập từ văn bản trên dự thảo.');
    if (!canEditDraft(ctx.actor, ref) && !canIssuePlanAt(ctx.actor, ref.unit))
      throw forbidden('Chỉ cán bộ thi đua hoặc thủ trưởng đơn vị ban hành được xác nhận.');
    if (before.version !== data.version) throw staleVersion();
    const review = await findImportReview(trx, id);
    const open = review === null ? [] : listDoubtfulValues(before, review.confirmed);
    const byKey = new Map(open.map((d) => [d.key, d]));
    const unknown = data.keys.filter((k) => !byKey.has(k));
    if (review === null || unknown.length > 0)
      throw new AppError(
        'VALIDATION_FAILED',
        'Giá trị: không còn trong danh sách cần xem lại (có thể đã được sửa) — hãy tải lại trang.',
        { fields: [{ field: 'keys', label: 'Giá trị', message: 'không còn cần xem lại' }] },
      );
    await saveImportReview(trx, id, {
      confirmed: [...new Set([...review.confirmed, ...data.keys])],
    });
    await q.updatePlan(trx, id, { version: before.version + 1, updatedAt: ctx.now() });
    await recordAudit(trx, ctx, {
      action: 'plan.doubts_confirmed',
      entityType: 'campaign_plan',
      entityId: id,
      unitPath: before.unitPath,
      after: {
        confirmed: data.keys.map((k) => {
          const d = byKey.get(k);
          return { field: d?.field, label: d?.label, value: d?.value };
        }),
      },
    });
    const after = await q.getPlan(trx, id);
    return {
      ...toPlanResponse(after),
      doubts: listDoubtfulValues(after, [...review.confirmed, ...data.keys]),
    };
  });
}
