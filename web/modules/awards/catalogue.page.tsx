import { useState } from 'react';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Row,
  Segmented,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import {
  awardKindLabels,
  awardScopeLabels,
  awardSubjectLabels,
  deciderLabels,
  roundingModeLabels,
  type AwardKind,
} from '../../../shared/awards';
import { ErrorAlert } from '../../ui/error-alert';
import { formatDate } from '../../ui/format';
import { useMediaQuery } from '../../ui/hooks';
import { PageHeader } from '../../ui/page-header';
import { useUrlListState } from '../../ui/url-list';
import './awards.css';
import { useAwardCatalogue } from './awards.api';
import type { AwardCatalogue, AwardFormRow, AwardFormVersion, BaseSalaryRow } from './awards.api';
import { BaseSalaryModal, RoundingModal, VersionModal } from './catalogue-modals';

const vnd = (n: number) => `${n.toLocaleString('vi-VN')}đ`;
const coefficient = (n: number) => String(n).replace('.', ',');
const period = (from: string, to: string | null) =>
  to === null ? `từ ${formatDate(from)}` : `${formatDate(from)} – ${formatDate(to)}`;

function Rate({ v }: { v: Pick<AwardFormVersion, 'coefficient' | 'fixedAmount'> }) {
  if (v.coefficient !== null) return <>hệ số {coefficient(v.coefficient)}</>;
  if (v.fixedAmount !== null) return <>{vnd(v.fixedAmount)} (cố định)</>;
  return <Typography.Text type="secondary">không có tiền thưởng</Typography.Text>;
}

function Amount({ row }: { row: AwardFormRow }) {
  if (row.amount === null)
    return <Typography.Text type="secondary">Không có phiên bản hiệu lực</Typography.Text>;
  if (!row.amount.ok) return <Typography.Text type="warning">{row.amount.reason}</Typography.Text>;
  return (
    <div>
      <Typography.Text strong>{vnd(row.amount.amount)}</Typography.Text>
      <div className="award-explanation">{row.amount.explanation}</div>
    </div>
  );
}

function NameCell({ row }: { row: AwardFormRow }) {
  const v = row.current ?? row.versions.at(-1);
  return (
    <div>
      <Typography.Text strong>{v?.name ?? row.code}</Typography.Text>
      <div>
        <Tag>{row.code}</Tag>
        {row.scope !== 'national' && (
          <Tag color="blue">
            {row.province ? `Riêng của ${row.province.name}` : awardScopeLabels[row.scope]}
          </Tag>
        )}
      </div>
    </div>
  );
}

/** Every version of a form, newest first: what changed and from when. */
function History({ row }: { row: AwardFormRow }) {
  return (
    <Timeline
      className="award-history"
      items={[...row.versions].reverse().map((v) => ({
        color: v.id === row.current?.id ? 'green' : 'gray',
        content: (
          <div>
            <Typography.Text strong>{period(v.validFrom, v.effectiveTo)}</Typography.Text>
            {v.id === row.current?.id && <Tag color="green">Đang áp dụng</Tag>}
            <div>
              {v.name} · <Rate v={v} /> · {v.deciders.map((d) => deciderLabels[d]).join('; ')}
            </div>
            <Typography.Text type="secondary">
              {v.legalBasis ?? 'Không ghi căn cứ'} · ghi ngày {formatDate(v.createdAt)}
              {v.createdBy ? ` bởi ${v.createdBy}` : ''}
            </Typography.Text>
          </div>
        ),
      }))}
    />
  );
}

