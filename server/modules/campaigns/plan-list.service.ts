import { sql, type SqlBool } from 'kysely';
import type { Ctx } from '../../platform/context';
import { pathInScope, scopeFor } from '../../platform/access';
import { parseInput } from '../../platform/validation';
import { getUnit } from '../organization/index';
import { IssuingUnitsQuery, ListPlansQuery } from '../../../shared/api/campaigns';
import { planLabels, toPlanSummary } from './campaigns.schemas';
import * as q from './campaigns.queries';

/** Listing plans: the plans list and its issuing-unit filter (the portal's are public.service). */

/** The plans an actor may list: every issued plan, plus drafts inside their campaign.view scope. */
function visibleToActor(ctx: Ctx) {
  const scope = scopeFor(ctx.actor, 'campaign.view');
  return sql<SqlBool>`(p.document_number IS NOT NULL OR ${pathInScope(scope, sql<string>`u.path`)})`;
}

/**
 * Lists plans: every issued plan, plus drafts inside the actor's campaign.view scope. The search
 * is accent-insensitive and matches every word, in any order, against the number, title and
 * issuing unit (see planSearchCondition). Also filters by status, kind, issuing unit (and its
 * subtree; NOT_FOUND for an unknown unit) and year.
 */
export async function listPlans(ctx: Ctx, input: unknown) {
  const query = parseInput(ListPlansQuery, input, planLabels);
  const conditions = [visibleToActor(ctx)];
  const searched = query.search ? q.planSearchCondition(query.search) : undefined;
  if (searched) conditions.push(searched);
  if (query.status) conditions.push(sql`p.status = ${query.status}`);
  if (query.kind) conditions.push(sql`p.kind = ${query.kind}`);
  if (query.year)
    conditions.push(
      sql`extract(year FROM coalesce(p.issued_on, (p.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)) = ${query.year}`,
    );
  if (query.unitId !== undefined) {
    const unit = await getUnit(ctx.db, query.unitId);
    conditions.push(q.issuedWithin(unit.path));
  }
  const page = await q.listPlans(
    ctx.db,
    sql.join(conditions, sql` AND `),
    query.page,
    query.pageSize,
  );
  return { items: page.items.map(toPlanSummary), total: page.total };
}

/**
 * Units for the issuing-unit filter of the plans list: those whose subtree issued a plan the actor
 * may list, matching the optional accent-insensitive search; higher levels first, at most 20.
 */
export async function listPlanIssuingUnits(ctx: Ctx, input: unknown) {
  const query = parseInput(IssuingUnitsQuery, input, { search: 'Tìm đơn vị', id: 'Đơn vị' });
  return { items: await q.listIssuingUnits(ctx.db, visibleToActor(ctx), query, 20) };
}
