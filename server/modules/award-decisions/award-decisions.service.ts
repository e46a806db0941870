import type { Ctx } from '../../platform/context';
import { actorId } from '../../platform/context';
import { AppError, forbidden, notFound, staleVersion } from '../../platform/errors';
import { isUniqueViolation, type Executor } from '../../platform/db';
import { recordAudit } from '../../platform/audit';
import { scopeFor } from '../../platform/access';
import { parseInput } from '../../platform/validation';
import { vietnamDate } from '../../platform/time';
import {
  DecisionAddRows,
  DecisionCreate,
  DecisionFromNominations,
  DecisionIssue,
  DecisionListQuery,
  DecisionRemoveRows,
  DecisionReplace,
  DecisionUpdate,
  DecisionVersionQuery,
  type AwardDecision,
  type DecisionSummary,
} from '../../../shared/api/award-decisions';
import { formOfVersion, quoteAward, type AwardQuote } from '../awards/index';
import type { Decider } from '../../../shared/awards';
import { formatDocumentNumber, latestIssuedOn, takeNumber } from '../documents/index';
import { annulDecisionHonours, recordHonours } from '../honours/index';
import { listApprovedNominations } from '../nominations/index';
import { getUnit } from '../organization/index';
import { getVisiblePlan } from '../campaigns/index';
import * as q from './award-decisions.queries';
import { canIssueDecision, canManageDecision, canViewDecision } from './award-decisions.policy';
import {
  decisionPowers,
  decisionSeries,
  formRefusal,
  honourRef,
  missingForIssue,
} from './award-decisions.rules';
import { decisionTitle } from './decision-document';

const labels: Record<string, string> = {
  unitId: 'Đơn vị ban hành',
  planId: 'Kế hoạch',
  decider: 'Thẩm quyền quyết định',
  title: 'Trích yếu',
  legalBases: 'Căn cứ',
  fundingSource: 'Nguồn kinh phí',
  signerName: 'Người ký',
  signerTitle: 'Chức vụ người ký',
  decisionDate: 'Ngày quyết định',
  version: 'Phiên bản',
  rows: 'Danh sách kèm theo',
  nominationIds: 'Đề nghị khen thưởng',
  rowIds: 'Dòng trong danh sách',
  kind: 'Loại quyết định',
  reason: 'Lý do',
  formId: 'Hình thức khen thưởng',
  personId: 'Cá nhân',
  fixedAmount: 'Số tiền cố định',
};

function toSummary(d: q.DecisionRecord): DecisionSummary {
  return {
    id: d.id,
    unit: { id: d.unitId, name: d.unitName },
    planId: d.planId,
    decider: d.decider,
    title: d.title,
    decisionDate: d.decisionDate,
    status: d.status,
    documentNumber: d.documentNumber,
    replaceKind: d.replaceKind,
    rowCount: d.rowCount,
    totalAmount: d.totalAmount,
    version: d.version,
  };
}

/** A decision the actor may see (NOT_FOUND otherwise: its existence is not disclosed). */
export async function visibleDecision(ctx: Ctx, db: Executor, id: number, lock = false) {
  const d = await q.findDecision(db, id, lock);
  if (d === undefined || !canViewDecision(ctx.actor, d.unitPath))
    throw notFound('quyết định khen thưởng');
  return d;
}

async function present(ctx: Ctx, db: Executor, d: q.DecisionRecord): Promise<AwardDecision> {
  const [rows, replaced, replacement] = await Promise.all([
    q.listRows(db, d.id),
    d.replacesId === null ? undefined : q.findDecision(db, d.replacesId),
    d.status === 'issued' ? q.findIssuedReplacement(db, d.id) : undefined,
  ]);
  const manage = canManageDecision(ctx.actor, d.unitPath);
  return {
    ...toSummary(d),
    legalBases: d.legalBases,
    fundingSource: d.fundingSource,
    signerName: d.signerName,
    signerTitle: d.signerTitle,
    replaces:
      replaced === undefined ? null : { id: replaced.id, documentNumber: replaced.documentNumber },
    reason: d.reason,
    rows: rows.map((r) => ({
      id: r.id,
      position: r.position,
      subject:
        r.personId !== null
          ? { kind: 'person' as const, id: r.personId }
          : { kind: 'unit' as const, id: r.unitId ?? 0 },
      name: r.name,
      positionText: r.positionText,
      achievement: r.achievement,
      form: { versionId: r.formVersionId, code: r.formCode, name: r.formName },
      fixedAmount: r.fixedAmount,
      amount: r.amount,
      amountExplanation: r.amountExplanation,
      goldenBookNumber: r.goldenBookNumber,
      nominationId: r.nominationId,
    })),
    permissions: {
      canEdit: d.status === 'draft' && manage,
      canIssue: d.status === 'draft' && canIssueDecision(ctx.actor, d.unitId),
      canReplace: d.status === 'issued' && manage && replacement === undefined,
    },
  };
}

