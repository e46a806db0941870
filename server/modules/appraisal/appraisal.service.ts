import type { Ctx } from '../../platform/context';
import {
  diffStages,
  findNode,
  leafScore,
  loadCriteriaTree,
  rollUp,
  treeLeaves,
} from '../criteria/index';
import { actorId } from '../../platform/context';
import { AppError, forbidden, staleVersion } from '../../platform/errors';
import { recordAudit } from '../../platform/audit';
import type { Executor } from '../../platform/db';
import { parseInput } from '../../platform/validation';
import {
  assertResultsOpen,
  findEntryPoints,
  hasActedForUnit,
  loadSheet,
  notifySheetEvent,
  transitionSheet,
  writeEntry,
} from '../assessment/index';
import type { LeafInput } from '../criteria/index';
import * as q from '../assessment/index';
import { canAppraise, canAppraiseSheet } from './appraisal.policy';
import {
  countedRound1,
  finalPoints,
  isAppraised,
  needsComment,
  openRound,
  stageOfRound,
  unappraisedLeaves,
} from './appraisal.rules';
import { byStage, sideBySide } from './appraisal.compare';
import {
  RequestExplanation,
  SaveAppraisalEntry,
  SheetVersion,
  appraisalLabels,
} from './appraisal.schemas';

// The unit's side of the appraisal lives in its own file; callers import it from here.
export { answerExplanation, assertMayExplain, submitExplanation } from './appraisal.explanation';

/**
 * Appraisal (thẩm định) of a submitted score sheet: round 1 scoring by the campaign's appraisers,
 * an optional request for explanation (giải trình) the unit answers per leaf, round 2 scoring,
 * and closing. Every score of every round is its own entry, kept side by side with the
 * self-score; each change is audited on the sheet and the next actor is notified. Nothing
 * changes while the plan's results are published (INVALID_STATE, results-lock.ts).
 */

const AUDIT = 'score_sheet';

/**
 * FORBIDDEN unless the actor appraises this sheet: an appraiser of its plan (appraisal.policy.ts)
 * who did not do the unit's side of it (nobody appraises their own work).
 */
export async function assertMayAppraise(
  ctx: Ctx,
  db: Executor,
  sheet: Pick<q.SheetRecord, 'id' | 'planUnitPath'>,
): Promise<void> {
  if (!canAppraise(ctx.actor, sheet.planUnitPath))
    throw forbidden(
      'Chỉ thành viên Hội đồng, tổ thẩm định của cơ quan ban hành kế hoạch được thẩm định.',
    );
  const actedForUnit = await hasActedForUnit(db, sheet.id, ctx.actor);
  if (!canAppraiseSheet(ctx.actor, { planUnitPath: sheet.planUnitPath, actedForUnit }))
    throw forbidden(
      'Bạn đã chấm, giải trình, nộp tài liệu hoặc nộp phiếu này thay cho đơn vị nên không được tự thẩm định phiếu; thành viên Hội đồng hoặc cán bộ khác của tổ thẩm định sẽ thẩm định.',
    );
}

async function appraisableSheet(
  ctx: Ctx,
  trx: Executor,
  sheetId: number,
  lock: 'update' | 'share',
) {
  const sheet = await loadSheet(ctx, trx, sheetId, lock);
  await assertMayAppraise(ctx, trx, sheet);
  await assertResultsOpen(trx, sheet.planId);
  return sheet;
}

const leafFail = (label: string, message: string) =>
  new AppError('VALIDATION_FAILED', `${label}: ${message}.`, {
    fields: [{ field: 'nodeId', label, message }],
  });

const unappraisedError = (prefix: string, codes: string[]) =>
  new AppError('VALIDATION_FAILED', `${prefix}: mục ${codes.join(', ')} chưa có điểm thẩm định.`, {
    fields: codes.map((code) => ({ field: code, label: `Mục ${code}`, message: 'chưa thẩm định' })),
  });

/**
 * Saves an appraiser's score and comment for one leaf in the open round (1 while submitted, 2
 * once the unit has explained); the points are computed by the leaf's method. A comment is
 * required when the points differ from the self-score. FORBIDDEN for a non-appraiser;
 * INVALID_STATE when that round is not open; VALIDATION_FAILED for an unknown, parent or survey
 * leaf, refused figures or a missing comment; CONFLICT when another appraiser saved this leaf
 * since the user loaded it.
 */
