import type { Ctx } from '../../platform/context';
import { actorId } from '../../platform/context';
import { AppError, fieldError, forbidden, type FieldError } from '../../platform/errors';
import { isWithin } from '../../platform/access';
import { auditWrites } from '../../platform/audit';
import { isUniqueViolation, writeTogether, type Executor } from '../../platform/db';
import { parseInput } from '../../platform/validation';
import { vietnamDate } from '../../platform/time';
import { getVisiblePlan, type PlanRecord } from '../campaigns/index';
import { BulkRegistration, CreateRegistration } from '../../../shared/api/registrations';
import {
  auditView,
  registrationLabels,
  toRegistrationResponse,
  type RegistrationRecord,
} from './registrations.schemas';
import {
  acceptsRegistrations,
  deadlineOutcome,
  formatDate,
  personIneligibility,
  unitIneligibility,
} from './registrations.rules';
import {
  canRegisterPerson,
  canReviewRegistrations,
  canSubmitForUnit,
} from './registrations.policy';
import * as q from './registrations.queries';
import { registeredNotification } from './registration-notifications';

/**
 * Loads a plan that takes registrations, holding it in share mode so a concurrent cancel or
 * amendment is seen (NOT_FOUND, FORBIDDEN for an unseen draft, INVALID_STATE unless issued and live).
 */
async function planTakingRegistrations(ctx: Ctx, trx: Executor, planId: number) {
  // The share lock comes with the read (one round trip): the plan cannot close meanwhile.
  const plan = await getVisiblePlan(ctx, trx, planId, 'share');
  if (!acceptsRegistrations(plan.status))
    throw new AppError(
      'INVALID_STATE',
      'Kế hoạch chưa ban hành, đã kết thúc hoặc đã bị hủy: không nhận đăng ký thi đua.',
    );
  return plan;
}

/**
 * On time, or late-accepted by the reviewer over the plan's issuing unit with a reason
 * (DEADLINE_PASSED otherwise; its details say whether this actor could accept it late).
 */
function timing(ctx: Ctx, plan: PlanRecord, lateReason: string | null) {
  const outcome = timingOrRefusal(ctx, plan, lateReason);
  if (outcome instanceof AppError) throw outcome;
  return outcome;
}

/** `timing`, with the DEADLINE_PASSED error returned instead of thrown. */
function timingOrRefusal(ctx: Ctx, plan: PlanRecord, lateReason: string | null) {
  const mayAcceptLate = canReviewRegistrations(ctx.actor, plan.unitPath);
  const outcome = deadlineOutcome(
    plan.registrationDeadline,
    vietnamDate(ctx.now()),
    mayAcceptLate,
    lateReason,
  );
  if (outcome === 'refused') {
    const deadline = formatDate(plan.registrationDeadline ?? '');
    const hint = mayAcceptLate
      ? 'Nhập lý do nhận đăng ký muộn để tiếp tục.'
      : 'Chỉ cán bộ thi đua của đơn vị ban hành kế hoạch được nhận đăng ký muộn.';
    return new AppError('DEADLINE_PASSED', `Đã quá hạn đăng ký thi đua (${deadline}). ${hint}`, {
      deadline: plan.registrationDeadline,
      canAcceptLate: mayAcceptLate,
    });
  }
  return outcome === 'late' ? { late: true, lateReason } : { late: false, lateReason: null };
}

/**
 * The checks of an individual registration, in this order: the person exists (VALIDATION_FAILED
 * naming personId), the actor may register them (FORBIDDEN), the deadline (`refusal`, when the
 * deadline refused), the person is a participant (VALIDATION_FAILED).
 */
function checkIndividual(
  ctx: Ctx,
  plan: PlanRecord,
  person: q.PersonRow | undefined,
  refusal: AppError | null,
): void {
  if (person === undefined) throw fieldError('personId', 'Cán bộ', 'không tồn tại');
  if (!canRegisterPerson(ctx.actor, { id: person.id, unitPath: person.unitPath }))
    throw forbidden('Bạn chỉ đăng ký thi đua được cho bản thân hoặc cán bộ đơn vị mình quản lý.');
  if (refusal !== null) throw refusal;
  const why = personIneligibility(person, plan.unitPath, plan.content.participants);
  if (why !== null) throw fieldError('personId', 'Cán bộ', why);
}

function duplicate(e: unknown): never {
  if (isUniqueViolation(e, 'registration_one_collective'))
    throw new AppError('CONFLICT', 'Đơn vị này đã đăng ký thi đua theo kế hoạch.');
  if (isUniqueViolation(e, 'registration_one_person'))
    throw new AppError('CONFLICT', 'Cán bộ này đã đăng ký thi đua theo kế hoạch.');
  throw e;
}

/** Inserts, audits each registration and tells the plan's issuing unit (`auditAndNotify`). */
async function insertAndAudit(
  ctx: Ctx,
  trx: Executor,
  plan: PlanRecord,
  rows: q.RegistrationInsert[],
) {
  const created = await q.insertRegistrations(trx, rows).catch(duplicate);
  return auditAndNotify(ctx, trx, plan, created);
}

/**
 * Audits each new registration and tells the plan's issuing unit (one notification), both in one
 * statement (`writeTogether`); returns the responses.
 */
async function auditAndNotify(
  ctx: Ctx,
  trx: Executor,
  plan: PlanRecord,
  created: RegistrationRecord[],
) {
  const audit = auditWrites(
    trx,
    ctx,
    created.map((r) => ({
      action: r.late ? 'registration.accepted_late' : 'registration.submitted',
      entityType: 'registration',
      entityId: r.id,
      unitPath: r.unitPath,
      after: auditView(r),
    })),
  );
  const notification = registeredNotification(ctx, trx, plan, created);
  await writeTogether(trx, notification === null ? audit : [...audit, notification]);
  return created.map(toRegistrationResponse);
}

