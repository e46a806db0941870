import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Progress,
  Row,
  Skeleton,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableProps } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { isApiError } from '../../api/client';
import { ErrorAlert } from '../../ui/error-alert';
import { formatDateTime, formatNumber } from '../../ui/format';
import type { PlanDetail } from '../campaigns/plans.api';
import { BandDistribution, bandColor } from './results-view';
import { dashboardXlsxUrl, usePlanDashboard } from './dashboard.api';
import type { DashboardStage, DashboardTopItem, PlanDashboard } from './dashboard.api';
import './results.css';

/**
 * Plan tab "Tổng quan đánh giá" (§7): how many of the approved units reached each stage, the
 * score distribution per band and by 10-point bucket, the top 10 with links to their sheets,
 * the same counts per area (the issuer's direct children) and the .xlsx export of the ranking.
 */

const stageLabels: Record<DashboardStage, string> = {
  opened: 'Đã mở phiếu tự chấm',
  submitted: 'Đã nộp phiếu',
  appraised: 'Đã thẩm định',
  ranked: 'Đã xếp loại',
};
const stages = Object.keys(stageLabels) as DashboardStage[];
const pct = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
const resultsStatusLabels = { none: 'Chưa tính', computed: 'Đã tính', published: 'Đã công bố' };

function StageCards({ d }: { d: PlanDashboard }) {
  const m = d.totals.registered;
  return (
    <Row gutter={[12, 12]}>
      {stages.map((s) => {
        const n = d.totals.stages[s];
        return (
          <Col key={s} xs={24} sm={12} lg={6}>
            <Card size="small">
              <Typography.Text type="secondary">{stageLabels[s]}</Typography.Text>
              <div style={{ fontSize: 22, fontWeight: 600 }}>
                {formatNumber(n)}/{formatNumber(m)}{' '}
                <span style={{ fontSize: 14, fontWeight: 400 }}>đơn vị</span>
              </div>
              <Progress
                percent={m > 0 ? Math.round((n / m) * 1000) / 10 : 0}
                size="small"
                aria-label={`${stageLabels[s]}: ${n} trên ${m} đơn vị`}
              />
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}

/** Units per 10-point bucket of percent, as CSS bars (the results tab's styles). */
function Histogram({ buckets }: { buckets: readonly number[] }) {
  const max = Math.max(1, ...buckets);
  return (
    <div className="results-dist" role="list" aria-label="Phân bố đơn vị theo tỷ lệ điểm">
      {buckets.map((n, i) => (
        <div key={i} role="listitem" className="results-dist-row">
          <span className="results-dist-label">
            {i * 10}–{i === 9 ? 100 : i * 10 + 10}%
          </span>
          <span className="results-dist-track">
            <span
              className="results-dist-bar"
              style={{ width: `${(n / max) * 100}%`, background: '#1677ff' }}
            />
          </span>
          <span className="results-dist-count">{formatNumber(n)}</span>
        </div>
      ))}
    </div>
  );
}

type AreaRow = PlanDashboard['areas'][number];

export function PlanDashboardTab({ plan }: { plan: PlanDetail }) {
  const q = usePlanDashboard(plan.id);
  const d = q.data;
  if (q.error && !d) {
    if (isApiError(q.error, 'NOT_FOUND'))
      return (
        <Alert
          type="info"
          showIcon
          title="Chỉ đơn vị ban hành và cấp trên được xem tổng quan đánh giá của kế hoạch này."
        />
      );
    return <ErrorAlert error={q.error} />;
  }
  if (!d) return <Skeleton active />;

  const topColumns: TableProps<DashboardTopItem>['columns'] = [
    { title: 'Hạng', dataIndex: 'rank', width: 64, align: 'center' },
    {
      title: 'Đơn vị',
      dataIndex: 'unitName',
      render: (name: string, r) => (
        <Link to={`/score-sheets/${r.sheetId}`} title="Mở phiếu chấm điểm">
          {name}
        </Link>
      ),
    },
    { title: 'Tổng điểm', dataIndex: 'total', width: 100, align: 'right', render: pct },
    { title: 'Tỷ lệ %', dataIndex: 'percent', width: 90, align: 'right', render: pct },
    {
      title: 'Xếp loại',
      dataIndex: 'bandLabel',
      width: 120,
      render: (label: string, r) => <Tag color={bandColor(d.bands, r.bandKey).tag}>{label}</Tag>,
    },
  ];
  const ofM = (n: number, r: AreaRow) => `${formatNumber(n)}/${formatNumber(r.registered)}`;
  const areaColumns: TableProps<AreaRow>['columns'] = [
    { title: 'Địa bàn', dataIndex: 'unitName' },
    { title: 'Đăng ký', dataIndex: 'registered', width: 90, align: 'right', render: formatNumber },
    ...stages.map((s) => ({
      title: stageLabels[s],
      key: s,
      width: 130,
      align: 'right' as const,
      render: (_: unknown, r: AreaRow) => ofM(r.stages[s], r),
    })),
    {
      title: 'Bị trả lại / giải trình',
      key: 'returned',
      width: 150,
      align: 'right',
      render: (_: unknown, r) =>
        `${formatNumber(r.byStatus.returned)} / ${formatNumber(r.byStatus.explaining + r.byStatus.explained)}`,
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {d.issuingUnit.name} và toàn bộ đơn vị cấp dưới · Kết quả:{' '}
        {resultsStatusLabels[d.resultsStatus]}
        {d.resultsComputedAt !== null && ` (tính lúc ${formatDateTime(d.resultsComputedAt)})`}
      </Typography.Paragraph>
      <StageCards d={d} />
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Card size="small" title="Phân bố theo mức xếp loại">
            <BandDistribution
              bands={d.bands}
              counts={d.bands.map((b) => d.totals.byBand[b.key] ?? 0)}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title="Phân bố theo tỷ lệ điểm">
            <Histogram buckets={d.histogram} />
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        title="10 đơn vị dẫn đầu"
        extra={
          <Button
            size="small"
            icon={<FileExcelOutlined />}
            href={dashboardXlsxUrl(plan.id)}
            disabled={d.resultsStatus === 'none'}
          >
            Xuất bảng xếp hạng (.xlsx)
          </Button>
        }
      >
        <Table<DashboardTopItem>
          size="small"
          rowKey="sheetId"
          columns={topColumns}
          dataSource={d.top}
          pagination={false}
          locale={{ emptyText: <Empty description="Chưa tính kết quả" /> }}
        />
      </Card>
      <Card size="small" title="Theo địa bàn">
        <Table<AreaRow>
          size="small"
          rowKey={(r) => String(r.unitId ?? 'other')}
          columns={areaColumns}
          dataSource={d.areas}
          scroll={{ x: 900 }}
          pagination={d.areas.length > 20 ? { pageSize: 20 } : false}
          locale={{ emptyText: <Empty description="Chưa có đơn vị đăng ký được duyệt" /> }}
        />
      </Card>
    </Flex>
  );
}
