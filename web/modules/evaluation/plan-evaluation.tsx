import { useState } from 'react';
import { Alert, Button, Descriptions, Empty, Flex, Table, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { defaultBands, defaultTieBreak, rankKeyLabels } from '../../../shared/criteria';
import type { Band, TieBreakStep } from '../../../shared/criteria';
import { ErrorAlert } from '../../ui/error-alert';
import { useIsMobile } from '../../ui/hooks';
import type { PlanDetail } from '../campaigns/plans.api';
import { useCriteriaVersion } from './criteria.api';
import { CriteriaStatusTag, EXAMPLE_NOTICE } from './criteria-labels';
import { fmt } from './criteria-tree';
import { PlanEvaluationForm } from './plan-evaluation-form';

/** The tie-break steps as a numbered list, after the percentage. */
function TieBreakList({ steps }: { steps: readonly TieBreakStep[] }) {
  return (
    <>
      <ol style={{ margin: 0, paddingInlineStart: 20 }}>
        <li>{rankKeyLabels.percent}</li>
        {steps.map((s) => (
          <li key={s}>{rankKeyLabels[s]}</li>
        ))}
      </ol>
      <Typography.Text type="secondary">Vẫn bằng nhau thì đồng hạng.</Typography.Text>
    </>
  );
}

export function BandsTable({ bands }: { bands: readonly Band[] }) {
  const sorted = [...bands].sort((a, b) => b.minPercent - a.minPercent);
  return (
    <Table<Band>
      size="small"
      bordered
      rowKey="key"
      pagination={false}
      dataSource={sorted}
      style={{ maxWidth: 420 }}
      columns={[
        { title: 'Mức xếp loại', dataIndex: 'label' },
        {
          title: 'Từ (% tổng điểm)',
          dataIndex: 'minPercent',
          width: 150,
          align: 'right',
          render: (n: number) => `≥ ${fmt(n)}%`,
        },
      ]}
    />
  );
}

/**
 * Plan tab "Đánh giá": the criteria version the campaign is evaluated against and its bands.
 * The plan's officer or head may change both (the server decides; closed or cancelled: never).
 */
export function PlanEvaluationTab({ plan }: { plan: PlanDetail }) {
  // The plan's evaluation fields are part of the contract's PlanDetail (assessment contributes them).
  const ev = plan;
  const boundId = ev.criteriaVersionId ?? null;
  const bound = useCriteriaVersion(boundId);
  const [editing, setEditing] = useState(false);
  const mobile = useIsMobile();
  const ended = plan.status === 'closed' || plan.status === 'cancelled';
  const canSet = (plan.permissions.canEdit || plan.permissions.canAmend) && !ended;
  const bands = ev.bands ?? null;
  const tieBreak = ev.tieBreak ?? null;
  const qualifyingKeys = ev.qualifyingBandKeys ?? null;
  const effectiveBands = [...(bands ?? defaultBands)].sort((x, y) => y.minPercent - x.minPercent);
  const qualifyingLabels = (qualifyingKeys ?? effectiveBands.slice(0, 1).map((x) => x.key)).map(
    (k) => effectiveBands.find((x) => x.key === k)?.label ?? k,
  );
  const b = bound.data;

  if (editing && canSet)
    return (
      <PlanEvaluationForm
        plan={plan}
        criteriaVersionId={boundId}
        bands={bands}
        assessmentDeadline={ev.assessmentDeadline ?? null}
        tieBreak={tieBreak}
        qualifyingBandKeys={qualifyingKeys}
        onDone={() => setEditing(false)}
      />
    );

  return (
    <Flex vertical gap={16}>
      {ev.criteriaVersionId === undefined && (
        <Alert type="warning" showIcon title="Máy chủ chưa trả về bộ tiêu chí của kế hoạch này." />
      )}
      <ErrorAlert error={bound.error} style={{ marginBottom: 0 }} />
      <Descriptions
        size="small"
        bordered
        column={1}
        layout={mobile ? 'vertical' : 'horizontal'}
        items={[
          {
            key: 'criteria',
            label: 'Bộ tiêu chí đánh giá',
            children:
              boundId === null ? (
                <Typography.Text type="secondary">Chưa chọn bộ tiêu chí</Typography.Text>
              ) : b ? (
                <Flex vertical gap={4}>
                  <Link to={`/criteria/${b.id}`}>
                    {b.set.name} — phiên bản {b.number}
                  </Link>
                  <Flex gap={8} wrap align="center">
                    <CriteriaStatusTag status={b.status} />
                    <Typography.Text type="secondary">
                      {b.set.isExample ? 'Mẫu minh họa' : b.set.ownerUnit?.name} · {b.leafCount}{' '}
                      tiêu chí cuối · {fmt(b.maxTotal)} điểm
                    </Typography.Text>
                  </Flex>
                  {b.set.isExample && <Tag color="gold">{EXAMPLE_NOTICE}</Tag>}
                </Flex>
              ) : (
                <Link to={`/criteria/${boundId}`}>Bộ tiêu chí #{boundId}</Link>
              ),
          },
          {
            key: 'deadline',
            label: 'Hạn nộp tự đánh giá',
            children: ev.assessmentDeadline
              ? ev.assessmentDeadline.split('-').reverse().join('/')
              : 'Chưa đặt',
          },
          {
            key: 'bands',
            label: 'Mức xếp loại',
            children:
              bands === null ? 'Mặc định (theo thang xếp loại chung)' : 'Riêng của kế hoạch',
          },
          {
            key: 'qualifying',
            label: 'Mức được xét khen thưởng',
            children: `${qualifyingLabels.join(', ')}${qualifyingKeys === null ? ' (mặc định: mức cao nhất)' : ''}`,
          },
          {
            key: 'tieBreak',
            label: 'Thứ tự xếp hạng',
            children: (
              <Flex vertical gap={4}>
                {tieBreak === null && <Typography.Text type="secondary">Mặc định</Typography.Text>}
                <TieBreakList steps={tieBreak ?? defaultTieBreak} />
              </Flex>
            ),
          },
        ]}
      />
      <BandsTable bands={bands ?? defaultBands} />
      {canSet ? (
        <div>
          <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {boundId === null
              ? 'Chọn bộ tiêu chí và mức xếp loại'
              : 'Đổi bộ tiêu chí, mức xếp loại, cách xếp hạng'}
          </Button>
        </div>
      ) : (
        boundId === null &&
        !ended && (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description="Cán bộ thi đua hoặc thủ trưởng đơn vị ban hành kế hoạch chọn bộ tiêu chí đánh giá."
          />
        )
      )}
    </Flex>
  );
}