function single<T>(items: T[]): T {
  const [first] = items;
  if (first === undefined) throw new Error('registration insert returned nothing');
  return first;
}

/**
 * Registers a collective (unit) or an individual (person) for a plan.
 * Rules: the plan must be issued and running (INVALID_STATE); a unit needs `registration.submit`
 * over it, a person over their unit unless they register themself (FORBIDDEN); after the
 * registration deadline (Vietnam date, inclusive) only the reviewer over the plan's issuing unit
 * may register, with `lateReason`, and the registration is marked late (DEADLINE_PASSED); the unit
 * or person must be among the plan's participants (VALIDATION_FAILED naming the field); one live
 * registration per unit / person per plan (CONFLICT). Audited; the issuing unit is notified.
 */
export async function registerForPlan(ctx: Ctx, planId: number, input: unknown) {
  const data = parseInput(CreateRegistration, input, registrationLabels);
  return ctx.db.transaction().execute(async (trx) => {
    const plan = await planTakingRegistrations(ctx, trx, planId);
    const participants = plan.content.participants;
    const base = {
      planId: plan.id,
      commitments: data.commitments,
      submittedAt: ctx.now(),
      submittedBy: actorId(ctx.actor),
    };
    if (data.kind === 'collective') {
      const unit = await q.findUnitRow(trx, data.unitId ?? 0);
      if (unit === undefined) throw fieldError('unitId', 'Đơn vị', 'không tồn tại');
      if (!canSubmitForUnit(ctx.actor, unit.path))
        throw forbidden('Bạn không có quyền đăng ký thi đua cho đơn vị này.');
      const when = timing(ctx, plan, data.lateReason);
      const why = unitIneligibility(unit, plan.unitPath, participants);
      if (why !== null) throw fieldError('unitId', 'Đơn vị', why);
      return single(
        await insertAndAudit(ctx, trx, plan, [
          { ...base, ...when, kind: 'collective', unitId: unit.id, personId: null },
        ]),
      );
    }
    const personId = data.personId ?? 0;
    const when = timingOrRefusal(ctx, plan, data.lateReason);
    if (when instanceof AppError) {
      // Refused by the deadline: nothing to write; the checks say why, in their order.
      const [person] = await q.findPeople(trx, [personId]);
      checkIndividual(ctx, plan, person, when);
      throw when;
    }
    // One statement reads the person and inserts at their unit; the checks then run on what it
    // read and, failing, throw — which rolls the insert back — in the order they always had.
    const { person, created } = await q.insertIndividualRegistration(trx, {
      ...base,
      ...when,
      personId,
    });
    checkIndividual(ctx, plan, person, null);
    if (created === undefined)
      throw new AppError('CONFLICT', 'Cán bộ này đã đăng ký thi đua theo kế hoạch.');
    return single(await auditAndNotify(ctx, trx, plan, [created]));
  });
}

/**
 * Registers many staff of a unit at once, with the same commitments: all or nothing.
 * Rules: as `registerForPlan`, with `registration.submit` over the unit (FORBIDDEN); every person
 * must exist, work in the unit or below it, be a participant and not be registered yet — any that
 * fail are listed together, one field error per person (VALIDATION_FAILED), and nothing is
 * written. A registration racing in meanwhile gives CONFLICT.
 */
export async function registerStaffInBulk(ctx: Ctx, planId: number, input: unknown) {
  const data = parseInput(BulkRegistration, input, registrationLabels);
  return ctx.db.transaction().execute(async (trx) => {
    const plan = await planTakingRegistrations(ctx, trx, planId);
    const unit = await q.findUnitRow(trx, data.unitId);
    if (unit === undefined) throw fieldError('unitId', 'Đơn vị', 'không tồn tại');
    if (!canSubmitForUnit(ctx.actor, unit.path))
      throw forbidden('Bạn không có quyền đăng ký thi đua cho cán bộ của đơn vị này.');
    const when = timing(ctx, plan, data.lateReason);
    const people = new Map((await q.findPeople(trx, data.personIds)).map((p) => [p.id, p]));
    const taken = new Set(await q.registeredPeople(trx, plan.id, data.personIds));
    const errors: FieldError[] = [];
    data.personIds.forEach((personId, i) => {
      const p = people.get(personId);
      const problem =
        p === undefined
          ? 'không tồn tại'
          : !isWithin(p.unitPath, unit.path) || !canSubmitForUnit(ctx.actor, p.unitPath)
            ? `không thuộc ${unit.name}`
            : (personIneligibility(p, plan.unitPath, plan.content.participants) ??
              (taken.has(personId) ? 'đã đăng ký thi đua theo kế hoạch này' : null));
      if (problem !== null)
        errors.push({
          field: `personIds.${i}`,
          label: p === undefined ? `Cán bộ mã ${personId}` : `Cán bộ ${p.fullName}`,
          message: problem,
        });
    });
    if (errors.length > 0)
      throw new AppError(
        'VALIDATION_FAILED',
        `Chưa đăng ký được — ${errors.map((e) => `${e.label}: ${e.message}`).join('; ')}.`,
        { fields: errors },
      );
    const items = await insertAndAudit(
      ctx,
      trx,
      plan,
      data.personIds.map((personId) => ({
        planId: plan.id,
        kind: 'individual' as const,
        unitId: people.get(personId)?.unitId ?? unit.id,
        personId,
        commitments: data.commitments,
        submittedAt: ctx.now(),
        submittedBy: actorId(ctx.actor),
        ...when,
      })),
    );
    return { items, count: items.length };
  });
}
