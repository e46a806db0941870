import { Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { Page, Person } from '../../api/types';
import { genderLabels } from '../../../shared/org';

type Props = {
  data: Page<Person> | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  /** Hide the unit column (inside a unit's own tab). */
  hideUnit?: boolean;
};

/** Server-paged people; the name is a link and the whole row opens the person. */
export function PeopleTable({ data, loading, page, pageSize, onPageChange, hideUnit }: Props) {
  const navigate = useNavigate();
  const columns: TableColumnsType<Person> = [
    {
      title: 'Họ và tên',
      dataIndex: 'fullName',
      render: (name: string, p) => (
        <span>
          <Link to={`/people/${p.id}`} onClick={(e) => e.stopPropagation()}>
            {name}
          </Link>
          {!p.active && (
            <Tag style={{ marginInlineStart: 6 }} color="default">
              Nghỉ
            </Tag>
          )}
          <span className="xs-only" style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>
            {[p.position, hideUnit ? null : p.unitName].filter(Boolean).join(' · ')}
          </span>
        </span>
      ),
    },
    {
      title: 'Giới tính',
      dataIndex: 'gender',
      width: 90,
      responsive: ['md'],
      render: (g: Person['gender']) => (g ? genderLabels[g] : ''),
    },
    { title: 'Năm sinh', dataIndex: 'birthYear', width: 100, responsive: ['md'] },
    { title: 'Đối tượng', dataIndex: 'categoryLabel', width: 130, responsive: ['sm'] },
    { title: 'Chức vụ', dataIndex: 'position', responsive: ['md'] },
  ];
  if (!hideUnit) columns.push({ title: 'Đơn vị', dataIndex: 'unitName', responsive: ['sm'] });

  return (
    <Table<Person>
      className="clickable-rows"
      rowKey={(p) => String(p.id)}
      size="middle"
      loading={loading}
      dataSource={data?.items ?? []}
      columns={columns}
      onRow={(p) => ({ onClick: () => void navigate(`/people/${p.id}`) })}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showSizeChanger: false,
        onChange: onPageChange,
        showTotal: (total) =>
          data?.totalCapped
            ? `Hơn ${total.toLocaleString('vi-VN')} người — hãy thu hẹp tìm kiếm`
            : `${total.toLocaleString('vi-VN')} người`,
      }}
      locale={{ emptyText: 'Không có cán bộ nào' }}
    />
  );
}
