import { Table, Tag, Typography } from 'antd';
import { fieldLabels, formatAuditValue } from './audit-labels';

type Row = { key: string; label: string; before: string; after: string; changed: boolean };

function asRecord(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : {};
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Before/after of one audit entry, key by key; changed keys are highlighted and tagged. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const b = asRecord(before);
  const a = asRecord(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  if (keys.length === 0)
    return <Typography.Text type="secondary">Không có dữ liệu chi tiết.</Typography.Text>;

  const rows: Row[] = keys.map((key) => ({
    key,
    label: fieldLabels[key] ?? key,
    before: formatAuditValue(key, b[key]),
    after: formatAuditValue(key, a[key]),
    changed: !sameValue(b[key], a[key]),
  }));
  rows.sort((x, y) => Number(y.changed) - Number(x.changed));
  const onlyAfter = before === null || before === undefined;
  const onlyBefore = after === null || after === undefined;

  return (
    <Table<Row>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 520 }}
      rowClassName={(r) => (r.changed && !onlyAfter && !onlyBefore ? 'audit-changed' : '')}
      columns={[
        {
          title: 'Trường',
          dataIndex: 'label',
          width: 180,
          render: (label: string, r) => (
            <span>
              {label}{' '}
              {r.changed && !onlyAfter && !onlyBefore && (
                <Tag color="orange" variant="filled">
                  Đã thay đổi
                </Tag>
              )}
            </span>
          ),
        },
        ...(onlyAfter ? [] : [{ title: 'Trước', dataIndex: 'before', render: renderValue }]),
        ...(onlyBefore ? [] : [{ title: 'Sau', dataIndex: 'after', render: renderValue }]),
      ]}
    />
  );
}

function renderValue(v: string) {
  return <span style={{ wordBreak: 'break-word' }}>{v}</span>;
}
