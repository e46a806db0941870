import type { PlanContent } from '../../../shared/campaign';
import { AppError, fieldError } from '../../platform/errors';
import type { Executor } from '../../platform/db';
import { planLabels, type PlanRecord } from './campaigns.schemas';
import * as q from './campaigns.queries';
import { issueOutlook, type IssueOutlook } from './campaigns.rules';

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

/**
 * A draft whose period has ended or whose registration deadline has passed is issued only when
 * the request acknowledges it (DEADLINE_PASSED otherwise, naming the fields): issued silently, it
 * would land in review with registration closed. Returns the outlook for the audit trail.
 */
export function assertPastDatesAcknowledged(
  plan: Pick<PlanRecord, 'periodStart' | 'periodEnd' | 'registrationDeadline'>,
  today: string,
  issuedOn: string,
  acknowledged: boolean,
): IssueOutlook {
  const outlook = issueOutlook(plan, today, issuedOn);
  // An end before the start the plan would get is refused outright when issuing (no override).
  const endsBeforeStart =
    plan.periodEnd !== null && plan.periodEnd < (plan.periodStart ?? issuedOn);
  if (outlook.pastDates.length > 0 && !acknowledged && !endsBeforeStart)
    throw new AppError(
      'DEADLINE_PASSED',
      `Chưa ban hành — ${outlook.pastDates.map((d) => `${d.label} ${d.message}`).join('; ')}. Sửa ngày trong dự thảo, hoặc xác nhận vẫn ban hành.`,
      {
        fields: outlook.pastDates.map(({ field, label, message }) => ({ field, label, message })),
        acknowledge: 'acknowledgePastDates',
        outlook,
      },
    );
  return outlook;
}
