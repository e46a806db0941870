import { sql } from 'kysely';
import type { Ctx } from '../../platform/context';
import type { Executor } from '../../platform/db';
import { recordAudit } from '../../platform/audit';
import { joinPlanEvaluation } from './plan-evaluation.queries';
import { joinResultsState, resultsOpen } from './results-state.queries';

/**
 * Score sheets exist for every approved collective registration of a plan that has a criteria
 * set, without anyone first opening them from the registration row: so the evaluation work list
 * shows them from the moment they are due. Registration approval (registrations module, through
 * this module's index.ts) and binding a criteria set to a plan both call `provideScoreSheets`.
 */

/**
 * Creates the missing score sheets of `planId`'s approved collective registrations (only `only`
 * when given), bound to the criteria version the plan uses now. Idempotent: a registration that
 * has a sheet keeps it (the unique constraint settles a race with `openSheet`). Does nothing for a
 * plan without a criteria set or whose results are published (as `openSheet`, which would refuse
 * a new sheet then). Each new sheet is audited as `score_sheet.opened`. Run it in the caller's
 * transaction; returns the number of sheets created.
 */
export async function provideScoreSheets(
  ctx: Ctx,
  trx: Executor,
  planId: number,
  only?: readonly number[],
): Promise<number> {
  if (only !== undefined && only.length === 0) return 0;
  const now = ctx.now();
  if (only === undefined) await followPlanCriteria(ctx, trx, planId);
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
  await recordAudit(
    trx,
    ctx,
    rows.map((s) => ({
      action: 'score_sheet.opened',
      entityType: 'score_sheet',
      entityId: s.id,
      unitPath: s.unitPath,
      after: { registrationId: s.registrationId, criteriaVersionId: s.criteriaVersionId },
    })),
  );
  return rows.length;
}

/**
 * Sheets nobody has touched yet (still in self-scoring, no score and no evidence) follow the plan
 * when its criteria version changes: a sheet provided on approval must not pin the set the plan
 * had then. A sheet with any entry or evidence keeps its version (changing it would orphan what
 * the unit wrote). Each moved sheet is audited as `score_sheet.criteria_followed`.
 */
async function followPlanCriteria(ctx: Ctx, trx: Executor, planId: number): Promise<void> {
  const { rows } = await sql<{ id: number; before: number; after: number; unitPath: string }>`
    WITH moved AS (
      UPDATE score_sheet s SET criteria_version_id = pe.criteria_version_id,
        updated_at = ${ctx.now()}, version = s.version + 1
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
  await recordAudit(
    trx,
    ctx,
    rows.map((s) => ({
      action: 'score_sheet.criteria_followed',
      entityType: 'score_sheet',
      entityId: s.id,
      unitPath: s.unitPath,
      before: { criteriaVersionId: s.before },
      after: { criteriaVersionId: s.after },
    })),
  );
}
