import { sql, type RawBuilder } from 'kysely';
import { z } from '../../platform/validation';
import { Band, TieBreak, type TieBreakStep } from '../../../shared/criteria';
import type { Executor } from '../../platform/db';
import type { ResultsStatus } from '../../db/schema';
import { joinResultsState, resultsStatus, type ResultsState } from './results-state.queries';

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

type SettingsRow = {
  criteriaVersionId: number | null;
  bands: unknown;
  tieBreak: unknown;
  qualifyingBands: unknown;
  assessmentDeadline: string | null;
};

function toSettings(row: SettingsRow): PlanEvaluationSettings {
  return {
    criteriaVersionId: row.criteriaVersionId,
    bands: StoredBands.parse(row.bands),
    tieBreak: StoredTieBreak.parse(row.tieBreak),
    qualifyingBandKeys: StoredKeys.parse(row.qualifyingBands),
    assessmentDeadline: row.assessmentDeadline,
  };
}

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
  return row === undefined ? noPlanEvaluation : toSettings(row);
}

/**
 * The plan's settings and its results state in one round trip (no lock; the defaults and 'none'
 * when the plan has no rows): what a read-only screen such as the dashboard needs per request.
 */
export async function getPlanEvaluationAndResults(
  db: Executor,
  planId: number,
): Promise<{ settings: PlanEvaluationSettings; results: ResultsState }> {
  const { rows } = await sql<
    SettingsRow & {
      hasSettings: boolean;
      resultsStatus: ResultsStatus;
      resultsComputedAt: Date | null;
      resultsPublishedAt: Date | null;
    }
  >`SELECT pe.plan_id IS NOT NULL AS "hasSettings", pe.criteria_version_id AS "criteriaVersionId",
      pe.bands, pe.tie_break AS "tieBreak", pe.qualifying_bands AS "qualifyingBands",
      pe.assessment_deadline AS "assessmentDeadline", ${resultsStatus} AS "resultsStatus",
      rs.computed_at AS "resultsComputedAt", rs.published_at AS "resultsPublishedAt"
    FROM (SELECT ${planId}::int AS id) p
    ${joinPlanEvaluation(sql.ref('p.id'))}
    ${joinResultsState(sql.ref('p.id'))}`.execute(db);
  const row = rows[0];
  if (row === undefined) throw new Error('getPlanEvaluationAndResults returned no row');
  return {
    settings: row.hasSettings ? toSettings(row) : noPlanEvaluation,
    results: {
      resultsStatus: row.resultsStatus,
      resultsComputedAt: row.resultsComputedAt,
      resultsPublishedAt: row.resultsPublishedAt,
    },
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
