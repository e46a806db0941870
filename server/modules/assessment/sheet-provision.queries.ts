import { sql } from 'kysely';
import type { Executor } from '../../platform/db';
import { joinPlanEvaluation } from './plan-evaluation.queries';
import { joinResultsState, resultsOpen } from './results-state.queries';

/**
 * Writes of sheet provision (sheet-provision.ts): each one statement that picks the due rows,
 * writes them and returns them with the unit's path for the audit. They read registration (the
 * registrations module's table) in SQL: the sheets are created from it set-based, in the
 * caller's transaction.
 */

/**
 * Inserts a score sheet for each approved collective registration of the plan (only `only` when
 * given) that has none, bound to the plan's criteria version, unless the plan has no criteria or
 * its results are published; a concurrent opening wins (ON CONFLICT DO NOTHING). The created
 * sheets, by id.
 */
export async function insertDueSheets(
  trx: Executor,
  planId: number,
  now: Date,
  only: readonly number[] | undefined,
) {
  const { rows } = await sql<{
    id: number;
    registrationId: number;
    criteriaVersionId: number;
    unitPath: string;
  }>`
    WITH due AS (
      SELECT r.id AS registration_id, r.plan_id, r.unit_id, r.province_id, pe.criteria_version_id
      FROM registration r ${joinPlanEvaluation(sql.ref('r.plan_id'))}
        ${joinResultsState(sql.ref('r.plan_id'))}
      WHERE r.plan_id = ${planId} AND r.kind = 'collective' AND r.status = 'approved'
        AND pe.criteria_version_id IS NOT NULL AND ${resultsOpen}
        ${only === undefined ? sql`` : sql`AND r.id = ANY(${sql.val([...only])}::int[])`}
        AND NOT EXISTS (SELECT 1 FROM score_sheet s WHERE s.registration_id = r.id)
      ORDER BY r.id
    ), created AS (
      INSERT INTO score_sheet (plan_id, registration_id, unit_id, province_id, criteria_version_id,
        created_at, updated_at)
      SELECT plan_id, registration_id, unit_id, province_id, criteria_version_id, ${now}, ${now}
      FROM due
      ON CONFLICT ON CONSTRAINT score_sheet_registration DO NOTHING
      RETURNING id, registration_id, unit_id, criteria_version_id
    )
    SELECT c.id, c.registration_id AS "registrationId",
      c.criteria_version_id AS "criteriaVersionId", u.path::text AS "unitPath"
    FROM created c JOIN org_unit u ON u.id = c.unit_id ORDER BY c.id`.execute(trx);
  return rows;
}

/**
 * Moves the plan's untouched sheets (self_draft, no entry, no evidence) to the plan's criteria
 * version when it differs, unless results are published; bumps their version. The moved sheets
 * with the version before and after, by id.
 */
export async function followPlanCriteriaVersion(trx: Executor, planId: number, now: Date) {
  const { rows } = await sql<{ id: number; before: number; after: number; unitPath: string }>`
    WITH moved AS (
      UPDATE score_sheet s SET criteria_version_id = pe.criteria_version_id,
        updated_at = ${now}, version = s.version + 1
      FROM score_sheet old ${joinPlanEvaluation(sql.ref('old.plan_id'))}
        ${joinResultsState(sql.ref('old.plan_id'))}
      WHERE s.plan_id = ${planId} AND old.id = s.id
        AND pe.criteria_version_id IS NOT NULL AND ${resultsOpen}
        AND s.criteria_version_id <> pe.criteria_version_id AND s.status = 'self_draft'
        AND NOT EXISTS (SELECT 1 FROM score_entry e WHERE e.sheet_id = s.id)
        AND NOT EXISTS (SELECT 1 FROM score_evidence v WHERE v.sheet_id = s.id)
      RETURNING s.id, old.criteria_version_id AS before, s.criteria_version_id AS after, s.unit_id
    )
    SELECT m.id, m.before, m.after, u.path::text AS "unitPath"
    FROM moved m JOIN org_unit u ON u.id = m.unit_id ORDER BY m.id`.execute(trx);
  return rows;
}
