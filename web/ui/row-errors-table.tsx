import { Table } from 'antd';
import type { RowError } from '../api/client';

/** Import errors by spreadsheet row: Dòng, Cột, Lỗi. */
export function RowErrorsTable({ rows }: { rows: readonly RowError[] }) {
  return (
    <Table<RowError & { key: number }>
      size="small"
      bordered
      rowKey="key"
      dataSource={rows.map((r, i) => ({ ...r, key: i }))}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      columns={[
        { title: 'Dòng', dataIndex: 'row', width: 64 },
        { title: 'Cột', dataIndex: 'column', width: 120 },
        { title: 'Lỗi', dataIndex: 'message' },
      ]}
    />
  );
}