/** Loads a draft for a change by a manager, at the version the client read. */
async function draftForChange(ctx: Ctx, trx: Executor, id: number, version: number) {
  const d = await visibleDecision(ctx, trx, id, true);
  if (!canManageDecision(ctx.actor, d.unitPath))
    throw forbidden('Chỉ cán bộ thi đua của đơn vị mới được soạn quyết định khen thưởng.');
  if (d.status !== 'draft')
    throw new AppError(
      'INVALID_STATE',
      'Quyết định đã ban hành chỉ được hủy bỏ hoặc đính chính bằng một quyết định mới.',
    );
  if (d.version !== version) throw staleVersion();
  return d;
}

/** Quotes of forms on a date, each form (and fixed amount) read once. */
function quoter(db: Executor, decisionDate: string) {
  const cache = new Map<string, Promise<AwardQuote>>();
  return (formId: number, fixedAmount: number | null) => {
    const key = `${formId}:${fixedAmount ?? ''}`;
    let quote = cache.get(key);
    if (quote === undefined) {
      quote = quoteAward(db, { formId, decisionDate, fixedAmount });
      cache.set(key, quote);
    }
    return quote;
  };
}

async function formIdOf(db: Executor, versionId: number): Promise<number> {
  const formId = await formOfVersion(db, versionId);
  if (formId === undefined) throw notFound('hình thức khen thưởng');
  return formId;
}

/** Re-quotes every row of a decision on a date (the version in force then, its amount). */
async function requote(
  trx: Executor,
  decisionId: number,
  decisionDate: string,
  powers: readonly Decider[] | null = null,
) {
  const rows = await q.listRows(trx, decisionId);
  const quote = quoter(trx, decisionDate);
  const quotes = [];
  for (const [i, r] of rows.entries()) {
    const qd = await quote(await formIdOf(trx, r.formVersionId), r.fixedAmount);
    // At issue, the version in force on the decision date decides who may award it.
    const refused =
      powers === null ? null : formRefusal(qd, powers, r.personId !== null ? 'person' : 'unit');
    if (refused !== null)
      throw new AppError('VALIDATION_FAILED', `Dòng ${i + 1} (${r.name}): ${refused}.`, {
        fields: [{ field: `rows.${i}`, label: `Dòng ${i + 1}`, message: refused }],
      });
    quotes.push({
      id: r.id,
      formVersionId: qd.versionId,
      formCode: qd.code,
      formName: qd.name,
      amount: qd.amount,
      amountExplanation: qd.explanation,
    });
  }
  await q.setRowQuotes(trx, quotes);
}

async function bump(ctx: Ctx, trx: Executor, d: q.DecisionRecord, change: q.DecisionChange) {
  if (!(await q.updateDecision(trx, d.id, d.version, change, ctx.now()))) throw staleVersion();
}

/**
 * Award decisions of the units in the actor's `campaign.view` subtree (filtered in SQL), newest
 * first; by unit and status when asked.
 */
export async function listDecisions(
  ctx: Ctx,
  input: unknown,
): Promise<{ items: DecisionSummary[] }> {
  const query = parseInput(DecisionListQuery, input, labels);
  const rows = await q.listDecisions(ctx.db, {
    scope: scopeFor(ctx.actor, 'campaign.view'),
    unitId: query.unitId,
    status: query.status,
  });
  return { items: rows.map(toSummary) };
}

/** A decision with its annex, totals and the actor's permissions. NOT_FOUND outside the view. */
export async function getDecision(ctx: Ctx, id: number): Promise<AwardDecision> {
  return present(ctx, ctx.db, await visibleDecision(ctx, ctx.db, id));
}

