import type { CarriedSection, PlanContent, PlanContentDraft } from '../../../shared/campaign';
import type { Ctx } from '../../platform/context';
import { actorId } from '../../platform/context';
import { AppError, fieldError, forbidden, staleVersion } from '../../platform/errors';
import { changedFields, recordAudit } from '../../platform/audit';
import { isUniqueViolation, type Executor } from '../../platform/db';
import { parseInput } from '../../platform/validation';
import { vietnamDate } from '../../platform/time';
import { getUnit } from '../organization/index';
import {
  AmendPlan,
  CancelPlan,
  ClosePlan,
  CreatePlan,
  ImportReviewInput,
  UpdateDraft,
} from '../../../shared/api/campaigns';
import { planLabels, toPlanResponse, toPlanSummary, type PlanRecord } from './campaigns.schemas';
import {
  canAmendPlan,
  canCancelPlan,
  canClosePlan,
  canDraftPlanAt,
  canEditDraft,
  canViewPlan,
  planPermissions,
} from './campaigns.policy';
import { canTransition, issueOutlook, newlyMissing, statusByDate } from './campaigns.rules';
import * as q from './campaigns.queries';
import * as cq from './carried-sections.queries';
import { planSnapshot } from './plan-snapshot';
import { assertBasisPlans, mergedPeriod } from './plan-checks';
import { openDoubts, startImportReview } from './import-review';
import { toCarriedSections } from './carried-sections';
import { withPlanItemIds } from './plan-items.rules';

export const unitRef = (p: PlanRecord) => ({ id: p.issuingUnitId, path: p.unitPath });
const isIssued = (p: PlanRecord) => p.documentNumber !== null;

/** What the audit trail keeps of a plan: header fields and content. */
export function auditView(p: PlanRecord, cascadeUnitIds: number[]) {
  return {
    status: p.status,
    kind: p.kind,
    mode: p.mode,
    docType: p.docType,
    issuerSymbol: p.issuerSymbol,
    documentNumber: p.documentNumber,
    issuedOn: p.issuedOn,
    place: p.place,
    title: p.title,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    registrationDeadline: p.registrationDeadline,
    cascadeDeadline: p.cascadeDeadline,
    cascadeUnitIds,
    content: p.content,
  };
}

/** Cascade units must lie strictly below the issuing unit. */
export async function assertCascadeUnits(db: Executor, unitIds: number[], issuerPath: string) {
  const bad = await q.unitsOutside(db, unitIds, issuerPath);
  if (bad.length > 0)
    throw fieldError(
      'cascadeUnitIds',
      planLabels.cascadeUnitIds ?? 'cascadeUnitIds',
      `đơn vị mã ${bad.join(', ')} không thuộc đơn vị ban hành`,
    );
}

/** Participating units must be the issuing unit or lie below it. */
async function assertParticipantUnits(db: Executor, unitIds: number[], issuerPath: string) {
  const outside = await q.unitsOutside(db, unitIds, issuerPath);
  const issuerId = Number(issuerPath.split('.').at(-1));
  const bad = outside.filter((id) => id !== issuerId);
  if (bad.length > 0)
    throw fieldError(
      'content.participants.collectiveUnitIds',
      'Đối tượng thi đua — đơn vị tham gia',
      `đơn vị mã ${bad.join(', ')} không thuộc đơn vị ban hành`,
    );
}

/** Loads a plan the actor may see (NOT_FOUND / FORBIDDEN). */
export async function getVisiblePlan(ctx: Ctx, db: Executor, id: number, lock: q.PlanLock = false) {
  const plan = await q.getPlan(db, id, lock);
  if (!canViewPlan(ctx.actor, { status: plan.status, unit: unitRef(plan), issued: isIssued(plan) }))
    throw forbidden('Bạn không có quyền xem dự thảo kế hoạch này.');
  return plan;
}

