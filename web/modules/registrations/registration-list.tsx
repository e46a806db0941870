import { useState } from 'react';
import type { Key } from 'react';
import { Button, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { registrationKindLabels } from '../../../shared/registration';
import type { RegistrationKind, RegistrationStatus } from '../../../shared/registration';
import { ErrorAlert } from '../../ui/error-alert';
import { formatDateTime } from '../../ui/format';
import { useDebouncedValue, useMediaQuery } from '../../ui/hooks';
import type { PlanDetail } from '../campaigns/plans.api';
import { kindOptions, LateTag, RegistrationStatusTag, statusOptions } from './registration-labels';
import { BulkReviewBar } from './bulk-review';
import { useRegistrationAccess } from './registration-access';
import type { Selection } from './bulk-review';
import { RegistrationDetails, RowActions } from './registration-row';
import type { RowIntent } from './registration-row';
import { EditRegistrationModal, ReturnRegistrationModal } from './review-modals';
import { registrationsExportUrl, useRegistrations } from './registrations.api';
import type { Registration, RegistrationListItem } from './registrations.api';

const PAGE_SIZE = 20;

function Registrant({ r }: { r: Registration }) {
  const sub = r.person ? [r.person.position, r.unit.name].filter(Boolean).join(' · ') : null;
  return (
    <>
      <div>
        <Tag color={r.kind === 'collective' ? 'blue' : 'cyan'} style={{ marginInlineEnd: 6 }}>
          {registrationKindLabels[r.kind]}
        </Tag>
        {r.person ? r.person.fullName : r.unit.name}
      </div>
      {sub && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {sub}
        </Typography.Text>
      )}
    </>
  );
}

function StatusCell({ r }: { r: Registration }) {
  return (
    <Flex gap={4} wrap>
      <RegistrationStatusTag status={r.status} reason={r.returnReason} />
      {r.late && <LateTag reason={r.lateReason} />}
    </Flex>
  );
}

function Target({ r }: { r: Registration }) {
  const c = r.commitments;
  const count = c.targets.length + c.keyTasks.length + c.breakthroughTasks.length;
  return (
    <>
      <div>{c.targetTitle ?? <Typography.Text type="secondary">—</Typography.Text>}</div>
      {count > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {count} chỉ tiêu, nhiệm vụ
        </Typography.Text>
      )}
    </>
  );
}

