import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Row,
  Select,
  Spin,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueries } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { unitKindLabels } from '../../../shared/org';
import { sameId } from '../../api/types';
import { ErrorAlert } from '../../ui/error-alert';
import { formatDate } from '../../ui/format';
import { useMediaQuery } from '../../ui/hooks';
import { unitDetailQuery } from '../../ui/unit-fetch';
import { useOfficerUnits } from './plan-access';
import {
  cascadeStateColors,
  cascadeStateHex,
  cascadeStateLabels,
  PlanStatusTag,
} from './plan-labels';
import { usePlanCascade, useStartChildPlan } from './plans.api';
import type { CascadeBoard, CascadeState, PlanDetail } from './plans.api';

type CascadeRow = CascadeBoard['units'][number];

const states: CascadeState[] = ['issued', 'late', 'draft', 'missing'];

function deadlineText(board: CascadeBoard): string {
  if (!board.deadline) return 'Không đặt hạn';
  const d = board.daysLeft ?? 0;
  const when = d > 0 ? `còn ${d} ngày` : d === 0 ? 'hạn là hôm nay' : `đã quá hạn ${-d} ngày`;
  return `Hạn ban hành: ${formatDate(board.deadline)} (${when})`;
}

/** "Cấp dưới": how far the required lower units are with their own plans. */
export function PlanCascade({ plan }: { plan: PlanDetail }) {
  const board = usePlanCascade(plan.id);
  const officerUnits = useOfficerUnits();
  const officerIds = new Set(officerUnits.map((u) => u.value));
  const start = useStartChildPlan();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const issued = plan.documentNumber !== null && plan.status !== 'cancelled';
  const narrow = useMediaQuery('(max-width: 575.98px)');

  const startFor = (unitId: string | number) =>
    start.mutate(
      { parentId: plan.id, unitId },
      {
        onSuccess: (child) => {
          void message.success('Đã tạo dự thảo kế hoạch của đơn vị từ kế hoạch cấp trên.');
          void navigate(`/plans/${child.id}`);
        },
        onError: (e) => void message.error(e.message),
      },
    );

  const planCell = (r: CascadeRow) => {
    const mine = officerIds.has(String(r.unit.id));
    if (r.plan === null) {
      return mine && issued ? (
        <Button
          size="small"
          type="primary"
          icon={<PlusOutlined />}
          loading={start.isPending}
          onClick={() => startFor(r.unit.id)}
        >
          Xây dựng kế hoạch của đơn vị
        </Button>
      ) : narrow ? null : (
        '—'
      );
    }
    const canOpen = r.plan.id !== null && (r.plan.linked || mine);
    const label = r.plan.documentNumber
      ? `Số ${r.plan.documentNumber}${r.plan.issuedOn ? ` ngày ${formatDate(r.plan.issuedOn)}` : ''}`
      : canOpen
        ? 'Mở dự thảo'
        : null;
    return (
      <Flex gap={6} wrap align="center">
        {label !== null &&
          (canOpen ? <Link to={`/plans/${r.plan.id ?? ''}`}>{label}</Link> : label)}
        <PlanStatusTag status={r.plan.status} />
      </Flex>
    );
  };
  const unitCell = (r: CascadeRow) => (
    <>
      {r.unit.name}{' '}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        ({unitKindLabels[r.unit.kind]})
      </Typography.Text>
    </>
  );
  const stateTag = (s: CascadeState) => (
    <Tag color={cascadeStateColors[s]}>{cascadeStateLabels[s]}</Tag>
  );
  const columns: TableColumnsType<CascadeRow> = narrow
    ? [
        {
          title: 'Đơn vị',
          key: 'unit',
          render: (_: unknown, r) => (
            <>
              <div>{unitCell(r)}</div>
              <Flex gap={6} wrap align="center" style={{ marginTop: 4 }}>
                {stateTag(r.state)}
                {planCell(r)}
              </Flex>
            </>
          ),
        },
      ]
    : [
        { title: 'Đơn vị', key: 'unit', render: (_: unknown, r) => unitCell(r) },
        {
          title: 'Tình trạng',
          dataIndex: 'state',
          width: 130,
          render: (s: CascadeState) => stateTag(s),
        },
        { title: 'Kế hoạch của đơn vị', key: 'plan', render: (_: unknown, r) => planCell(r) },
      ];

  if (board.error) return <ErrorAlert error={board.error} />;
  if (!board.data) return <Spin description="Đang tải…" />;
  const b = board.data;
  const total = b.units.length;

  return (
    <>
      {issued && (
        <OwnUnitStarter plan={plan} board={b} loading={start.isPending} onStart={startFor} />
      )}
      {total === 0 ? (
        <Empty description="Kế hoạch không yêu cầu đơn vị cấp dưới xây dựng kế hoạch." />
      ) : (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            {states.map((s) => (
              <Col key={s} xs={12} md={6}>
                <Card size="small">
                  <Statistic
                    title={cascadeStateLabels[s]}
                    value={b.counts[s]}
                    suffix={`/ ${total}`}
                    styles={{ content: { color: cascadeStateHex[s] } }}
                  />
                </Card>
              </Col>
            ))}
          </Row>
          <div
            role="img"
            aria-label={states.map((s) => `${cascadeStateLabels[s]}: ${b.counts[s]}`).join(', ')}
            style={{
              display: 'flex',
              height: 10,
              borderRadius: 5,
              overflow: 'hidden',
              background: '#f0f0f0',
              marginBottom: 8,
            }}
          >
            {states.map((s) => (
              <div
                key={s}
                style={{ width: `${(b.counts[s] / total) * 100}%`, background: cascadeStateHex[s] }}
              />
            ))}
          </div>
          <Typography.Paragraph type={b.daysLeft !== null && b.daysLeft < 0 ? 'danger' : undefined}>
            {deadlineText(b)}
          </Typography.Paragraph>
          <Table<CascadeRow>
            size="small"
            rowKey={(r) => String(r.unit.id)}
            dataSource={b.units}
            pagination={b.units.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            scroll={narrow ? undefined : { x: 640 }}
            columns={columns}
          />
        </>
      )}
    </>
  );
}

/**
 * For officers of a unit under the issuing unit that has no plan on the board yet (required or
 * not): start the unit's own plan from this one.
 */
function OwnUnitStarter({
  plan,
  board,
  loading,
  onStart,
}: {
  plan: PlanDetail;
  board: CascadeBoard;
  loading: boolean;
  onStart: (unitId: string) => void;
}) {
  const officerUnits = useOfficerUnits();
  const details = useQueries({
    queries: officerUnits.map((u) => ({ ...unitDetailQuery(u.value), staleTime: 60_000 })),
  });
  const onBoard = new Set(board.units.filter((r) => r.plan !== null).map((r) => String(r.unit.id)));
  const required = new Set(board.units.map((r) => String(r.unit.id)));
  const candidates = officerUnits.filter((u, i) => {
    const unit = details[i]?.data;
    if (!unit || sameId(unit.id, plan.issuingUnit.id) || onBoard.has(u.value)) return false;
    // Required units have their own button in the table.
    if (required.has(u.value)) return false;
    return unit.path.some((p) => sameId(p.id, plan.issuingUnit.id));
  });
  const [picked, setPicked] = useState<string | undefined>(undefined);
  if (candidates.length === 0) return null;
  const value = picked ?? candidates[0]?.value;
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Flex gap={8} wrap align="center">
        <Typography.Text>Xây dựng kế hoạch thực hiện của đơn vị bạn:</Typography.Text>
        {candidates.length > 1 && (
          <Select
            style={{ minWidth: 220 }}
            value={value}
            options={candidates}
            onChange={setPicked}
            aria-label="Đơn vị"
          />
        )}
        <Button
          type="primary"
          icon={<PlusOutlined />}
          loading={loading}
          onClick={() => value && onStart(value)}
        >
          Xây dựng kế hoạch của {candidates.length === 1 ? candidates[0]?.label : 'đơn vị'}
        </Button>
      </Flex>
    </Card>
  );
}
