import { useState } from 'react';
import { Card, Col, Flex, Row, Segmented, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import { placeBeyondName } from '../../../shared/org';
import { ErrorAlert } from '../../ui/error-alert';
import { useDebouncedValue, useMediaQuery } from '../../ui/hooks';
import { PageHeader } from '../../ui/page-header';
import { FilterCard, FilterField, SearchFilter, SelectFilter } from '../../ui/list-filters';
import { useUrlListState } from '../../ui/url-list';
import { usePlans } from '../campaigns/plans.api';
import { fmt } from './criteria-tree';
import { DeadlineText, SheetStatusTag, sheetStatusLabels } from './sheet-summary';
import { isSelfStage } from './sheet.api';
import type { SheetStatus } from './sheet.api';
import { useSheetList } from './sheet-list.api';
import type { SheetListItem, SheetTodo } from './sheet-list.api';

const PAGE_SIZE = 20;
const statuses = Object.keys(sheetStatusLabels) as SheetStatus[];
// 'published' is never a sheet's own step (the lock lives on the plan's results).
const statusOptions = statuses
  .filter((s) => s !== 'published')
  .map((s) => ({ value: s, label: sheetStatusLabels[s] }));
const todoOptions: { value: SheetTodo; label: string }[] = [
  { value: 'mine', label: 'Việc cần làm' },
  { value: 'all', label: 'Tất cả phiếu' },
];

const sheetPath = (s: SheetListItem) => `/score-sheets/${s.id}`;

/** "Chờ": whose move it is, highlighted when it is the user's. */
function WaitingTag({ item }: { item: SheetListItem }) {
  if (item.waitingFor === null) return <Typography.Text type="secondary">Đã xong</Typography.Text>;
  const who = item.waitingFor === 'unit' ? 'Đơn vị' : 'Thẩm định';
  return item.waitingForMe ? (
    <Tag color="volcano" style={{ marginInlineEnd: 0 }}>
      {who} · việc của bạn
    </Tag>
  ) : (
    <Tag style={{ marginInlineEnd: 0 }}>{who}</Tag>
  );
}

function UnitCell({ item }: { item: SheetListItem }) {
  return (
    <>
      <Link to={sheetPath(item)} onClick={(e) => e.stopPropagation()}>
        {item.unitName}
      </Link>
      {placeBeyondName(item.unitName, item.unitPath).length > 0 && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {placeBeyondName(item.unitName, item.unitPath).join(' › ')}
          </Typography.Text>
        </div>
      )}
    </>
  );
}

function PlanCell({ item }: { item: SheetListItem }) {
  return (
    <>
      <Typography.Paragraph
        ellipsis={{ rows: 2, tooltip: item.planTitle }}
        style={{ marginBottom: 0 }}
      >
        {item.planTitle}
      </Typography.Paragraph>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {item.planNumber ? `Số ${item.planNumber}` : 'Chưa có số'}
        </Typography.Text>
      </div>
    </>
  );
}

const SelfScore = ({ item }: { item: SheetListItem }) => (
  <span>
    {fmt(item.selfTotal)}{' '}
    <Typography.Text type="secondary">({fmt(item.selfPercent)}%)</Typography.Text>
  </span>
);

const Deadline = ({ item }: { item: SheetListItem }) => (
  <DeadlineText deadline={item.assessmentDeadline} done={!isSelfStage(item.status)} />
);

const wideColumns: TableColumnsType<SheetListItem> = [
  { title: 'Đơn vị', key: 'unit', width: 230, render: (_: unknown, s) => <UnitCell item={s} /> },
  { title: 'Kế hoạch', key: 'plan', render: (_: unknown, s) => <PlanCell item={s} /> },
  {
    title: 'Trạng thái',
    key: 'status',
    width: 150,
    render: (_: unknown, s) => <SheetStatusTag status={s.status} />,
  },
  {
    title: 'Tự chấm',
    key: 'self',
    width: 110,
    align: 'right',
    render: (_: unknown, s) => <SelfScore item={s} />,
  },
  {
    title: 'Hạn tự chấm',
    key: 'deadline',
    width: 180,
    render: (_: unknown, s) => <Deadline item={s} />,
  },
  { title: 'Chờ', key: 'waiting', width: 160, render: (_: unknown, s) => <WaitingTag item={s} /> },
];

/** On a phone: one column, each row a small card. */
const narrowColumns: TableColumnsType<SheetListItem> = [
  {
    title: 'Phiếu chấm điểm',
    key: 'sheet',
    render: (_: unknown, s) => (
      <Flex vertical gap={4}>
        <UnitCell item={s} />
        <Typography.Text style={{ fontSize: 13 }}>{s.planTitle}</Typography.Text>
        <Flex gap={6} wrap align="center">
          <SheetStatusTag status={s.status} />
          <WaitingTag item={s} />
        </Flex>
        <Typography.Text style={{ fontSize: 13 }}>
          Tự chấm: <SelfScore item={s} />
        </Typography.Text>
        <Typography.Text style={{ fontSize: 13 }}>
          Hạn: <Deadline item={s} />
        </Typography.Text>
      </Flex>
    ),
  },
];