/**
 * Starts a draft decision of a unit (by its committee or its chairman), optionally for a plan the
 * actor sees; audited `award_decision.drafted`. FORBIDDEN without `award_decision.manage` over the
 * unit; NOT_FOUND for an unknown unit or plan; VALIDATION_FAILED naming the field.
 */
export async function createDecision(ctx: Ctx, input: unknown): Promise<AwardDecision> {
  const data = parseInput(DecisionCreate, input, labels);
  const unit = await getUnit(ctx.db, data.unitId).catch(() => {
    throw notFound('đơn vị ban hành');
  });
  if (!canManageDecision(ctx.actor, unit.path))
    throw forbidden('Chỉ cán bộ thi đua của đơn vị mới được soạn quyết định khen thưởng.');
  if (data.planId !== null) await getVisiblePlan(ctx, ctx.db, data.planId);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const id = await q.insertDecision(trx, {
      ...data,
      replacesId: null,
      replaceKind: null,
      reason: null,
      createdBy: actorId(ctx.actor),
      createdAt: ctx.now(),
    });
    await recordAudit(trx, ctx, {
      action: 'award_decision.drafted',
      entityType: 'award_decision',
      entityId: id,
      unitPath: unit.path,
      after: { ...data },
    });
    return id;
  });
  return getDecision(ctx, id);
}

/**
 * Edits a draft's header; a new decision date re-quotes every row on it. CONFLICT on a stale
 * version; INVALID_STATE once issued; FORBIDDEN without `award_decision.manage`.
 */
export async function updateDecision(ctx: Ctx, id: number, input: unknown): Promise<AwardDecision> {
  const { version, ...change } = parseInput(DecisionUpdate, input, labels);
  await ctx.db.transaction().execute(async (trx) => {
    const d = await draftForChange(ctx, trx, id, version);
    await bump(ctx, trx, d, change);
    if (change.decisionDate !== undefined && change.decisionDate !== d.decisionDate)
      await requote(trx, d.id, change.decisionDate);
  });
  return getDecision(ctx, id);
}

/** Deletes a draft (its rows go with it). Same errors as updateDecision. */
export async function deleteDecision(ctx: Ctx, id: number, input: unknown): Promise<void> {
  const { version } = parseInput(DecisionVersionQuery, input, labels);
  await ctx.db.transaction().execute(async (trx) => {
    const d = await draftForChange(ctx, trx, id, version);
    await q.deleteDecision(trx, d.id);
    await recordAudit(trx, ctx, {
      action: 'award_decision.deleted',
      entityType: 'award_decision',
      entityId: d.id,
      unitPath: d.unitPath,
      before: { title: d.title, rowCount: d.rowCount },
    });
  });
}

/**
 * Adds awardees by hand: each a person or a collective (exactly one), a catalogue form, the
 * amount quoted on the decision date (or the plan's fixed amount). VALIDATION_FAILED naming the
 * row when a subject is missing, both given or outside the decision's unit; NOT_FOUND for an
 * unknown form; INVALID_STATE when no amount can be quoted that day.
 */
