import type { Ctx } from '../../platform/context';
import { fieldError } from '../../platform/errors';
import { parseInput } from '../../platform/validation';
import type { Band } from '../../../shared/criteria';
import { setPlanEvaluation } from '../campaigns/index';
import { BindCriteria, criteriaLabels } from './criteria.schemas';
import { findCriteriaVersion } from './criteria.service';

/** Bands must start at 0 % somewhere, have distinct keys and distinct thresholds. */
export function bandProblems(bands: Band[]): string | null {
  if (new Set(bands.map((b) => b.key)).size !== bands.length) return 'mã mức xếp loại bị trùng';
  if (new Set(bands.map((b) => b.minPercent)).size !== bands.length)
    return 'hai mức xếp loại trùng tỷ lệ tối thiểu';
  if (!bands.some((b) => b.minPercent === 0)) return 'cần một mức bắt đầu từ 0%';
  return null;
}

/**
 * Binds a published criteria version (or none) and the classification bands (null = defaults)
 * to a campaign plan. VALIDATION_FAILED for a draft or unknown version or bad bands; the plan's
 * own rules (officer or head, not closed or cancelled, current version) apply.
 */
export async function bindPlanCriteria(ctx: Ctx, planId: number, input: unknown) {
  const data = parseInput(BindCriteria, input, criteriaLabels);
  const label = criteriaLabels.criteriaVersionId ?? 'criteriaVersionId';
  if (data.bands !== null) {
    const problem = bandProblems(data.bands);
    if (problem !== null) throw fieldError('bands', criteriaLabels.bands ?? 'bands', problem);
  }
  return ctx.db.transaction().execute(async (trx) => {
    if (data.criteriaVersionId !== null) {
      const v = await findCriteriaVersion(trx, data.criteriaVersionId);
      if (v === undefined || v.status !== 'published')
        throw fieldError('criteriaVersionId', label, 'phải là một bộ tiêu chí đã ban hành');
    }
    const sorted =
      data.bands === null ? null : [...data.bands].sort((a, b) => b.minPercent - a.minPercent);
    return setPlanEvaluation(ctx, trx, planId, { ...data, bands: sorted });
  });
}
