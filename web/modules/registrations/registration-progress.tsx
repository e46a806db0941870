import { useState } from 'react';
import {
  Button,
  Card,
  Col,
  Flex,
  Input,
  Progress,
  Row,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { CalendarOutlined, PlusOutlined } from '@ant-design/icons';
import { unitKindLabels } from '../../../shared/org';
import { ErrorAlert } from '../../ui/error-alert';
import { formatDate } from '../../ui/format';
import { useDebouncedValue, useMediaQuery } from '../../ui/hooks';
import type { PlanDetail } from '../campaigns/plans.api';
import { daysLeft } from './registration-access';
import { LateTag, RegistrationStatusTag } from './registration-labels';
import { useRegistrationProgress } from './registrations.api';
import type { ProgressRow } from './registrations.api';

const PAGE_SIZE = 10;

/** "Hạn đăng ký: 30/07/2025 (còn 24 ngày)" / "… (đã hết hạn)". */
export function DeadlineLine({ deadline }: { deadline: string | null }) {
  if (!deadline)
    return (
      <Typography.Text type="secondary">
        <CalendarOutlined /> Kế hoạch không đặt hạn đăng ký thi đua.
      </Typography.Text>
    );
  const d = daysLeft(deadline) ?? 0;
  return (
    <Typography.Text type={d < 0 ? 'danger' : d <= 3 ? 'warning' : undefined}>
      <CalendarOutlined /> Hạn đăng ký thi đua: <strong>{formatDate(deadline)}</strong>{' '}
      {d < 0 ? (
        <>
          <Tag color="red">Đã hết hạn</Tag>(quá hạn {-d} ngày)
        </>
      ) : d === 0 ? (
        '(hôm nay là hạn cuối)'
      ) : (
        `(còn ${d} ngày)`
      )}
    </Typography.Text>
  );
}

/**
 * Progress by unit: how many eligible units registered as collectives, how many people did, and
 * each eligible unit's state (paged, searchable). `onRegister` offers a unit's registration to
 * those who may make it.
 */
export function RegistrationProgressPanel({
  plan,
  canSubmit,
  onRegister,
}: {
  plan: PlanDetail;
  /** The plan takes registrations from this user now. */
  canSubmit: boolean;
  onRegister: (unitId: number) => void;
}) {
  const narrow = useMediaQuery('(max-width: 575.98px)');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const term = useDebouncedValue(search.trim(), 300);
  const progress = useRegistrationProgress(plan.id, {
    search: term || undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  const p = progress.data;
  const canRegister = (r: ProgressRow) => canSubmit && r.canRegister;
  const percent =
    p && p.unitsEligible > 0 ? Math.round((p.unitsRegistered / p.unitsEligible) * 100) : 0;

  const stateCell = (r: ProgressRow) =>
    r.status === null ? (
      canRegister(r) ? (
        <Button size="small" icon={<PlusOutlined />} onClick={() => onRegister(r.unitId)}>
          Đăng ký
        </Button>
      ) : (
        <Tag>Chưa đăng ký</Tag>
      )
    ) : (
      <Flex gap={4} wrap>
        <RegistrationStatusTag status={r.status} />
        {r.late && <LateTag reason={null} />}
      </Flex>
    );
  const unitCell = (r: ProgressRow) => (
    <>
      <div>{r.unitName}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {unitKindLabels[r.unitKind]}
        {r.parentName ? ` · ${r.parentName}` : ''}
      </Typography.Text>
    </>
  );
  const people = (r: ProgressRow) => `${r.peopleRegistered}/${r.peopleEligible}`;
  const columns: TableColumnsType<ProgressRow> = narrow
    ? [
        {
          title: 'Đơn vị',
          key: 'unit',
          render: (_: unknown, r) => (
            <>
              {unitCell(r)}
              <Flex gap={8} wrap align="center" style={{ marginTop: 4 }}>
                {stateCell(r)}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  Cá nhân: {people(r)}
                </Typography.Text>
              </Flex>
            </>
          ),
        },
      ]
    : [
        { title: 'Đơn vị', key: 'unit', render: (_: unknown, r) => unitCell(r) },
        {
          title: 'Đăng ký tập thể',
          key: 'state',
          width: 170,
          render: (_: unknown, r) => stateCell(r),
        },
        {
          title: 'Cá nhân đã đăng ký',
          key: 'people',
          width: 150,
          align: 'right',
          render: (_: unknown, r) => people(r),
        },
      ];

  return (
    <>
      <ErrorAlert error={progress.error} />
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={12} md={8}>
          <Card size="small">
            <Statistic
              title="Đơn vị đã đăng ký"
              value={p?.unitsRegistered ?? 0}
              suffix={`/ ${p?.unitsEligible ?? 0}`}
              loading={!p}
            />
          </Card>
        </Col>
        <Col xs={12} md={8}>
          <Card size="small">
            <Statistic
              title="Cán bộ đã đăng ký"
              value={p?.peopleRegistered ?? 0}
              suffix={`/ ${p?.peopleEligible ?? 0}`}
              loading={!p}
            />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small" style={{ height: '100%' }}>
            <Typography.Text type="secondary">Tiến độ đăng ký tập thể</Typography.Text>
            <Progress
              percent={percent}
              aria-label={`${p?.unitsRegistered ?? 0}/${p?.unitsEligible ?? 0} đơn vị đã đăng ký`}
            />
            <Typography.Text style={{ fontSize: 12 }}>
              {p?.unitsRegistered ?? 0}/{p?.unitsEligible ?? 0} đơn vị đã đăng ký
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Text strong>Đơn vị thuộc đối tượng thi đua</Typography.Text>
        <Input.Search
          aria-label="Tìm đơn vị"
          placeholder="Tìm đơn vị (không dấu được)"
          allowClear
          style={{ width: narrow ? '100%' : 280 }}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setPage(1);
          }}
        />
      </Flex>
      <Table<ProgressRow>
        size="small"
        rowKey="unitId"
        loading={progress.isFetching}
        dataSource={p?.items ?? []}
        columns={columns}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: p?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
          hideOnSinglePage: true,
          showTotal: (total) => `${total.toLocaleString('vi-VN')} đơn vị`,
        }}
        locale={{
          emptyText: term
            ? 'Không có đơn vị phù hợp'
            : 'Kế hoạch không có đơn vị nào thuộc đối tượng thi đua mà bạn được xem',
        }}
      />
    </>
  );
}
