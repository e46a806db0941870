import type { Ctx } from '../../platform/context';
import { fieldError, forbidden } from '../../platform/errors';
import { parseInput } from '../../platform/validation';
import type { Quota } from '../../../shared/campaign';
import { QuotaRule } from '../../../shared/quotas';
import { QuotaWhatIf, type QuotaWhatIfResult } from '../../../shared/api/quotas';
import { getVisiblePlan } from '../campaigns/index';
import { listEligiblePeople, listQualifyingUnits } from '../results/index';
import { listGenders, listUnitsWithin, listWomenShares } from '../organization/index';
import { registrationProgress } from '../registrations/index';
import { selectWithinQuota, type QuotaCandidate } from './quotas.rules';
import { canSimulateQuota } from './quotas.policy';

const labels = {
  quotaId: 'Hạn mức của kế hoạch',
  'override.subject': 'Đối tượng',
  'override.maxCount': 'Số lượng tối đa',
  'override.maxPercent': 'Tỷ lệ tối đa',
  'override.base': 'Tính trên',
  'override.rounding': 'Cách làm tròn',
  baseCount: 'Số lượng làm căn cứ',
};

/** A plan's quota (content.quotas) as a rule: of the eligible, over the whole plan, floor. */
export function ruleOfPlanQuota(q: Quota): QuotaRule {
  return QuotaRule.parse({
    quotaId: q.id,
    subject: q.scope,
    maxCount: q.maxCount,
    maxPercent: q.maxPercent,
    base: 'eligible',
    rounding: 'floor',
    scope: { kind: 'plan' },
    text: null,
  });
}

/**
 * The candidates of a subject from the plan's published results (the results module's exports,
 * never its tables): collectives are the qualifying units with their score, band and rank and
 * the share of women among their people; individuals are the eligible people with their gender.
 * Individuals carry no score of their own in the results, so they all stand at 0: the Art. 4(6)
 * tie-break and the council decide among them (decision 037).
 */
export async function listQuotaCandidates(
  ctx: Ctx,
  planId: number,
  subject: QuotaRule['subject'],
): Promise<QuotaCandidate[]> {
  if (subject === 'collective') {
    const units = await listQualifyingUnits(ctx, planId);
    const shares = await listWomenShares(
      ctx.db,
      units.map((u) => u.unitId),
    );
    return units.map((u) => ({
      key: `unit:${u.unitId}`,
      name: u.unitName,
      score: u.score,
      unitId: u.unitId,
      band: u.bandLabel,
      rank: u.rank,
      womenShare: shares.get(u.unitId) ?? null,
    }));
  }
  const people = await listEligiblePeople(ctx, planId);
  const genders = await listGenders(
    ctx.db,
    people.map((p) => p.personId),
  );
  return people.map((p) => ({
    key: `person:${p.personId}`,
    name: p.fullName,
    score: 0,
    unitId: p.unitId,
    band: null,
    rank: null,
    female: genders.get(p.personId) === 'female',
  }));
}

/**
 * What-if of a quota over a plan's published results: the plan's quota `quotaId` (or none), with
 * the officer's override on top, applied by `selectWithinQuota` — who is in, out or tied, each
 * explained. Nothing is saved. Needs `quota.simulate` over the plan's issuing unit (FORBIDDEN);
 * NOT_FOUND for an unseen plan or an unknown quota id; INVALID_STATE until the results are
 * published; VALIDATION_FAILED for a rule with no subject or bound. The base: the candidates
 * (eligible), or from registrations' progress (registered, participating: the collectives or
 * people the plan names), unless `baseCount` gives it.
 */
export async function whatIfQuota(
  ctx: Ctx,
  planId: number,
  input: unknown,
): Promise<QuotaWhatIfResult> {
  const req = parseInput(QuotaWhatIf, input, labels);
  const plan = await getVisiblePlan(ctx, ctx.db, planId);
  if (!canSimulateQuota(ctx.actor, plan.unitPath))
    throw forbidden(
      'Chỉ cán bộ thi đua, thủ trưởng đơn vị ban hành kế hoạch được xem thử hạn mức.',
    );
  const planQuotas = plan.content.quotas;
  let start: Partial<QuotaRule> = {};
  if (req.quotaId !== null) {
    const found = planQuotas.find((q) => q.id === req.quotaId);
    if (!found) throw fieldError('quotaId', labels.quotaId, 'không có trong kế hoạch');
    start = ruleOfPlanQuota(found);
  }
  const merged = { ...start, ...stripUndefined(req.override ?? {}) };
  if (req.override && ('maxCount' in req.override || 'maxPercent' in req.override))
    merged.text = null; // the plan's words no longer describe the changed rule
  const rule = parseInput(QuotaRule, merged, {
    subject: labels['override.subject'],
    maxCount: labels['override.maxCount'],
    maxPercent: labels['override.maxPercent'],
  });
  const candidates = await inScope(ctx, rule, await listQuotaCandidates(ctx, planId, rule.subject));
  const base =
    req.baseCount ??
    (rule.base === 'eligible'
      ? candidates.length
      : await baseOfRegistrations(ctx, planId, rule.base, rule.subject));
  const outcome = selectWithinQuota(candidates, rule, { base });
  const bandOf = new Map(candidates.map((c) => [c.key, c.band ?? null]));
  return {
    quota: rule,
    base: outcome.base,
    cap: outcome.cap,
    capReason: outcome.capReason,
    selected: outcome.selected,
    tie: outcome.tie,
    rows: outcome.rows.map((r) => ({ ...r, band: bandOf.get(r.key) ?? null })),
    planQuotas,
  };
}

/**
 * The candidates a quota's scope counts: a unit scope keeps those of its subtree; the plan and a
 * level (the award level named by the plan, e.g. "Cấp thành phố": a separate quota over the same
 * candidates) keep all.
 */
async function inScope(ctx: Ctx, rule: QuotaRule, candidates: QuotaCandidate[]) {
  if (rule.scope.kind !== 'unit') return candidates;
  const ids = [...new Set(candidates.map((c) => c.unitId ?? 0).filter((id) => id > 0))];
  const within = await listUnitsWithin(ctx.db, ids, rule.scope.unitId);
  return candidates.filter(
    (c) => c.unitId !== undefined && c.unitId !== null && within.has(c.unitId),
  );
}

/**
 * The size of a registered or participating base, from registrations' progress: the collectives
 * (or people) the plan names as participants, or those registered (a base the officer may also
 * give as `baseCount`).
 */
async function baseOfRegistrations(
  ctx: Ctx,
  planId: number,
  base: 'registered' | 'participating',
  subject: QuotaRule['subject'],
): Promise<number> {
  const p = await registrationProgress(ctx, planId, { page: 1, pageSize: 1 });
  if (subject === 'collective') return base === 'registered' ? p.unitsRegistered : p.unitsEligible;
  return base === 'registered' ? p.peopleRegistered : p.peopleEligible;
}

function stripUndefined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
