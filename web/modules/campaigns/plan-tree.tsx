import { Empty, Flex, Spin, Tag, Typography } from 'antd';
import { ApartmentOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { ErrorAlert } from '../../ui/error-alert';
import { formatDate } from '../../ui/format';
import { PlanStatusTag } from './plan-labels';
import { usePlanTree } from './plans.api';
import type { PlanSummary } from './plans.api';

function PlanNode({
  plan,
  depth,
  current,
  childCount,
}: {
  plan: PlanSummary;
  depth: number;
  current?: boolean;
  childCount?: number;
}) {
  const number = plan.documentNumber
    ? `Số ${plan.documentNumber}${plan.issuedOn ? ` ngày ${formatDate(plan.issuedOn)}` : ''}`
    : 'Dự thảo';
  return (
    <div
      style={{
        marginInlineStart: depth * 24,
        padding: '8px 12px',
        marginBottom: 8,
        borderInlineStart: `3px solid ${current ? '#1677ff' : '#d9d9d9'}`,
        background: current ? '#e6f4ff' : '#fafafa',
        borderRadius: 4,
      }}
      aria-current={current ? 'page' : undefined}
    >
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {plan.issuingUnit.name} · {number}
      </Typography.Text>
      <Flex gap={8} wrap align="center">
        {current ? (
          <Typography.Text strong>{plan.title}</Typography.Text>
        ) : (
          <Link to={`/plans/${plan.id}?tab=tree`}>{plan.title}</Link>
        )}
        <PlanStatusTag status={plan.status} />
        {childCount !== undefined && childCount > 0 && (
          <Tag icon={<ApartmentOutlined />}>{childCount} kế hoạch cấp dưới</Tag>
        )}
      </Flex>
    </div>
  );
}

/** "Cây kế hoạch": the chain of parent plans above this one and the plans implementing it. */
export function PlanTreeView({ planId }: { planId: number }) {
  const tree = usePlanTree(planId);
  if (tree.error) return <ErrorAlert error={tree.error} />;
  if (!tree.data) return <Spin description="Đang tải…" />;
  const { ancestors, plan, children } = tree.data;
  const depth = ancestors.length;
  return (
    <nav aria-label="Cây kế hoạch">
      {ancestors.length > 0 && (
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 6 }}>
          Kế hoạch cấp trên
        </Typography.Text>
      )}
      {ancestors.map((a, i) => (
        <PlanNode key={a.id} plan={a} depth={i} />
      ))}
      <PlanNode plan={plan} depth={depth} current />
      <Typography.Text type="secondary" style={{ display: 'block', margin: '12px 0 6px' }}>
        Kế hoạch cấp dưới thực hiện kế hoạch này
      </Typography.Text>
      {children.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có kế hoạch cấp dưới" />
      ) : (
        children.map((c) => (
          <PlanNode key={c.id} plan={c} depth={depth + 1} childCount={c.childCount} />
        ))
      )}
    </nav>
  );
}