/** The plan's registrations the user sees: filters, paging, actions by permission, export. */
export function RegistrationList({ plan }: { plan: PlanDetail }) {
  const narrow = useMediaQuery('(max-width: 767.98px)');
  const [status, setStatus] = useState<RegistrationStatus | undefined>(undefined);
  const [kind, setKind] = useState<RegistrationKind | undefined>(undefined);
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [intent, setIntentState] = useState<RowIntent | null>(null);
  // Kept through the closing animation, so the edit modal's title does not flip.
  const [editMode, setEditMode] = useState<'edit' | 'resubmit'>('edit');
  const setIntent = (i: RowIntent | null) => {
    if (i && i.kind !== 'return') setEditMode(i.kind);
    setIntentState(i);
  };
  const term = useDebouncedValue(search.trim(), 300);
  const filter = { status, kind, search: term || undefined };
  const list = useRegistrations(plan.id, { ...filter, page, pageSize: PAGE_SIZE });
  const rows = list.data?.items ?? [];
  const access = useRegistrationAccess(plan);
  const reviewing = access.reviewer && access.reviewable;
  const [selection, setSelection] = useState<Selection>(new Map());
  const rowSelection = reviewing
    ? {
        selectedRowKeys: [...selection.keys()],
        preserveSelectedRowKeys: true,
        columnWidth: 36,
        getCheckboxProps: (r: RegistrationListItem) => ({
          disabled: !r.permissions.canApprove,
          'aria-label': `Chọn đăng ký của ${r.person ? r.person.fullName : r.unit.name}`,
        }),
        onChange: (keys: Key[]) => {
          const next = new Map<number, { id: number; version: number }>();
          for (const key of keys) {
            const id = Number(key);
            const known = selection.get(id) ?? rows.find((r) => r.id === id);
            if (known) next.set(id, { id, version: known.version });
          }
          setSelection(next);
        },
      }
    : undefined;

  // Rows come with the server's permissions (the contract says so): the UI only reflects them.
  const actions = (r: RegistrationListItem) => (
    <RowActions registration={r} permissions={r.permissions} onIntent={setIntent} />
  );
  const columns: TableColumnsType<RegistrationListItem> = narrow
    ? [
        {
          title: 'Đăng ký',
          key: 'all',
          render: (_: unknown, r) => (
            <Flex vertical gap={4}>
              <Registrant r={r} />
              <Target r={r} />
              <StatusCell r={r} />
              {actions(r)}
            </Flex>
          ),
        },
      ]
    : [
        { title: 'Đối tượng đăng ký', key: 'who', render: (_: unknown, r) => <Registrant r={r} /> },
        {
          title: 'Danh hiệu phấn đấu',
          key: 'target',
          width: 220,
          render: (_: unknown, r) => <Target r={r} />,
        },
        {
          title: 'Trạng thái',
          key: 'status',
          width: 150,
          render: (_: unknown, r) => <StatusCell r={r} />,
        },
        {
          title: 'Đăng ký lúc',
          dataIndex: 'submittedAt',
          width: 140,
          render: (at: string) => formatDateTime(at),
        },
        { title: 'Thao tác', key: 'actions', width: 250, render: (_: unknown, r) => actions(r) },
      ];

  const filtered = Boolean(status || kind || term);
  return (
    <>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label="Tìm theo tên đơn vị, cán bộ"
          placeholder="Tìm tên đơn vị, cán bộ (không dấu được)"
          allowClear
          style={{ flex: '1 1 240px', minWidth: 0, maxWidth: 360 }}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setPage(1);
          }}
        />
        <Select<RegistrationStatus>
          aria-label="Trạng thái"
          allowClear
          placeholder="Mọi trạng thái"
          style={{ flex: '1 1 140px', maxWidth: 170 }}
          options={statusOptions}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
        />
        <Select<RegistrationKind>
          aria-label="Loại đăng ký"
          allowClear
          placeholder="Tập thể, cá nhân"
          style={{ flex: '1 1 140px', maxWidth: 170 }}
          options={kindOptions}
          value={kind}
          onChange={(v) => {
            setKind(v);
            setPage(1);
          }}
        />
        <Button
          icon={<FileExcelOutlined />}
          href={registrationsExportUrl(plan.id, filter)}
          style={{ marginInlineStart: narrow ? undefined : 'auto' }}
        >
          Xuất Excel
        </Button>
      </Flex>
      {reviewing && (
        <BulkReviewBar
          planId={plan.id}
          filter={{ kind, search: term || undefined }}
          selection={selection}
          onSelectionChange={setSelection}
        />
      )}
      <ErrorAlert error={list.error} />
      <Table<RegistrationListItem>
        rowSelection={rowSelection}
        size="small"
        rowKey="id"
        loading={list.isFetching}
        dataSource={rows}
        columns={columns}
        scroll={narrow ? undefined : { x: 900 }}
        expandable={{
          expandedRowRender: (r) => <RegistrationDetails registration={r} />,
          columnWidth: 32,
        }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
          showTotal: (total) => `${total.toLocaleString('vi-VN')} đăng ký`,
        }}
        locale={{
          emptyText: filtered ? 'Không có đăng ký phù hợp bộ lọc' : 'Chưa có đăng ký thi đua nào',
        }}
      />
      <ReturnRegistrationModal
        registration={intent?.kind === 'return' ? intent.registration : null}
        onClose={() => setIntent(null)}
      />
      <EditRegistrationModal
        registration={
          intent?.kind === 'edit' || intent?.kind === 'resubmit' ? intent.registration : null
        }
        mode={editMode}
        onClose={() => setIntent(null)}
      />
    </>
  );
}
