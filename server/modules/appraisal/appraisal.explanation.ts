import type { Ctx } from '../../platform/context';
import { findNode, loadCriteriaTree } from '../criteria/index';
import { actorId } from '../../platform/context';
import { AppError, forbidden, staleVersion } from '../../platform/errors';
import { recordAudit } from '../../platform/audit';
import type { Executor } from '../../platform/db';
import { parseInput } from '../../platform/validation';
import {
  assertResultsOpen,
  canActForUnit,
  hasAppraisedSheet,
  loadSheet,
  notifySheetEvent,
  transitionSheet,
  writeEntry,
} from '../assessment/index';
import * as q from '../assessment/index';
import { APPRAISED_SHEET_REASON } from './appraisal.policy';
import { byStage, sideBySide } from './appraisal.compare';
import { AnswerExplanation, SheetVersion, appraisalLabels } from './appraisal.schemas';

/**
 * The unit's side of the appraisal: answering a request for explanation (giải trình) per leaf
 * and sending the answers, which opens appraisal round 2. Whoever appraised the sheet does not
 * explain it for the unit (the reverse of appraisal.policy.ts `canAppraiseSheet`). Audited on the
 * sheet; nothing changes while the plan's results are published.
 */

const AUDIT = 'score_sheet';

const leafFail = (label: string, message: string) =>
  new AppError('VALIDATION_FAILED', `${label}: ${message}.`, {
    fields: [{ field: 'nodeId', label, message }],
  });

/**
 * FORBIDDEN unless the actor explains this sheet for the unit: the unit's side who did not
 * appraise it (nobody answers the questions they asked, nor defends scores they judged).
 */
export async function assertMayExplain(
  ctx: Ctx,
  db: Executor,
  sheet: Pick<q.SheetRecord, 'id' | 'unitPath'>,
): Promise<void> {
  if (!canActForUnit(ctx.actor, sheet))
    throw forbidden('Chỉ đơn vị được chấm (thủ trưởng, cán bộ thi đua) được giải trình.');
  if (await hasAppraisedSheet(db, sheet.id, ctx.actor)) throw forbidden(APPRAISED_SHEET_REASON);
}

async function unitSheet(ctx: Ctx, trx: Executor, sheetId: number, lock: 'update' | 'share') {
  const sheet = await loadSheet(ctx, trx, sheetId, lock);
  await assertMayExplain(ctx, trx, sheet);
  await assertResultsOpen(trx, sheet.planId);
  if (sheet.status !== 'explaining')
    throw new AppError('INVALID_STATE', 'Phiếu không ở bước giải trình.');
  return sheet;
}

/**
 * The unit's explanation for one leaf while the sheet awaits it; only leaves asked about (any
 * leaf when the whole sheet was). FORBIDDEN outside the unit's side, or for someone who appraised
 * the sheet (scored round 1 or 2, or asked for the explanation); INVALID_STATE when no
 * explanation is awaited; VALIDATION_FAILED for another leaf or an empty text; CONFLICT when
 * someone saved this answer since the user loaded it.
 */
export async function answerExplanation(ctx: Ctx, sheetId: number, nodeId: string, input: unknown) {
  const data = parseInput(AnswerExplanation, input, { ...appraisalLabels, note: 'Giải trình' });
  return ctx.db.transaction().execute(async (trx) => {
    const sheet = await unitSheet(ctx, trx, sheetId, 'share');
    const tree = await loadCriteriaTree(trx, sheet.criteriaVersionId);
    const node = findNode(tree, nodeId);
    if (node === undefined || node.children.length > 0)
      throw leafFail('Tiêu chí', `không có tiêu chí cuối "${nodeId}" trong phiếu`);
    const { explanationNodeIds: asked } = sheet;
    if (asked.length > 0 && !asked.includes(nodeId))
      throw leafFail(`Mục ${node.code}`, 'không nằm trong các mục được đề nghị giải trình');
    const row = { input: {}, points: null, note: data.note };
    const saved = await writeEntry(
      trx,
      { sheetId, nodeId, stage: 'explanation' },
      { ...row, scoredBy: actorId(ctx.actor), scoredAt: ctx.now() },
      data.version ?? 0,
    );
    await recordAudit(trx, ctx, {
      action: 'score_sheet.explanation_answered',
      entityType: AUDIT,
      entityId: sheetId,
      unitPath: sheet.unitPath,
      before: saved.before && { nodeId, note: saved.before.note },
      after: { nodeId, note: data.note },
    });
    return { nodeId, stage: 'explanation' as const, note: data.note, version: saved.version };
  });
}

/**
 * Sends the unit's explanations, which opens appraisal round 2. Every leaf asked about needs an
 * answer (at least one when the whole sheet was asked about). FORBIDDEN (as for answering);
 * INVALID_STATE; CONFLICT
 * on a stale sheet version; VALIDATION_FAILED listing unanswered leaves by code.
 */
export async function submitExplanation(ctx: Ctx, sheetId: number, input: unknown) {
  const data = parseInput(SheetVersion, input, appraisalLabels);
  return ctx.db.transaction().execute(async (trx) => {
    const sheet = await unitSheet(ctx, trx, sheetId, 'update');
    if (sheet.version !== data.version) throw staleVersion();
    const tree = await loadCriteriaTree(trx, sheet.criteriaVersionId);
    const { explanationNodeIds: asked } = sheet;
    const answered = byStage(await q.listEntries(trx, sheetId)).explanation;
    const codes = asked
      .filter((id) => !answered.has(id))
      .map((id) => findNode(tree, id)?.code ?? id);
    if (codes.length > 0)
      throw new AppError('VALIDATION_FAILED', `Chưa giải trình mục ${codes.join(', ')}.`, {
        fields: codes.map((c) => ({ field: c, label: `Mục ${c}`, message: 'chưa giải trình' })),
      });
    if (answered.size === 0) throw new AppError('VALIDATION_FAILED', 'Chưa giải trình mục nào.');
    await transitionSheet(trx, sheet, 'explain', { explainedAt: ctx.now() }, ctx.now());
    await recordAudit(trx, ctx, {
      action: 'score_sheet.explanation_submitted',
      entityType: AUDIT,
      entityId: sheetId,
      unitPath: sheet.unitPath,
      before: { status: sheet.status },
      after: { status: 'explained', answered: [...answered.keys()] },
    });
    await notifySheetEvent(ctx, trx, sheet, { kind: 'explanation_submitted' });
    return sideBySide(ctx, sheetId, trx);
  });
}
