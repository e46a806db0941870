import { Card, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../ui/error-alert';
import { formatDate } from '../../ui/format';
import { useMediaQuery } from '../../ui/hooks';
import { PageHeader } from '../../ui/page-header';
import { PlanStatusTag } from '../campaigns/plan-labels';
import { usePlans } from '../campaigns/plans.api';
import type { PlanSummary } from '../campaigns/plans.api';
import { daysLeft } from './registration-access';

const tabPath = (p: PlanSummary) => `/plans/${p.id}?tab=registrations`;

function DeadlineCell({ deadline }: { deadline: string | null }) {
  if (!deadline) return <Typography.Text type="secondary">Không đặt hạn</Typography.Text>;
  const d = daysLeft(deadline) ?? 0;
  return (
    <>
      {formatDate(deadline)}{' '}
      {d < 0 ? (
        <Tag color="red">Đã hết hạn</Tag>
      ) : (
        <Tag color={d <= 3 ? 'orange' : 'blue'}>{d === 0 ? 'Hôm nay' : `Còn ${d} ngày`}</Tag>
      )}
    </>
  );
}

/**
 * Đăng ký thi đua: the plans now taking registrations (issued or under way), nearest deadline
 * first; each opens the plan's registration tab.
 */
export default function RegistrationsPage() {
  const navigate = useNavigate();
  const narrow = useMediaQuery('(max-width: 575.98px)');
  const issued = usePlans({ status: 'issued', page: 1, pageSize: 100 });
  const running = usePlans({ status: 'in_progress', page: 1, pageSize: 100 });
  const plans = [...(issued.data?.items ?? []), ...(running.data?.items ?? [])].sort((a, b) =>
    (a.registrationDeadline ?? '9999').localeCompare(b.registrationDeadline ?? '9999'),
  );
  const title = (p: PlanSummary) => (
    <>
      <Link to={tabPath(p)} onClick={(e) => e.stopPropagation()}>
        {p.title}
      </Link>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {p.documentNumber ? `Số ${p.documentNumber} · ` : ''}
          {p.issuingUnit.name}
        </Typography.Text>
      </div>
    </>
  );
  const columns: TableColumnsType<PlanSummary> = narrow
    ? [
        {
          title: 'Kế hoạch',
          key: 'plan',
          render: (_: unknown, p) => (
            <>
              {title(p)}
              <div style={{ marginTop: 4 }}>
                <DeadlineCell deadline={p.registrationDeadline} />
              </div>
            </>
          ),
        },
      ]
    : [
        { title: 'Kế hoạch', key: 'plan', render: (_: unknown, p) => title(p) },
        {
          title: 'Trạng thái',
          dataIndex: 'status',
          width: 150,
          render: (_: unknown, p) => <PlanStatusTag status={p.status} />,
        },
        {
          title: 'Hạn đăng ký',
          dataIndex: 'registrationDeadline',
          width: 210,
          render: (d: string | null) => <DeadlineCell deadline={d} />,
        },
      ];
  return (
    <>
      <PageHeader
        title="Đăng ký thi đua"
        subtitle="Các kế hoạch thi đua đang nhận đăng ký — chọn kế hoạch để đăng ký, xem tiến độ và xét duyệt"
      />
      <ErrorAlert error={issued.error ?? running.error} />
      <Card size="small">
        <Table<PlanSummary>
          className="clickable-rows"
          size="small"
          rowKey="id"
          loading={issued.isFetching || running.isFetching}
          dataSource={plans}
          columns={columns}
          pagination={plans.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          onRow={(p) => ({ onClick: () => void navigate(tabPath(p)) })}
          locale={{ emptyText: 'Không có kế hoạch nào đang nhận đăng ký thi đua' }}
        />
      </Card>
    </>
  );
}
