import type { Ctx } from '../../platform/context';
import { actorId } from '../../platform/context';
import { AppError, forbidden, staleVersion } from '../../platform/errors';
import { changedFields, recordAudit } from '../../platform/audit';
import type { Executor } from '../../platform/db';
import { parseInput } from '../../platform/validation';
import { getVisiblePlan, type PlanRecord } from '../campaigns/index';
import { provideScoreSheets } from '../assessment/index';
import {
  BulkReview,
  type BulkReviewFailure,
  type ReviewDecision,
} from '../../../shared/registration';
import {
  Decide,
  ResubmitRegistration,
  ReturnRegistration,
  UpdateRegistration,
  type BulkReviewResult,
} from '../../../shared/api/registrations';
import {
  auditView,
  registrationLabels,
  toRegistrationResponse,
  type RegistrationRecord,
} from './registrations.schemas';
import {
  acceptsRegistrations,
  allowsReview,
  bulkReviewRefusal,
  nextStatus,
  registrantName,
  reviewVerbs,
  statusRefusals,
  type BulkRefusal,
  type RegistrationChange,
} from './registrations.rules';
import {
  canActAsRegistrant,
  canReviewRegistrations,
  canViewRegistration,
  registrationPermissions,
} from './registrations.policy';
import * as q from './registrations.queries';
import { notifyRegistrationEvent, type RegistrationEvent } from './registration-notifications';

const isReview = (c: RegistrationChange) => c === 'approve' || c === 'return';

/**
 * Locks the registration and checks, in order: who (the registrant side, or the reviewer over the
 * plan's issuing unit: FORBIDDEN), the plan's state (INVALID_STATE), the version the client saw
 * (CONFLICT) and the registration's status (INVALID_STATE).
 */
async function loadForChange(
  ctx: Ctx,
  trx: Executor,
  id: number,
  version: number,
  change: RegistrationChange,
): Promise<{ before: RegistrationRecord; plan: PlanRecord; to: RegistrationRecord['status'] }> {
  const found = await q.getRegistration(trx, id);
  await q.lockPlanShared(trx, found.planId);
  const before = await q.getRegistration(trx, id, true);
  const plan = await getVisiblePlan(ctx, trx, before.planId);
  if (isReview(change)) {
    if (!canReviewRegistrations(ctx.actor, plan.unitPath))
      throw forbidden('Chỉ cán bộ thi đua của đơn vị ban hành kế hoạch được duyệt đăng ký.');
    if (!allowsReview(plan.status))
      throw new AppError('INVALID_STATE', 'Kế hoạch đã kết thúc hoặc đã bị hủy.');
  } else {
    if (!canActAsRegistrant(ctx.actor, before))
      throw forbidden('Chỉ đơn vị hoặc người đã đăng ký được thay đổi đăng ký này.');
    if (!acceptsRegistrations(plan.status))
      throw new AppError(
        'INVALID_STATE',
        'Kế hoạch đã kết thúc hoặc đã bị hủy: không thay đổi đăng ký được nữa.',
      );
  }
  // The version first: a decision that lost a race reads as "changed meanwhile, reload".
  if (before.version !== version) throw staleVersion();
  const to = nextStatus(before.status, change);
  if (to === null) throw new AppError('INVALID_STATE', statusRefusals[change]);
  return { before, plan, to };
}

async function apply(
  ctx: Ctx,
  trx: Executor,
  before: RegistrationRecord,
  set: Omit<Parameters<typeof q.updateRegistration>[2], 'version' | 'updatedAt'>,
  action: string,
  notify?: { plan: PlanRecord; event: RegistrationEvent },
) {
  const reason = notify?.event.kind === 'returned' ? notify.event.reason : undefined;
  await q.updateRegistration(trx, before.id, {
    ...set,
    version: before.version + 1,
    updatedAt: ctx.now(),
  });
  const after = await q.getRegistration(trx, before.id);
  const diff = changedFields(auditView(before), auditView(after));
  await recordAudit(trx, ctx, {
    action,
    entityType: 'registration',
    entityId: before.id,
    unitPath: before.unitPath,
    before: diff.before,
    after: reason === undefined ? diff.after : { ...diff.after, reason },
  });
  if (notify !== undefined)
    await notifyRegistrationEvent(ctx, trx, notify.plan, after, notify.event);
  return toRegistrationResponse(after);
}

/**
 * A registration with its plan and the actor's permissions. Visible to those who see the plan's
 * tree or the registered unit (`campaign.view`), the registrant side and whoever submitted it
 * (FORBIDDEN otherwise; NOT_FOUND when it does not exist).
 */