/** A plan with its cascade units, parent, the actor's permissions and a draft's issue outlook. */
export async function getPlanDetail(ctx: Ctx, id: number) {
  const plan = await getVisiblePlan(ctx, ctx.db, id);
  const cascadeUnitIds = await q.listCascadeUnitIds(ctx.db, id);
  const parent = plan.parentPlanId === null ? null : await q.findPlan(ctx.db, plan.parentPlanId);
  return {
    ...toPlanResponse(plan),
    cascadeUnitIds,
    parent: parent === undefined || parent === null ? null : toPlanSummary(parent),
    permissions: planPermissions(ctx.actor, { status: plan.status, unit: unitRef(plan) }),
    /** Imported values still to review (decision 017); [] when none or not imported. */
    doubts: await openDoubts(ctx.db, plan),
    /** Sections carried over from the parent plan, with their review (empty for other plans). */
    carriedSections: toCarriedSections(await cq.listCarriedSections(ctx.db, id)),
    /** A draft: what issuing it today would lead to (null once issued). */
    issueOutlook: plan.status === 'draft' ? issueOutlook(plan, vietnamDate(ctx.now())) : null,
  };
}

/**
 * Creates a draft at the issuing unit; only that unit's emulation officer may (FORBIDDEN).
 * A child plan names its parent, which must be issued and visible. A draft read from a document
 * carries `importReview` (the values confirmed while reading): its doubtful values stay marked.
 * `carried` records the sections a child plan took over from its parent (startChildPlan), for
 * the officer to review.
 */
