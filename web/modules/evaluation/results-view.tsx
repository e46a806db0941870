import { Empty, Skeleton, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { Link } from 'react-router';
import type { Band } from '../../../shared/criteria';
import { placeBeyondName } from '../../../shared/org';
import { formatNumber } from '../../ui/format';
import { notAppraisedStatuses } from './results.api';
import type { DecidedBy, ResultItem } from './results.api';
import './results.css';

/** Shared pieces of the results tab and the portal's public ranking. */

export const decidedByLabels: Record<Exclude<DecidedBy, null>, string> = {
  percent: 'Tỷ lệ điểm',
  appraised: 'Điểm thẩm định',
  fields: 'Điểm theo lĩnh vực',
  missing: 'Số tiêu chí chưa chấm',
  submittedAt: 'Thời điểm nộp',
  tied: 'Bằng điểm',
};

const decidedByHints: Record<Exclude<DecidedBy, null>, string> = {
  percent: 'Xếp sau đơn vị liền trên vì tỷ lệ điểm thấp hơn.',
  appraised: 'Cùng tỷ lệ điểm; xếp sau vì điểm thẩm định thấp hơn.',
  fields: 'Cùng tỷ lệ và điểm thẩm định; xếp sau theo điểm từng lĩnh vực.',
  missing: 'Bằng điểm; xếp sau vì còn nhiều tiêu chí chưa chấm hơn.',
  submittedAt: 'Bằng điểm; xếp sau vì nộp phiếu muộn hơn.',
  tied: 'Bằng điểm với đơn vị liền trên ở mọi tiêu chí phân định: cùng hạng.',
};

/** Bands highest first. */
export function sortBands(bands: readonly Band[]): Band[] {
  return [...bands].sort((a, b) => b.minPercent - a.minPercent);
}

const palette = [
  { tag: 'green', bar: '#52c41a' },
  { tag: 'blue', bar: '#1677ff' },
  { tag: 'cyan', bar: '#13c2c2' },
  { tag: 'gold', bar: '#faad14' },
  { tag: 'orange', bar: '#fa8c16' },
  { tag: 'purple', bar: '#722ed1' },
];
const lowest = { tag: 'red', bar: '#f5222d' };

/** A band's colours by its place in the scale: the best green, the lowest red. */
export function bandColor(bands: readonly Band[], key: string): { tag: string; bar: string } {
  const sorted = sortBands(bands);
  const i = sorted.findIndex((b) => b.key === key);
  if (i < 0) return { tag: 'default', bar: '#bfbfbf' };
  if (i === sorted.length - 1 && sorted.length > 1) return lowest;
  return palette[i % palette.length] ?? lowest;
}

const pct = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

/**
 * Units per band as horizontal bars (plain CSS). `onSelect`, when given, makes each band a
 * button that filters the ranking; `selected` is highlighted.
 */
export function BandDistribution({
  bands,
  counts,
  loading,
  selected,
  onSelect,
}: {
  bands: readonly Band[];
  counts: readonly (number | undefined)[];
  loading?: boolean;
  selected?: string;
  onSelect?: (key: string | undefined) => void;
}) {
  if (loading) return <Skeleton active paragraph={{ rows: 3 }} title={false} />;
  const sorted = sortBands(bands);
  const countOf = (key: string) => counts[bands.findIndex((b) => b.key === key)] ?? 0;
  const total = sorted.reduce((s, b) => s + countOf(b.key), 0);
  const max = Math.max(1, ...sorted.map((b) => countOf(b.key)));
  return (
    <div className="results-dist" role="list" aria-label="Phân bố đơn vị theo mức xếp loại">
      {sorted.map((b) => {
        const n = countOf(b.key);
        const share = total > 0 ? (n / total) * 100 : 0;
        const active = selected === b.key;
        const body = (
          <>
            <span className="results-dist-label">
              {b.label}
              <span className="results-dist-min">≥ {pct(b.minPercent)}%</span>
            </span>
            <span className="results-dist-track">
              <span
                className="results-dist-bar"
                style={{ width: `${(n / max) * 100}%`, background: bandColor(bands, b.key).bar }}
              />
            </span>
            <span className="results-dist-count">
              {formatNumber(n)}
              <span className="results-dist-share"> ({pct(Math.round(share * 10) / 10)}%)</span>
            </span>
          </>
        );
        return onSelect ? (
          <button
            key={b.key}
            type="button"
            role="listitem"
            className={`results-dist-row results-dist-button${active ? ' is-active' : ''}`}
            aria-pressed={active}
            title={active ? 'Bỏ lọc' : `Chỉ xem đơn vị xếp loại ${b.label}`}
            onClick={() => onSelect(active ? undefined : b.key)}
          >
            {body}
          </button>
        ) : (
          <div key={b.key} role="listitem" className="results-dist-row">
            {body}
          </div>
        );
      })}
      <Typography.Text type="secondary" className="results-dist-total">
        Tổng cộng {formatNumber(total)} đơn vị
      </Typography.Text>
    </div>
  );
}

/**
 * A unit whose sheet is not final: ranked on its self (or round-1) scores, or back with the unit.
 * Internal only: the public ranking carries no sheet status.
 */
function PendingTag({ status }: { status: ResultItem['sheetStatus'] }) {
  if (status === 'returned')
    return (
      <Tooltip title="Phiếu đang trả lại đơn vị để sửa: kết quả tính theo điểm tự chấm.">
        <Tag
          color="volcano"
          style={{ marginInlineStart: 6, marginInlineEnd: 0 }}
          data-testid="pending-tag"
        >
          Đang trả lại
        </Tag>
      </Tooltip>
    );
  if (status !== undefined && notAppraisedStatuses.includes(status))
    return (
      <Tooltip title="Chưa kết thúc thẩm định: kết quả tính theo điểm tự chấm hoặc điểm thẩm định đã có.">
        <Tag
          color="orange"
          style={{ marginInlineStart: 6, marginInlineEnd: 0 }}
          data-testid="pending-tag"
        >
          Chưa thẩm định
        </Tag>
      </Tooltip>
    );
  return null;
}

/**
 * The ranking table; `sheetLinks` (internal only) adds a link to each unit's score sheet and a
 * tag on the units whose sheet is not appraised yet or is back with the unit.
 */
export function ResultsTable({
  items,
  bands,
  total,
  page,
  pageSize,
  loading,
  sheetLinks,
  onPage,
}: {
  items: readonly ResultItem[];
  bands: readonly Band[];
  total: number;
  page: number;
  pageSize: number;
  loading?: boolean;
  sheetLinks?: boolean;
  onPage: (page: number, pageSize: number) => void;
}) {
  const columns: TableProps<ResultItem>['columns'] = [
    { title: 'Hạng', dataIndex: 'rank', width: 64, align: 'center' },
    {
      title: 'Đơn vị',
      dataIndex: 'unitName',
      width: 240,
      render: (name: string, r) => (
        <>
          {sheetLinks ? (
            <Link to={`/score-sheets/${r.sheetId}`} title="Mở phiếu chấm điểm">
              {name}
            </Link>
          ) : (
            name
          )}
          {sheetLinks && <PendingTag status={r.sheetStatus} />}
          {r.unitPath && placeBeyondName(r.unitName, r.unitPath).length > 0 && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {placeBeyondName(r.unitName, r.unitPath).join(' › ')}
              </Typography.Text>
            </div>
          )}
          {r.missingCount > 0 && (
            <div>
              <Typography.Text type="warning" style={{ fontSize: 12 }}>
                {formatNumber(r.missingCount)} tiêu chí chưa chấm
              </Typography.Text>
            </div>
          )}
        </>
      ),
    },
    {
      title: 'Tổng điểm',
      dataIndex: 'total',
      width: 100,
      align: 'right',
      render: (n: number) => pct(n),
    },
    {
      title: 'Tỷ lệ %',
      dataIndex: 'percent',
      width: 90,
      align: 'right',
      render: (n: number) => pct(n),
    },
    {
      title: 'Xếp loại',
      dataIndex: 'bandLabel',
      width: 150,
      render: (label: string, r) => (
        <>
          <Tag color={bandColor(bands, r.bandKey).tag} style={{ marginInlineEnd: 0 }}>
            {label}
          </Tag>
          {r.qualifies && (
            <div>
              <Typography.Text type="success" style={{ fontSize: 12 }}>
                Đủ điều kiện xét khen thưởng
              </Typography.Text>
            </div>
          )}
        </>
      ),
    },
    {
      title: 'Quyết định bởi',
      dataIndex: 'decidedBy',
      width: 170,
      render: (d: DecidedBy) =>
        d === null ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Tooltip title={decidedByHints[d]}>
            <span className="results-decided">{decidedByLabels[d] ?? d}</span>
          </Tooltip>
        ),
    },
  ];
  return (
    <Table<ResultItem>
      size="small"
      rowKey="sheetId"
      loading={loading}
      columns={columns}
      dataSource={items}
      scroll={{ x: 780 }}
      locale={{ emptyText: <Empty description="Không có đơn vị nào" /> }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (t) => `${formatNumber(t)} đơn vị`,
        onChange: onPage,
        hideOnSinglePage: false,
      }}
    />
  );
}