export async function getRegistrationDetail(ctx: Ctx, id: number) {
  const r = await q.getRegistration(ctx.db, id);
  const plan = await getVisiblePlan(ctx, ctx.db, r.planId);
  if (!canViewRegistration(ctx.actor, r, plan.unitPath))
    throw forbidden('Bạn không có quyền xem đăng ký thi đua này.');
  return {
    ...toRegistrationResponse(r),
    plan: {
      id: plan.id,
      documentNumber: plan.documentNumber,
      title: plan.title,
      status: plan.status,
      registrationDeadline: plan.registrationDeadline,
    },
    permissions: registrationPermissions(ctx.actor, r, {
      unitPath: plan.unitPath,
      accepting: acceptsRegistrations(plan.status),
      reviewable: allowsReview(plan.status),
    }),
  };
}

/**
 * Edits the commitments of a submitted or returned registration (the registrant side, while the
 * plan runs). FORBIDDEN / INVALID_STATE / CONFLICT on a stale version; audited.
 */
export async function updateRegistration(ctx: Ctx, id: number, input: unknown) {
  const data = parseInput(UpdateRegistration, input, registrationLabels);
  return ctx.db.transaction().execute(async (trx) => {
    const { before } = await loadForChange(ctx, trx, id, data.version, 'edit');
    return apply(ctx, trx, before, { commitments: data.commitments }, 'registration.updated');
  });
}

/**
 * Sends a returned registration back for review, optionally with new commitments (the registrant
 * side). Allowed after the deadline: the registration itself was made in time (or accepted late),
 * the return asked for corrections. FORBIDDEN / INVALID_STATE / CONFLICT; audited; the plan's
 * issuing unit is notified.
 */
export async function resubmitRegistration(ctx: Ctx, id: number, input: unknown) {
  const data = parseInput(ResubmitRegistration, input, registrationLabels);
  return ctx.db.transaction().execute(async (trx) => {
    const { before, plan, to } = await loadForChange(ctx, trx, id, data.version, 'resubmit');
    return apply(
      ctx,
      trx,
      before,
      {
        status: to,
        commitments: data.commitments,
        decidedAt: null,
        decidedBy: null,
        returnReason: null,
      },
      'registration.resubmitted',
      { plan, event: { kind: 'resubmitted' } },
    );
  });
}

/**
 * Withdraws a registration not yet approved (the registrant side); the unit or person may then
 * register again. FORBIDDEN / INVALID_STATE / CONFLICT; audited.
 */
export async function withdrawRegistration(ctx: Ctx, id: number, input: unknown) {
  const data = parseInput(Decide, input, registrationLabels);
  return ctx.db.transaction().execute(async (trx) => {
    const { before, to } = await loadForChange(ctx, trx, id, data.version, 'withdraw');
    return apply(ctx, trx, before, { status: to }, 'registration.withdrawn');
  });
}

/**
 * What a reviewer's decision writes (besides the status the state machine gives), audits and
 * notifies: one definition for reviewing one and many.
 */
function decisionChange(ctx: Ctx, decision: ReviewDecision, reason: string | null) {
  const decided = { decidedAt: ctx.now(), decidedBy: actorId(ctx.actor) };
  if (decision === 'approve')
    return {
      set: decided,
      action: 'registration.approved',
      event: { kind: 'approved' } as RegistrationEvent,
    };
  const why = reason ?? '';
  return {
    set: { ...decided, returnReason: why },
    action: 'registration.returned',
    event: { kind: 'returned', reason: why } as RegistrationEvent,
  };
}

/**
 * Approves a submitted registration (`registration.review` over the plan's issuing unit).
 * FORBIDDEN / INVALID_STATE / CONFLICT on a stale version; audited; the registering side is
 * notified. An approved collective registration of a plan with a criteria set gets its score
 * sheet at once (evaluation's `provideScoreSheets`), so it appears in the evaluation work list.
 */
export async function approveRegistration(ctx: Ctx, id: number, input: unknown) {
  const data = parseInput(Decide, input, registrationLabels);
  return ctx.db.transaction().execute(async (trx) => {
    const { before, plan, to } = await loadForChange(ctx, trx, id, data.version, 'approve');
    const d = decisionChange(ctx, 'approve', null);
    const after = await apply(ctx, trx, before, { ...d.set, status: to }, d.action, {
      plan,
      event: d.event,
    });
    await provideScoreSheets(ctx, trx, plan.id, [id]);
    return after;
  });
}

