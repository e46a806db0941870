import type { Ctx } from '../../platform/context';
import { actorId } from '../../platform/context';
import { AppError, forbidden, notFound, staleVersion } from '../../platform/errors';
import { recordAudit } from '../../platform/audit';
import type { Executor } from '../../platform/db';
import { id as idSchema, parseInput } from '../../platform/validation';
import { vietnamDate } from '../../platform/time';
import {
  findNode,
  leafScore,
  loadCriteriaTree,
  publishedCriteriaTree,
  rollUp,
  treeLeaves,
} from '../criteria/index';
import { writeSelfEntry } from './self-entry';
import {
  isSelfStage,
  isSelfScored,
  isSubmissionLate,
  submissionProblems,
} from './assessment.rules';
import {
  canActForUnit,
  canRemoveEvidence,
  canReturnSheet,
  canReviewSheet,
  canViewSheet,
  sheetPermissions,
} from './assessment.policy';
import * as q from './assessment.queries';
import { hasAppraisedSheet } from './entry.queries';
import { assertHeldResultsOpen, assertResultsOpen } from './plan-lock';
import { transitionSheet } from './sheet-state';
import { notifySheetEvent } from './sheet-notifications';
import { ReturnSheet, SaveSelfEntry, SubmitSheet, assessmentLabels } from './assessment.schemas';

/**
 * Self-assessment (tự chấm điểm): an approved collective registration gets one score sheet
 * against the plan's criteria version; the unit fills every leaf (figures, computed points,
 * explanation, evidence), the totals roll up live, and submission by the deadline locks the sheet
 * until the plan's officer returns it.
 */

const AUDIT = 'score_sheet';

/** Loads a sheet the actor may see: NOT_FOUND otherwise (no hint that it exists). */
export async function loadSheet(
  ctx: Ctx,
  db: Executor,
  sheetId: number,
  lock: 'update' | 'share' | false = false,
): Promise<q.SheetRecord> {
  const sheet = await q.findSheet(db, sheetId, lock);
  if (sheet === undefined || !canViewSheet(ctx.actor, sheet)) throw notFound('phiếu chấm điểm');
  return sheet;
}

/**
 * A visible sheet the unit's side may change now: FORBIDDEN, then INVALID_STATE while the plan's
 * results are published or once the sheet is submitted.
 */
export async function editableSheet(
  ctx: Ctx,
  trx: Executor,
  sheetId: number,
  lock: 'update' | 'share',
): Promise<q.SheetToWrite> {
  // One statement: the sheet locked, the plan's results state held, the criteria's stamp.
  const sheet = await q.findSheetToWrite(trx, sheetId, lock);
  if (sheet === undefined || !canViewSheet(ctx.actor, sheet)) throw notFound('phiếu chấm điểm');
  if (!canActForUnit(ctx.actor, sheet))
    throw forbidden('Chỉ đơn vị được chấm (thủ trưởng, cán bộ thi đua) được tự chấm điểm.');
  await assertHeldResultsOpen(trx, sheet.planId, sheet.heldResultsStatus);
  if (!isSelfStage(sheet.status))
    throw new AppError(
      'INVALID_STATE',
      'Phiếu đã nộp nên bị khóa; chỉ sửa được khi cơ quan ban hành trả lại.',
    );
  return sheet;
}

/**
 * Opens (or returns the already open) score sheet of an approved collective registration, bound
 * to the criteria version the plan uses now. The unit's side or the plan's officer.
 * NOT_FOUND when the registration is not visible; FORBIDDEN; INVALID_STATE for an individual or
 * not-approved registration, a plan without a criteria set, or (for a new sheet) while the plan's
 * results are published.
 */
export async function openSheet(ctx: Ctx, registrationId: unknown) {
  const regId = parseInput(idSchema, registrationId, { '(dữ liệu)': 'Mã đăng ký' });
  const sheetId = await ctx.db.transaction().execute(async (trx) => {
    const reg = await q.findRegistrationForSheet(trx, regId);
    if (reg === undefined || !canViewSheet(ctx.actor, reg)) throw notFound('đăng ký thi đua');
    if (!canActForUnit(ctx.actor, reg) && !canReviewSheet(ctx.actor, reg))
      throw forbidden('Bạn không có quyền mở phiếu chấm điểm cho đơn vị này.');
    if (reg.kind !== 'collective' || reg.status !== 'approved')
      throw new AppError(
        'INVALID_STATE',
        'Chỉ đăng ký tập thể đã được duyệt mới có phiếu chấm điểm.',
      );
    if (reg.criteriaVersionId === null)
      throw new AppError('INVALID_STATE', 'Kế hoạch chưa chọn bộ tiêu chí đánh giá.');
    const open = await q.findSheetIdOfRegistration(trx, reg.id);
    if (open !== undefined) return open;
    await assertResultsOpen(trx, reg.planId);
    const created = await q.insertSheet(
      trx,
      {
        planId: reg.planId,
        registrationId: reg.id,
        unitId: reg.unitId,
        provinceId: reg.provinceId,
        criteriaVersionId: reg.criteriaVersionId,
      },
      ctx.now(),
    );
    // Another request opened it in between: that sheet is the one.
    if (created === undefined) return q.getSheetIdOfRegistration(trx, reg.id);
    await recordAudit(trx, ctx, {
      action: 'score_sheet.opened',
      entityType: AUDIT,
      entityId: created.id,
      unitPath: reg.unitPath,
      after: { registrationId: reg.id, criteriaVersionId: reg.criteriaVersionId },
    });
    return created.id;
  });
  return getSheet(ctx, sheetId);
}

