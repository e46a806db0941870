import type { Ctx } from '../../platform/context';
import { daysLeft, formatVietnamDate, vietnamDate } from '../../../shared/dates';
import { notifyUnit } from '../notifications/index';
import { reminderStage } from './campaigns.rules';
import { listPlansAwaitingDeadlines } from './plan-list.queries';

/**
 * Reminds the issuing unit of its live plans' own dates: the registration deadline and every
 * other deadline the plan sets, 7, 3 and 1 days before and on the day. One notification per plan,
 * date and stage, so running it again sends nothing twice; its text counts the days actually left
 * (Vietnam calendar days, shared/dates.ts), whichever stage it is.
 */
export async function sendPlanDeadlineReminders(ctx: Ctx): Promise<number> {
  const today = vietnamDate(ctx.now());
  const plans = await listPlansAwaitingDeadlines(ctx.db, today);
  let sent = 0;
  for (const plan of plans) {
    const dates: { label: string; date: string }[] = plan.deadlines.map((d) => ({
      label: d.label,
      date: d.date,
    }));
    if (plan.registrationDeadline !== null)
      dates.push({ label: 'Hạn đăng ký thi đua', date: plan.registrationDeadline });
    for (const d of dates) {
      const stage = reminderStage(d.date, today);
      if (stage === null || stage < 0) continue;
      const left = daysLeft(d.date, today);
      const when = left === 0 ? 'hôm nay' : `còn ${left} ngày`;
      sent += await notifyUnit(ctx, {
        unitId: plan.unitId,
        kind: 'plan.deadline',
        title: `${d.label.slice(0, 120)}: ${when} (${formatVietnamDate(d.date)})`,
        body: `Kế hoạch ${plan.documentNumber ?? ''} "${plan.title}".`,
        link: `/plans/${plan.id}`,
        dueOn: d.date,
        dedupeKey: `deadline:${plan.id}:${d.date}:${d.label.slice(0, 60)}:${stage}`,
      });
    }
  }
  return sent;
}