export async function saveAppraisalEntry(
  ctx: Ctx,
  sheetId: number,
  nodeId: string,
  input: unknown,
) {
  const data = parseInput(SaveAppraisalEntry, input, appraisalLabels);
  return ctx.db.transaction().execute(async (trx) => {
    const sheet = await appraisableSheet(ctx, trx, sheetId, 'share');
    const round = openRound(sheet.status);
    if (round !== data.round)
      throw new AppError(
        'INVALID_STATE',
        round === null
          ? 'Phiếu không ở bước thẩm định.'
          : `Phiếu đang thẩm định lần ${round}, không chấm được lần ${data.round}.`,
      );
    const tree = await loadCriteriaTree(trx, sheet.criteriaVersionId);
    const node = findNode(tree, nodeId);
    if (node === undefined) throw leafFail('Tiêu chí', `không có tiêu chí "${nodeId}" trong phiếu`);
    const label = `Mục ${node.code}`;
    if (node.children.length > 0 || node.scoring === undefined)
      throw leafFail(label, 'điểm cộng từ các tiêu chí con, không chấm trực tiếp');
    if (!isAppraised(node)) throw leafFail(label, 'chấm theo kết quả khảo sát, không thẩm định');
    const score = leafScore(node.scoring, node.maxPoints, data.input);
    if (!score.ok)
      throw new AppError('VALIDATION_FAILED', `${label}: ${score.message}.`, {
        fields: [{ field: 'input', label, message: score.message }],
      });
    const self = await findEntryPoints(trx, sheetId, nodeId, 'self');
    if (data.note === null && needsComment(self?.points, score.points))
      throw new AppError(
        'VALIDATION_FAILED',
        `${label}: cần ghi nhận xét vì điểm thẩm định khác điểm tự chấm.`,
        {
          fields: [{ field: 'note', label: 'Nhận xét', message: 'cần ghi khi điểm khác tự chấm' }],
        },
      );
    const stage = stageOfRound(round);
    const row = { input: data.input, points: score.points, note: data.note };
    const saved = await writeEntry(
      trx,
      { sheetId, nodeId, stage },
      { ...row, scoredBy: actorId(ctx.actor), scoredAt: ctx.now() },
      data.version ?? 0,
    );
    await recordAudit(trx, ctx, {
      action: 'score_sheet.appraisal_scored',
      entityType: AUDIT,
      entityId: sheetId,
      unitPath: sheet.unitPath,
      before: saved.before && { nodeId, stage, ...saved.before },
      after: { nodeId, stage, ...row },
    });
    return { nodeId, stage, points: score.points, note: data.note, version: saved.version };
  });
}

/**
 * Closes round 1 by asking the unit for an explanation (giải trình) with a reason, about the
 * given leaves or, when none are given, every leaf whose round-1 points differ from the
 * self-score (none = the whole sheet). Needs round 1 complete (as for closing: stale round-1
 * scores of changed leaves do not count). FORBIDDEN; INVALID_STATE unless
 * submitted; CONFLICT on a stale sheet version; VALIDATION_FAILED for unknown leaves or
 * unappraised ones.
 */