export async function addDecisionRows(
  ctx: Ctx,
  id: number,
  input: unknown,
): Promise<AwardDecision> {
  const data = parseInput(DecisionAddRows, input, labels);
  await ctx.db.transaction().execute(async (trx) => {
    const d = await draftForChange(ctx, trx, id, data.version);
    const people = data.rows.flatMap((r) => (r.personId === null ? [] : [r.personId]));
    const units = data.rows.flatMap((r) => (r.unitId === null ? [] : [r.unitId]));
    const texts = await q.subjectTexts(trx, people, units);
    const quote = quoter(trx, d.decisionDate);
    const powers = decisionPowers(d.unitKind, d.decider);
    let position = await q.lastPosition(trx, d.id);
    const rows: q.NewRow[] = [];
    for (const [i, r] of data.rows.entries()) {
      const where = `Dòng ${i + 1}`;
      const bad = (message: string) =>
        new AppError('VALIDATION_FAILED', `${where}: ${message}.`, {
          fields: [{ field: `rows.${i}`, label: where, message }],
        });
      if ((r.personId === null) === (r.unitId === null))
        throw bad('chọn đúng một cá nhân hoặc một tập thể');
      const person = texts.people.find((p) => p.id === r.personId);
      const unit = texts.units.find((u) => u.id === r.unitId);
      const subject = person ?? unit;
      if (
        subject === undefined ||
        !(subject.path === d.unitPath || subject.path.startsWith(`${d.unitPath}.`))
      )
        throw bad('không thuộc đơn vị ban hành quyết định');
      const qd = await quote(r.formId, r.fixedAmount);
      const refused = formRefusal(qd, powers, person !== undefined ? 'person' : 'unit');
      if (refused !== null) throw bad(refused);
      position += 1;
      rows.push({
        position,
        personId: r.personId,
        unitId: r.unitId,
        name: subject.name,
        positionText:
          r.positionText ??
          (person !== undefined
            ? [person.position, person.unitName].filter((t) => t != null && t !== '').join(', ')
            : (unit?.parentName ?? '')),
        achievement: r.achievement ?? '',
        formVersionId: qd.versionId,
        formCode: qd.code,
        formName: qd.name,
        fixedAmount: r.fixedAmount,
        amount: qd.amount,
        amountExplanation: qd.explanation,
        nominationId: null,
      });
    }
    await q.insertRows(trx, d.id, rows);
    await bump(ctx, trx, d, {});
  });
  return getDecision(ctx, id);
}

/**
 * Adds the nominations approved at the decision's unit (of its plan, when it has one) — all, or
 * the ones named — skipping those already on this decision or on another issued one; amounts
 * quoted on the decision date. Same errors as updateDecision.
 */
export async function addFromNominations(
  ctx: Ctx,
  id: number,
  input: unknown,
): Promise<AwardDecision> {
  const data = parseInput(DecisionFromNominations, input, labels);
  await ctx.db.transaction().execute(async (trx) => {
    const d = await draftForChange(ctx, trx, id, data.version);
    const approved = await listApprovedNominations(trx, {
      unitId: d.unitId,
      planId: d.planId,
      ids: data.nominationIds,
    });
    const taken = new Set(
      await q.nominationsDecided(
        trx,
        d.id,
        approved.map((n) => n.id),
        { includeSelf: true, replacedId: d.replacesId },
      ),
    );
    const quote = quoter(trx, d.decisionDate);
    let position = await q.lastPosition(trx, d.id);
    const rows: q.NewRow[] = [];
    for (const n of approved) {
      if (taken.has(n.id)) continue;
      const qd = await quote(await formIdOf(trx, n.formVersionId), null);
      const refused = formRefusal(
        qd,
        decisionPowers(d.unitKind, d.decider),
        n.personId !== null ? 'person' : 'unit',
      );
      if (refused !== null)
        throw new AppError('VALIDATION_FAILED', `${n.subjectName}: ${refused}.`, {
          fields: [{ field: 'nominationIds', label: n.subjectName, message: refused }],
        });
      position += 1;
      rows.push({
        position,
        personId: n.personId,
        unitId: n.unitId,
        name: n.subjectName,
        positionText: n.positionText,
        achievement: n.achievement,
        formVersionId: qd.versionId,
        formCode: qd.code,
        formName: qd.name,
        fixedAmount: null,
        amount: qd.amount,
        amountExplanation: qd.explanation,
        nominationId: n.id,
      });
    }
    await q.insertRows(trx, d.id, rows);
    await bump(ctx, trx, d, {});
  });
  return getDecision(ctx, id);
}

/** Removes rows from a draft. Same errors as updateDecision. */
export async function removeDecisionRows(
  ctx: Ctx,
  id: number,
  input: unknown,
): Promise<AwardDecision> {
  const data = parseInput(DecisionRemoveRows, input, labels);
  await ctx.db.transaction().execute(async (trx) => {
    const d = await draftForChange(ctx, trx, id, data.version);
    await q.deleteRows(trx, d.id, data.rowIds);
    await bump(ctx, trx, d, {});
  });
  return getDecision(ctx, id);
}

