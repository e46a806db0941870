import { sql, type RawBuilder } from 'kysely';
import { z } from '../../platform/validation';
import { Band, TieBreak, type TieBreakStep } from '../../../shared/criteria';
import type { Executor } from '../../platform/db';

/**
 * Reads and writes of `plan_evaluation`, a plan's evaluation settings (migration 0017). The only
 * file that names the table: other evaluation queries join it through `joinPlanEvaluation`.
 * A plan without a row has the defaults (`noPlanEvaluation`).
 */

export type PlanEvaluationSettings = {
  /** The bound criteria version (published); null = none yet. */
  criteriaVersionId: number | null;
  /** Classification bands; null = the defaults. */
  bands: Band[] | null;
  /** Tie-break steps after the percentage, in order; null = the default order. */
  tieBreak: TieBreakStep[] | null;
  /** Band keys whose units qualify for commendation; null = the top band. */
  qualifyingBandKeys: string[] | null;
  /** Last day (Vietnam date, inclusive) a unit may submit its self-assessment. */
  assessmentDeadline: string | null;
};

export const noPlanEvaluation: PlanEvaluationSettings = {
  criteriaVersionId: null,
  bands: null,
  tieBreak: null,
  qualifyingBandKeys: null,
  assessmentDeadline: null,
};

const StoredBands = z.array(Band).nullable();
const StoredTieBreak = TieBreak.nullable();
const StoredKeys = z.array(z.string()).nullable();

/** The plan's settings; the defaults when none were ever set. */
export async function getPlanEvaluation(
  db: Executor,
  planId: number,
): Promise<PlanEvaluationSettings> {
  const row = await db
    .selectFrom('planEvaluation')
    .select(['criteriaVersionId', 'bands', 'tieBreak', 'qualifyingBands', 'assessmentDeadline'])
    .where('planId', '=', planId)
    .executeTakeFirst();
  if (row === undefined) return noPlanEvaluation;
  return {
    criteriaVersionId: row.criteriaVersionId,
    bands: StoredBands.parse(row.bands),
    tieBreak: StoredTieBreak.parse(row.tieBreak),
    qualifyingBandKeys: StoredKeys.parse(row.qualifyingBands),
    assessmentDeadline: row.assessmentDeadline,
  };
}

/** Writes all of the plan's settings (inserting its row the first time). */
export async function upsertPlanEvaluation(
  db: Executor,
  planId: number,
  s: PlanEvaluationSettings,
  by: number | null,
  at: Date,
): Promise<void> {
  const json = (v: unknown[] | null) => (v === null ? null : JSON.stringify(v));
  const values = {
    criteriaVersionId: s.criteriaVersionId,
    bands: json(s.bands),
    tieBreak: json(s.tieBreak),
    qualifyingBands: json(s.qualifyingBandKeys),
    assessmentDeadline: s.assessmentDeadline,
    updatedAt: at,
    updatedBy: by,
  };
  await db
    .insertInto('planEvaluation')
    .values({ planId, ...values })
    .onConflict((oc) => oc.column('planId').doUpdateSet(values))
    .execute();
}

/**
 * `LEFT JOIN plan_evaluation pe` on a plan id (e.g. `sql.ref('p.id')`), for the evaluation
 * queries that read a setting next to their own rows: `pe.criteria_version_id`,
 * `pe.assessment_deadline`, `pe.bands` … (NULL when the plan has no row: the defaults).
 */
export function joinPlanEvaluation(planId: RawBuilder<unknown>) {
  return sql`LEFT JOIN plan_evaluation pe ON pe.plan_id = ${planId}`;
}
