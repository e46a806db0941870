import { sql } from 'kysely';
import type { Actor } from '../../platform/context';
import type { Executor } from '../../platform/db';
import { pathInScope, scopeFor } from '../../platform/access';
import { joinPlanEvaluation } from './plan-evaluation.queries';
import { joinResultsState, resultsOpen } from './results-state.queries';

/**
 * What self-assessment asks of an actor, for the home page's deadlines: one set-based statement;
 * the first parameter is always the executor.
 */

export type AssessmentDeadline = {
  planId: number;
  title: string;
  documentNumber: string | null;
  issuerName: string;
  date: string;
  /** The actor's units with an approved registration whose sheet is not submitted yet. */
  units: number;
};

/**
 * Self-assessment deadlines from `today` to `until` (Vietnam dates, inclusive) of live plans with
 * criteria bound and results not published, where a unit the actor acts for (registration.submit
 * over it, as assessment.policy.ts `canActForUnit`) has an approved collective registration whose
 * sheet is not opened or still a draft — the first submission is what the deadline limits.
 * Soonest first.
 */
export async function listAssessmentDeadlines(
  db: Executor,
  actor: Actor,
  window: { today: string; until: string; limit: number },
): Promise<AssessmentDeadline[]> {
  const scope = scopeFor(actor, 'registration.submit');
  if (!scope.all && scope.paths.length === 0) return [];
  const { rows } = await sql<AssessmentDeadline>`
    SELECT p.id AS "planId", p.title, p.document_number AS "documentNumber",
      pu.name AS "issuerName", pe.assessment_deadline AS date,
      count(*)::int AS units
    FROM campaign_plan p
      JOIN org_unit pu ON pu.id = p.issuing_unit_id
      ${joinPlanEvaluation(sql.ref('p.id'))} ${joinResultsState(sql.ref('p.id'))}
      JOIN registration r ON r.plan_id = p.id
      JOIN org_unit u ON u.id = r.unit_id
      LEFT JOIN score_sheet s ON s.registration_id = r.id
    WHERE p.status IN ('issued', 'in_progress', 'in_review') AND ${resultsOpen}
      AND pe.criteria_version_id IS NOT NULL
      AND pe.assessment_deadline BETWEEN ${window.today}::date AND ${window.until}::date
      AND r.kind = 'collective' AND r.status = 'approved'
      AND (s.id IS NULL OR s.status = 'self_draft')
      AND ${pathInScope(scope, sql<string>`u.path`)}
    GROUP BY p.id, pu.id, pe.plan_id
    ORDER BY pe.assessment_deadline, p.id
    LIMIT ${window.limit}`.execute(db);
  return rows;
}
