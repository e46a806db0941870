import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { getEvaluatedPlan } from '../assessment/index';
import { bandsOf, qualifyingKeysOf, resultsState } from './results-compute';
import { individualEligibility } from './individual.rules';
import * as q from './commendation.queries';

/**
 * What commendation reads from a plan's evaluation: the units and the people that qualify, from
 * the published results only (computed but unpublished results may still change).
 */

export type QualifyingUnit = q.QualifyingUnitRow;
export type EligiblePerson = {
  personId: number;
  fullName: string;
  unitId: number;
  registrationId: number;
  checklist: q.ChecklistItem[];
};

async function publishedPlan(ctx: Ctx, planId: number) {
  const plan = await getEvaluatedPlan(ctx, ctx.db, planId);
  const state = await resultsState(ctx.db, planId);
  if (state.resultsStatus !== 'published')
    throw new AppError('INVALID_STATE', 'Kết quả đánh giá của kế hoạch chưa được công bố.');
  return plan;
}

/**
 * The units whose band is one of the plan's qualifying bands (its top band unless it names
 * them), with their score (total points), percent, band and rank, in rank order. NOT_FOUND or
 * FORBIDDEN when the actor may not see the plan; INVALID_STATE until the results are published.
 */
export async function listQualifyingUnits(ctx: Ctx, planId: number): Promise<QualifyingUnit[]> {
  const plan = await publishedPlan(ctx, planId);
  return q.listResultsInBands(ctx.db, planId, qualifyingKeysOf(plan));
}

/**
 * The people eligible (đủ điều kiện) in the plan: approved individual registrations whose every
 * checklist item is confirmed met and whose unit (or its nearest classified ancestor) is in a
 * qualifying band — the checklist screen's rule (individual.rules.ts) — with their checklist.
 * A checklist never opened has no confirmed items, so its person is not eligible. NOT_FOUND or
 * FORBIDDEN when the actor may not see the plan; INVALID_STATE until the results are published.
 */
export async function listEligiblePeople(ctx: Ctx, planId: number): Promise<EligiblePerson[]> {
  const plan = await publishedPlan(ctx, planId);
  const bands = bandsOf(plan);
  const qualifying = qualifyingKeysOf(plan);
  const labelOf = (key: string) => bands.find((b) => b.key === key)?.label ?? key;
  const rows = await q.listIndividualsWithBands(ctx.db, planId);
  return rows
    .filter((r) => individualEligibility(r.checklist, r.unitBand, qualifying, labelOf).eligible)
    .map(({ personId, fullName, unitId, registrationId, checklist }) => ({
      personId,
      fullName,
      unitId,
      registrationId,
      checklist,
    }));
}
