import { useState } from 'react';
import { Button, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { AuditEntry, Page } from '../api/types';
import { AuditDiff } from './audit-diff';
import { auditActionLabel, entityTypeLabel } from './audit-labels';
import { ErrorAlert } from './error-alert';
import { formatDateTime } from './format';

type Props = {
  data: Page<AuditEntry> | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  /** Show the entity column (the audit page; history tabs already know the entity). */
  showEntity?: boolean;
  /** Makes actor names buttons that filter by that actor. */
  onActorClick?: (actor: { id: number; name: string }) => void;
};

/** Paged audit entries; each row expands to a before/after diff. */
export function AuditTable({
  data,
  loading,
  page,
  pageSize,
  onPageChange,
  showEntity,
  onActorClick,
}: Props) {
  const columns: TableColumnsType<AuditEntry> = [
    {
      title: 'Thời điểm',
      dataIndex: 'at',
      width: 150,
      render: (at: string, e) => (
        <>
          {formatDateTime(at)}
          {/* For a second or so, until the sealer chains it (decision 032). */}
          {!e.sealed && (
            <div>
              <Tag title="Bản ghi mới: sẽ được niêm phong vào chuỗi băm trong vài giây">
                chưa niêm phong
              </Tag>
            </div>
          )}
        </>
      ),
    },
    {
      title: 'Người thực hiện',
      dataIndex: 'actor',
      render: (actor: AuditEntry['actor']) => {
        if (!actor) return <Tag>Hệ thống</Tag>;
        // An account deleted since keeps its name in the trail but cannot be filtered by.
        const actorId = actor.id;
        if (!onActorClick || actorId === null) return actor.name;
        return (
          <Button
            type="link"
            size="small"
            style={{ padding: 0 }}
            onClick={(e) => {
              e.stopPropagation();
              onActorClick({ id: actorId, name: actor.name });
            }}
            title={`Lọc theo người thực hiện ${actor.name}`}
          >
            {actor.name}
          </Button>
        );
      },
    },
    {
      title: 'Hành động',
      dataIndex: 'action',
      render: (action: string) => <Tag color="blue">{auditActionLabel(action)}</Tag>,
    },
  ];
  if (showEntity) {
    columns.push({
      title: 'Đối tượng',
      key: 'entity',
      render: (_: unknown, e) => <EntityName entry={e} />,
    });
  }

  return (
    <Table<AuditEntry>
      size="small"
      rowKey={(e) => String(e.id)}
      loading={loading}
      dataSource={data?.items ?? []}
      columns={columns}
      scroll={{ x: showEntity ? 720 : 520 }}
      expandable={{
        expandedRowRender: (e) => <AuditDiff before={e.before} after={e.after} />,
        expandRowByClick: true,
      }}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showSizeChanger: false,
        onChange: onPageChange,
        showTotal: (total) => `${total.toLocaleString('vi-VN')} mục`,
      }}
      locale={{ emptyText: 'Chưa có thay đổi nào' }}
    />
  );
}

function pickName(v: unknown): string | null {
  if (typeof v !== 'object' || v === null) return null;
  const r = v as Record<string, unknown>;
  for (const key of ['fullName', 'name', 'displayName', 'username']) {
    const value = r[key];
    if (typeof value === 'string' && value) return value;
  }
  return null;
}

function EntityName({ entry }: { entry: AuditEntry }) {
  const name = pickName(entry.after) ?? pickName(entry.before);
  return (
    <span>
      {entityTypeLabel(entry.entityType)}
      {name ? `: ${name}` : entry.entityId !== null ? ` #${entry.entityId}` : ''}
    </span>
  );
}

/** The "Lịch sử thay đổi" tab of a unit or person: GET <url>?page= rendered as an AuditTable. */
export function EntityHistory({ url, queryKey }: { url: string; queryKey: readonly unknown[] }) {
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: [...queryKey, 'history', page],
    queryFn: () => api.get<Page<AuditEntry>>(url, { page }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <ErrorAlert error={query.error} />
      <AuditTable
        data={query.data}
        loading={query.isFetching}
        page={page}
        pageSize={20}
        onPageChange={setPage}
      />
    </>
  );
}