export async function createPlan(
  ctx: Ctx,
  input: unknown,
  carried: { section: CarriedSection; adapted: boolean }[] = [],
) {
  const parsed = parseInput(CreatePlan, input, planLabels);
  // A new plan has no items yet: every item gets a fresh id, and an id sent is refused.
  const data = { ...parsed, content: withPlanItemIds(parsed.content, null) };
  const { importReview } = parseInput(ImportReviewInput, input, {
    importReview: 'Xem lại giá trị nhập từ văn bản',
  });
  return ctx.db.transaction().execute(async (trx) => {
    const unit = await getUnit(trx, data.issuingUnitId);
    if (!canDraftPlanAt(ctx.actor, unit))
      throw forbidden('Chỉ cán bộ thi đua của đơn vị ban hành được soạn kế hoạch.');
    if (data.parentPlanId !== null) {
      // Locked: a cancel committing meanwhile is seen before the child is created.
      const parent = await getVisiblePlan(ctx, trx, data.parentPlanId, true);
      const label = planLabels.parentPlanId ?? 'parentPlanId';
      if (!isIssued(parent) || parent.status === 'cancelled')
        throw fieldError('parentPlanId', label, 'chưa được ban hành hoặc đã bị hủy');
      if (!unit.path.startsWith(`${parent.unitPath}.`))
        throw fieldError('parentPlanId', label, 'phải do một đơn vị cấp trên của đơn vị ban hành');
    }
    await assertCascadeUnits(trx, data.cascadeUnitIds, unit.path);
    await assertParticipantUnits(trx, data.content.participants.collectiveUnitIds, unit.path);
    await assertBasisPlans(trx, data.content);
    const row = await q
      .insertPlan(trx, {
        issuingUnitId: unit.id,
        provinceId: unit.provinceId,
        kind: data.kind,
        mode: data.mode,
        docType: data.docType,
        issuerSymbol: data.issuerSymbol,
        place: data.place,
        title: data.title,
        periodStart: data.periodStart,
        periodEnd: data.periodEnd,
        registrationDeadline: data.registrationDeadline,
        parentPlanId: data.parentPlanId,
        cascadeDeadline: data.cascadeDeadline,
        content: JSON.stringify(data.content),
        createdBy: actorId(ctx.actor),
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .catch((e: unknown) => {
        if (isUniqueViolation(e, 'campaign_plan_one_child'))
          throw new AppError('CONFLICT', 'Đơn vị đã có kế hoạch thực hiện kế hoạch cấp trên này.');
        throw e;
      });
    await q.replaceCascadeUnits(trx, row.id, data.cascadeUnitIds);
    await cq.insertCarriedSections(trx, row.id, carried);
    const created = await q.getPlan(trx, row.id);
    if (importReview !== null) await startImportReview(trx, created, importReview.confirmed);
    await recordAudit(trx, ctx, {
      action: 'plan.created',
      entityType: 'campaign_plan',
      entityId: row.id,
      unitPath: unit.path,
      after: {
        ...auditView(created, data.cascadeUnitIds),
        ...(carried.length > 0 ? { carriedSections: carried.map((c) => c.section) } : {}),
      },
    });
    return toPlanResponse(created);
  });
}

type Changes = Partial<Omit<CreatePlan, 'issuingUnitId' | 'parentPlanId' | 'content'>> & {
  content?: PlanContent;
};

/** The edit with its content's items given their ids from the plan being edited (decision 025). */
function withIds<T extends { content?: PlanContentDraft }>(
  changes: T,
  before: PlanRecord,
): Omit<T, 'content'> & { content?: PlanContent } {
  const { content, ...rest } = changes;
  return content === undefined
    ? rest
    : { ...rest, content: withPlanItemIds(content, before.content) };
}

/** Applies changed fields, bumps the edit version and audits before/after. */
async function applyChanges(
  ctx: Ctx,
  trx: Executor,
  before: PlanRecord,
  data: Changes,
  extra: { documentVersion?: number; status?: PlanRecord['status'] },
  action: string,
  reason?: string,
) {
  const beforeCascade = await q.listCascadeUnitIds(trx, before.id);
  if (data.cascadeUnitIds !== undefined)
    await assertCascadeUnits(trx, data.cascadeUnitIds, before.unitPath);
  if (data.content !== undefined) {
    await assertParticipantUnits(trx, data.content.participants.collectiveUnitIds, before.unitPath);
    await assertBasisPlans(trx, data.content);
  }
  await q.updatePlan(trx, before.id, {
    kind: data.kind,
    mode: data.mode,
    docType: data.docType,
    issuerSymbol: data.issuerSymbol,
    place: data.place,
    title: data.title,
    periodStart: data.periodStart,
    periodEnd: data.periodEnd,
    registrationDeadline: data.registrationDeadline,
    cascadeDeadline: data.cascadeDeadline,
    content: data.content === undefined ? undefined : JSON.stringify(data.content),
    documentVersion: extra.documentVersion,
    status: extra.status,
    version: before.version + 1,
    updatedAt: ctx.now(),
  });
  if (data.cascadeUnitIds !== undefined)
    await q.replaceCascadeUnits(trx, before.id, data.cascadeUnitIds);
  const after = await q.getPlan(trx, before.id);
  const diff = changedFields(
    auditView(before, beforeCascade),
    auditView(after, data.cascadeUnitIds ?? beforeCascade),
  );
  await recordAudit(trx, ctx, {
    action,
    entityType: 'campaign_plan',
    entityId: before.id,
    unitPath: before.unitPath,
    before: diff.before,
    after: reason === undefined ? diff.after : { ...diff.after, reason },
  });
  return after;
}

/** Edits a draft (its unit's officer only; CONFLICT on a stale version, INVALID_STATE once issued). */
export async function updateDraft(ctx: Ctx, id: number, input: unknown) {
  const data = parseInput(UpdateDraft, input, planLabels);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getVisiblePlan(ctx, trx, id, true);
    if (before.status !== 'draft')
      throw new AppError(
        'INVALID_STATE',
        'Kế hoạch đã ban hành: hãy dùng "Điều chỉnh" để tạo phiên bản mới.',
      );
    if (!canEditDraft(ctx.actor, { status: before.status, unit: unitRef(before) }))
      throw forbidden('Chỉ cán bộ thi đua của đơn vị ban hành được sửa dự thảo.');
    if (before.version !== data.version) throw staleVersion();
    const { version: _v, ...edits } = data;
    const changes = withIds(edits, before);
    mergedPeriod(before, changes);
    const after = await applyChanges(ctx, trx, before, changes, {}, 'plan.updated');
    return toPlanResponse(after);
  });
}

/**
 * Changes an issued plan: a new document version with the reason, the old versions kept. The
 * number and issue date stay; the status follows the new dates. Officer or head of the unit.
 */
