import { actorId, type Ctx } from '../../platform/context';
import { recordAudit } from '../../platform/audit';
import type { Executor } from '../../platform/db';
import {
  claimPlanSettingsChange,
  getVisiblePlan,
  type PlanContributions,
  type PlanRecord,
} from '../campaigns/index';
import {
  getPlanEvaluation,
  getPlanEvaluationAndResults,
  upsertPlanEvaluation,
  type PlanEvaluationSettings,
} from './plan-evaluation.queries';
import { getResultsState, type ResultsState } from './results-state.queries';

/** A plan with its evaluation settings (evaluation's own table, `plan_evaluation`). */
export type EvaluatedPlan = PlanRecord & PlanEvaluationSettings;

/**
 * A plan the actor may see (campaigns' rules: NOT_FOUND / FORBIDDEN) with its evaluation
 * settings. `lock` locks the plan row, as `getVisiblePlan` does: whoever changes the settings
 * (`setPlanEvaluation`) takes the same lock, so the settings read here stay until commit.
 */
export async function getEvaluatedPlan(
  ctx: Ctx,
  db: Executor,
  id: number,
  lock = false,
): Promise<EvaluatedPlan> {
  const plan = await getVisiblePlan(ctx, db, id, lock);
  return { ...plan, ...(await getPlanEvaluation(db, id)) };
}

/**
 * `getEvaluatedPlan` without a lock, with the plan's results state read in the same round trip as
 * its settings (read-only screens, per request: the dashboard).
 */
export async function getEvaluatedPlanAndResults(
  ctx: Ctx,
  db: Executor,
  id: number,
): Promise<{ plan: EvaluatedPlan; results: ResultsState }> {
  const plan = await getVisiblePlan(ctx, db, id);
  const { settings, results } = await getPlanEvaluationAndResults(db, id);
  return { plan: { ...plan, ...settings }, results };
}

/**
 * Sets the criteria version a campaign is evaluated against, its classification bands (null =
 * the defaults), its assessment deadline, its tie-break order (null = the default order) and the
 * band keys that qualify for commendation (null = the top band); `bindPlanCriteria` checks the
 * version is published, the bands, the steps and the keys before calling. Campaigns' rules for
 * changing a plan apply (`claimPlanSettingsChange`: the plan's officer or head, FORBIDDEN; not
 * once closed or cancelled, INVALID_STATE; current version, CONFLICT) and the plan's version goes
 * up. Audited on the plan (`plan.evaluation_set`).
 */
export async function setPlanEvaluation(
  ctx: Ctx,
  trx: Executor,
  id: number,
  data: PlanEvaluationSettings & { version: number },
) {
  const claimed = await claimPlanSettingsChange(
    ctx,
    trx,
    id,
    data.version,
    'Chỉ cán bộ thi đua hoặc thủ trưởng đơn vị ban hành được chọn bộ tiêu chí.',
  );
  const before = await getPlanEvaluation(trx, id);
  const after: PlanEvaluationSettings = {
    criteriaVersionId: data.criteriaVersionId,
    bands: data.bands,
    assessmentDeadline: data.assessmentDeadline,
    tieBreak: data.tieBreak,
    qualifyingBandKeys: data.qualifyingBandKeys,
  };
  await upsertPlanEvaluation(trx, id, after, actorId(ctx.actor), ctx.now());
  await recordAudit(trx, ctx, {
    action: 'plan.evaluation_set',
    entityType: 'campaign_plan',
    entityId: id,
    unitPath: claimed.plan.unitPath,
    before: {
      criteriaVersionId: before.criteriaVersionId,
      bands: before.bands,
      assessmentDeadline: before.assessmentDeadline,
      tieBreak: before.tieBreak,
      qualifyingBandKeys: before.qualifyingBandKeys,
    },
    after,
  });
  return { planId: id, ...after, version: claimed.version };
}

/**
 * What evaluation shows with a plan (app.ts passes it to campaigns' routes): its settings on
 * every plan response; the assessment deadline and whether the results are published on the
 * public plan.
 */
export const planEvaluationContributions: PlanContributions = {
  evaluation: (db, planId) => getPlanEvaluation(db, planId),
  publicEvaluation: async (db, planId) => ({
    assessmentDeadline: (await getPlanEvaluation(db, planId)).assessmentDeadline,
    resultsPublished: (await getResultsState(db, planId)).resultsStatus === 'published',
  }),
};
