import { sql } from 'kysely';
import { planStatuses, type PlanStatus } from '../../../shared/campaign';
import { roleAllows, type Action } from '../../../shared/permissions';
import type { Actor } from '../../platform/context';
import type { Executor } from '../../platform/db';
import { isLive } from './campaigns.rules';

/**
 * What the cascade asks of an actor, for the home page's to-do list: set-based reads, one
 * statement each; the first parameter is always the executor. Drafting is held at the unit itself
 * (decision 010, campaigns.policy.ts `canDraftPlanAt`), so a required unit counts only for an
 * actor holding `campaign.draft` by a grant at that very unit.
 */

const live = planStatuses.filter(isLive);
const liveIn = sql.join(live.map((s) => sql.lit(s)));

/** The units where the actor holds the action by a grant at the unit itself (the set form of `holdsAt`). */
export function unitsHeldAt(actor: Actor, action: Action): number[] {
  if (actor.kind !== 'user') return [];
  const ids = actor.grants
    .filter((g) => g.unitId !== null && roleAllows(g.role, action))
    .map((g) => g.unitId as number);
  return [...new Set(ids)];
}

/** A required unit's own plan under this parent: none yet, or a draft (not issued). */
const pendingChild = sql`LEFT JOIN campaign_plan c ON c.parent_plan_id = r.plan_id
    AND c.issuing_unit_id = r.unit_id AND c.status <> 'cancelled'`;
const notIssued = sql`(c.id IS NULL OR c.status = 'draft')`;

export type PendingCascade = {
  parentPlanId: number;
  parentTitle: string;
  parentNumber: string | null;
  parentIssuerName: string;
  unitId: number;
  unitName: string;
  /** The unit's draft under this parent, when it has started one. */
  childPlanId: number | null;
  childStatus: PlanStatus | null;
  /** Vietnam date; null = the parent set no deadline. */
  deadline: string | null;
};

/**
 * Units where the actor drafts (campaign.draft at the unit itself) that a live parent plan
 * requires to issue their own plan and that have not issued it yet (no plan, or a draft).
 * Nearest deadline first (overdue ones lead), none last; the total and the first `limit`.
 */
export async function listPendingCascade(
  db: Executor,
  actor: Actor,
  window: { limit: number },
): Promise<{ total: number; items: PendingCascade[] }> {
  const unitIds = unitsHeldAt(actor, 'campaign.draft');
  if (unitIds.length === 0) return { total: 0, items: [] };
  const { rows } = await sql<PendingCascade & { total: number }>`
    SELECT p.id AS "parentPlanId", p.title AS "parentTitle", p.document_number AS "parentNumber",
      pu.name AS "parentIssuerName",
      u.id AS "unitId", u.name AS "unitName", c.id AS "childPlanId", c.status AS "childStatus",
      p.cascade_deadline AS deadline,
      (count(*) OVER ())::int AS total
    FROM campaign_cascade_unit r
      JOIN campaign_plan p ON p.id = r.plan_id
      JOIN org_unit pu ON pu.id = p.issuing_unit_id
      JOIN org_unit u ON u.id = r.unit_id
      ${pendingChild}
    WHERE r.unit_id = ANY(${sql.val(unitIds)}::int[]) AND p.status IN (${liveIn}) AND ${notIssued}
    ORDER BY p.cascade_deadline NULLS LAST, p.id, u.name COLLATE "vi-x-icu"
    LIMIT ${window.limit}`.execute(db);
  return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _total, ...item }) => item) };
}

export type CascadeDeadline = {
  planId: number;
  title: string;
  documentNumber: string | null;
  issuerName: string;
  date: string;
  /** Required units that have not issued yet (all of them for the issuer, the actor's own otherwise). */
  pending: number;
  /** The actor drafts or issues at the parent's issuing unit (it follows its lower units). */
  asIssuer: boolean;
};

/**
 * Cascade deadlines from `today` to `until` (Vietnam dates, inclusive) of live plans that concern
 * the actor: a required unit where it drafts has not issued yet, or it drafts or issues at the
 * plan's issuing unit itself and some required unit has not issued yet. Soonest first.
 */
export async function listCascadeDeadlines(
  db: Executor,
  actor: Actor,
  window: { today: string; until: string; limit: number },
): Promise<CascadeDeadline[]> {
  const drafts = unitsHeldAt(actor, 'campaign.draft');
  const issuers = [...new Set([...drafts, ...unitsHeldAt(actor, 'campaign.issue')])];
  if (issuers.length === 0) return [];
  const asIssuer = sql`p.issuing_unit_id = ANY(${sql.val(issuers)}::int[])`;
  const mine = sql`r.unit_id = ANY(${sql.val(drafts)}::int[])`;
  const { rows } = await sql<CascadeDeadline>`
    SELECT p.id AS "planId", p.title, p.document_number AS "documentNumber",
      pu.name AS "issuerName", p.cascade_deadline AS date,
      count(*)::int AS pending, bool_or(${asIssuer}) AS "asIssuer"
    FROM campaign_plan p
      JOIN org_unit pu ON pu.id = p.issuing_unit_id
      JOIN campaign_cascade_unit r ON r.plan_id = p.id
      ${pendingChild}
    WHERE p.status IN (${liveIn}) AND ${notIssued}
      AND p.cascade_deadline BETWEEN ${window.today}::date AND ${window.until}::date
      AND (${mine} OR ${asIssuer})
    GROUP BY p.id, pu.id
    ORDER BY p.cascade_deadline, p.id
    LIMIT ${window.limit}`.execute(db);
  return rows;
}