/**
 * A sheet with its tree, every entry of every stage side by side, the evidence list (each file
 * says whether the actor may remove it), the live roll-up of the self stage, what a submission
 * still lacks, whether the plan's results are published (which locks everything), and the
 * actor's permissions. NOT_FOUND outside the unit's and the issuer's viewers.
 */
export async function getSheet(ctx: Ctx, sheetId: number, db: Executor = ctx.db) {
  const sheet = await loadSheet(ctx, db, sheetId);
  const tree = await loadCriteriaTree(db, sheet.criteriaVersionId);
  const entries = await q.listEntries(db, sheetId);
  const evidence = await q.listEvidence(db, sheetId);
  const self = new Map(entries.filter((e) => e.stage === 'self').map((e) => [e.nodeId, e]));
  const roll = rollUp(tree, new Map([...self].map(([k, e]) => [k, e.points])));
  const counts = new Map<string, number>();
  for (const f of evidence) counts.set(f.nodeId, (counts.get(f.nodeId) ?? 0) + 1);
  const codeOf = new Map(treeLeaves(tree).map((l) => [l.id, l]));
  const { registrationId, planId, planTitle, unitId, unitName, status, version } = sheet;
  // Whoever appraised the sheet does not add to its explanation (appraisal.explanation.ts).
  const appraisedByActor =
    status === 'explaining' && (await hasAppraisedSheet(db, sheetId, ctx.actor));
  const state = { ...sheet, appraisedByActor };
  return {
    id: sheet.id,
    planId,
    planTitle,
    registrationId,
    unitId,
    unitName,
    criteriaVersionId: sheet.criteriaVersionId,
    status,
    submittedAt: sheet.submittedAt,
    returnedReason: sheet.returnedReason,
    assessmentDeadline: sheet.assessmentDeadline,
    version,
    tree,
    entries: entries.map(({ scoredBy: _b, ...e }) => e),
    resultsPublished: sheet.resultsPublished,
    evidence: evidence.map(({ storageKey: _k, fileId: _f, ...e }) => ({
      ...e,
      canDelete: canRemoveEvidence(ctx.actor, state, e.uploadedAt),
    })),
    self: {
      totals: Object.fromEntries(roll.totals),
      fieldTotals: roll.fieldTotals,
      base: roll.base,
      adjustments: roll.adjustments,
      total: roll.total,
      percent: roll.percent,
      /** Self-scored leaves without points (survey leaves are not the unit's to score). */
      missing: roll.missing.flatMap((leafId) => {
        const leaf = codeOf.get(leafId);
        return leaf !== undefined && isSelfScored(leaf)
          ? [{ nodeId: leaf.id, code: leaf.code }]
          : [];
      }),
    },
    problems: submissionProblems(tree, self, counts),
    permissions: sheetPermissions(ctx.actor, state),
  };
}

/**
 * Saves the unit's figures and explanation for one leaf; the points are computed by the leaf's
 * method (an empty input keeps only the explanation). VALIDATION_FAILED naming the criterion's
 * code for an unknown or non-leaf node, a survey leaf or figures the method refuses; FORBIDDEN;
 * INVALID_STATE once submitted; CONFLICT when someone saved this leaf since the user loaded it.
 */
export async function saveSelfEntry(ctx: Ctx, sheetId: number, nodeId: string, input: unknown) {
  const data = parseInput(SaveSelfEntry, input, assessmentLabels);
  return ctx.db.transaction().execute(async (trx) => {
    const sheet = await editableSheet(ctx, trx, sheetId, 'share');
    const tree = await publishedCriteriaTree(
      trx,
      sheet.criteriaVersionId,
      sheet.criteriaPublishedAt,
    );
    const node = findNode(tree, nodeId);
    const fail = (message: string) =>
      new AppError('VALIDATION_FAILED', message, {
        fields: [{ field: 'input', label: node ? `Mục ${node.code}` : 'Tiêu chí', message }],
      });
    if (node === undefined)
      throw fail(`Không có tiêu chí "${nodeId}" trong bộ tiêu chí của phiếu.`);
    if (node.children.length > 0 || node.scoring === undefined)
      throw fail(`Mục ${node.code}: điểm cộng từ các tiêu chí con, không chấm trực tiếp.`);
    if (!isSelfScored(node))
      throw fail(`Mục ${node.code}: chấm theo kết quả khảo sát, đơn vị không tự chấm.`);
    let points: number | null = null;
    if (Object.values(data.input).some((v) => v !== undefined)) {
      const score = leafScore(node.scoring, node.maxPoints, data.input);
      if (!score.ok) throw fail(`Mục ${node.code}: ${score.message}.`);
      points = score.points;
    }
    const saved = await writeSelfEntry(ctx, trx, sheetId, nodeId, {
      input: data.input,
      points,
      note: data.note,
      version: data.version ?? 0,
    });
    await recordAudit(trx, ctx, {
      action: 'score_sheet.self_scored',
      entityType: AUDIT,
      entityId: sheetId,
      unitPath: sheet.unitPath,
      before: saved.before,
      after: saved.after,
    });
    return { nodeId, stage: 'self' as const, points, note: data.note, version: saved.version };
  });
}

