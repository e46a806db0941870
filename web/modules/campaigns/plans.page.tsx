import { Button, Card, Col, Flex, Row, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import {
  planKindLabels,
  planKinds,
  planStatusLabels,
  planStatuses,
} from '../../../shared/campaign';
import type { PlanKind, PlanStatus } from '../../../shared/campaign';
import { ErrorAlert } from '../../ui/error-alert';
import { formatDate } from '../../ui/format';
import { useMediaQuery } from '../../ui/hooks';
import { PageHeader } from '../../ui/page-header';
import { useOfficerUnits } from './plan-access';
import { PlanStatusTag } from './plan-labels';
import { usePlans } from './plans.api';
import type { PlanSummary } from './plans.api';
import { FilterCard, FilterField, SearchFilter, SelectFilter } from '../../ui/list-filters';
import { IssuingUnitSelect } from '../../ui/issuing-unit-select';
import { useUrlListState } from '../../ui/url-list';

const PAGE_SIZE = 20;
const thisYear = new Date().getFullYear();
const yearOptions = Array.from({ length: 8 }, (_, i) => thisYear + 1 - i).map((y) => ({
  value: y,
  label: String(y),
}));
const statusOptions = planStatuses.map((s) => ({ value: s, label: planStatusLabels[s] }));
const kindOptions = planKinds.map((k) => ({ value: k, label: planKindLabels[k] }));

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  v !== null && (list as readonly string[]).includes(v) ? (v as T) : undefined;

function period(p: { periodStart: string | null; periodEnd: string | null }): string {
  if (!p.periodStart && !p.periodEnd) return '—';
  return `${formatDate(p.periodStart) || '…'} – ${formatDate(p.periodEnd) || '…'}`;
}

const columns: TableColumnsType<PlanSummary> = [
  {
    title: 'Số, ký hiệu',
    dataIndex: 'documentNumber',
    width: 130,
    render: (n: string | null) =>
      n ?? <Typography.Text type="secondary">Chưa có số</Typography.Text>,
  },
  {
    title: 'Trích yếu',
    dataIndex: 'title',
    render: (title: string, p) => (
      <>
        <Link to={`/plans/${p.id}`} onClick={(e) => e.stopPropagation()}>
          {title}
        </Link>
        {p.kind === 'contest' && (
          <Tag color="cyan" style={{ marginInlineStart: 6 }}>
            Cuộc thi
          </Tag>
        )}
      </>
    ),
  },
  {
    title: 'Đơn vị ban hành',
    key: 'unit',
    width: 180,
    render: (_: unknown, p) => p.issuingUnit.name,
  },
  {
    title: 'Trạng thái',
    dataIndex: 'status',
    width: 150,
    render: (s: PlanStatus) => <PlanStatusTag status={s} />,
  },
  {
    title: 'Ngày ban hành',
    dataIndex: 'issuedOn',
    width: 120,
    render: (d: string | null) => formatDate(d) || '—',
  },
  { title: 'Thời gian thực hiện', key: 'period', width: 200, render: (_: unknown, p) => period(p) },
];

/** On a phone: one column, the title with its number, status, unit and period below it. */
const compactColumns: TableColumnsType<PlanSummary> = [
  {
    title: 'Kế hoạch',
    key: 'plan',
    render: (_: unknown, p) => (
      <div className="plan-list-item">
        <Link to={`/plans/${p.id}`} onClick={(e) => e.stopPropagation()}>
          {p.title}
        </Link>
        <Flex gap={6} wrap align="center" style={{ marginTop: 4 }}>
          <PlanStatusTag status={p.status} />
          {p.kind === 'contest' && <Tag color="cyan">Cuộc thi</Tag>}
          <Typography.Text type="secondary">
            {p.documentNumber
              ? `Số ${p.documentNumber}${p.issuedOn ? ` · ${formatDate(p.issuedOn)}` : ''}`
              : 'Chưa có số'}
          </Typography.Text>
        </Flex>
        <Typography.Text type="secondary" style={{ display: 'block' }}>
          {p.issuingUnit.name} · {period(p)}
        </Typography.Text>
      </div>
    ),
  },
];

/** Kế hoạch thi đua: issued plans plus drafts in the user's scope. Filters live in the URL. */
export default function PlansPage() {
  const { params, update, q, page, search, setSearch } = useUrlListState();
  const navigate = useNavigate();
  const status = oneOf(planStatuses, params.get('status'));
  const kind = oneOf(planKinds, params.get('kind'));
  const year = Number(params.get('year')) || undefined;
  const unitId = params.get('unitId') ?? undefined;
  const officerUnits = useOfficerUnits();
  const phone = useMediaQuery('(max-width: 767.98px)');

  const plans = usePlans({
    search: q || undefined,
    status,
    kind,
    year,
    unitId,
    page,
    pageSize: PAGE_SIZE,
  });
  const newPath =
    officerUnits.length === 1 ? `/plans/new?unitId=${officerUnits[0]?.value ?? ''}` : '/plans/new';

  return (
    <>
      <PageHeader
        title="Kế hoạch thi đua"
        subtitle="Kế hoạch phát động phong trào thi đua, cuộc thi của các cấp"
        extra={
          officerUnits.length > 0 && (
            <>
              <Button icon={<FileTextOutlined />} onClick={() => void navigate('/plans/import')}>
                Nhập từ văn bản
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate(newPath)}>
                Tạo kế hoạch
              </Button>
            </>
          )
        }
      />
      <FilterCard>
        <Row gutter={16}>
          <Col xs={24} md={12} xl={8}>
            <SearchFilter
              label="Tìm theo số, trích yếu, đơn vị ban hành"
              id="plans-search"
              example="thi dua cai cach, luong dien"
              value={search}
              onChange={setSearch}
            />
          </Col>
          <Col xs={24} md={12} xl={6}>
            <FilterField label="Đơn vị ban hành" id="plans-unit">
              <IssuingUnitSelect
                id="plans-unit"
                source="internal"
                value={unitId}
                onChange={(v) => update({ unitId: v, page: undefined })}
              />
            </FilterField>
          </Col>
          <Col xs={24} sm={8} xl={4}>
            <SelectFilter<PlanStatus>
              label="Trạng thái"
              id="plans-status"
              options={statusOptions}
              value={status}
              onChange={(v) => update({ status: v, page: undefined })}
            />
          </Col>
          <Col xs={12} sm={8} xl={3}>
            <SelectFilter<PlanKind>
              label="Loại"
              id="plans-kind"
              options={kindOptions}
              value={kind}
              onChange={(v) => update({ kind: v, page: undefined })}
            />
          </Col>
          <Col xs={12} sm={8} xl={3}>
            <SelectFilter<number>
              label="Năm"
              id="plans-year"
              options={yearOptions}
              value={year}
              onChange={(v) => update({ year: v ? String(v) : undefined, page: undefined })}
            />
          </Col>
        </Row>
      </FilterCard>
      <ErrorAlert error={plans.error} />
      <Card size="small">
        <Table<PlanSummary>
          className="clickable-rows"
          size="small"
          rowKey="id"
          loading={plans.isFetching}
          dataSource={plans.data?.items ?? []}
          columns={phone ? compactColumns : columns}
          scroll={phone ? undefined : { x: 960 }}
          onRow={(p) => ({ onClick: () => void navigate(`/plans/${p.id}`) })}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: plans.data?.total ?? 0,
            showSizeChanger: false,
            onChange: (p) => update({ page: p > 1 ? String(p) : undefined }),
            showTotal: (total) => `${total.toLocaleString('vi-VN')} kế hoạch`,
          }}
          locale={{
            emptyText:
              q || status || kind || year || unitId
                ? 'Không có kế hoạch phù hợp bộ lọc'
                : 'Chưa có kế hoạch thi đua nào',
          }}
        />
      </Card>
    </>
  );
}
