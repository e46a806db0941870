import { useState } from 'react';
import { Button, Card, Descriptions, Result, Spin, Table, Tabs, Tag } from 'antd';
import { EditOutlined, SwapOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { genderLabels } from '../../../shared/org';
import { EntityHistory } from '../../ui/audit-table';
import { ErrorAlert } from '../../ui/error-alert';
import { UnitPathBreadcrumb } from '../../ui/unit-path';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { useCan } from '../../shell/current-user';
import { DisciplineSection } from '../honours/discipline-section';
import { HonoursSection } from '../honours/honours-section';
import { personHistoryUrl, usePerson, type Assignment } from './people.api';
import { PersonFormModal } from './person-form-modal';
import { PersonMoveModal } from './person-move-modal';

export default function PersonPage() {
  const { personId } = useParams();
  const person = usePerson(personId);
  const [dialog, setDialog] = useState<'edit' | 'move' | null>(null);
  const canViewDiscipline = useCan('discipline.view');

  if (person.error) {
    if (isApiError(person.error, 'NOT_FOUND') || isApiError(person.error, 'FORBIDDEN')) {
      return (
        <Result
          status={isApiError(person.error, 'FORBIDDEN') ? '403' : '404'}
          title={person.error.message}
          extra={<Link to="/people">Về danh sách cán bộ</Link>}
        />
      );
    }
    return <ErrorAlert error={person.error} />;
  }
  if (!person.data) return <Spin description="Đang tải…" />;
  const p = person.data;

  const assignments = [...p.assignments].sort((a, b) => b.startedOn.localeCompare(a.startedOn));

  return (
    <>
      <PageHeader
        title={p.fullName}
        subtitle={[p.position, p.unitName].filter(Boolean).join(' — ')}
        breadcrumb={[{ title: 'Cán bộ, công chức', to: '/people' }, { title: p.fullName }]}
        extra={
          <>
            {p.permissions.canEdit && (
              <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
                Sửa
              </Button>
            )}
            {p.permissions.canMove && (
              <Button icon={<SwapOutlined />} onClick={() => setDialog('move')}>
                Điều chuyển
              </Button>
            )}
          </>
        }
      />
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'info',
              label: 'Thông tin',
              children: (
                <Descriptions
                  bordered
                  size="small"
                  column={{ xs: 1, sm: 1, md: 2 }}
                  items={[
                    { key: 'name', label: 'Họ và tên', children: p.fullName },
                    {
                      key: 'gender',
                      label: 'Giới tính',
                      children: p.gender ? genderLabels[p.gender] : '—',
                    },
                    { key: 'birth', label: 'Năm sinh', children: p.birthYear ?? '—' },
                    { key: 'category', label: 'Đối tượng', children: p.categoryLabel },
                    { key: 'position', label: 'Chức vụ', children: p.position ?? '—' },
                    {
                      key: 'unit',
                      label: 'Đơn vị',
                      children:
                        p.unitPath.length > 0 ? (
                          <UnitPathBreadcrumb path={p.unitPath} linkLast />
                        ) : (
                          <Link to={`/units/${p.unitId}`}>{p.unitName}</Link>
                        ),
                    },
                    { key: 'email', label: 'Email', children: p.email ?? '—' },
                    { key: 'phone', label: 'Số điện thoại', children: p.phone ?? '—' },
                    {
                      key: 'active',
                      label: 'Trạng thái',
                      children: p.active ? (
                        <Tag color="green">Đang công tác</Tag>
                      ) : (
                        <Tag>Đã nghỉ</Tag>
                      ),
                    },
                  ]}
                />
              ),
            },
            {
              key: 'assignments',
              label: 'Quá trình công tác',
              children: (
                <Table<Assignment>
                  size="small"
                  rowKey={(a) => String(a.id)}
                  dataSource={assignments}
                  pagination={false}
                  scroll={{ x: 520 }}
                  locale={{ emptyText: 'Chưa có quá trình công tác' }}
                  columns={[
                    {
                      title: 'Từ ngày',
                      dataIndex: 'startedOn',
                      width: 110,
                      render: (d: string) => formatDate(d),
                    },
                    {
                      title: 'Đến ngày',
                      dataIndex: 'endedOn',
                      width: 110,
                      render: (d: string | null) =>
                        d ? formatDate(d) : <Tag color="blue">Hiện nay</Tag>,
                    },
                    {
                      title: 'Đơn vị',
                      dataIndex: 'unitName',
                      render: (name: string, a) => <Link to={`/units/${a.unitId}`}>{name}</Link>,
                    },
                    {
                      title: 'Chức vụ',
                      dataIndex: 'position',
                      render: (v: string | null) => v ?? '—',
                    },
                  ]}
                />
              ),
            },
            {
              key: 'honours',
              label: 'Khen thưởng đã nhận',
              children: <HonoursSection subject={{ kind: 'person', id: p.id }} />,
            },
            ...(canViewDiscipline
              ? [
                  {
                    key: 'discipline',
                    label: 'Kỷ luật',
                    children: <DisciplineSection personId={p.id} />,
                  },
                ]
              : []),
            {
              key: 'history',
              label: 'Lịch sử thay đổi',
              children: (
                <EntityHistory
                  url={personHistoryUrl(p.id)}
                  queryKey={['people', 'detail', personId]}
                />
              ),
            },
          ]}
        />
      </Card>
      <PersonFormModal open={dialog === 'edit'} onClose={() => setDialog(null)} person={p} />
      <PersonMoveModal open={dialog === 'move'} onClose={() => setDialog(null)} person={p} />
    </>
  );
}