/**
 * Submits the self-assessment, which locks it, and notifies the plan's issuing unit. By the plan's assessment deadline (Vietnam date,
 * inclusive) for a first submission, else DEADLINE_PASSED; VALIDATION_FAILED listing in
 * details.fields every unscored leaf and every evidence-less leaf without explanation, by code;
 * FORBIDDEN; INVALID_STATE when already submitted; CONFLICT on a stale sheet version.
 */
export async function submitSheet(ctx: Ctx, sheetId: number, input: unknown) {
  const data = parseInput(SubmitSheet, input, assessmentLabels);
  return ctx.db.transaction().execute(async (trx) => {
    const sheet = await editableSheet(ctx, trx, sheetId, 'update');
    if (sheet.version !== data.version) throw staleVersion();
    if (isSubmissionLate(sheet.status, sheet.assessmentDeadline, vietnamDate(ctx.now())))
      throw new AppError(
        'DEADLINE_PASSED',
        `Đã quá hạn nộp bản tự chấm điểm (${sheet.assessmentDeadline?.split('-').reverse().join('/') ?? ''}).`,
      );
    const tree = await loadCriteriaTree(trx, sheet.criteriaVersionId);
    const entries = await q.listEntries(trx, sheetId);
    const evidence = await q.listEvidence(trx, sheetId);
    const counts = new Map<string, number>();
    for (const f of evidence) counts.set(f.nodeId, (counts.get(f.nodeId) ?? 0) + 1);
    const self = new Map(entries.filter((e) => e.stage === 'self').map((e) => [e.nodeId, e]));
    const problems = submissionProblems(tree, self, counts);
    if (problems.length > 0)
      throw new AppError(
        'VALIDATION_FAILED',
        `Chưa nộp được: ${problems.map((p) => `mục ${p.code} ${p.message}`).join('; ')}.`,
        {
          fields: problems.map((p) => ({
            field: p.nodeId,
            label: `Mục ${p.code}`,
            message: p.message,
          })),
        },
      );
    const roll = rollUp(tree, new Map([...self].map(([k, e]) => [k, e.points])));
    await transitionSheet(
      trx,
      sheet,
      'submit',
      { submittedAt: ctx.now(), submittedBy: actorId(ctx.actor) },
      ctx.now(),
    );
    await recordAudit(trx, ctx, {
      action: 'score_sheet.submitted',
      entityType: AUDIT,
      entityId: sheetId,
      unitPath: sheet.unitPath,
      before: { status: sheet.status },
      after: { status: 'submitted', selfTotal: roll.total, selfPercent: roll.percent },
    });
    await notifySheetEvent(ctx, trx, sheet, {
      kind: 'submitted',
      resubmitted: sheet.status === 'returned',
    });
    return getSheet(ctx, sheetId, trx);
  });
}

/**
 * Returns a submitted sheet to the unit with a reason, which reopens it for editing. The plan's
 * officer (registration.review over the issuing unit); FORBIDDEN otherwise; INVALID_STATE unless
 * submitted or while the plan's results are published; CONFLICT on a stale version;
 * VALIDATION_FAILED without a reason. The unit's side is notified.
 */
export async function returnSheet(ctx: Ctx, sheetId: number, input: unknown) {
  const data = parseInput(ReturnSheet, input, assessmentLabels);
  return ctx.db.transaction().execute(async (trx) => {
    const sheet = await loadSheet(ctx, trx, sheetId, 'update');
    if (!canReviewSheet(ctx.actor, sheet))
      throw forbidden('Chỉ cán bộ thi đua của cơ quan ban hành kế hoạch được trả lại phiếu.');
    await assertResultsOpen(trx, sheet.planId);
    if (!canReturnSheet(ctx.actor, sheet))
      throw new AppError('INVALID_STATE', 'Chỉ trả lại được phiếu đã nộp và chưa thẩm định.');
    if (sheet.version !== data.version) throw staleVersion();
    await transitionSheet(trx, sheet, 'return', { returnedReason: data.reason }, ctx.now());
    await recordAudit(trx, ctx, {
      action: 'score_sheet.returned',
      entityType: AUDIT,
      entityId: sheetId,
      unitPath: sheet.unitPath,
      before: { status: sheet.status },
      after: { status: 'returned', reason: data.reason },
    });
    await notifySheetEvent(ctx, trx, sheet, { kind: 'returned', reason: data.reason });
    return getSheet(ctx, sheetId, trx);
  });
}
