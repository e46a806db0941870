import type { Ctx } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { parseInput } from '../../platform/validation';
import { IssuingUnitsQuery, PublicPlansQuery } from '../../../shared/api/campaigns';
import { toPlanResponse, toPlanSummary } from './campaigns.schemas';
import * as q from './campaigns.queries';
import * as lq from './plan-list.queries';

/** Published plans for citizens: issued and not cancelled; no drafts, no internal fields. */

const published = { published: true } as const;

/**
 * Issued plans, newest first. The search is accent-insensitive and matches every word, in any
 * order, against number, title and issuing unit ("thi dua cai cach", "luong dien", "01/KH-UBND");
 * `unitId` keeps plans issued by that unit or below it (an unknown unit gives an empty list).
 */
export async function listPublicPlans(ctx: Ctx, input: unknown) {
  const query = parseInput(PublicPlansQuery, input, {
    search: 'Tìm kiếm',
    kind: 'Loại',
    provinceId: 'Tỉnh',
    unitId: 'Đơn vị ban hành',
    year: 'Năm',
  });
  const where = lq.planListWhere({
    audience: published,
    search: query.search,
    issuedWithinUnitId: query.unitId,
    kind: query.kind,
    provinceId: query.provinceId,
    issuedYear: query.year,
  });
  const result = await q.listPlans(ctx.db, where, query.page, query.pageSize);
  return { items: result.items.map(toPlanSummary), total: result.total };
}

/** Units for the portal's issuing-unit filter: those whose subtree published a plan; at most 20. */
export async function listPublicIssuingUnits(ctx: Ctx, input: unknown) {
  const query = parseInput(IssuingUnitsQuery, input, { search: 'Tìm đơn vị', id: 'Đơn vị' });
  return { items: await q.listIssuingUnits(ctx.db, lq.plansVisibleTo(published), query, 20) };
}

/**
 * One issued plan as published (NOT_FOUND for drafts and cancelled plans). The route adds what
 * evaluation shows with it (`PlanContributions.publicEvaluation`: the assessment deadline and
 * `resultsPublished`, whether its ranking is public yet; the portal asks for it only then).
 */
export async function getPublicPlan(ctx: Ctx, planId: number) {
  const plan = await q.findPlan(ctx.db, planId);
  if (plan === undefined || plan.documentNumber === null || plan.status === 'cancelled')
    throw notFound('kế hoạch');
  const { version: _v, cancelledReason: _c, ...visible } = toPlanResponse(plan);
  return visible;
}
