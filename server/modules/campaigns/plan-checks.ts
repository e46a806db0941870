import type { PlanContent } from '../../../shared/campaign';
import { fieldError } from '../../platform/errors';
import type { Executor } from '../../platform/db';
import { planLabels, type PlanRecord } from './campaigns.schemas';
import * as q from './campaigns.queries';

/** Checks of a plan's fields against the database and the saved plan, before a write. */

/** A legal basis may link only a plan that has been issued: a draft has no number to cite. */
export async function assertBasisPlans(db: Executor, content: PlanContent) {
  const ids = content.legalBases.map((b) => b.planId);
  const bad = await q.unissuedPlans(db, [...new Set(ids.filter((id) => id !== null))]);
  const i = ids.findIndex((id) => id !== null && bad.includes(id));
  if (i >= 0)
    throw fieldError(
      `content.legalBases.${i}.planId`,
      'Căn cứ — kế hoạch liên kết',
      'không phải kế hoạch đã ban hành trong hệ thống',
    );
}

/** The period after applying changes; the end may not fall before the start. */
export function mergedPeriod(
  before: Pick<PlanRecord, 'periodStart' | 'periodEnd'>,
  changes: { periodStart?: string | null; periodEnd?: string | null },
) {
  const periodStart = changes.periodStart === undefined ? before.periodStart : changes.periodStart;
  const periodEnd = changes.periodEnd === undefined ? before.periodEnd : changes.periodEnd;
  if (periodStart !== null && periodEnd !== null && periodEnd < periodStart)
    throw fieldError('periodEnd', planLabels.periodEnd ?? '', 'phải sau hoặc trùng ngày bắt đầu');
  return { periodStart, periodEnd };
}
