import { Card, Flex, Progress, Statistic, Tag, Typography } from 'antd';
import { daysLeft, formatVietnamDate } from '../../../shared/dates';
import { fmt } from './criteria-tree';
import type { ScoreSheet, SheetStatus } from './sheet.api';

/** Status tag, deadline and the sticky live roll-up of a score sheet. */

export const sheetStatusLabels: Record<SheetStatus, string> = {
  self_draft: 'Bản tự chấm',
  submitted: 'Đã nộp',
  returned: 'Bị trả lại',
  explaining: 'Đang giải trình',
  explained: 'Đã giải trình — chờ thẩm định lần 2',
  appraised: 'Đã thẩm định',
  published: 'Đã công bố',
};

const statusColors: Record<SheetStatus, string> = {
  self_draft: 'processing',
  submitted: 'blue',
  returned: 'warning',
  explaining: 'orange',
  explained: 'geekblue',
  appraised: 'success',
  published: 'green',
};

export function SheetStatusTag({ status }: { status: SheetStatus }) {
  return (
    <Tag color={statusColors[status]} style={{ marginInlineEnd: 0 }} data-testid="sheet-status">
      {sheetStatusLabels[status]}
    </Tag>
  );
}

/** "15/07/2025 (còn 12 ngày)", "hôm nay", "đã quá 3 ngày"; the deadline is a Vietnam date. */
export function DeadlineText({ deadline, done }: { deadline: string | null; done: boolean }) {
  if (!deadline) return <Typography.Text type="secondary">Không đặt hạn</Typography.Text>;
  const days = daysLeft(deadline, new Date());
  const date = formatVietnamDate(deadline);
  if (done) return <span>{date}</span>;
  const note =
    days > 0 ? `còn ${days} ngày` : days === 0 ? 'hạn cuối là hôm nay' : `đã quá ${-days} ngày`;
  const type = days < 0 ? 'danger' : days <= 3 ? 'warning' : undefined;
  return (
    <span>
      {date} <Typography.Text type={type}>({note})</Typography.Text>
    </span>
  );
}

/** Field totals against their maxima, plus the total and percent; sticks under the header. */
export function SheetSummary({ sheet, compact }: { sheet: ScoreSheet; compact: boolean }) {
  const { self, tree } = sheet;
  const fields = tree.fields.filter((f) => f.scoring?.method !== 'adjustment');
  const missing = self.missing.length;
  return (
    <Card
      size="small"
      style={{ position: 'sticky', top: 64, zIndex: 5, marginBottom: 16 }}
      styles={{ body: { padding: compact ? 8 : 12 } }}
      aria-label="Tổng hợp điểm tự chấm"
    >
      <Flex gap={compact ? 12 : 24} wrap align="center">
        <Statistic
          title="Tổng điểm tự chấm"
          value={fmt(self.total)}
          suffix={`/ ${fmt(tree.maxTotal)}`}
          styles={{ content: { fontSize: compact ? 20 : 24 } }}
        />
        <Progress
          type="circle"
          size={compact ? 48 : 64}
          percent={Math.min(100, self.percent)}
          format={() => `${fmt(self.percent)}%`}
        />
        <Flex vertical gap={2} style={{ fontSize: 13 }}>
          <Typography.Text type="secondary" style={{ display: compact ? 'none' : undefined }}>
            Điểm cơ bản {fmt(self.base)} · Thưởng/trừ {self.adjustments > 0 ? '+' : ''}
            {fmt(self.adjustments)}
          </Typography.Text>
          {missing > 0 ? (
            <Typography.Text type="warning">Còn {missing} tiêu chí chưa chấm</Typography.Text>
          ) : (
            <Typography.Text type="success">Đã chấm đủ các tiêu chí</Typography.Text>
          )}
        </Flex>
        {!compact && (
          <div
            style={{
              flex: '1 1 480px',
              display: 'grid',
              gridTemplateColumns: 'repeat(auto-fill, minmax(230px, 1fr))',
              columnGap: 16,
              rowGap: 2,
            }}
          >
            {fields.map((f, i) => {
              const got = self.fieldTotals[i] ?? 0;
              const pct = f.maxPoints > 0 ? Math.min(100, (got / f.maxPoints) * 100) : 0;
              return (
                <Flex key={f.id} gap={8} align="center" style={{ fontSize: 12 }}>
                  <Typography.Text ellipsis style={{ width: 130, fontSize: 12 }} title={f.title}>
                    {f.code}. {f.title}
                  </Typography.Text>
                  <Progress
                    percent={pct}
                    size="small"
                    showInfo={false}
                    style={{ flex: 1, margin: 0 }}
                    aria-label={`Lĩnh vực ${f.code}`}
                  />
                  <span style={{ width: 64, textAlign: 'right' }}>
                    {fmt(got)}/{fmt(f.maxPoints)}
                  </span>
                </Flex>
              );
            })}
          </div>
        )}
      </Flex>
    </Card>
  );
}
