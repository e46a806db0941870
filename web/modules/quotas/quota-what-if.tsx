import { useState } from 'react';
import {
  Alert,
  Card,
  Flex,
  InputNumber,
  Progress,
  Segmented,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import { isApiError } from '../../api/client';
import { ErrorAlert } from '../../ui/error-alert';
import { useDebouncedValue, useIsMobile } from '../../ui/hooks';
import { formatNumber } from '../../ui/format';
import type { PlanDetail } from '../campaigns/plans.api';
import {
  quotaBaseLabels,
  quotaBases,
  quotaSubjectLabels,
  type QuotaBase,
  type QuotaRounding,
  type QuotaSubject,
} from '../../../shared/quotas';
import { useQuotaWhatIf, type QuotaWhatIfResult } from './quotas.api';

type Row = QuotaWhatIfResult['rows'][number];

const statusTag: Record<Row['status'], { color: string; label: string }> = {
  in: { color: 'green', label: 'Trong hạn mức' },
  out: { color: 'default', label: 'Ngoài hạn mức' },
  tie: { color: 'orange', label: 'Bằng điểm – Hội đồng quyết định' },
};

const roundingOptions: { value: QuotaRounding; label: string }[] = [
  { value: 'floor', label: 'Làm tròn xuống ("không quá")' },
  { value: 'round', label: 'Làm tròn' },
  { value: 'ceil', label: 'Làm tròn lên' },
];

/**
 * Plan tab "Hạn mức khen thưởng": try the plan's quota — or another count, percent, rounding —
 * over the published results and see who would be in or out, live, with the Decree 152 Art. 4(6)
 * tie-break and each explanation; nothing is saved (decision 037). The server decides who may.
 */
export function QuotaWhatIfTab({ plan }: { plan: PlanDetail }) {
  const planQuotas = plan.content.quotas;
  const [quotaId, setQuotaId] = useState<string | null>(planQuotas[0]?.id ?? null);
  const start = planQuotas.find((q) => q.id === quotaId);
  const [subject, setSubject] = useState<QuotaSubject>(start?.scope ?? 'collective');
  const [maxPercent, setMaxPercent] = useState<number | null>(start?.maxPercent ?? 20);
  const [maxCount, setMaxCount] = useState<number | null>(start?.maxCount ?? null);
  const [rounding, setRounding] = useState<QuotaRounding>('floor');
  const [base, setBase] = useState<QuotaBase>('eligible');
  const mobile = useIsMobile();

  const choose = (id: string | null) => {
    setQuotaId(id);
    const q = planQuotas.find((x) => x.id === id);
    if (q) {
      setSubject(q.scope);
      setMaxPercent(q.maxPercent);
      setMaxCount(q.maxCount);
    }
  };
  const input = useDebouncedValue(
    { quotaId, override: { subject, maxPercent, maxCount, rounding, base } },
    250,
  );
  const unbounded = maxPercent === null && maxCount === null;
  const whatIf = useQuotaWhatIf(plan.id, input);
  const data = whatIf.data;

  if (whatIf.error && !data) {
    if (isApiError(whatIf.error, 'FORBIDDEN'))
      return (
        <Alert
          type="info"
          showIcon
          title="Chỉ cán bộ thi đua, thủ trưởng đơn vị ban hành kế hoạch được xem thử hạn mức."
        />
      );
    if (isApiError(whatIf.error, 'INVALID_STATE'))
      return (
        <Alert type="info" showIcon title="Kết quả đánh giá của kế hoạch chưa được công bố." />
      );
  }

  const used = data ? Math.min(data.selected, data.cap) : 0;
  const percentUse = data && data.cap > 0 ? Math.round((used / data.cap) * 100) : 0;

  return (
    <Flex vertical gap={16} className="quota-what-if">
      <Card size="small" title="Xem thử hạn mức (không lưu)">
        <Flex wrap gap={12} align="center">
          {planQuotas.length > 0 && (
            <Select
              aria-label="Hạn mức của kế hoạch"
              style={{ minWidth: mobile ? '100%' : 320 }}
              value={quotaId ?? ''}
              onChange={(v) => choose(v === '' ? null : v)}
              options={[
                ...planQuotas.map((q) => ({
                  value: q.id,
                  label: `${q.level || 'Hạn mức'}: ${quotaSubjectLabels[q.scope]}${q.maxPercent !== null ? ` ${q.maxPercent}%` : ''}${q.maxCount !== null ? ` ${q.maxCount}` : ''}`,
                })),
                { value: '', label: 'Hạn mức tự nhập' },
              ]}
            />
          )}
          <Segmented<QuotaSubject>
            aria-label="Đối tượng"
            value={subject}
            onChange={(v) => setSubject(v)}
            options={[
              { value: 'collective', label: 'Tập thể' },
              { value: 'individual', label: 'Cá nhân' },
            ]}
          />
          <InputNumber
            aria-label="Tỷ lệ tối đa (%)"
            prefix="Tỷ lệ"
            suffix="%"
            min={0}
            max={100}
            value={maxPercent}
            onChange={(v) => setMaxPercent(v)}
            style={{ width: 170 }}
          />
          <InputNumber
            aria-label="Số lượng tối đa"
            prefix="Số lượng"
            min={0}
            precision={0}
            value={maxCount}
            onChange={(v) => setMaxCount(v)}
            style={{ width: 160 }}
          />
          <Select
            aria-label="Cách làm tròn"
            value={rounding}
            onChange={setRounding}
            options={roundingOptions}
            style={{ minWidth: 220 }}
          />
          <Select
            aria-label="Tính trên"
            value={base}
            onChange={setBase}
            options={quotaBases.map((b) => ({
              value: b,
              label: `Tính trên ${quotaBaseLabels[b]}`,
            }))}
            style={{ minWidth: 200 }}
          />
        </Flex>
        {unbounded && (
          <Alert
            style={{ marginTop: 12 }}
            type="warning"
            showIcon
            title="Cần số lượng tối đa hoặc tỷ lệ tối đa."
          />
        )}
      </Card>
      {whatIf.error && !unbounded ? <ErrorAlert error={whatIf.error} /> : null}
      {data && (
        <Card size="small">
          <Flex vertical gap={8}>
            <Typography.Text>
              Hạn mức: <b>{data.capReason}</b> — đã chọn {formatNumber(data.selected)} /{' '}
              {formatNumber(data.cap)} suất trên {formatNumber(data.rows.length)}{' '}
              {quotaSubjectLabels[data.quota.subject]} đủ điều kiện (căn cứ:{' '}
              {formatNumber(data.base)})
            </Typography.Text>
            <Progress
              aria-label="Mức sử dụng hạn mức"
              percent={percentUse}
              format={() => `${used}/${data.cap}`}
              status={data.tie ? 'exception' : 'normal'}
            />
            {data.tie && (
              <Alert
                type="warning"
                showIcon
                title={`Còn ${data.tie.seats} suất cho ${data.tie.keys.length} ${quotaSubjectLabels[data.quota.subject]} bằng điểm: Hội đồng quyết định.`}
              />
            )}
          </Flex>
        </Card>
      )}
      {data && (
        <Table<Row>
          size="small"
          rowKey="key"
          loading={whatIf.isFetching}
          dataSource={data.rows}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={mobile ? undefined : { x: 'max-content' }}
          columns={[
            { title: 'Thứ', dataIndex: 'position', width: 48 },
            ...(mobile
              ? [
                  {
                    title: 'Tập thể / cá nhân',
                    key: 'all',
                    render: (_: unknown, r: Row) => (
                      <Flex vertical gap={4}>
                        <Typography.Text strong>{r.name}</Typography.Text>
                        <Typography.Text type="secondary">
                          {formatNumber(r.score)} điểm{r.band ? ` · ${r.band}` : ''}
                        </Typography.Text>
                        <Outcome row={r} />
                      </Flex>
                    ),
                  },
                ]
              : [
                  { title: 'Tập thể / cá nhân', dataIndex: 'name' },
                  {
                    title: 'Điểm',
                    dataIndex: 'score',
                    align: 'right' as const,
                    render: (v: number) => formatNumber(v),
                  },
                  { title: 'Xếp loại', dataIndex: 'band' },
                  {
                    title: 'Kết quả',
                    key: 'status',
                    render: (_: unknown, r: Row) => <Outcome row={r} />,
                  },
                ]),
          ]}
        />
      )}
    </Flex>
  );
}

/** A candidate's place: in, out or tied, the Art. 4(6) mark, and the explanation. */
function Outcome({ row }: { row: Row }) {
  return (
    <Flex vertical gap={4}>
      <span>
        <Tag color={statusTag[row.status].color}>{statusTag[row.status].label}</Tag>
        {row.priority && <Tag color="magenta">Ưu tiên (Đ4 k6 NĐ 152)</Tag>}
      </span>
      <Typography.Text type="secondary" style={{ whiteSpace: 'normal', maxWidth: 520 }}>
        {row.explanation}
      </Typography.Text>
    </Flex>
  );
}