/**
 * Issues a draft in one transaction: the decision date (default today, never before the latest
 * decision of its register series), every row re-quoted on it and frozen, the next number of the
 * unit's register (…/QĐ-UBND or …/QĐ-CT), consecutive số sổ vàng of the unit in annex order, the
 * awards recorded through honours' recordHonours; a replacing decision marks the one it replaces
 * cancelled or corrected and annuls its awards. Audited `award_decision.issued`. FORBIDDEN
 * without `decision.sign` at the unit itself; VALIDATION_FAILED naming what is missing;
 * CONFLICT on a stale version, when a nomination is already decided elsewhere, or the replaced
 * decision was replaced meanwhile; INVALID_STATE when not a draft.
 */
export async function issueDecision(ctx: Ctx, id: number, input: unknown): Promise<AwardDecision> {
  const data = parseInput(DecisionIssue, input, labels);
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      const d = await visibleDecision(ctx, trx, id, true);
      if (d.status !== 'draft')
        throw new AppError('INVALID_STATE', 'Quyết định này đã được ban hành.');
      if (!canIssueDecision(ctx.actor, d.unitId))
        throw forbidden('Chỉ người có thẩm quyền ký của đơn vị mới được ban hành quyết định.');
      if (d.version !== data.version) throw staleVersion();
      const missing = missingForIssue(d);
      if (missing.length > 0)
        throw new AppError(
          'VALIDATION_FAILED',
          `Chưa thể ban hành: ${missing.map((m) => `${m.label} ${m.message}`).join('; ')}.`,
          { fields: missing },
        );
      const date = data.decisionDate ?? vietnamDate(ctx.now());
      const series = decisionSeries(d.unitId, d.decider, date);
      const latest = await latestIssuedOn(trx, series);
      if (latest !== null && date < latest)
        throw new AppError(
          'VALIDATION_FAILED',
          `Ngày quyết định: không được trước ngày ${latest} của quyết định đã ban hành trước.`,
          {
            fields: [
              {
                field: 'decisionDate',
                label: 'Ngày quyết định',
                message: `không được trước ${latest}`,
              },
            ],
          },
        );
      await requote(trx, d.id, date, decisionPowers(d.unitKind, d.decider));
      const rows = await q.listRows(trx, d.id);
      const elsewhere = await q.nominationsDecided(
        trx,
        d.id,
        rows.flatMap((r) => (r.nominationId === null ? [] : [r.nominationId])),
        { includeSelf: false, replacedId: d.replacesId },
      );
      if (elsewhere.length > 0)
        throw new AppError(
          'CONFLICT',
          `Danh sách kèm theo: ${elsewhere.length} đề nghị đã được khen thưởng bằng quyết định khác.`,
        );
      const taken = await takeNumber(
        ctx,
        trx,
        series,
        {
          kind: 'award_decision',
          id: d.id,
          summary: `${decisionTitle(d.title)}`,
        },
        { issuedOn: date },
      );
      const documentNumber = formatDocumentNumber(
        taken.number,
        series.docType,
        series.issuerSymbol,
      );
      const first =
        rows.length === 0 ? null : await q.takeGoldenBookNumbers(trx, d.unitId, rows.length);
      if (first !== null) await q.setGoldenBookNumbers(trx, d.id, first);
      if (d.replacesId !== null) await closeReplaced(ctx, trx, d, documentNumber);
      const issuer = `${d.decider === 'chairman' ? 'Chủ tịch ' : ''}Ủy ban nhân dân ${d.unitName}`;
      await recordHonours(
        trx,
        ctx,
        rows.map((r) => ({
          personId: r.personId,
          unitId: r.unitId,
          formVersionId: r.formVersionId,
          formCode: r.formCode,
          formName: r.formName,
          year: Number(date.slice(0, 4)),
          period: null,
          decisionNumber: documentNumber,
          decisionDate: date,
          issuer,
          achievement: r.achievement === '' ? null : r.achievement,
          amount: r.amount,
          sourceRef: honourRef(d.id),
        })),
      );
      await bump(ctx, trx, d, {
        status: 'issued',
        decisionDate: date,
        registerEntryId: taken.entryId,
        documentNumber,
        issuedAt: ctx.now(),
        issuedBy: actorId(ctx.actor),
      });
      const total = (await q.listRows(trx, d.id)).reduce((s, r) => s + r.amount, 0);
      await recordAudit(trx, ctx, {
        action: 'award_decision.issued',
        entityType: 'award_decision',
        entityId: d.id,
        unitPath: d.unitPath,
        before: { status: d.status },
        after: {
          status: 'issued',
          documentNumber,
          decisionDate: date,
          rows: rows.length,
          totalAmount: total,
          goldenBook: first === null ? null : [first, first + rows.length - 1],
          replaces: d.replacesId,
        },
      });
    })
    .catch((e: unknown) => {
      if (isUniqueViolation(e, 'award_decision_replaced_once'))
        throw new AppError(
          'CONFLICT',
          'Quyết định này đã được hủy bỏ hoặc đính chính bởi một quyết định khác.',
        );
      throw e;
    });
  return getDecision(ctx, id);
}

