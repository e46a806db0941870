import type { Ctx } from '../../platform/context';
import { actorId } from '../../platform/context';
import { AppError, fieldError, forbidden, staleVersion } from '../../platform/errors';
import { changedFields, recordAudit } from '../../platform/audit';
import { isUniqueViolation, type Executor } from '../../platform/db';
import { parseInput } from '../../platform/validation';
import { vietnamDate } from '../../platform/time';
import { IssuePlan, RecordIssued } from '../../../shared/api/campaigns';
import { toPlanResponse, type PlanRecord } from './campaigns.schemas';
import { canIssuePlanAt } from './campaigns.policy';
import {
  documentSymbol,
  formatDocumentNumber,
  isLive,
  missingForIssue,
  statusByDate,
} from './campaigns.rules';
import * as q from './campaigns.queries';
import {
  latestIssuedOn,
  parseDocumentNumber,
  recordPaperNumber,
  takeNumber,
  type Subject,
} from '../documents/index';
import { auditView, getVisiblePlan, unitRef } from './plans.service';
import { planSnapshot } from './plan-snapshot';
import { assertNoOpenDoubts } from './import-review';
import { assertPastDatesAcknowledged } from './plan-checks';
import { assertCarriedReviewed } from './carried-sections';

/**
 * Loads a draft for issuing: the unit head only, a draft only, current version and, for a new
 * issue, nothing missing (a plan recorded from paper is taken as it was issued).
 */
async function draftToIssue(
  ctx: Ctx,
  trx: Executor,
  id: number,
  version: number,
  requireComplete = true,
) {
  const before = await getVisiblePlan(ctx, trx, id, true);
  if (!canIssuePlanAt(ctx.actor, unitRef(before)))
    throw forbidden('Chỉ thủ trưởng đơn vị ban hành được ban hành kế hoạch.');
  if (before.status !== 'draft')
    throw new AppError('INVALID_STATE', 'Chỉ dự thảo mới được ban hành.');
  if (before.version !== version) throw staleVersion();
  const missing = requireComplete ? missingForIssue(before) : [];
  if (missing.length > 0)
    throw new AppError(
      'VALIDATION_FAILED',
      `Chưa thể ban hành — ${missing.map((m) => `${m.label}: ${m.message}`).join('; ')}.`,
      { fields: missing },
    );
  await assertNoOpenDoubts(trx, before, requireComplete ? 'ban hành' : 'vào sổ');
  return before;
}

/** The register's subject for a plan: its id, and its title as the summary (trích yếu). */
const planSubject = (plan: PlanRecord): Subject => ({
  kind: 'plan',
  id: plan.id,
  summary: plan.title,
});

/** Writes the number and date, records version 1 and the audit event; status follows the dates. */
async function finishIssue(
  ctx: Ctx,
  trx: Executor,
  before: PlanRecord,
  issue: { number: number; year: number; issuedOn: string },
  reason: string,
  /** What the issuer acknowledged (past dates, unreviewed sections), kept in the audit event. */
  acknowledged: Record<string, unknown> = {},
) {
  const today = vietnamDate(ctx.now());
  const periodStart = before.periodStart ?? issue.issuedOn;
  if (before.periodEnd !== null && before.periodEnd < periodStart)
    throw fieldError(
      'periodEnd',
      'Thời gian kết thúc',
      `phải sau hoặc trùng ngày bắt đầu (${periodStart}, ngày ban hành khi chưa nhập ngày bắt đầu)`,
    );
  await q
    .updatePlan(trx, before.id, {
      status: statusByDate('issued', periodStart, before.periodEnd, today),
      number: issue.number,
      numberYear: issue.year,
      documentNumber: formatDocumentNumber(issue.number, before.docType, before.issuerSymbol),
      issuedOn: issue.issuedOn,
      issuedAt: ctx.now(),
      issuedBy: actorId(ctx.actor),
      periodStart,
      documentVersion: 1,
      version: before.version + 1,
      updatedAt: ctx.now(),
    })
    .catch((e: unknown) => {
      if (isUniqueViolation(e, 'campaign_plan_number'))
        throw fieldError(
          'documentNumber',
          'Số văn bản',
          'đã được dùng cho văn bản khác của đơn vị trong năm',
        );
      throw e;
    });
  const after = await q.getPlan(trx, before.id);
  const cascade = await q.listCascadeUnitIds(trx, before.id);
  await q.insertVersion(trx, {
    planId: before.id,
    version: 1,
    snapshot: await planSnapshot(trx, after, cascade),
    reason,
    createdBy: actorId(ctx.actor),
  });
  const diff = changedFields(auditView(before, cascade), auditView(after, cascade));
  await recordAudit(trx, ctx, {
    action: 'plan.issued',
    entityType: 'campaign_plan',
    entityId: before.id,
    unitPath: before.unitPath,
    before: diff.before,
    after: { ...diff.after, reason, ...acknowledged },
  });
  return toPlanResponse(after);
}

