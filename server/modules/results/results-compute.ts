import { Band, CriteriaTree, defaultBands, defaultTieBreak } from '../../../shared/criteria';
import type { Ctx } from '../../platform/context';
import { AppError, forbidden } from '../../platform/errors';
import { recordAudit } from '../../platform/audit';
import type { Executor } from '../../platform/db';
import {
  getEvaluatedPlan,
  getResultsState,
  updateResultsState,
  type EvaluatedPlan,
} from '../assessment/index';
import { classify, loadCriteriaTree, rankEntry, rankUnits, rollUp } from '../criteria/index';
import { round2 } from '../../platform/numbers';
import { qualifyingBands } from './individual.rules';
import { canAppraise } from './results.policy';
import * as q from './results.queries';

/**
 * Classification and ranking of a campaign's scored units. Each leaf counts at its latest stage
 * (appraisal 2, else appraisal 1, else the unit's own score; survey leaves from the survey import),
 * rolled up against the sheet's criteria version, classified by the plan's bands (or the
 * defaults) and ranked with the documented tie-break (ranking.rules.ts). Sheets not appraised yet
 * (or returned to the unit) are ranked too, on whatever stage they reached: the results list
 * counts them (`pending`) so whoever publishes sees it. Audited on the plan.
 */

export type PlanResultsState = { status: 'none' | 'computed' | 'published' };

/** The plan's results state (`lock`: FOR UPDATE, see results-state.queries.ts). */
export async function resultsState(db: Executor, planId: number, lock = false) {
  return getResultsState(db, planId, lock ? 'update' : null);
}

export function bandsOf(plan: Pick<EvaluatedPlan, 'bands'>): Band[] {
  return plan.bands ?? defaultBands;
}

/** The plan's tie-break order, or the default one. */
export const tieBreakOf = (plan: Pick<EvaluatedPlan, 'tieBreak'>) =>
  plan.tieBreak ?? [...defaultTieBreak];

/** The band keys whose units qualify for commendation: the plan's, or its top band. */
export const qualifyingKeysOf = (plan: Pick<EvaluatedPlan, 'bands' | 'qualifyingBandKeys'>) =>
  qualifyingBands(bandsOf(plan), plan.qualifyingBandKeys ?? undefined);

/**
 * Every sheet past its draft, rolled up against its criteria version, classified by the plan's
 * bands and ranked with its tie-break order: the rows `computeResults` stores, in rank order.
 */
async function rankPlan(db: Executor, plan: EvaluatedPlan) {
  const sheets = await q.listSheetLatestPoints(db, plan.id);
  const trees = new Map<number, CriteriaTree>();
  for (const id of new Set(sheets.map((s) => s.criteriaVersionId))) {
    trees.set(id, await loadCriteriaTree(db, id));
  }
  const bands = bandsOf(plan);
  const scored = sheets.map((s) => {
    const tree = trees.get(s.criteriaVersionId);
    if (tree === undefined) throw new Error(`criteria version ${s.criteriaVersionId} not loaded`);
    const r = rollUp(tree, new Map(Object.entries(s.points ?? {})));
    return { ...rankEntry(String(s.sheetId), r, s.submittedAt), sheet: s, total: r.total };
  });
  return rankUnits(scored, tieBreakOf(plan)).map(({ entry, rank, decidedBy }) => ({
    sheetId: entry.sheet.sheetId,
    unitId: entry.sheet.unitId,
    provinceId: entry.sheet.provinceId,
    total: entry.total,
    percent: entry.percent,
    appraised: entry.appraised,
    fieldTotals: JSON.stringify(entry.fieldTotals),
    missingCount: entry.missingCount,
    band: classify(entry.percent, bands),
    rank,
    decidedBy,
  }));
}

/** What publication announces of each unit: its sheet's total, percent, band, rank and why. */
const announced = (r: {
  sheetId: number;
  total: number;
  percent: number;
  missingCount: number;
  bandKey: string;
  bandLabel: string;
  rank: number;
  decidedBy: string | null;
}) =>
  JSON.stringify([
    r.sheetId,
    round2(r.total),
    round2(r.percent),
    r.missingCount,
    r.bandKey,
    r.bandLabel,
    r.rank,
    r.decidedBy,
  ]);

/**
 * True when the stored results differ from what the sheets and the plan's settings give now: a
 * score, a sheet or a ranking setting changed after the last computation.
 */
export async function isStale(db: Executor, plan: EvaluatedPlan): Promise<boolean> {
  const fresh = (await rankPlan(db, plan)).map((c) =>
    announced({ ...c, bandKey: c.band.key, bandLabel: c.band.label }),
  );
  const stored = await q.listStoredResults(db, plan.id);
  const sort = (xs: string[]) => [...xs].sort();
  return JSON.stringify(sort(fresh)) !== JSON.stringify(sort(stored.map(announced)));
}

/**
 * Computes (or recomputes) the results of a plan: every sheet past its draft, rolled up,
 * classified and ranked with the plan's tie-break order; the previous computation is replaced. The plan's officer or council
 * (appraisers); INVALID_STATE once published. Returns counts per band and the time taken.
 */
export async function computeResults(ctx: Ctx, planId: number) {
  const started = performance.now();
  return ctx.db.transaction().execute(async (trx) => {
    // Locked first, so the bands and tie-break read here are the ones the rows are computed with.
    const plan = await getEvaluatedPlan(ctx, trx, planId, true);
    if (!canAppraise(ctx.actor, plan.unitPath))
      throw forbidden('Chỉ cán bộ thi đua hoặc Hội đồng của đơn vị ban hành được tính kết quả.');
    const state = await resultsState(trx, planId, true);
    if (state.resultsStatus === 'published')
      throw new AppError(
        'INVALID_STATE',
        'Kết quả đã công bố: cần Hội đồng mở lại trước khi tính lại.',
      );
    const bands = bandsOf(plan);
    const cols = await rankPlan(trx, plan);
    const now = ctx.now();
    await q.deleteResults(trx, planId);
    await q.insertResults(trx, planId, cols, now);
    await updateResultsState(trx, planId, 'computed', { computedAt: now }, now);
    const counts: Record<string, number> = {};
    for (const b of bands) counts[b.key] = 0;
    for (const c of cols) counts[c.band.key] = (counts[c.band.key] ?? 0) + 1;
    await recordAudit(trx, ctx, {
      action: 'results.computed',
      entityType: 'campaign_plan',
      entityId: planId,
      unitPath: plan.unitPath,
      before: { resultsStatus: state.resultsStatus },
      after: { resultsStatus: 'computed', units: cols.length, counts },
    });
    return { units: cols.length, counts, ms: Math.round(performance.now() - started) };
  });
}
