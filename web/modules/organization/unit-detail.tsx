import { useState } from 'react';
import { App, Button, Card, Descriptions, Flex, Spin, Tabs, Tag } from 'antd';
import {
  EditOutlined,
  PlusOutlined,
  StopOutlined,
  SwapOutlined,
  CheckCircleOutlined,
} from '@ant-design/icons';
import { Link } from 'react-router';
import { isApiError } from '../../api/client';
import { EntityHistory } from '../../ui/audit-table';
import { ErrorAlert } from '../../ui/error-alert';
import { UnitPathBreadcrumb } from '../../ui/unit-path';
import { formatNumber } from '../../ui/format';
import { HonoursSection } from '../honours/honours-section';
import { usePeople } from './people.api';
import { PeopleTable } from './people-table';
import { UnitFormModal } from './unit-form-modal';
import { UnitMoveModal } from './unit-move-modal';
import { unitHistoryUrl, useUnit, useUpdateUnit, type UnitDetail } from './units.api';

type Dialog = 'create' | 'edit' | 'move' | null;

/** The selected unit: facts, its people, its history, and the actions its permissions allow. */
export function UnitDetailPanel({ id, onSelect }: { id: string; onSelect: (id: string) => void }) {
  const unit = useUnit(id);
  const [dialog, setDialog] = useState<Dialog>(null);

  if (unit.error) return <ErrorAlert error={unit.error} />;
  if (!unit.data) {
    return (
      <Card>
        <Spin description="Đang tải đơn vị…" />
      </Card>
    );
  }
  const u = unit.data;
  const p = u.permissions;

  return (
    <Card
      title={<span style={{ whiteSpace: 'normal' }}>{u.name}</span>}
      extra={!u.active && <Tag>Ngừng hoạt động</Tag>}
      styles={{ body: { paddingTop: 12 } }}
    >
      <UnitPathBreadcrumb path={u.path} style={{ marginBottom: 12 }} />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        {p.canCreateChild && (
          <Button icon={<PlusOutlined />} onClick={() => setDialog('create')}>
            Thêm đơn vị trực thuộc
          </Button>
        )}
        {p.canEdit && (
          <>
            <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
              Sửa
            </Button>
            <Button icon={<SwapOutlined />} onClick={() => setDialog('move')}>
              Chuyển đơn vị
            </Button>
            <ActiveToggle unit={u} />
          </>
        )}
      </Flex>
      <Tabs
        items={[
          {
            key: 'info',
            label: 'Thông tin',
            children: (
              <Descriptions
                column={{ xs: 1, sm: 1, md: 2 }}
                bordered
                size="small"
                items={[
                  { key: 'name', label: 'Tên đơn vị', children: u.name },
                  { key: 'kind', label: 'Loại đơn vị', children: u.kindLabel },
                  { key: 'code', label: 'Mã hành chính', children: u.adminCode ?? '—' },
                  {
                    key: 'active',
                    label: 'Trạng thái',
                    children: u.active ? (
                      <Tag color="green">Đang hoạt động</Tag>
                    ) : (
                      <Tag>Ngừng hoạt động</Tag>
                    ),
                  },
                  {
                    key: 'children',
                    label: 'Số đơn vị trực thuộc',
                    children: formatNumber(u.childCount),
                  },
                  {
                    key: 'people',
                    label: 'Số cán bộ trực tiếp',
                    children: formatNumber(u.peopleCount),
                  },
                ]}
              />
            ),
          },
          { key: 'people', label: 'Cán bộ', children: <UnitPeople unitId={id} /> },
          {
            key: 'honours',
            label: 'Khen thưởng đã nhận',
            children: <HonoursSection subject={{ kind: 'unit', id }} />,
          },
          ...(p.canViewAudit
            ? [
                {
                  key: 'history',
                  label: 'Lịch sử thay đổi',
                  children: (
                    <EntityHistory url={unitHistoryUrl(id)} queryKey={['units', 'detail', id]} />
                  ),
                },
              ]
            : []),
        ]}
      />
      <UnitFormModal
        open={dialog === 'create' || dialog === 'edit'}
        onClose={() => setDialog(null)}
        mode={dialog === 'create' ? { kind: 'create', parent: u } : { kind: 'edit', unit: u }}
        onSaved={(saved) => {
          if (dialog === 'create') onSelect(String(saved.id));
        }}
      />
      <UnitMoveModal open={dialog === 'move'} onClose={() => setDialog(null)} unit={u} />
    </Card>
  );
}

function UnitPeople({ unitId }: { unitId: string }) {
  const [page, setPage] = useState(1);
  const people = usePeople({ unitId, page, pageSize: 20 });
  return (
    <>
      <ErrorAlert error={people.error} />
      <PeopleTable
        data={people.data}
        loading={people.isFetching}
        page={page}
        pageSize={20}
        onPageChange={setPage}
      />
      <Link to={`/people?unitId=${unitId}`}>Mở trong danh sách cán bộ</Link>
    </>
  );
}

function ActiveToggle({ unit }: { unit: UnitDetail }) {
  const update = useUpdateUnit();
  const { modal, message } = App.useApp();
  const deactivating = unit.active;
  const onClick = () => {
    void modal.confirm({
      title: deactivating ? `Ngừng hoạt động “${unit.name}”?` : `Kích hoạt lại “${unit.name}”?`,
      content: deactivating
        ? 'Đơn vị sẽ không còn được chọn khi thêm cán bộ hay đơn vị mới. Dữ liệu cũ vẫn được giữ.'
        : 'Đơn vị sẽ hoạt động trở lại.',
      okText: deactivating ? 'Ngừng hoạt động' : 'Kích hoạt',
      okButtonProps: { danger: deactivating },
      cancelText: 'Huỷ',
      onOk: () =>
        update
          .mutateAsync({ id: unit.id, version: unit.version, active: !deactivating })
          .then(
            () =>
              void message.success(
                deactivating ? 'Đã ngừng hoạt động đơn vị.' : 'Đã kích hoạt lại đơn vị.',
              ),
          )
          .catch((e: unknown) => {
            void message.error(isApiError(e) ? e.message : 'Không lưu được thay đổi.');
          }),
    });
  };
  return (
    <Button
      danger={deactivating}
      icon={deactivating ? <StopOutlined /> : <CheckCircleOutlined />}
      onClick={onClick}
    >
      {deactivating ? 'Ngừng hoạt động' : 'Kích hoạt lại'}
    </Button>
  );
}
