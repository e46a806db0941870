import { sql, type RawBuilder } from 'kysely';
import { planStatuses } from '../../../shared/campaign';
import type { Actor } from '../../platform/context';
import type { Executor } from '../../platform/db';
import { pathInScope, scopeFor } from '../../platform/access';
import { acceptsRegistrations, allowsReview } from './registrations.rules';

/**
 * What registration asks of an actor, for the home page's to-do list: set-based reads scoped in
 * SQL by the same grants as registrations.policy.ts (`canReviewRegistrations`: registration.review
 * over the plan's issuing unit; `canSubmitForUnit`: registration.submit over the unit). One
 * statement per list; the first parameter is always the executor.
 */

const reviewable = planStatuses.filter(allowsReview);
const accepting = planStatuses.filter(acceptsRegistrations);
const statusIn = (list: readonly string[]) => sql.join(list.map((s) => sql.lit(s)));

export type ReviewQueuePlan = {
  planId: number;
  title: string;
  documentNumber: string | null;
  /** The issuing unit's name. */
  issuerName: string;
  /** Submitted registrations of this plan waiting for review. */
  count: number;
};
export type ReviewQueue = { total: number; planCount: number; plans: ReviewQueuePlan[] };

/**
 * Registrations in `submitted` of plans still open to review (issued, in progress, in review)
 * whose issuing unit the actor reviews: the total, the number of plans, and the `limit` plans
 * waiting longest (oldest submission first).
 */
export async function listReviewQueue(
  db: Executor,
  actor: Actor,
  limit: number,
): Promise<ReviewQueue> {
  const scope = scopeFor(actor, 'registration.review');
  if (!scope.all && scope.paths.length === 0) return { total: 0, planCount: 0, plans: [] };
  const { rows } = await sql<ReviewQueuePlan & { total: number; planCount: number }>`
    WITH q AS (
      SELECT p.id, p.title, p.document_number, pu.name AS issuer, count(*)::int AS n,
        min(r.submitted_at) AS oldest
      FROM registration r
        JOIN campaign_plan p ON p.id = r.plan_id
        JOIN org_unit pu ON pu.id = p.issuing_unit_id
      WHERE r.status = 'submitted' AND p.status IN (${statusIn(reviewable)})
        AND ${pathInScope(scope, sql<string>`pu.path`)}
      GROUP BY p.id, pu.id
    )
    SELECT id AS "planId", title, document_number AS "documentNumber", issuer AS "issuerName",
      n AS count,
      (sum(n) OVER ())::int AS total, (count(*) OVER ())::int AS "planCount"
    FROM q ORDER BY oldest, id LIMIT ${limit}`.execute(db);
  return {
    total: rows[0]?.total ?? 0,
    planCount: rows[0]?.planCount ?? 0,
    plans: rows.map(({ total: _total, planCount: _planCount, ...plan }) => plan),
  };
}

export type OpenPlan = {
  planId: number;
  title: string;
  documentNumber: string | null;
  issuerName: string;
  /** Vietnam date, inclusive; null = no deadline. */
  deadline: string | null;
  /** Eligible units the actor may register that have no live collective registration. */
  unitsNotRegistered: number;
};

/**
 * The subtrees where a unit both lies below the plan's issuer (eligibility) and is covered by the
 * actor's registration.submit grant: for each grant path on the same branch as the issuer, the
 * deeper of the two. Grant paths are minimal (none inside another), so these subtrees are disjoint.
 */
function rootsJoin(actor: Actor): RawBuilder<unknown> | null {
  const scope = scopeFor(actor, 'registration.submit');
  if (scope.all) return sql`CROSS JOIN LATERAL (SELECT pu.path AS root) sr`;
  if (scope.paths.length === 0) return null;
  return sql`JOIN LATERAL (
      SELECT CASE WHEN pu.path @> s.p THEN s.p ELSE pu.path END AS root
      FROM unnest(${sql.val(scope.paths)}::ltree[]) s(p)
      WHERE pu.path @> s.p OR pu.path <@ s.p) sr ON true`;
}

/** An eligible collective (registrations.rules `unitIneligibility`) under o.root with no live registration. */
const unregisteredUnit = sql`u.path <@ o.root AND u.active
  AND (u.kind = ANY(o.kinds) OR u.id = ANY(o.ids))
  AND NOT EXISTS (SELECT 1 FROM registration r WHERE r.plan_id = o.id AND r.kind = 'collective'
    AND r.unit_id = u.id AND r.status <> 'withdrawn')`;

/**
 * Plans taking registrations (issued or in progress, deadline not passed on `today`, a Vietnam
 * date) where at least one unit the actor may register (registration.submit over it) is an
 * eligible collective — below the issuer, active, of a named kind or a named unit — without a
 * live registration. Collectives only: individuals register themselves or in bulk from the plan.
 * Nearest deadline first (none last); the total and the first `limit` plans, each with its count
 * of unregistered units.
 */
export async function listPlansToRegister(
  db: Executor,
  actor: Actor,
  window: { today: string; limit: number },
): Promise<{ total: number; plans: OpenPlan[] }> {
  const roots = rootsJoin(actor);
  if (roots === null) return { total: 0, plans: [] };
  const { rows } = await sql<OpenPlan & { total: number }>`
    WITH o AS (
      SELECT p.id, p.title, p.document_number, pu.name AS issuer, p.registration_deadline, sr.root,
        ARRAY(SELECT jsonb_array_elements_text(p.content->'participants'->'collectiveUnitKinds'))
          AS kinds,
        ARRAY(SELECT jsonb_array_elements_text(p.content->'participants'->'collectiveUnitIds')::int)
          AS ids
      FROM campaign_plan p JOIN org_unit pu ON pu.id = p.issuing_unit_id ${roots}
      WHERE p.status IN (${statusIn(accepting)})
        AND (p.registration_deadline IS NULL OR p.registration_deadline >= ${window.today}::date)
    ), todo AS (
      SELECT DISTINCT o.id, o.title, o.document_number, o.issuer, o.registration_deadline FROM o
      WHERE EXISTS (SELECT 1 FROM org_unit u WHERE ${unregisteredUnit})
    ), page AS (
      SELECT todo.*, (count(*) OVER ())::int AS total FROM todo
      ORDER BY registration_deadline NULLS LAST, id LIMIT ${window.limit}
    )
    SELECT page.id AS "planId", page.title, page.document_number AS "documentNumber",
      page.issuer AS "issuerName",
      page.registration_deadline AS deadline,
      (SELECT count(*)::int FROM o JOIN org_unit u ON ${unregisteredUnit} WHERE o.id = page.id)
        AS "unitsNotRegistered",
      page.total
    FROM page ORDER BY page.registration_deadline NULLS LAST, page.id`.execute(db);
  return {
    total: rows[0]?.total ?? 0,
    plans: rows.map(({ total: _total, ...plan }) => plan),
  };
}
