import type { Band, TieBreakStep } from '../../../shared/criteria';
import type { Executor } from '../../platform/db';

/**
 * What another module keeps about a plan and the plan's responses show. Campaigns imports no
 * module that depends on it (evaluation imports campaigns, decision 023), so app.ts hands the
 * readers to `registerCampaignRoutes`, which adds their fields to the plan responses.
 */
export type PlanContributions = {
  /** Added to every plan response (detail, create, edit, issue, amend, cancel, close). */
  evaluation: (db: Executor, planId: number) => Promise<PlanEvaluationFacts>;
  /** Added to the public plan. */
  publicEvaluation: (db: Executor, planId: number) => Promise<PublicPlanEvaluationFacts>;
};

/** The plan's evaluation settings as the plan page shows them (null = the defaults / none). */
export type PlanEvaluationFacts = {
  criteriaVersionId: number | null;
  bands: Band[] | null;
  tieBreak: TieBreakStep[] | null;
  qualifyingBandKeys: string[] | null;
  assessmentDeadline: string | null;
};

/** What the public plan page shows: the deadline, and whether its ranking is public yet. */
export type PublicPlanEvaluationFacts = {
  assessmentDeadline: string | null;
  resultsPublished: boolean;
};

/** No contributor (a server built without evaluation, e.g. a campaigns-only test app). */
export const noPlanContributions: PlanContributions = {
  evaluation: () =>
    Promise.resolve({
      criteriaVersionId: null,
      bands: null,
      tieBreak: null,
      qualifyingBandKeys: null,
      assessmentDeadline: null,
    }),
  publicEvaluation: () => Promise.resolve({ assessmentDeadline: null, resultsPublished: false }),
};