export async function amendPlan(ctx: Ctx, id: number, input: unknown) {
  const data = parseInput(AmendPlan, input, planLabels);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getVisiblePlan(ctx, trx, id, true);
    if (!canAmendPlan(ctx.actor, { status: before.status, unit: unitRef(before) })) {
      if (before.status === 'draft' || before.status === 'closed' || before.status === 'cancelled')
        throw new AppError('INVALID_STATE', 'Chỉ điều chỉnh được kế hoạch đang có hiệu lực.');
      throw forbidden(
        'Chỉ cán bộ thi đua hoặc thủ trưởng đơn vị ban hành được điều chỉnh kế hoạch.',
      );
    }
    if (before.version !== data.version) throw staleVersion();
    const { version: _v, reason, ...edits } = data;
    // The amended version keeps the ids of the items it keeps (the row holds the issued version).
    const changes = withIds(edits, before);
    // The number was taken in the series of this type and symbol: they cannot change under it.
    for (const f of ['docType', 'issuerSymbol'] as const)
      if (changes[f] !== undefined && changes[f] !== before[f])
        throw fieldError(f, planLabels[f] ?? f, 'không thay đổi được sau khi đã ban hành');
    const today = vietnamDate(ctx.now());
    const { periodStart, periodEnd } = mergedPeriod(before, changes);
    const missing = newlyMissing(before, {
      ...before,
      periodEnd,
      content: changes.content ?? before.content,
    });
    if (missing.length > 0)
      throw new AppError(
        'VALIDATION_FAILED',
        `Không thể điều chỉnh — ${missing.map((m) => `${m.label}: ${m.message}`).join('; ')}.`,
        { fields: missing },
      );
    const status = statusByDate('issued', periodStart, periodEnd, today);
    const documentVersion = before.documentVersion + 1;
    const after = await applyChanges(
      ctx,
      trx,
      before,
      changes,
      { documentVersion, status },
      'plan.amended',
      reason,
    );
    const cascade = await q.listCascadeUnitIds(trx, id);
    await q.insertVersion(trx, {
      planId: id,
      version: documentVersion,
      snapshot: await planSnapshot(trx, after, cascade),
      reason,
      createdBy: actorId(ctx.actor),
    });
    return toPlanResponse(after);
  });
}

async function setStatus(
  ctx: Ctx,
  id: number,
  input: unknown,
  to: 'cancelled' | 'closed',
): Promise<ReturnType<typeof toPlanResponse>> {
  const data =
    to === 'cancelled'
      ? parseInput(CancelPlan, input, { reason: 'Lý do hủy', version: 'Phiên bản' })
      : { ...parseInput(ClosePlan, input, { version: 'Phiên bản' }), reason: null };
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getVisiblePlan(ctx, trx, id, true);
    if (!canTransition(before.status, to))
      throw new AppError('INVALID_STATE', 'Không thể chuyển kế hoạch ở trạng thái hiện tại.');
    const ref = { status: before.status, unit: unitRef(before) };
    const allowed =
      to === 'cancelled' ? canCancelPlan(ctx.actor, ref) : canClosePlan(ctx.actor, ref);
    if (!allowed) throw forbidden();
    if (before.version !== data.version) throw staleVersion();
    await q.updatePlan(trx, id, {
      status: to,
      cancelledReason: data.reason,
      version: before.version + 1,
      updatedAt: ctx.now(),
    });
    await recordAudit(trx, ctx, {
      action: to === 'cancelled' ? 'plan.cancelled' : 'plan.closed',
      entityType: 'campaign_plan',
      entityId: id,
      unitPath: before.unitPath,
      before: { status: before.status },
      after: { status: to, ...(data.reason === null ? {} : { reason: data.reason }) },
    });
    return toPlanResponse(await q.getPlan(trx, id));
  });
}

/** Cancels a draft (officer or head) or a live plan (head only), with a reason. */
export const cancelPlan = (ctx: Ctx, id: number, input: unknown) =>
  setStatus(ctx, id, input, 'cancelled');

/** Closes a plan after its final review (officer or head of the issuing unit). */
export const closePlan = (ctx: Ctx, id: number, input: unknown) =>
  setStatus(ctx, id, input, 'closed');

/** The issued versions of a plan, newest first. */
export async function listPlanVersions(ctx: Ctx, id: number) {
  await getVisiblePlan(ctx, ctx.db, id);
  const versions = await q.listVersions(ctx.db, id);
  return { items: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })) };
}
