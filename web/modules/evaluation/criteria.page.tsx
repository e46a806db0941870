import { useState } from 'react';
import { Button, Card, Flex, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../ui/error-alert';
import { formatDate } from '../../ui/format';
import { useIsMobile } from '../../ui/hooks';
import { PageHeader } from '../../ui/page-header';
import { useOfficerUnits } from '../campaigns/plan-access';
import { useCriteriaVersions } from './criteria.api';
import type { CriteriaStatus, CriteriaVersionSummary } from './criteria.api';
import { CreateCriteriaModal } from './criteria-create';
import { CriteriaStatusTag } from './criteria-labels';
import { fmt } from './criteria-tree';
import { FilterCard, SearchFilter } from '../../ui/list-filters';
import { useUrlListState } from '../../ui/url-list';

const PAGE_SIZE = 20;

const ownerOf = (v: CriteriaVersionSummary) =>
  v.set.isExample ? <Tag color="gold">Mẫu minh họa</Tag> : (v.set.ownerUnit?.name ?? '—');

/** Phone: the name cell carries owner, version and status; the other columns are dropped. */
const mobileColumns: TableColumnsType<CriteriaVersionSummary> = [
  {
    title: 'Bộ tiêu chí',
    key: 'name',
    render: (_: unknown, v) => (
      <Flex vertical gap={4}>
        <Link to={`/criteria/${v.id}`} onClick={(e) => e.stopPropagation()}>
          {v.set.name}
        </Link>
        <Flex gap={6} wrap align="center">
          <CriteriaStatusTag status={v.status} />
          <Typography.Text type="secondary">
            Phiên bản {v.number} · {v.leafCount} tiêu chí · {fmt(v.maxTotal)} điểm
          </Typography.Text>
        </Flex>
        <span>{ownerOf(v)}</span>
      </Flex>
    ),
  },
];

const columns: TableColumnsType<CriteriaVersionSummary> = [
  {
    title: 'Tên bộ tiêu chí',
    key: 'name',
    render: (_: unknown, v) => (
      <Link to={`/criteria/${v.id}`} onClick={(e) => e.stopPropagation()}>
        {v.set.name}
      </Link>
    ),
  },
  {
    title: 'Đơn vị ban hành',
    key: 'owner',
    width: 200,
    render: (_: unknown, v) => ownerOf(v),
  },
  { title: 'Phiên bản', dataIndex: 'number', width: 90, align: 'center' },
  {
    title: 'Trạng thái',
    dataIndex: 'status',
    width: 120,
    render: (s: CriteriaStatus) => <CriteriaStatusTag status={s} />,
  },
  { title: 'Tiêu chí cuối', dataIndex: 'leafCount', width: 100, align: 'right' },
  {
    title: 'Tổng điểm',
    dataIndex: 'maxTotal',
    width: 100,
    align: 'right',
    render: (n: number) => fmt(n),
  },
  {
    title: 'Ban hành / cập nhật',
    key: 'date',
    width: 150,
    render: (_: unknown, v) =>
      v.publishedAt ? (
        formatDate(v.publishedAt)
      ) : (
        <Typography.Text type="secondary">Sửa {formatDate(v.updatedAt)}</Typography.Text>
      ),
  },
];

/** /criteria: published versions for everyone, plus the drafts the user manages. */
export default function CriteriaPage() {
  const { update, q, page, search, setSearch } = useUrlListState();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const officerUnits = useOfficerUnits();
  const mobile = useIsMobile();

  const list = useCriteriaVersions({ search: q || undefined, page, pageSize: PAGE_SIZE });

  return (
    <>
      <PageHeader
        title="Bộ tiêu chí đánh giá"
        subtitle="Bộ tiêu chí, chỉ số chấm điểm thi đua theo từng phiên bản; phiên bản đã ban hành dùng để đánh giá các phong trào"
        extra={
          officerUnits.length > 0 && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              Tạo bộ tiêu chí
            </Button>
          )
        }
      />
      <FilterCard>
        <SearchFilter
          label="Tìm theo tên bộ tiêu chí"
          id="criteria-search"
          example="chi so cai cach"
          value={search}
          onChange={setSearch}
          style={{ marginBottom: 0, maxWidth: 480 }}
        />
      </FilterCard>
      <ErrorAlert error={list.error} />
      <Card size="small">
        <Table<CriteriaVersionSummary>
          className="clickable-rows"
          size="small"
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          columns={mobile ? mobileColumns : columns}
          scroll={mobile ? undefined : { x: 900 }}
          onRow={(v) => ({ onClick: () => void navigate(`/criteria/${v.id}`) })}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            onChange: (p) => update({ page: p > 1 ? String(p) : undefined }),
            showTotal: (total) => `${total.toLocaleString('vi-VN')} phiên bản`,
          }}
          locale={{
            emptyText: q ? 'Không có bộ tiêu chí phù hợp' : 'Chưa có bộ tiêu chí nào',
          }}
        />
      </Card>
      <CreateCriteriaModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
