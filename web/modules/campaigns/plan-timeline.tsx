import { Tag, Timeline, Typography } from 'antd';
import type { TimelineProps } from 'antd';
import { addDays, vietnamDate } from '../../../shared/dates';
import { reviewRoundKindLabels } from '../../../shared/campaign';
import { formatDate } from '../../ui/format';
import type { PlanDetail } from './plans.api';

type Milestone = { date: string | null; title: string; note?: string };

/** Every point in time a plan names: dated ones in date order, undated review rounds last. */
export function planMilestones(p: PlanDetail): Milestone[] {
  const c = p.content;
  const all: Milestone[] = [
    { date: p.issuedOn, title: 'Ban hành kế hoạch', note: p.documentNumber ?? undefined },
    { date: p.periodStart, title: 'Bắt đầu thực hiện' },
    { date: p.registrationDeadline, title: 'Hạn đăng ký thi đua' },
    ...c.deadlines.map((d) => ({ date: d.date, title: d.label })),
    { date: p.cascadeDeadline, title: 'Hạn ban hành kế hoạch của đơn vị cấp dưới' },
    { date: p.periodEnd, title: 'Kết thúc thời gian thực hiện' },
  ];
  const rounds: Milestone[] = c.reviewRounds.map((r) => ({
    date: r.date,
    title: r.label,
    note: reviewRoundKindLabels[r.kind],
  }));
  const dated = [...all, ...rounds]
    .filter((m) => m.date !== null)
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  const undated = rounds
    .filter((m) => m.date === null)
    .map((m) => ({ ...m, note: `${m.note ?? ''} — chưa định ngày` }));
  return [...dated, ...undated];
}

/** "Mốc thời gian": the plan's dates on a timeline, past ones greyed and today marked. */
export function PlanTimeline({ plan }: { plan: PlanDetail }) {
  const today = vietnamDate(new Date());
  const soon = addDays(today, 7);
  const milestones = planMilestones(plan);
  const items: NonNullable<TimelineProps['items']> = milestones.map((m, i) => {
    const past = m.date !== null && m.date < today;
    const isToday = m.date === today;
    const due = m.date !== null && m.date > today && m.date <= soon;
    return {
      key: i,
      color: isToday ? 'blue' : past || m.date === null ? 'gray' : due ? 'red' : 'green',
      title: (
        <Typography.Text type={past ? 'secondary' : undefined} strong={isToday}>
          {m.date ? formatDate(m.date) : 'Chưa định ngày'}
        </Typography.Text>
      ),
      content: (
        <div style={{ opacity: past ? 0.55 : 1 }}>
          <Typography.Text strong={!past}>{m.title}</Typography.Text>
          {m.note && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {m.note}
            </Typography.Text>
          )}
          {isToday && <Tag color="blue">Hôm nay</Tag>}
          {due && <Tag color="red">Sắp đến hạn</Tag>}
        </div>
      ),
    };
  });
  // Today is marked on its own unless a point falls on it: before the first point still ahead.
  if (!milestones.some((m) => m.date === today)) {
    const next = milestones.findIndex((m) => m.date === null || m.date > today);
    items.splice(next === -1 ? items.length : next, 0, {
      key: 'today',
      color: 'blue',
      title: <Typography.Text strong>{formatDate(today)}</Typography.Text>,
      content: <Tag color="blue">Hôm nay</Tag>,
    });
  }
  return <Timeline mode="start" items={items} />;
}
