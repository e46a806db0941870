import type { Ctx } from '../../platform/context';
import { scopeFor } from '../../platform/access';
import { parseInput } from '../../platform/validation';
import { getUnit } from '../organization/index';
import { IssuingUnitsQuery, ListPlansQuery } from '../../../shared/api/campaigns';
import { planLabels, toPlanSummary } from './campaigns.schemas';
import * as q from './campaigns.queries';
import * as lq from './plan-list.queries';

/** Listing plans: the plans list and its issuing-unit filter (the portal's are public.service). */

/** The plans an actor may list: every issued plan, plus drafts inside their campaign.view scope. */
function visibleToActor(ctx: Ctx) {
  return { published: false as const, scope: scopeFor(ctx.actor, 'campaign.view') };
}

/**
 * Lists plans: every issued plan, plus drafts inside the actor's campaign.view scope. The search
 * is accent-insensitive and matches every word, in any order, against the number, title and
 * issuing unit (see planSearchCondition). Also filters by status, kind, issuing unit (and its
 * subtree; NOT_FOUND for an unknown unit) and year.
 */
export async function listPlans(ctx: Ctx, input: unknown) {
  const query = parseInput(ListPlansQuery, input, planLabels);
  const unit = query.unitId === undefined ? undefined : await getUnit(ctx.db, query.unitId);
  const where = lq.planListWhere({
    audience: visibleToActor(ctx),
    search: query.search,
    status: query.status,
    kind: query.kind,
    year: query.year,
    issuedWithinPath: unit?.path,
  });
  const page = await q.listPlans(ctx.db, where, query.page, query.pageSize);
  return { items: page.items.map(toPlanSummary), total: page.total };
}

/**
 * Units for the issuing-unit filter of the plans list: those whose subtree issued a plan the actor
 * may list, matching the optional accent-insensitive search; higher levels first, at most 20.
 */
export async function listPlanIssuingUnits(ctx: Ctx, input: unknown) {
  const query = parseInput(IssuingUnitsQuery, input, { search: 'Tìm đơn vị', id: 'Đơn vị' });
  return {
    items: await q.listIssuingUnits(ctx.db, lq.plansVisibleTo(visibleToActor(ctx)), query, 20),
  };
}
