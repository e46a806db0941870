import { useEffect, useState } from 'react';
import {
  Card,
  Col,
  Empty,
  Flex,
  Input,
  Pagination,
  Row,
  Select,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import { CalendarOutlined, BankOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../ui/error-alert';
import { formatDate } from '../../ui/format';
import { useDebouncedValue } from '../../ui/hooks';
import { planKindLabels, planKinds, planStatusLabels } from '../../../shared/campaign';
import type { PlanKind } from '../../../shared/campaign';
import { IssuingUnitSelect } from '../../ui/issuing-unit-select';
import { usePublicPlans } from './portal.api';
import { periodText, yearOptions } from './portal-format';
import type { PublicPlanSummary } from './portal.api';

const PAGE_SIZE = 10;

function isKind(v: string | null): v is PlanKind {
  return v !== null && (planKinds as string[]).includes(v);
}

/** The public list of issued plans: search (with or without accents), issuing unit, kind, year, pages. */
export default function PublicPlansPage() {
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind');
  const kind = isKind(kindParam) ? kindParam : undefined;
  const yearParam = Number(params.get('year'));
  const year = Number.isInteger(yearParam) && yearParam > 2000 ? yearParam : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const unitId = params.get('unitId') ?? undefined;
  const [search, setSearch] = useState(params.get('q') ?? '');
  const debounced = useDebouncedValue(search.trim(), 350);

  useEffect(() => {
    document.title = 'Kế hoạch thi đua đã ban hành — Cổng thông tin thi đua, khen thưởng';
  }, []);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };

  // The search box writes to the URL once typing pauses (back/forward keep the list).
  useEffect(() => {
    if ((params.get('q') ?? '') !== debounced)
      update({ q: debounced || undefined, page: undefined });
  }, [debounced]);

  const list = usePublicPlans({
    search: params.get('q') || undefined,
    kind,
    year,
    unitId,
    page,
    pageSize: PAGE_SIZE,
  });

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0, marginBottom: 4, fontSize: 24 }}>
        Kế hoạch thi đua đã ban hành
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Tra cứu các kế hoạch phát động phong trào thi đua, cuộc thi của các cơ quan, đơn vị; xem nội
        dung và tải văn bản.
      </Typography.Paragraph>

      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={10}>
            <Input.Search
              allowClear
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              onSearch={(v) => setSearch(v)}
              placeholder="Số, trích yếu hoặc đơn vị (gõ có dấu hoặc không dấu)"
              aria-label="Tìm kiếm kế hoạch"
            />
          </Col>
          <Col xs={24} md={6}>
            <IssuingUnitSelect
              id="portal-unit"
              source="public"
              placeholder="Tất cả đơn vị ban hành"
              aria-label="Đơn vị ban hành"
              value={unitId}
              onChange={(v) => update({ unitId: v, page: undefined })}
            />
          </Col>
          <Col xs={12} md={4}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder="Tất cả loại"
              aria-label="Loại kế hoạch"
              value={kind}
              onChange={(v: PlanKind | undefined) => update({ kind: v, page: undefined })}
              options={planKinds.map((k) => ({ value: k, label: planKindLabels[k] }))}
            />
          </Col>
          <Col xs={12} md={4}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder="Tất cả các năm"
              aria-label="Năm ban hành"
              value={year}
              onChange={(v: number | undefined) =>
                update({ year: v === undefined ? undefined : String(v), page: undefined })
              }
              options={yearOptions()}
            />
          </Col>
        </Row>
      </Card>

      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : list.data && list.data.items.length > 0 ? (
        <>
          <Typography.Paragraph type="secondary" role="status" style={{ marginBottom: 8 }}>
            {list.data.total.toLocaleString('vi-VN')} kế hoạch
          </Typography.Paragraph>
          <Flex vertical gap={12} style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
            {list.data.items.map((p) => (
              <PlanCard key={p.id} plan={p} />
            ))}
          </Flex>
          {list.data.total > PAGE_SIZE && (
            <Flex justify="center" style={{ marginTop: 16 }}>
              <Pagination
                current={page}
                pageSize={PAGE_SIZE}
                total={list.data.total}
                showSizeChanger={false}
                onChange={(p) => {
                  update({ page: p === 1 ? undefined : String(p) });
                  window.scrollTo({ top: 0 });
                }}
              />
            </Flex>
          )}
        </>
      ) : (
        <Card>
          <Empty
            description={
              params.get('q') || kind || year || unitId
                ? 'Không có kế hoạch nào khớp với điều kiện tìm kiếm.'
                : 'Chưa có kế hoạch nào được ban hành.'
            }
          />
        </Card>
      )}
    </>
  );
}

function PlanCard({ plan }: { plan: PublicPlanSummary }) {
  return (
    <Link to={`/cong-khai/ke-hoach/${plan.id}`} style={{ display: 'block' }}>
      <Card size="small" hoverable className="portal-plan-card">
        <Flex gap={8} wrap style={{ marginBottom: 6 }}>
          <Tag color={plan.kind === 'contest' ? 'purple' : 'red'}>{planKindLabels[plan.kind]}</Tag>
          {plan.documentNumber && (
            <Typography.Text strong>Số {plan.documentNumber}</Typography.Text>
          )}
          {plan.issuedOn && (
            <Typography.Text type="secondary">ngày {formatDate(plan.issuedOn)}</Typography.Text>
          )}
          {plan.status !== 'issued' && <Tag>{planStatusLabels[plan.status]}</Tag>}
        </Flex>
        <div className="portal-plan-title">{plan.title}</div>
        <Flex gap={16} wrap style={{ marginTop: 6 }}>
          <Typography.Text type="secondary">
            <BankOutlined aria-hidden /> {plan.issuingUnit.name}
          </Typography.Text>
          {(plan.periodStart || plan.periodEnd) && (
            <Typography.Text type="secondary">
              <CalendarOutlined aria-hidden /> {periodText(plan.periodStart, plan.periodEnd)}
            </Typography.Text>
          )}
        </Flex>
      </Card>
    </Link>
  );
}
