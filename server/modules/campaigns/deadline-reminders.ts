import { sql } from 'kysely';
import { PlanContent } from '../../../shared/campaign';
import type { Ctx } from '../../platform/context';
import { daysLeft, formatVietnamDate, vietnamDate } from '../../../shared/dates';
import { notifyUnit } from '../notifications/index';
import { reminderStage } from './campaigns.rules';

/**
 * Reminds the issuing unit of its live plans' own dates: the registration deadline and every
 * other deadline the plan sets, 7, 3 and 1 days before and on the day. One notification per plan,
 * date and stage, so running it again sends nothing twice; its text counts the days actually left
 * (Vietnam calendar days, shared/dates.ts), whichever stage it is.
 */
export async function sendPlanDeadlineReminders(ctx: Ctx): Promise<number> {
  const today = vietnamDate(ctx.now());
  const { rows } = await sql<{
    id: number;
    unitId: number;
    title: string;
    documentNumber: string | null;
    registrationDeadline: string | null;
    content: unknown;
  }>`SELECT id, issuing_unit_id AS "unitId", title, document_number AS "documentNumber",
      registration_deadline AS "registrationDeadline", content
    FROM campaign_plan WHERE status IN ('issued','in_progress')
      AND (period_end IS NULL OR period_end >= ${today}::date)`.execute(ctx.db);
  let sent = 0;
  for (const plan of rows) {
    const dates: { label: string; date: string }[] = PlanContent.parse(plan.content).deadlines.map(
      (d) => ({ label: d.label, date: d.date }),
    );
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