export async function requestExplanation(ctx: Ctx, sheetId: number, input: unknown) {
  const data = parseInput(RequestExplanation, input, appraisalLabels);
  return ctx.db.transaction().execute(async (trx) => {
    const sheet = await appraisableSheet(ctx, trx, sheetId, 'update');
    if (sheet.status !== 'submitted')
      throw new AppError('INVALID_STATE', 'Chỉ đề nghị giải trình sau thẩm định lần 1.');
    if (sheet.version !== data.version) throw staleVersion();
    const tree = await loadCriteriaTree(trx, sheet.criteriaVersionId);
    const stages = byStage(await q.listEntries(trx, sheetId));
    const round1 = countedRound1(stages.appraisal1, stages.self, sheet.submittedAt);
    const missing = unappraisedLeaves(tree, stages.self, round1);
    if (missing.length > 0)
      throw unappraisedError(
        'Chưa thẩm định xong lần 1',
        missing.map((l) => l.code),
      );
    const leaves = treeLeaves(tree);
    let nodeIds: string[];
    if (data.nodeIds !== undefined) {
      const asked = new Set(data.nodeIds);
      const unknown = [...asked].filter((id) => !leaves.some((l) => l.id === id));
      if (unknown.length > 0)
        throw leafFail('Tiêu chí cần giải trình', `không có tiêu chí ${unknown.join(', ')}`);
      nodeIds = leaves.filter((l) => asked.has(l.id)).map((l) => l.id);
    } else {
      const pts = (m: Map<string, q.EntryRecord>) => new Map([...m].map(([k, e]) => [k, e.points]));
      const changed = new Set(
        diffStages(pts(stages.self), pts(stages.appraisal1), new Map())
          .filter((d) => d.changed)
          .map((d) => d.leafId),
      );
      nodeIds = leaves.filter((l) => changed.has(l.id)).map((l) => l.id);
    }
    await transitionSheet(
      trx,
      sheet,
      'request_explanation',
      {
        explanationReason: data.reason,
        explanationNodeIds: JSON.stringify(nodeIds),
        explanationRequestedAt: ctx.now(),
        explanationRequestedBy: actorId(ctx.actor),
      },
      ctx.now(),
    );
    await recordAudit(trx, ctx, {
      action: 'score_sheet.explanation_requested',
      entityType: AUDIT,
      entityId: sheetId,
      unitPath: sheet.unitPath,
      before: { status: sheet.status },
      after: { status: 'explaining', reason: data.reason, nodeIds },
    });
    await notifySheetEvent(ctx, trx, sheet, {
      kind: 'explanation_requested',
      reason: data.reason,
      leafCount: nodeIds.length,
    });
    return sideBySide(ctx, sheetId, trx);
  });
}

/**
 * Closes the appraisal (→ appraised). Every appraised leaf needs a score in the last round (a
 * round-1 score from before the sheet was returned and sent again does not count once the unit
 * changed that leaf's self-score: `countedRound1`); in
 * round 2 each round-1 score not re-scored is carried over into round 2 (same figures, points,
 * comment and scorer), so round 2 is complete and the final result reads one stage. FORBIDDEN;
 * INVALID_STATE when no round is open; CONFLICT on a stale sheet version; VALIDATION_FAILED
 * listing unappraised leaves by code.
 */
export async function completeAppraisal(ctx: Ctx, sheetId: number, input: unknown) {
  const data = parseInput(SheetVersion, input, appraisalLabels);
  return ctx.db.transaction().execute(async (trx) => {
    const sheet = await appraisableSheet(ctx, trx, sheetId, 'update');
    const round = openRound(sheet.status);
    if (round === null) throw new AppError('INVALID_STATE', 'Phiếu không ở bước thẩm định.');
    if (sheet.version !== data.version) throw staleVersion();
    const tree = await loadCriteriaTree(trx, sheet.criteriaVersionId);
    const stages = byStage(await q.listEntries(trx, sheetId));
    const round1 = countedRound1(stages.appraisal1, stages.self, sheet.submittedAt);
    const round2 = round === 2 ? stages.appraisal2 : new Map<string, q.EntryRecord>();
    const missing = unappraisedLeaves(tree, stages.self, round1, round2);
    if (missing.length > 0)
      throw unappraisedError(
        'Chưa kết thúc được thẩm định',
        missing.map((l) => l.code),
      );
    const carried: string[] = [];
    if (round === 2)
      for (const [nodeId, e] of stages.appraisal1) {
        if (stages.appraisal2.has(nodeId)) continue;
        await writeEntry(
          trx,
          { sheetId, nodeId, stage: 'appraisal2' },
          {
            input: e.input as LeafInput,
            points: e.points,
            note: e.note,
            scoredBy: e.scoredBy,
            scoredAt: ctx.now(),
          },
          'if_absent',
        );
        stages.appraisal2.set(nodeId, e);
        carried.push(nodeId);
      }
    const result = rollUp(tree, finalPoints(tree, stages));
    await transitionSheet(
      trx,
      sheet,
      'complete_appraisal',
      { appraisedAt: ctx.now(), appraisedBy: actorId(ctx.actor) },
      ctx.now(),
    );
    await recordAudit(trx, ctx, {
      action: 'score_sheet.appraised',
      entityType: AUDIT,
      entityId: sheetId,
      unitPath: sheet.unitPath,
      before: { status: sheet.status },
      after: {
        status: 'appraised',
        round,
        carriedOver: carried,
        total: result.total,
        percent: result.percent,
      },
    });
    await notifySheetEvent(ctx, trx, sheet, { kind: 'appraised', percent: result.percent });
    return sideBySide(ctx, sheetId, trx);
  });
}