/** Marks the replaced decision cancelled or corrected and annuls its recorded awards. */
async function closeReplaced(ctx: Ctx, trx: Executor, d: q.DecisionRecord, by: string) {
  const old = await q.findDecision(trx, d.replacesId ?? 0, true);
  if (old === undefined || old.status !== 'issued')
    throw new AppError(
      'CONFLICT',
      'Quyết định bị thay thế không còn ở trạng thái đã ban hành (đã bị hủy bỏ hoặc đính chính).',
    );
  const status = d.replaceKind === 'cancel' ? 'cancelled' : 'corrected';
  await bump(ctx, trx, old, { status });
  const reason = `${d.replaceKind === 'cancel' ? 'Hủy bỏ' : 'Đính chính'} bởi Quyết định số ${by}: ${d.reason ?? ''}`;
  await annulDecisionHonours(trx, ctx, honourRef(old.id), reason);
  await recordAudit(trx, ctx, {
    action: `award_decision.${status}`,
    entityType: 'award_decision',
    entityId: old.id,
    unitPath: old.unitPath,
    before: { status: old.status },
    after: { status, by, byDecisionId: d.id, reason: d.reason },
  });
}

/**
 * Drafts the decision that cancels or corrects an issued one (same unit, decider, plan, funding
 * and signer; a correction starts from a copy of its annex, to be edited); the old one changes
 * only when the new one is issued. Audited `award_decision.drafted`. FORBIDDEN without
 * `award_decision.manage`; INVALID_STATE unless issued and not yet replaced; VALIDATION_FAILED
 * naming "Lý do".
 */
export async function replaceDecision(
  ctx: Ctx,
  id: number,
  input: unknown,
): Promise<AwardDecision> {
  const data = parseInput(DecisionReplace, input, labels);
  const newId = await ctx.db.transaction().execute(async (trx) => {
    const d = await visibleDecision(ctx, trx, id, true);
    if (!canManageDecision(ctx.actor, d.unitPath))
      throw forbidden('Chỉ cán bộ thi đua của đơn vị mới được soạn quyết định khen thưởng.');
    if (d.status !== 'issued' || (await q.findIssuedReplacement(trx, d.id)) !== undefined)
      throw new AppError(
        'INVALID_STATE',
        'Chỉ quyết định đang có hiệu lực mới được hủy bỏ hoặc đính chính.',
      );
    const words = data.kind === 'cancel' ? 'hủy bỏ' : 'đính chính';
    const newId = await q.insertDecision(trx, {
      unitId: d.unitId,
      decider: d.decider,
      planId: d.planId,
      title: `Về việc ${words} Quyết định số ${d.documentNumber ?? ''}`,
      legalBases: d.legalBases,
      fundingSource: d.fundingSource,
      signerName: d.signerName,
      signerTitle: d.signerTitle,
      decisionDate: vietnamDate(ctx.now()),
      replacesId: d.id,
      replaceKind: data.kind,
      reason: data.reason,
      createdBy: actorId(ctx.actor),
      createdAt: ctx.now(),
    });
    if (data.kind === 'correct') {
      const rows = await q.listRows(trx, d.id);
      await q.insertRows(
        trx,
        newId,
        rows.map(({ id: _id, goldenBookNumber: _g, ...r }) => r),
      );
    }
    await recordAudit(trx, ctx, {
      action: 'award_decision.drafted',
      entityType: 'award_decision',
      entityId: newId,
      unitPath: d.unitPath,
      after: { replaces: d.id, kind: data.kind, reason: data.reason },
    });
    return newId;
  });
  return getDecision(ctx, newId);
}
