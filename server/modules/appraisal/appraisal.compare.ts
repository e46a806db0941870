import type { Ctx } from '../../platform/context';
import type { Executor } from '../../platform/db';
import {
  diffStages,
  loadCriteriaTree,
  rollUp,
  type RollUpResult,
  treeLeaves,
} from '../criteria/index';
import { loadSheet, sidesActed } from '../assessment/index';
import * as q from '../assessment/index';
import { appraisalPermissions } from './appraisal.policy';
import {
  finalPoints,
  isAppraised,
  isStaleEntry,
  needsRescore,
  withSurvey,
} from './appraisal.rules';

/**
 * The side-by-side view (bảng so sánh): per leaf every stage's score and note — self, appraisal
 * 1, appraisal 2, survey, the unit's explanation — with the differences appraisal − self, and
 * per stage the roll-up to fields and total. Appraisal stages and the final result take survey
 * leaves from the imported survey (index = appraisal + survey points).
 */

export const STAGES = ['self', 'appraisal1', 'appraisal2', 'survey', 'explanation'] as const;
type Stage = (typeof STAGES)[number];

function summary(r: RollUpResult) {
  return {
    totals: Object.fromEntries(r.totals),
    fieldTotals: r.fieldTotals,
    base: r.base,
    adjustments: r.adjustments,
    total: r.total,
    percent: r.percent,
    missing: r.missing,
  };
}

/** One stage's score of one leaf as the view shows it. */
const toCell = (e: q.EntryRecord) => ({
  points: e.points,
  note: e.note,
  input: e.input,
  version: e.version,
  scoredByName: e.scoredByName,
  scoredAt: e.scoredAt,
});

/** Entries of a sheet grouped by stage, keyed by leaf id. */
export function byStage(entries: q.EntryRecord[]) {
  const maps = Object.fromEntries(STAGES.map((s) => [s, new Map<string, q.EntryRecord>()]));
  for (const e of entries) maps[e.stage]?.set(e.nodeId, e);
  return maps as Record<Stage, Map<string, q.EntryRecord>>;
}

/**
 * Every score of every leaf side by side with the differences and per-stage roll-ups, the
 * explanation request, whether the plan's results are published (nothing may change then), and
 * what the actor may do now. A round-1 cell scored before the sheet's last submission (it was
 * returned and sent again) is `stale`; its leaf `needsRescore` when the unit changed that leaf's
 * self entry after it (such an entry no longer counts as appraised). Visible to whoever may see
 * the sheet; NOT_FOUND otherwise.
 */
export async function sideBySide(ctx: Ctx, sheetId: number, db: Executor = ctx.db) {
  const sheet = await loadSheet(ctx, db, sheetId);
  const tree = await loadCriteriaTree(db, sheet.criteriaVersionId);
  const state = sheet;
  const stages = byStage(await q.listEntries(db, sheetId));
  const points = (m: Map<string, q.EntryRecord>) =>
    new Map([...m].map(([k, e]) => [k, e.points] as const));
  const diffs = new Map(
    diffStages(points(stages.self), points(stages.appraisal1), points(stages.appraisal2)).map(
      (d) => [d.leafId, d],
    ),
  );
  const final = finalPoints(tree, stages);
  const cell = (e: q.EntryRecord | undefined) => (e === undefined ? null : toCell(e));
  const leaves = treeLeaves(tree).map((leaf) => {
    const d = diffs.get(leaf.id);
    const a1 = stages.appraisal1.get(leaf.id);
    const self = stages.self.get(leaf.id);
    return {
      nodeId: leaf.id,
      code: leaf.code,
      title: leaf.title,
      maxPoints: leaf.maxPoints,
      method: leaf.scoring?.method ?? null,
      appraised: isAppraised(leaf),
      self: cell(self),
      appraisal1: a1 ? { ...toCell(a1), stale: isStaleEntry(a1, sheet.submittedAt) } : null,
      appraisal2: cell(stages.appraisal2.get(leaf.id)),
      survey: cell(stages.survey.get(leaf.id)),
      explanation: cell(stages.explanation.get(leaf.id)),
      diff1: d?.diff1 ?? null,
      diff2: d?.diff2 ?? null,
      changed: d?.changed ?? false,
      final: final.get(leaf.id) ?? null,
      needsRescore: a1 !== undefined && needsRescore(a1, self, sheet.submittedAt),
    };
  });
  return {
    id: sheet.id,
    planId: sheet.planId,
    unitId: sheet.unitId,
    unitName: sheet.unitName,
    status: sheet.status,
    version: sheet.version,
    explanation: {
      reason: state.explanationReason,
      nodeIds: state.explanationNodeIds,
      requestedAt: state.explanationRequestedAt,
      explainedAt: state.explainedAt,
    },
    appraisedAt: state.appraisedAt,
    resultsPublished: sheet.resultsPublished,
    leaves,
    totals: {
      self: summary(rollUp(tree, points(stages.self))),
      appraisal1: summary(rollUp(tree, withSurvey(tree, stages.appraisal1, stages.survey))),
      appraisal2: summary(rollUp(tree, withSurvey(tree, stages.appraisal2, stages.survey))),
      final: summary(rollUp(tree, final)),
    },
    permissions: appraisalPermissions(ctx.actor, {
      ...sheet,
      ...(await sidesActed(db, sheetId, ctx.actor)),
    }),
  };
}