/** Plans to filter by, searched by title on the server; the chosen one stays listed. */
function PlanFilter({
  value,
  currentTitle,
  onChange,
}: {
  value: string | undefined;
  currentTitle: string | undefined;
  onChange: (planId: string | undefined) => void;
}) {
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim(), 300);
  const plans = usePlans({ search: debounced || undefined, page: 1, pageSize: 20 });
  const options = (plans.data?.items ?? []).map((p) => ({
    value: String(p.id),
    label: p.documentNumber ? `${p.documentNumber} — ${p.title}` : p.title,
  }));
  if (value !== undefined && !options.some((o) => o.value === value))
    options.unshift({ value, label: currentTitle ?? `Kế hoạch #${value}` });
  return (
    <Select<string>
      id="sheets-plan"
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      placeholder="Tất cả kế hoạch"
      loading={plans.isFetching}
      options={options}
      value={value}
      onChange={(v) => {
        setSearch('');
        onChange(v);
      }}
      notFoundContent={plans.isFetching ? 'Đang tìm…' : 'Không có kế hoạch phù hợp'}
    />
  );
}

/**
 * Đánh giá: the score sheets across plans. "Việc cần làm" lists those waiting for the user (the
 * unit's self-assessment and explanations, the appraisers' rounds); "Tất cả phiếu" every sheet
 * the user may read. Filters, search and page live in the URL.
 */
export default function EvaluationPage() {
  const { params, update, q, page, search, setSearch } = useUrlListState();
  const navigate = useNavigate();
  const narrow = useMediaQuery('(max-width: 575.98px)');
  const todo: SheetTodo = params.get('todo') === 'all' ? 'all' : 'mine';
  const statusParam = params.get('status');
  const status = statuses.find((s) => s === statusParam);
  const planId = params.get('plan') ?? undefined;
  const sheets = useSheetList({
    todo,
    status,
    planId,
    q: q || undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  const items = sheets.data?.items ?? [];
  const filtered = Boolean(q || status || planId);
  const emptyText = filtered
    ? 'Không có phiếu chấm điểm phù hợp bộ lọc'
    : todo === 'mine'
      ? 'Không có phiếu nào đang chờ bạn xử lý'
      : 'Chưa có phiếu chấm điểm nào bạn được xem';

  return (
    <>
      <PageHeader
        title="Đánh giá"
        subtitle="Phiếu chấm điểm thi đua của các đơn vị: tự chấm, thẩm định, giải trình"
      />
      <FilterCard
        top={
          <Segmented<SheetTodo>
            options={todoOptions}
            value={todo}
            onChange={(v) => update({ todo: v === 'all' ? 'all' : undefined, page: undefined })}
            style={{ marginBottom: 12 }}
            aria-label="Phạm vi danh sách"
          />
        }
      >
        <Row gutter={16}>
          <Col xs={24} md={9}>
            <SearchFilter
              label="Tìm theo đơn vị hoặc kế hoạch"
              id="sheets-search"
              example="mot cua"
              value={search}
              onChange={setSearch}
            />
          </Col>
          <Col xs={24} sm={10} md={6}>
            <SelectFilter<SheetStatus>
              label="Trạng thái"
              id="sheets-status"
              options={statusOptions}
              value={status}
              onChange={(v) => update({ status: v, page: undefined })}
            />
          </Col>
          <Col xs={24} sm={14} md={9}>
            <FilterField label="Kế hoạch" id="sheets-plan">
              <PlanFilter
                value={planId}
                currentTitle={items.find((s) => String(s.planId) === planId)?.planTitle}
                onChange={(v) => update({ plan: v, page: undefined })}
              />
            </FilterField>
          </Col>
        </Row>
      </FilterCard>
      <ErrorAlert error={sheets.error} />
      <Card size="small">
        <Table<SheetListItem>
          className="clickable-rows"
          size="small"
          rowKey="id"
          loading={sheets.isFetching}
          dataSource={items}
          columns={narrow ? narrowColumns : wideColumns}
          scroll={narrow ? undefined : { x: 1000 }}
          onRow={(s) => ({ onClick: () => void navigate(sheetPath(s)) })}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: sheets.data?.total ?? 0,
            showSizeChanger: false,
            simple: narrow,
            onChange: (p) => update({ page: p > 1 ? String(p) : undefined }),
            showTotal: (total) => `${total.toLocaleString('vi-VN')} phiếu`,
          }}
          locale={{ emptyText }}
        />
      </Card>
    </>
  );
}