/**
 * Returns a submitted registration to the registrant with a reason (required), for correction
 * and resubmission. Same rights and errors as approving; audited with the reason; the registering
 * side is notified with it.
 */
export async function returnRegistration(ctx: Ctx, id: number, input: unknown) {
  const data = parseInput(ReturnRegistration, input, registrationLabels);
  return ctx.db.transaction().execute(async (trx) => {
    const { before, plan, to } = await loadForChange(ctx, trx, id, data.version, 'return');
    const d = decisionChange(ctx, 'return', data.reason);
    return apply(ctx, trx, before, { ...d.set, status: to }, d.action, { plan, event: d.event });
  });
}

/** At most this many failures are named in the message (all of them are in `details`). */
const NAMED_FAILURES = 5;

function bulkFailure(
  decision: ReviewDecision,
  total: number,
  failures: (BulkReviewFailure & { code: BulkRefusal['code'] })[],
): AppError {
  const verb = reviewVerbs[decision];
  const named = failures
    .slice(0, NAMED_FAILURES)
    .map((f) => `${f.registrant ?? `đăng ký số ${f.id}`} ${f.message}`);
  const more = failures.length - named.length;
  const list = `${named.join('; ')}${more > 0 ? `; và ${more} đăng ký khác` : ''}`;
  return new AppError(
    failures.every((f) => f.code === 'CONFLICT') ? 'CONFLICT' : 'INVALID_STATE',
    `Chưa ${verb} đăng ký nào: ${failures.length}/${total} đăng ký không ${verb} được — ${list}. ` +
      'Hãy bỏ chọn các đăng ký này (hoặc tải lại danh sách) rồi thực hiện lại.',
    { failures: failures.map(({ id, registrant, message }) => ({ id, registrant, message })) },
  );
}

/**
 * Approves or returns (with one reason for all) many submitted registrations of a plan at once,
 * all or nothing, in one transaction: the same rights (`registration.review` over the plan's
 * issuing unit: FORBIDDEN), plan state (INVALID_STATE) and state machine as reviewing one by one.
 * Every registration is checked before any is changed; if one is not of this plan, was changed
 * since the reviewer saw it or is not awaiting review, nothing is changed and the error names
 * each such registration and why (`details.failures`; CONFLICT when all were only stale,
 * INVALID_STATE otherwise). Each registration is audited and its registering side notified as
 * for a single decision; approved collectives get their score sheets as with a single approval.
 * VALIDATION_FAILED for a return without a reason.
 */
export async function reviewRegistrationsInBulk(
  ctx: Ctx,
  planId: number,
  input: unknown,
): Promise<BulkReviewResult> {
  const data = parseInput(BulkReview, input, registrationLabels);
  return ctx.db.transaction().execute(async (trx) => {
    await q.lockPlanShared(trx, planId);
    const plan = await getVisiblePlan(ctx, trx, planId);
    if (!canReviewRegistrations(ctx.actor, plan.unitPath))
      throw forbidden('Chỉ cán bộ thi đua của đơn vị ban hành kế hoạch được duyệt đăng ký.');
    if (!allowsReview(plan.status))
      throw new AppError('INVALID_STATE', 'Kế hoạch đã kết thúc hoặc đã bị hủy.');
    const found = await q.getRegistrations(
      trx,
      data.items.map((i) => i.id),
      true,
    );
    const byId = new Map(found.map((r) => [r.id, r]));
    const failures = data.items.flatMap((item) => {
      const r = byId.get(item.id);
      const refusal = bulkReviewRefusal(r, { planId, version: item.version }, data.decision);
      if (refusal === null) return [];
      const visible = refusal.code !== 'NOT_FOUND' && r !== undefined;
      return [
        {
          id: item.id,
          registrant: visible ? registrantName(r) : null,
          message: refusal.reason,
          code: refusal.code,
        },
      ];
    });
    if (failures.length > 0) throw bulkFailure(data.decision, data.items.length, failures);
    const d = decisionChange(ctx, data.decision, data.reason);
    const items = [];
    for (const before of found) {
      // Checked above: every one may take the decision.
      const to = nextStatus(before.status, data.decision) ?? before.status;
      const after = await apply(ctx, trx, before, { ...d.set, status: to }, d.action, {
        plan,
        event: d.event,
      });
      items.push({ id: after.id, status: after.status, version: after.version });
    }
    if (data.decision === 'approve')
      await provideScoreSheets(
        ctx,
        trx,
        plan.id,
        items.map((i) => i.id),
      );
    return { decision: data.decision, count: items.length, items };
  });
}
