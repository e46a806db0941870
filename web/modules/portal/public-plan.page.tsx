import { useEffect } from 'react';
import {
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Flex,
  Result,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { ErrorAlert } from '../../ui/error-alert';
import { formatDate } from '../../ui/format';
import {
  campaignModeLabels,
  planDocTypeLabels,
  planKindLabels,
  planStatusLabels,
} from '../../../shared/campaign';
import { publicDocumentUrl, usePublicPlan } from './portal.api';
import { periodText } from './portal-format';
import { PublicResults } from './public-results';
import { PlanBody } from './public-plan-body';
import { PlanExemplary } from './plan-exemplary';

/** One published plan: its header, the content sections that have data, and the documents. */
export default function PublicPlanPage() {
  const { planId } = useParams();
  const plan = usePublicPlan(planId);

  useEffect(() => {
    if (plan.data) document.title = `${plan.data.title} — Cổng thông tin thi đua, khen thưởng`;
  }, [plan.data]);

  if (plan.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  }
  if (plan.error) {
    if (isApiError(plan.error, 'NOT_FOUND') || isApiError(plan.error, 'VALIDATION_FAILED')) {
      return (
        <Result
          status="404"
          title="Không tìm thấy kế hoạch"
          subTitle="Kế hoạch không tồn tại, chưa được ban hành hoặc đã bị hủy."
          extra={<Link to="/cong-khai">Về danh sách kế hoạch</Link>}
        />
      );
    }
    return <ErrorAlert error={plan.error} />;
  }
  const p = plan.data;
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/cong-khai">Kế hoạch đã ban hành</Link> },
          { title: p.documentNumber ? `Số ${p.documentNumber}` : 'Kế hoạch' },
        ]}
      />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={8} wrap style={{ marginBottom: 8 }}>
          <Tag color={p.kind === 'contest' ? 'purple' : 'red'}>{planKindLabels[p.kind]}</Tag>
          <Tag color={p.status === 'cancelled' ? 'default' : 'blue'}>
            {planStatusLabels[p.status]}
          </Tag>
        </Flex>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0, lineHeight: 1.4 }}>
          {p.title}
        </Typography.Title>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: 'number', label: 'Số, ký hiệu', children: p.documentNumber ?? '—' },
            {
              key: 'date',
              label: 'Ngày ban hành',
              children: p.issuedOn ? formatDate(p.issuedOn) : '—',
            },
            { key: 'issuer', label: 'Cơ quan ban hành', children: p.issuingUnit.name },
            { key: 'type', label: 'Loại văn bản', children: planDocTypeLabels[p.docType] },
            {
              key: 'period',
              label: 'Thời gian thực hiện',
              children: periodText(p.periodStart, p.periodEnd) || '—',
            },
            {
              key: 'registration',
              label: 'Hạn đăng ký thi đua',
              children: p.registrationDeadline ? formatDate(p.registrationDeadline) : '—',
            },
            ...(p.mode
              ? [{ key: 'mode', label: 'Hình thức', children: campaignModeLabels[p.mode] }]
              : []),
          ]}
        />
        <Flex gap={8} wrap style={{ marginTop: 16 }}>
          <Button type="primary" icon={<FileWordOutlined />} href={publicDocumentUrl(p.id, 'docx')}>
            Tải văn bản (.docx)
          </Button>
          <Button icon={<FilePdfOutlined />} href={publicDocumentUrl(p.id, 'pdf')}>
            Tải văn bản (.pdf)
          </Button>
        </Flex>
      </Card>
      <Card title="Nội dung kế hoạch">
        <PlanBody plan={p} />
      </Card>
      {p.resultsPublished && <PublicResults planId={p.id} />}
      <PlanExemplary planId={p.id} />
    </>
  );
}