/** The base salaries as a small bar chart over time: one bar a value, its period beside it. */
function BaseSalaryChart({ rows, date }: { rows: BaseSalaryRow[]; date: string }) {
  const max = Math.max(1, ...rows.map((r) => r.amount));
  return (
    <div className="base-salary-chart" role="list" aria-label="Mức lương cơ sở theo thời gian">
      {rows.map((r) => {
        const inForce =
          r.effectiveFrom <= date && (r.effectiveTo === null || date <= r.effectiveTo);
        return (
          <div key={r.id} role="listitem" className="base-salary-row">
            <div className="base-salary-period">{period(r.effectiveFrom, r.effectiveTo)}</div>
            <div className="base-salary-track">
              <div
                className={`base-salary-bar${inForce ? ' in-force' : ''}`}
                style={{ width: `${Math.round((r.amount / max) * 100)}%` }}
              >
                {vnd(r.amount)}
              </div>
            </div>
            <Typography.Text type="secondary" className="base-salary-basis">
              {r.legalBasis}
            </Typography.Text>
          </div>
        );
      })}
    </div>
  );
}

type KindFilter = AwardKind | 'all';

/**
 * Danh mục khen thưởng: titles and forms with their subject, coefficient, deciders and the amount
 * on a date (?date=, default today), each with its history of versions; the base salary over time
 * and the rounding rule. Administrators add versions, forms, base salaries and rounding rules
 * (server-decided `canAddVersion`, `canManageNational`).
 */