/**
 * Issues a draft (the issuing unit's head only): assigns the next number in the unit's yearly
 * series for the document type ("47/KH-UBND"), records version 1 and moves the plan along its
 * dates. VALIDATION_FAILED lists what is still missing; issuedOn may not be in the future or
 * earlier than the last document of the same series. DEADLINE_PASSED when the period has ended or
 * the registration deadline has passed, unless `acknowledgePastDates`; INVALID_STATE when a child
 * plan's carried-over sections are not all reviewed, unless `acknowledgeUnreviewed` (both
 * acknowledgements are kept in the audit event).
 */
export async function issuePlan(ctx: Ctx, id: number, input: unknown) {
  const data = parseInput(IssuePlan, input, {
    issuedOn: 'Ngày ban hành',
    version: 'Phiên bản',
    acknowledgePastDates: 'Xác nhận ban hành khi ngày đã qua',
    acknowledgeUnreviewed: 'Xác nhận ban hành khi chưa xem lại phần mang sang',
  });
  return ctx.db.transaction().execute(async (trx) => {
    const before = await draftToIssue(ctx, trx, id, data.version);
    if (before.parentPlanId !== null) {
      // Locked: a cancel of the parent committing meanwhile is seen.
      const parent = await q.getPlan(trx, before.parentPlanId, true);
      if (!isLive(parent.status))
        throw new AppError(
          'INVALID_STATE',
          'Kế hoạch cấp trên đã kết thúc hoặc đã bị hủy: không ban hành kế hoạch thực hiện nữa.',
        );
    }
    const today = vietnamDate(ctx.now());
    const issuedOn = data.issuedOn ?? today;
    if (issuedOn > today)
      throw fieldError('issuedOn', 'Ngày ban hành', 'không được sau ngày hôm nay');
    const acknowledged: Record<string, unknown> = {};
    const { pastDates } = assertPastDatesAcknowledged(
      before,
      today,
      issuedOn,
      data.acknowledgePastDates,
    );
    if (pastDates.length > 0) acknowledged.acknowledgedPastDates = pastDates.map((d) => d.field);
    const unreviewed = await assertCarriedReviewed(trx, before.id, data.acknowledgeUnreviewed);
    if (unreviewed.length > 0) acknowledged.acknowledgedUnreviewed = unreviewed;
    const year = Number(issuedOn.slice(0, 4));
    const series = {
      unitId: before.issuingUnitId,
      year,
      docType: before.docType,
      issuerSymbol: before.issuerSymbol,
    };
    // The number first: its series lock waits for a concurrent issue in the series to commit, so
    // the date check below sees that issue's date.
    const { number } = await takeNumber(ctx, trx, series, planSubject(before), { issuedOn });
    const latest = await latestIssuedOn(trx, series);
    if (latest !== null && latest > issuedOn)
      throw fieldError(
        'issuedOn',
        'Ngày ban hành',
        `không được trước ngày của văn bản cùng sổ đã ban hành (${latest})`,
      );
    return finishIssue(ctx, trx, before, { number, year, issuedOn }, 'Ban hành', acknowledged);
  });
}

/**
 * Records a plan that was already issued on paper ("vào sổ" an existing document), keeping its own
 * number and date so lower plans can cite and link it. The unit head only; the number must carry
 * the plan's own symbol ("47/KH-UBND") and be free in that year's register (CONFLICT naming
 * "Số văn bản" otherwise, documents.recordPaperNumber); the date may not be in the future.
 */
export async function recordIssuedPlan(ctx: Ctx, id: number, input: unknown) {
  const data = parseInput(RecordIssued, input, {
    version: 'Phiên bản',
    documentNumber: 'Số văn bản',
    issuedOn: 'Ngày ban hành',
  });
  return ctx.db.transaction().execute(async (trx) => {
    const before = await draftToIssue(ctx, trx, id, data.version, false);
    if (data.issuedOn > vietnamDate(ctx.now()))
      throw fieldError('issuedOn', 'Ngày ban hành', 'không được sau ngày hôm nay');
    const symbol = documentSymbol(before.docType, before.issuerSymbol);
    const parsed = parseDocumentNumber(data.documentNumber, symbol);
    if ('error' in parsed) throw fieldError('documentNumber', 'Số văn bản', parsed.error);
    const { number } = parsed;
    const year = Number(data.issuedOn.slice(0, 4));
    await recordPaperNumber(
      ctx,
      trx,
      {
        unitId: before.issuingUnitId,
        year,
        docType: before.docType,
        issuerSymbol: before.issuerSymbol,
      },
      planSubject(before),
      { number, issuedOn: data.issuedOn },
    );
    return finishIssue(
      ctx,
      trx,
      before,
      { number, year, issuedOn: data.issuedOn },
      'Vào sổ văn bản đã ban hành',
    );
  });
}
