import type { Ctx } from '../../platform/context';
import { fieldError } from '../../platform/errors';
import { parseInput } from '../../platform/validation';
import { defaultBands, type Band } from '../../../shared/criteria';
import { BindCriteria, criteriaLabels, findCriteriaVersion } from '../criteria/index';
import { assertResultsOpen } from './plan-lock';
import { provideScoreSheets } from './sheet-provision';
import { getEvaluatedPlan, setPlanEvaluation } from './plan-evaluation.service';

type RankingSettings = {
  criteriaVersionId: number | null;
  bands: unknown;
  tieBreak: unknown;
  qualifyingBandKeys: unknown;
};

/** Bands must start at 0 % somewhere, have distinct keys and distinct thresholds. */
export function bandProblems(bands: Band[]): string | null {
  if (new Set(bands.map((b) => b.key)).size !== bands.length) return 'mã mức xếp loại bị trùng';
  if (new Set(bands.map((b) => b.minPercent)).size !== bands.length)
    return 'hai mức xếp loại trùng tỷ lệ tối thiểu';
  if (!bands.some((b) => b.minPercent === 0)) return 'cần một mức bắt đầu từ 0%';
  return null;
}

/** The qualifying keys that are not among the bands, or null when all are. */
export function unknownBandKeys(keys: readonly string[], bands: readonly Band[]): string[] | null {
  const unknown = keys.filter((k) => !bands.some((b) => b.key === k));
  return unknown.length > 0 ? unknown : null;
}

/**
 * Binds a published criteria version (or none), the classification bands (null = defaults), the
 * tie-break order (null = default) and the bands that qualify for commendation (null = the top
 * band) to a campaign plan. The request replaces all of them: an omitted field means its
 * default. VALIDATION_FAILED for a draft or unknown version, bad bands, an unknown or repeated
 * tie-break step, or a qualifying band that is not among the plan's bands; the plan's own rules
 * (officer or head, not closed or cancelled, current version) apply. While the plan's results are
 * published only the assessment deadline may change (INVALID_STATE otherwise). Once a criteria
 * set is bound, the plan's approved collective registrations get their score sheets
 * (`provideScoreSheets`), so the evaluation work list shows them.
 */
export async function bindPlanCriteria(ctx: Ctx, planId: number, input: unknown) {
  const data = parseInput(BindCriteria, input, criteriaLabels);
  const label = criteriaLabels.criteriaVersionId ?? 'criteriaVersionId';
  if (data.bands !== null) {
    const problem = bandProblems(data.bands);
    if (problem !== null) throw fieldError('bands', criteriaLabels.bands ?? 'bands', problem);
  }
  if (data.qualifyingBandKeys !== null) {
    const unknown = unknownBandKeys(data.qualifyingBandKeys, data.bands ?? defaultBands);
    if (unknown !== null)
      throw fieldError(
        'qualifyingBandKeys',
        criteriaLabels.qualifyingBandKeys ?? 'qualifyingBandKeys',
        `không có mức ${unknown.map((k) => `"${k}"`).join(', ')} trong các mức xếp loại của kế hoạch`,
      );
  }
  return ctx.db.transaction().execute(async (trx) => {
    if (data.criteriaVersionId !== null) {
      const v = await findCriteriaVersion(trx, data.criteriaVersionId);
      if (v === undefined || v.status !== 'published')
        throw fieldError('criteriaVersionId', label, 'phải là một bộ tiêu chí đã ban hành');
    }
    const sorted =
      data.bands === null ? null : [...data.bands].sort((a, b) => b.minPercent - a.minPercent);
    const before = await getEvaluatedPlan(ctx, trx, planId, true);
    const saved = await setPlanEvaluation(ctx, trx, planId, { ...data, bands: sorted });
    // What the published results were computed and judged with stays until the council reopens.
    const ranking = (p: RankingSettings) =>
      JSON.stringify([p.criteriaVersionId, p.bands, p.tieBreak, p.qualifyingBandKeys]);
    if (ranking(before) !== ranking(saved)) await assertResultsOpen(trx, planId);
    // With a criteria set, every approved collective registration has its sheet from now on.
    await provideScoreSheets(ctx, trx, planId);
    return saved;
  });
}
