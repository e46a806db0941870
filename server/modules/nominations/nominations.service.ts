import type { Ctx } from '../../platform/context';
import { actorId } from '../../platform/context';
import { scopeCovers, scopeFor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import type { Executor } from '../../platform/db';
import { AppError, fieldError, forbidden, notFound, staleVersion } from '../../platform/errors';
import { parseInput } from '../../platform/validation';
import { vietnamDate } from '../../../shared/dates';
import { defaultBands } from '../../../shared/criteria';
import type { NominationMove } from '../../../shared/nominations';
import { describeQuota, quotaCap } from '../../../shared/quotas';
import {
  NominationAccept,
  NominationApprove,
  NominationCreate,
  NominationForward,
  NominationReject,
  NominationReturn,
  NominationSubmit,
  NominationWithdraw,
  type Nomination,
  type NominationCandidates,
  type NominationList,
} from '../../../shared/api/nominations';
import { getEvaluatedPlan } from '../assessment/index';
import { getVisiblePlan } from '../campaigns/index';
import { disciplineOfPeople, historyOfPeople, historyOfUnits } from '../honours/index';
import { listEligiblePeople, listQualifyingUnits } from '../results/index';
import { checkEligibility, moveRefusals, nextNominationStatus } from './nominations.rules';
import { claimQuota, listQuotaCandidates, releaseQuota, ruleOfPlanQuota } from '../quotas/index';
import { forwardTarget } from './levels.rules';
import { levelsOf, quotaUseOf } from './levels';
import { canProposeNomination, canReviewNomination } from './nominations.policy';
import * as q from './nominations.queries';

const labels = {
  round: 'Đợt xét',
  personId: 'Cá nhân được đề nghị',
  unitId: 'Tập thể được đề nghị',
  formVersionId: 'Hình thức khen thưởng',
  achievement: 'Thành tích',
  periodFrom: 'Thành tích từ ngày',
  periodTo: 'Thành tích đến ngày',
  version: 'Phiên bản',
  reason: 'Lý do',
  dismissedSuggestions: 'Gợi ý bỏ qua',
};

const NO_PROPOSE = 'Chỉ thủ trưởng, cán bộ thi đua của đơn vị đề nghị được lập, gửi đề nghị này.';
const NO_REVIEW =
  'Chỉ cán bộ thi đua của cấp đang xét đề nghị được tiếp nhận, trả lại, chuyển hoặc quyết định đề nghị.';

/** A nomination with its history, levels, dossier checklist, files and quota use. */
async function toNomination(
  ctx: Ctx,
  db: Executor,
  r: q.NominationRecord,
  suggestions: Nomination['suggestions'] = [],
): Promise<Nomination> {
  const steps = await q.listSteps(db, r.id);
  const levels = await levelsOf(ctx, db, r);
  const files = await q.listAttachments(db, r.id);
  return {
    ...toListItem(r),
    steps: steps.map((s) => ({ ...s, at: new Date(s.at).toISOString() })),
    suggestions,
    decidingUnit: { id: levels.decider.id, name: levels.decider.name },
    dossier: {
      level:
        levels.receiving === null ? null : { id: levels.receiving.id, name: levels.receiving.name },
      items: levels.checklist,
    },
    attachments: files.map((f) => toAttachment(f)),
    quotas: await quotaUseOf(db, r.planId, levels.quotas),
    permissions: {
      propose: canProposeNomination(ctx.actor, r.proposingUnitPath),
      review:
        r.currentUnitId !== r.proposingUnitId && canReviewNomination(ctx.actor, r.currentUnitPath),
    },
  };
}

/** An attachment as the contract shows it (the storage key stays on the server). */
export function toAttachment(
  f: Awaited<ReturnType<typeof q.listAttachments>>[number],
): Nomination['attachments'][number] {
  return {
    id: f.id,
    dossierItem: f.dossierItem,
    fileName: f.fileName,
    contentType: f.contentType,
    sizeBytes: f.sizeBytes,
    uploadedAt: new Date(f.uploadedAt).toISOString(),
  };
}

function toListItem(r: q.NominationRecord): NominationList['items'][number] {
  return {
    id: r.id,
    planId: r.planId,
    round: r.round,
    subject:
      r.personId !== null
        ? { kind: 'person', id: r.personId, name: r.subjectName }
        : { kind: 'unit', id: r.unitId ?? 0, name: r.subjectName },
    form: { versionId: r.formVersionId, code: r.formCode, name: r.formName },
    achievement: r.achievement,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    proposingUnit: { id: r.proposingUnitId, name: r.proposingUnitName },
    currentUnit: { id: r.currentUnitId, name: r.currentUnitName },
    status: r.status,
    returnReason: r.returnReason,
    version: r.version,
  };
}

/** A nomination the actor may see: proposer or reviewer over it (else NOT_FOUND). */
export async function visibleNomination(ctx: Ctx, db: Executor, id: number, lock = false) {
  const r = await q.findNomination(db, id, lock);
  if (
    r === undefined ||
    !(
      canProposeNomination(ctx.actor, r.proposingUnitPath) ||
      canReviewNomination(ctx.actor, r.proposingUnitPath)
    )
  )
    throw notFound('đề nghị khen thưởng');
  return r;
}

export const by = (ctx: Ctx) => ({ userId: actorId(ctx.actor), at: ctx.now() });

/**
 * The candidates a plan's published results prefill (results' `listQualifyingUnits` and
 * `listEligiblePeople`), kept to the units where the actor may propose (`nomination.submit`).
 * NOT_FOUND / FORBIDDEN for an unseen plan; until the results are published, none
 * (`resultsPublished: false`).
 */
export async function listNominationCandidates(
  ctx: Ctx,
  planId: number,
): Promise<NominationCandidates> {
  let units, people;
  try {
    units = await listQualifyingUnits(ctx, planId);
    people = await listEligiblePeople(ctx, planId);
  } catch (e) {
    // Not published yet: nothing to prefill (nominations by hand stay possible).
    if (e instanceof AppError && e.code === 'INVALID_STATE')
      return { resultsPublished: false, units: [], people: [] };
    throw e;
  }
  const scope = scopeFor(ctx.actor, 'nomination.submit');
  const paths = await q.listUnitPaths(ctx.db, [
    ...units.map((u) => u.unitId),
    ...people.map((p) => p.unitId),
  ]);
  const mine = (unitId: number) => scopeCovers(scope, paths.get(unitId) ?? '');
  return {
    resultsPublished: true,
    units: units
      .filter((u) => mine(u.unitId))
      .map(({ unitId, unitName, score, bandLabel, rank }) => ({
        unitId,
        unitName,
        score,
        bandLabel,
        rank,
      })),
    people: people
      .filter((p) => mine(p.unitId))
      .map(({ personId, fullName, unitId }) => ({ personId, fullName, unitId })),
  };
}

/**
 * A plan's nominations the actor may see, filtered in SQL: those proposed within the subtree
 * where the actor proposes (`nomination.submit`) or reviews (`nomination.review`).
 * NOT_FOUND / FORBIDDEN for an unseen plan.
 */
export async function listNominations(ctx: Ctx, planId: number): Promise<NominationList> {
  await getVisiblePlan(ctx, ctx.db, planId);
  const propose = scopeFor(ctx.actor, 'nomination.submit');
  const review = scopeFor(ctx.actor, 'nomination.review');
  const rows = await q.listNominationsOfPlan(ctx.db, planId, [propose, review]);
  return { items: rows.map(toListItem) };
}

/** One nomination with its history. NOT_FOUND when unseen. */
export async function getNomination(ctx: Ctx, id: number): Promise<Nomination> {
  const r = await visibleNomination(ctx, ctx.db, id);
  return toNomination(ctx, ctx.db, r);
}

/**
 * Creates a draft nomination for a round of a plan: exactly one subject (a person, or a unit as
 * a collective), a catalogue form version whose subject matches (individual / collective), the
 * achievement and its period. The proposing unit is the person's unit or the unit itself; the
 * actor needs `nomination.submit` over it (FORBIDDEN). NOT_FOUND for an unseen plan, an unknown
 * person, unit or form version; VALIDATION_FAILED naming the field; CONFLICT when a live
 * nomination of the same subject, plan, round and form exists. Audited.
 */
export async function createNomination(
  ctx: Ctx,
  planId: number,
  input: unknown,
): Promise<Nomination> {
  const data = parseInput(NominationCreate, input, labels);
  if ((data.personId === null) === (data.unitId === null))
    throw fieldError('personId', labels.personId, 'chọn đúng một cá nhân hoặc một tập thể');
  if (data.periodTo < data.periodFrom)
    throw fieldError('periodTo', labels.periodTo, 'không được trước ngày bắt đầu');
  const plan = await getVisiblePlan(ctx, ctx.db, planId);
  const form = await q.findFormVersion(ctx.db, data.formVersionId);
  if (form === undefined) throw notFound('hình thức khen thưởng');
  if (form.planId !== null && form.planId !== plan.id)
    throw fieldError('formVersionId', labels.formVersionId, 'thuộc kế hoạch khác');
  const subject =
    data.personId !== null
      ? await q.findPerson(ctx.db, data.personId)
      : await q.findUnit(ctx.db, data.unitId ?? 0);
  if (subject === undefined) throw notFound(data.personId !== null ? 'cán bộ' : 'đơn vị');
  const wanted = data.personId !== null ? 'individual' : 'collective';
  if (form.subject !== wanted && !(wanted === 'collective' && form.subject === 'household'))
    throw fieldError(
      'formVersionId',
      labels.formVersionId,
      wanted === 'individual' ? 'không dành cho cá nhân' : 'không dành cho tập thể',
    );
  const proposingUnitId = 'unitId' in subject ? subject.unitId : subject.id;
  if (!canProposeNomination(ctx.actor, subject.unitPath)) throw forbidden(NO_PROPOSE);
  const id = await ctx.db.transaction().execute(async (trx) => {
    let newId: number;
    try {
      newId = await q.insertNomination(
        trx,
        {
          planId,
          round: data.round,
          personId: data.personId,
          unitId: data.unitId,
          formVersionId: data.formVersionId,
          achievement: data.achievement,
          periodFrom: data.periodFrom,
          periodTo: data.periodTo,
          proposingUnitId,
        },
        by(ctx),
      );
    } catch (e) {
      if ((e as { constraint?: string }).constraint === 'nomination_live_once')
        throw new AppError(
          'CONFLICT',
          `${subject.name} đã có đề nghị "${form.name}" trong đợt xét này.`,
        );
      throw e;
    }
    await q.insertStep(
      trx,
      {
        nominationId: newId,
        action: 'create',
        fromUnitId: proposingUnitId,
        toUnitId: proposingUnitId,
        reason: null,
      },
      by(ctx),
    );
    await recordAudit(trx, ctx, {
      action: 'nomination.created',
      entityType: 'nomination',
      entityId: newId,
      unitPath: subject.unitPath,
      after: { planId, ...data, proposingUnitId },
    });
    return newId;
  });
  return getNomination(ctx, id);
}

/**
 * Submits a draft or returned nomination to the level above the proposing unit, after the
 * eligibility check on the server (`checkEligibility`: one achievement → one award, pending
 * discipline, the unit band where the plan makes it a condition). Needs `nomination.submit`
 * over the proposing unit (FORBIDDEN); INVALID_STATE for another status or a unit without a
 * parent; CONFLICT for a stale version; VALIDATION_FAILED (400) naming the failed rules in
 * Vietnamese, with `details.rules`. Suggestions from history come back on the nomination
 * (advisory; `dismissedSuggestions` drops them). Audited.
 */
export async function submitNomination(ctx: Ctx, id: number, input: unknown): Promise<Nomination> {
  const data = parseInput(NominationSubmit, input, labels);
  const suggestions = await ctx.db.transaction().execute(async (trx) => {
    const r = await visibleNomination(ctx, trx, id, true);
    if (!canProposeNomination(ctx.actor, r.proposingUnitPath)) throw forbidden(NO_PROPOSE);
    const status = nextNominationStatus(r.status, 'submit');
    if (status === null) throw new AppError('INVALID_STATE', moveRefusals.submit);
    const proposing = await q.findUnit(trx, r.proposingUnitId);
    if (proposing?.parentId == null)
      throw new AppError('INVALID_STATE', 'Đơn vị đề nghị không có cấp trên để gửi đến.');
    const verdict = await eligibilityOf(ctx, trx, r, data.dismissedSuggestions);
    if (!verdict.eligible)
      throw new AppError(
        'VALIDATION_FAILED',
        `Chưa đủ điều kiện đề nghị khen thưởng: ${verdict.failures.map((f) => f.message).join(' ')}`,
        { rules: verdict.failures },
      );
    await move(ctx, trx, r, data.version, 'submit', proposing.parentId, null);
    return verdict.suggestions;
  });
  const r = await visibleNomination(ctx, ctx.db, id);
  return toNomination(ctx, ctx.db, r, suggestions);
}

/** The eligibility of a nomination, from honours' history and discipline and the plan. */
async function eligibilityOf(
  ctx: Ctx,
  db: Executor,
  r: q.NominationRecord,
  dismissed: readonly string[],
) {
  const subject = { personId: r.personId, unitId: r.unitId };
  const others = await q.listNominationsOfSubject(db, subject);
  const history =
    r.personId !== null
      ? ((await historyOfPeople(db, [r.personId])).get(r.personId) ?? [])
      : ((await historyOfUnits(db, [r.unitId ?? 0])).get(r.unitId ?? 0) ?? []);
  const discipline =
    r.personId !== null ? ((await disciplineOfPeople(db, [r.personId])).get(r.personId) ?? []) : [];
  const plan = await getEvaluatedPlan(ctx, db, r.planId);
  let bandCondition = null;
  if (plan.qualifyingBandKeys !== null) {
    // The plan names the bands that qualify (seed 002): the unit's band is a condition. The
    // unit is the collective itself, or the person's proposing unit.
    const bands = plan.bands ?? defaultBands;
    const found = (await listQualifyingUnits(ctx, r.planId)).find(
      (u) => u.unitId === (r.unitId ?? r.proposingUnitId),
    );
    bandCondition = {
      qualifying: found !== undefined,
      bandLabel: found?.bandLabel ?? null,
      required: plan.qualifyingBandKeys.map((k) => bands.find((b) => b.key === k)?.label ?? k),
    };
  }
  return checkEligibility({
    subjectKind: r.personId !== null ? 'person' : 'unit',
    planId: r.planId,
    nominationId: r.id,
    formCode: r.formCode,
    formName: r.formName,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    others,
    history,
    discipline,
    onDate: vietnamDate(ctx.now()),
    bandCondition,
    dismissedSuggestions: dismissed,
  });
}

/** Moves the nomination (state machine, optimistic version), records the step and the audit. */
async function move(
  ctx: Ctx,
  trx: Executor,
  r: q.NominationRecord,
  version: number,
  action: NominationMove,
  toUnitId: number,
  reason: string | null,
): Promise<void> {
  const status = nextNominationStatus(r.status, action);
  if (status === null) throw new AppError('INVALID_STATE', moveRefusals[action]);
  if (r.version !== version) throw staleVersion();
  const moved = await q.moveNomination(
    trx,
    r.id,
    version,
    { status, currentUnitId: toUnitId, returnReason: action === 'return' ? reason : null },
    by(ctx),
  );
  if (!moved) throw staleVersion();
  await q.insertStep(
    trx,
    { nominationId: r.id, action, fromUnitId: r.currentUnitId, toUnitId, reason },
    by(ctx),
  );
  await recordAudit(trx, ctx, {
    action: `nomination.${action}`,
    entityType: 'nomination',
    entityId: r.id,
    unitPath: r.proposingUnitPath,
    before: { status: r.status, currentUnitId: r.currentUnitId },
    after: { status, currentUnitId: toUnitId, reason },
  });
}

/**
 * Returns a nomination under review (or approved, before the award decision) to its proposing
 * unit for revision, with a reason; after an approval the quota seats it claimed are given back.
 * Needs `nomination.review` over the level where it sits (FORBIDDEN); INVALID_STATE when it is
 * not under review; CONFLICT for a stale version; VALIDATION_FAILED without a reason. Audited.
 */
export async function returnNomination(ctx: Ctx, id: number, input: unknown): Promise<Nomination> {
  const data = parseInput(NominationReturn, input, labels);
  await ctx.db.transaction().execute(async (trx) => {
    const r = await reviewable(ctx, trx, id);
    await move(ctx, trx, r, data.version, 'return', r.proposingUnitId, data.reason);
    await releaseClaimed(trx, r);
  });
  return getNomination(ctx, id);
}

/** The nomination, locked, when the actor reviews the level where it sits (else FORBIDDEN). */
async function reviewable(ctx: Ctx, trx: Executor, id: number) {
  const r = await visibleNomination(ctx, trx, id, true);
  if (!canReviewNomination(ctx.actor, r.currentUnitPath) || r.currentUnitId === r.proposingUnitId)
    throw forbidden(NO_REVIEW);
  return r;
}

/** Gives back the quota seats an approval claimed (none: nothing to do). */
async function releaseClaimed(trx: Executor, r: q.NominationRecord) {
  if (r.quotaKeys.length === 0) return;
  for (const key of r.quotaKeys) await releaseQuota(trx, r.planId, key);
  await q.setQuotaKeys(trx, r.id, []);
}

/**
 * The receiving level takes a submitted or forwarded nomination in, once the dossier checklist of
 * that level (the plan's dossier rules, decision 041) is complete: every item has a file tagged
 * with it (or, later, a generated document). Needs `nomination.review` over the level where it
 * sits (FORBIDDEN); INVALID_STATE for another status; VALIDATION_FAILED naming the missing items
 * (`details.missing`); CONFLICT for a stale version. Audited.
 */
export async function acceptNomination(ctx: Ctx, id: number, input: unknown): Promise<Nomination> {
  const data = parseInput(NominationAccept, input, labels);
  await ctx.db.transaction().execute(async (trx) => {
    const r = await reviewable(ctx, trx, id);
    if (nextNominationStatus(r.status, 'accept') === null)
      throw new AppError('INVALID_STATE', moveRefusals.accept);
    const missing = (await levelsOf(ctx, trx, r)).checklist
      .filter((i) => !i.present)
      .map((i) => i.item);
    if (missing.length > 0)
      throw new AppError(
        'VALIDATION_FAILED',
        `Hồ sơ đề nghị chưa đủ theo kế hoạch, còn thiếu: ${missing.join('; ')}.`,
        { missing },
      );
    await move(ctx, trx, r, data.version, 'accept', r.currentUnitId, null);
  });
  return getNomination(ctx, id);
}

/** INVALID_STATE unless the nomination sits at the level that decides its form. */
function assertDecidingLevel(r: q.NominationRecord, decider: { id: number; name: string }) {
  if (r.currentUnitId !== decider.id)
    throw new AppError(
      'INVALID_STATE',
      `"${r.formName}" do ${decider.name} quyết định; đề nghị đang ở ${r.currentUnitName}.`,
    );
}

/**
 * The deciding level approves an accepted nomination: the level that holds the form's authority
 * (the nearest unit above the proposing unit whose kind holds one of the form version's deciders,
 * within the plan's reach; else the plan's issuing unit — decision 041). In the same transaction
 * it claims a seat of every plan quota that applies (quotas' `claimQuota`: the subject's scope,
 * at the deciding unit's level or at no named level; a percent is taken of the eligible
 * candidates), so two officers approving at once never exceed a quota. Needs `nomination.review`
 * over the level (FORBIDDEN); INVALID_STATE unless accepted at the deciding level; CONFLICT
 * "Vượt hạn mức: …" when a quota is full, or for a stale version. Audited.
 */
export async function approveNomination(ctx: Ctx, id: number, input: unknown): Promise<Nomination> {
  const data = parseInput(NominationApprove, input, labels);
  await ctx.db.transaction().execute(async (trx) => {
    const r = await reviewable(ctx, trx, id);
    if (nextNominationStatus(r.status, 'approve') === null)
      throw new AppError('INVALID_STATE', moveRefusals.approve);
    if (r.version !== data.version) throw staleVersion();
    const levels = await levelsOf(ctx, trx, r);
    assertDecidingLevel(r, levels.decider);
    const keys: string[] = [];
    for (const { quota, quotaKey } of levels.quotas) {
      const rule = ruleOfPlanQuota(quota);
      const base =
        quota.maxPercent === null
          ? 0
          : (await listQuotaCandidates(ctx, r.planId, rule.subject)).length;
      const { cap } = quotaCap(rule, base);
      await claimQuota(trx, {
        planId: r.planId,
        quotaKey,
        cap,
        label: `${quota.level}: ${describeQuota(rule)}`,
      });
      keys.push(quotaKey);
    }
    await move(ctx, trx, r, data.version, 'approve', r.currentUnitId, null);
    await q.setQuotaKeys(trx, r.id, keys);
  });
  return getNomination(ctx, id);
}

/**
 * The deciding level does not award a nomination under review or approved, with a reason; an
 * approval's quota seats are given back. Needs `nomination.review` over the level (FORBIDDEN);
 * INVALID_STATE for another status or another level than the deciding one; VALIDATION_FAILED
 * without a reason; CONFLICT for a stale version. Audited.
 */
export async function rejectNomination(ctx: Ctx, id: number, input: unknown): Promise<Nomination> {
  const data = parseInput(NominationReject, input, labels);
  await ctx.db.transaction().execute(async (trx) => {
    const r = await reviewable(ctx, trx, id);
    if (nextNominationStatus(r.status, 'reject') === null)
      throw new AppError('INVALID_STATE', moveRefusals.reject);
    assertDecidingLevel(r, (await levelsOf(ctx, trx, r)).decider);
    await move(ctx, trx, r, data.version, 'reject', r.currentUnitId, data.reason);
    await releaseClaimed(trx, r);
  });
  return getNomination(ctx, id);
}

/**
 * Forwards a nomination under review up one level: to the nearest unit above that is a level of
 * government (a commune, a province…) or the top the plan reaches (its issuing unit), never past
 * the deciding level of its form nor past the top (decision 041). Needs `nomination.review` over
 * the current level (FORBIDDEN); INVALID_STATE when it is not under review, already at the level
 * that decides its form, or at the top; CONFLICT for a stale version. Audited.
 */
export async function forwardNomination(ctx: Ctx, id: number, input: unknown): Promise<Nomination> {
  const data = parseInput(NominationForward, input, labels);
  await ctx.db.transaction().execute(async (trx) => {
    const r = await reviewable(ctx, trx, id);
    if (nextNominationStatus(r.status, 'forward') === null)
      throw new AppError('INVALID_STATE', moveRefusals.forward);
    const levels = await levelsOf(ctx, trx, r);
    if (r.currentUnitId === levels.decider.id)
      throw new AppError(
        'INVALID_STATE',
        `"${r.formName}" do ${levels.decider.name} quyết định: không chuyển lên cấp trên.`,
      );
    const to = forwardTarget(
      r.currentUnitId,
      await q.listUnitsAbove(trx, r.currentUnitId),
      levels.top.id,
    );
    if (to === null)
      throw new AppError(
        'INVALID_STATE',
        `Đề nghị đã ở cấp cao nhất của kế hoạch (${levels.top.name}): không chuyển lên cấp trên được nữa.`,
      );
    await move(ctx, trx, r, data.version, 'forward', to.id, null);
  });
  return getNomination(ctx, id);
}

/**
 * Withdraws a draft, submitted or returned nomination (the proposing unit changes its mind); it
 * no longer counts for the one-live-nomination rule. Needs `nomination.submit` over the proposing
 * unit (FORBIDDEN); INVALID_STATE once a level has accepted or forwarded it; CONFLICT for a stale
 * version. Audited.
 */
export async function withdrawNomination(
  ctx: Ctx,
  id: number,
  input: unknown,
): Promise<Nomination> {
  const data = parseInput(NominationWithdraw, input, labels);
  await ctx.db.transaction().execute(async (trx) => {
    const r = await visibleNomination(ctx, trx, id, true);
    if (!canProposeNomination(ctx.actor, r.proposingUnitPath)) throw forbidden(NO_PROPOSE);
    await move(ctx, trx, r, data.version, 'withdraw', r.proposingUnitId, null);
  });
  return getNomination(ctx, id);
}