export default function AwardCataloguePage() {
  const { params, update } = useUrlListState();
  const phone = useMediaQuery('(max-width: 767.98px)');
  const date = params.get('date') ?? undefined;
  const catalogue = useAwardCatalogue(date);
  const data: AwardCatalogue | undefined = catalogue.data;
  const [kind, setKind] = useState<KindFilter>('all');
  const [versionOf, setVersionOf] = useState<AwardFormRow | null | undefined>(undefined);
  const [salaryOpen, setSalaryOpen] = useState(false);
  const [roundingOpen, setRoundingOpen] = useState(false);
  const forms = (data?.forms ?? []).filter(
    (f) => kind === 'all' || (f.current ?? f.versions.at(-1))?.kind === kind,
  );
  const canAddForm = !!data && (data.canManageNational || data.manageableProvinces.length > 0);
  const addVersionButton = (r: AwardFormRow) =>
    r.canAddVersion ? (
      <Button size="small" icon={<PlusOutlined />} onClick={() => setVersionOf(r)}>
        Phiên bản mới
      </Button>
    ) : null;

  const kindFilter = (
    <Segmented<KindFilter>
      size="small"
      value={kind}
      onChange={setKind}
      aria-label="Lọc theo loại"
      options={[
        { value: 'all', label: 'Tất cả' },
        { value: 'title', label: 'Danh hiệu' },
        { value: 'form', label: 'Hình thức' },
      ]}
    />
  );

  const columns: TableColumnsType<AwardFormRow> = [
    {
      title: 'Danh hiệu, hình thức',
      key: 'name',
      width: 230,
      render: (_: unknown, r) => <NameCell row={r} />,
    },
    {
      title: 'Đối tượng',
      key: 'subject',
      width: 130,
      render: (_: unknown, r) => {
        const v = r.current ?? r.versions.at(-1);
        return v ? (
          <div>
            {awardSubjectLabels[v.subject]}
            <div className="award-explanation">{awardKindLabels[v.kind]}</div>
          </div>
        ) : null;
      },
    },
    {
      title: 'Hệ số',
      key: 'rate',
      width: 110,
      render: (_: unknown, r) => (r.current ? <Rate v={r.current} /> : '—'),
    },
    {
      title: 'Thẩm quyền quyết định',
      key: 'deciders',
      width: 250,
      render: (_: unknown, r) =>
        r.current?.deciders.map((d) => <div key={d}>{deciderLabels[d]}</div>) ?? '—',
    },
    {
      title: `Mức tiền ${data ? `ngày ${formatDate(data.date)}` : ''}`,
      key: 'amount',
      width: 240,
      render: (_: unknown, r) => <Amount row={r} />,
    },
    { title: '', key: 'actions', width: 140, render: (_: unknown, r) => addVersionButton(r) },
  ];
  const compactColumns: TableColumnsType<AwardFormRow> = [
    {
      title: 'Danh hiệu, hình thức',
      key: 'all',
      render: (_: unknown, r) => (
        <div>
          <Flex justify="space-between" align="start" gap={8}>
            <NameCell row={r} />
            {addVersionButton(r)}
          </Flex>
          {r.current && (
            <div>
              {awardSubjectLabels[r.current.subject]} · <Rate v={r.current} />
              <div className="award-explanation">
                {r.current.deciders.map((d) => deciderLabels[d]).join('; ')}
              </div>
            </div>
          )}
          <Amount row={r} />
        </div>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="Danh mục khen thưởng"
        subtitle="Danh hiệu thi đua, hình thức khen thưởng, hệ số theo Nghị định 152/2025/NĐ-CP, thẩm quyền và mức tiền theo mức lương cơ sở tại ngày quyết định"
        extra={
          <Space wrap>
            <span>Tại ngày</span>
            <DatePicker
              aria-label="Xem danh mục tại ngày"
              format="DD/MM/YYYY"
              allowClear
              value={date ? dayjs(date) : dayjs(data?.date)}
              onChange={(d) => update({ date: d ? d.format('YYYY-MM-DD') : undefined })}
            />
            {canAddForm && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setVersionOf(null)}>
                Thêm danh hiệu, hình thức
              </Button>
            )}
          </Space>
        }
      />
      <ErrorAlert error={catalogue.error} />
      <Card
        size="small"
        title={phone ? undefined : 'Danh hiệu và hình thức'}
        extra={phone ? undefined : kindFilter}
        style={{ marginBottom: 16 }}
      >
        {phone && <div style={{ marginBottom: 8 }}>{kindFilter}</div>}
        <Table<AwardFormRow>
          size="small"
          rowKey="id"
          loading={catalogue.isFetching}
          dataSource={forms}
          columns={phone ? compactColumns : columns}
          scroll={phone ? undefined : { x: 1000 }}
          pagination={false}
          expandable={{
            columnWidth: phone ? 44 : 60,
            expandedRowRender: (r) => <History row={r} />,
            expandIcon: ({ expanded, onExpand, record }) => (
              <Button
                size="small"
                type="text"
                icon={<HistoryOutlined />}
                aria-expanded={expanded}
                aria-label={`Lịch sử phiên bản ${record.code}`}
                title="Lịch sử phiên bản"
                onClick={(e) => onExpand(record, e)}
              >
                {record.versions.length}
              </Button>
            ),
          }}
          locale={{ emptyText: 'Không có danh hiệu, hình thức nào' }}
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card
            size="small"
            title="Mức lương cơ sở"
            style={{ marginBottom: 16 }}
            extra={
              data?.canManageNational && (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setSalaryOpen(true)}>
                  Thêm mức mới
                </Button>
              )
            }
          >
            {data && <BaseSalaryChart rows={data.baseSalaries} date={data.date} />}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card
            size="small"
            title="Quy tắc làm tròn"
            style={{ marginBottom: 16 }}
            extra={
              data?.canManageNational && (
                <Button size="small" onClick={() => setRoundingOpen(true)}>
                  Đặt quy tắc mới
                </Button>
              )
            }
          >
            {data?.roundings.map((r) => (
              <div key={r.id} className="rounding-row">
                <Typography.Text strong>{period(r.effectiveFrom, r.effectiveTo)}</Typography.Text>
                <div>
                  {roundingModeLabels[r.mode]}
                  {r.mode === 'none' ? '' : ` đến ${vnd(r.step)}`}
                </div>
                {r.legalBasis && <Typography.Text type="secondary">{r.legalBasis}</Typography.Text>}
              </div>
            ))}
          </Card>
        </Col>
      </Row>
      {data && (
        <VersionModal
          open={versionOf !== undefined}
          form={versionOf ?? null}
          catalogue={data}
          onClose={() => setVersionOf(undefined)}
        />
      )}
      <BaseSalaryModal open={salaryOpen} onClose={() => setSalaryOpen(false)} />
      <RoundingModal open={roundingOpen} onClose={() => setRoundingOpen(false)} />
    </>
  );
}
