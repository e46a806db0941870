import type { Ctx } from '../../platform/context';
import { loadCriteriaTree } from '../criteria/index';
import { actorId } from '../../platform/context';
import { AppError, staleVersion } from '../../platform/errors';
import { recordAudit } from '../../platform/audit';
import type { Executor } from '../../platform/db';
import { parseInput } from '../../platform/validation';
import { assertResultsOpen, loadSheet, touchSheet, writeEntry } from '../assessment/index';
import type { LeafInput } from '../criteria/index';
import * as q from '../assessment/index';
import { assertMayAppraise } from './appraisal.service';
import { countedRound1, unappraisedLeaves } from './appraisal.rules';
import { byStage, sideBySide } from './appraisal.compare';
import { SheetVersion, appraisalLabels } from './appraisal.schemas';
import { isNumber } from '../../platform/numbers';

/**
 * Bulk actions of the appraisal (thẩm định): accepting the unit's self-scores as the round-1
 * scores of every leaf the appraisers have not scored yet, so they only touch the leaves they
 * disagree with.
 */

const AUDIT = 'score_sheet';

/** A visible sheet the actor appraises (the same check as scoring one leaf): FORBIDDEN otherwise. */
async function appraisableSheet(ctx: Ctx, trx: Executor, sheetId: number) {
  const sheet = await loadSheet(ctx, trx, sheetId, 'update');
  await assertMayAppraise(ctx, trx, sheet);
  return sheet;
}

/**
 * Accepts the self-scores in appraisal round 1: every appraised leaf (survey leaves excepted)
 * that has no round-1 entry yet and that the appraisal must decide (see `unappraisedLeaves`:
 * adjustment leaves only when the unit claimed a bonus or penalty) gets a round-1 entry with the
 * unit's own figures and points, scored by the actor; no comment, the points being equal. Leaves
 * the unit left without points are not touched, nor are round-1 scores made before the sheet was
 * returned and sent again that now need scoring again (`needsRescore`): an appraiser decides
 * those. Bumps the sheet's version and records one audit event listing the leaves; nothing is written when no leaf is left. Returns the side-by-side view
 * with `accepted`, the number of leaves accepted.
 * FORBIDDEN for a non-appraiser; INVALID_STATE once the plan's results are published or outside
 * round 1 (status `submitted`); CONFLICT on a stale sheet version.
 */
export async function acceptSelfScores(ctx: Ctx, sheetId: number, input: unknown) {
  const data = parseInput(SheetVersion, input, appraisalLabels);
  return ctx.db.transaction().execute(async (trx) => {
    const sheet = await appraisableSheet(ctx, trx, sheetId);
    await assertResultsOpen(trx, sheet.planId);
    if (sheet.status !== 'submitted')
      throw new AppError(
        'INVALID_STATE',
        'Chỉ chấp nhận điểm tự chấm khi phiếu đang thẩm định lần 1.',
      );
    if (sheet.version !== data.version) throw staleVersion();
    const tree = await loadCriteriaTree(trx, sheet.criteriaVersionId);
    const stages = byStage(await q.listEntries(trx, sheetId));
    const round1 = countedRound1(stages.appraisal1, stages.self, sheet.submittedAt);
    // A leaf whose round-1 score needs scoring again is left to the appraisers: no silent overwrite.
    const leaves = unappraisedLeaves(tree, stages.self, round1).filter(
      (leaf) => !stages.appraisal1.has(leaf.id) && isNumber(stages.self.get(leaf.id)?.points),
    );
    const accepted: { nodeId: string; code: string; points: number | null }[] = [];
    for (const leaf of leaves) {
      const self = stages.self.get(leaf.id);
      if (self === undefined) continue;
      const { written } = await writeEntry(
        trx,
        { sheetId, nodeId: leaf.id, stage: 'appraisal1' },
        {
          input: self.input as LeafInput,
          points: self.points,
          note: null,
          scoredBy: actorId(ctx.actor),
          scoredAt: ctx.now(),
        },
        'if_absent',
      );
      if (written) accepted.push({ nodeId: leaf.id, code: leaf.code, points: self.points });
    }
    if (accepted.length > 0) {
      await touchSheet(trx, sheetId, sheet.version + 1, ctx.now());
      await recordAudit(trx, ctx, {
        action: 'score_sheet.appraisal_self_accepted',
        entityType: AUDIT,
        entityId: sheetId,
        unitPath: sheet.unitPath,
        after: { stage: 'appraisal1', leaves: accepted },
      });
    }
    return { ...(await sideBySide(ctx, sheetId, trx)), accepted: accepted.length };
  });
}
