import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { isApiError } from '../../api/client';
import {
  defaultBands,
  defaultTieBreak,
  rankKeyLabels,
  tieBreakSteps,
} from '../../../shared/criteria';
import type { Band, TieBreakStep } from '../../../shared/criteria';
import { applyFormErrors } from '../../ui/form-errors';
import type { PlanDetail } from '../campaigns/plans.api';
import { useBindPlanEvaluation } from './criteria.api';
import { usePublishedVersions, versionLabel } from './criteria-create';

/** `key` is kept from the saved bands and made from the label for new rows (people never see it). */
type BandRow = { key?: string; label: string; minPercent: number | null };

/** "Hoàn thành tốt" → "hoan_thanh_tot" (at most 30 characters). */
function slug(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 30);
}

/** Keys for the rows: saved ones kept, new ones from the label, made unique by a suffix. */
function withKeys(rows: readonly BandRow[]): Band[] {
  const used = new Set<string>();
  return rows.map((r, i) => {
    const base = r.key?.trim() || slug(r.label) || `muc_${i + 1}`;
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base.slice(0, 27)}_${n}`;
    used.add(key);
    return { key, label: r.label.trim(), minPercent: r.minPercent ?? 0 };
  });
}
/** One tie-break step in the order shown; `on` = used. */
type TieRow = { step: TieBreakStep; on: boolean };

type Values = {
  criteriaVersionId?: number | null;
  assessmentDeadline?: Dayjs | null;
  useDefaults: boolean;
  bands: BandRow[];
  useDefaultTieBreak: boolean;
  tieRows: TieRow[];
  /** Empty = the top band (the server's null). */
  qualifyingBandKeys: string[];
};

/** The plan's order first (used), then the steps it leaves out (unused). */
function tieRowsOf(tieBreak: readonly TieBreakStep[] | null): TieRow[] {
  const used = tieBreak ?? defaultTieBreak;
  return [
    ...used.map((step) => ({ step, on: true })),
    ...tieBreakSteps.filter((s) => !used.includes(s)).map((step) => ({ step, on: false })),
  ];
}

/** The bands the form would save now (keys as `withKeys` makes them). */
function currentBands(useDefaults: boolean, rows: readonly BandRow[] | undefined): Band[] {
  if (useDefaults) return defaultBands;
  return withKeys((rows ?? []).filter((r) => (r.label ?? '').trim() !== ''));
}

/** The same rules as the server (bandProblems): distinct keys and thresholds, one from 0 %. */
function bandsProblem(rows: readonly BandRow[]): string | null {
  if (rows.length < 2) return 'Cần ít nhất 2 mức xếp loại';
  if (new Set(rows.map((r) => r.label?.trim())).size !== rows.length)
    return 'Tên mức xếp loại bị trùng';
  if (new Set(rows.map((r) => r.minPercent)).size !== rows.length)
    return 'Hai mức xếp loại trùng tỷ lệ tối thiểu';
  if (!rows.some((r) => r.minPercent === 0)) return 'Cần một mức bắt đầu từ 0%';
  return null;
}

type Props = {
  plan: PlanDetail;
  criteriaVersionId: number | null;
  bands: Band[] | null;
  assessmentDeadline: string | null;
  tieBreak: TieBreakStep[] | null;
  qualifyingBandKeys: string[] | null;
  onDone: () => void;
};

/**
 * Choose a published criteria version, the bands, the order of the tie-break steps and the bands
 * that qualify for commendation; saved with the plan's version.
 */
export function PlanEvaluationForm({
  plan,
  criteriaVersionId,
  bands,
  assessmentDeadline,
  tieBreak,
  qualifyingBandKeys,
  onDone,
}: Props) {
  const [form] = Form.useForm<Values>();
  const published = usePublishedVersions();
  const bind = useBindPlanEvaluation();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const useDefaults = Form.useWatch('useDefaults', form) ?? bands === null;
  const useDefaultTieBreak = Form.useWatch('useDefaultTieBreak', form) ?? tieBreak === null;
  const tieRows = Form.useWatch('tieRows', form) ?? tieRowsOf(tieBreak);
  const bandRows = Form.useWatch('bands', form);
  const bandOptions = currentBands(useDefaults, bandRows).map((b) => ({
    value: b.key,
    label: b.label,
  }));
  const options = published.items.map((v) => ({
    value: v.id,
    label: v.set.isExample ? `${versionLabel(v)} (chỉ để minh họa)` : versionLabel(v),
  }));

  const onFinish = (v: Values) => {
    setError(null);
    const rows = v.useDefaults ? [] : withKeys(v.bands).sort((a, b) => b.minPercent - a.minPercent);
    bind.mutate(
      {
        planId: plan.id,
        version: plan.version,
        criteriaVersionId: v.criteriaVersionId ?? null,
        bands: v.useDefaults ? null : rows,
        assessmentDeadline: v.assessmentDeadline ? v.assessmentDeadline.format('YYYY-MM-DD') : null,
        tieBreak: v.useDefaultTieBreak ? null : v.tieRows.filter((r) => r.on).map((r) => r.step),
        qualifyingBandKeys: v.qualifyingBandKeys.length === 0 ? null : v.qualifyingBandKeys,
      },
      {
        onSuccess: () => {
          void message.success('Đã lưu bộ tiêu chí, mức xếp loại và cách xếp hạng của kế hoạch.');
          onDone();
        },
        onError: (e) => {
          if (isApiError(e, 'CONFLICT')) {
            setError(`${e.message} Kế hoạch đã được tải lại: hãy kiểm tra rồi lưu lại.`);
            return;
          }
          setError(
            applyFormErrors(form, e, [
              'criteriaVersionId',
              'assessmentDeadline',
              'bands',
              'qualifyingBandKeys',
            ]),
          );
        },
      },
    );
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      style={{ maxWidth: 720 }}
      initialValues={{
        criteriaVersionId: criteriaVersionId ?? undefined,
        assessmentDeadline: assessmentDeadline ? dayjs(assessmentDeadline) : null,
        useDefaults: bands === null,
        bands: (bands ?? defaultBands).map((b) => ({ ...b })),
        useDefaultTieBreak: tieBreak === null,
        tieRows: tieRowsOf(tieBreak),
        qualifyingBandKeys: qualifyingBandKeys ?? [],
      }}
    >
      {error && (
        <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        name="criteriaVersionId"
        label="Bộ tiêu chí đánh giá (đã ban hành)"
        extra="Chỉ chọn được phiên bản đã ban hành. Để trống nếu phong trào không chấm điểm theo bộ tiêu chí."
      >
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={options}
          loading={published.isFetching}
          placeholder="Chọn bộ tiêu chí"
          notFoundContent="Chưa có bộ tiêu chí nào đã ban hành"
        />
      </Form.Item>
      <Form.Item
        name="assessmentDeadline"
        label="Hạn nộp tự đánh giá"
        extra="Ngày cuối cùng (tính cả ngày) các đơn vị nộp bản tự chấm điểm."
      >
        <DatePicker format="DD/MM/YYYY" style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="useDefaults" valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox>
          Dùng mức xếp loại mặc định (Xuất sắc ≥ 90%, Tốt ≥ 80%, Khá ≥ 70%, Trung bình ≥ 50%)
        </Checkbox>
      </Form.Item>
      {!useDefaults && (
        <Form.Item label="Mức xếp loại của kế hoạch" required>
          <Form.List
            name="bands"
            rules={[
              {
                validator: (_, rows: BandRow[] | undefined) => {
                  const problem = bandsProblem(rows ?? []);
                  return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((f, i) => (
                  <Flex key={f.key} gap={8} align="baseline">
                    <Form.Item
                      name={[f.name, 'label']}
                      rules={[{ required: true, whitespace: true, message: 'Nhập tên mức' }]}
                      style={{ marginBottom: 8, flex: '1 1 160px', minWidth: 0 }}
                    >
                      <Input
                        placeholder="Tên mức, ví dụ Xuất sắc"
                        aria-label={`Mức ${i + 1}: tên`}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'minPercent']}
                      rules={[{ required: true, message: 'Nhập tỷ lệ' }]}
                      style={{ marginBottom: 8 }}
                    >
                      <InputNumber
                        min={0}
                        max={100}
                        prefix="≥"
                        suffix="%"
                        decimalSeparator=","
                        aria-label={`Mức ${i + 1}: từ bao nhiêu % tổng điểm`}
                        style={{ width: 120 }}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={`Xóa mức ${i + 1}`}
                      disabled={fields.length <= 2}
                      onClick={() => remove(f.name)}
                    />
                  </Flex>
                ))}
                <Form.ErrorList errors={errors} />
                <Flex gap={8} wrap>
                  <Button
                    icon={<PlusOutlined />}
                    disabled={fields.length >= 10}
                    onClick={() => add({ label: '', minPercent: null })}
                  >
                    Thêm mức
                  </Button>
                  <Button
                    onClick={() =>
                      form.setFieldValue(
                        'bands',
                        defaultBands.map((b) => ({ ...b })),
                      )
                    }
                  >
                    Đặt lại theo mặc định
                  </Button>
                </Flex>
              </>
            )}
          </Form.List>
        </Form.Item>
      )}
      <Form.Item
        name="qualifyingBandKeys"
        label="Mức xếp loại được xét khen thưởng"
        extra="Đơn vị đạt các mức này mới được đề nghị khen thưởng; cá nhân chỉ đủ điều kiện khi đơn vị đạt một trong các mức này. Để trống: chỉ mức cao nhất."
        rules={[
          {
            validator: (_, keys: string[] | undefined) => {
              const missing = (keys ?? []).filter((k) => !bandOptions.some((o) => o.value === k));
              return missing.length > 0
                ? Promise.reject(new Error('Có mức đã chọn không còn trong các mức xếp loại'))
                : Promise.resolve();
            },
          },
        ]}
      >
        <Select
          mode="multiple"
          allowClear
          options={bandOptions}
          placeholder={`Mặc định: ${bandOptions[0]?.label ?? 'mức cao nhất'}`}
          aria-label="Mức xếp loại được xét khen thưởng"
          style={{ maxWidth: 420 }}
        />
      </Form.Item>
      <Form.Item name="useDefaultTieBreak" valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox>Khi bằng tỷ lệ điểm, xét theo thứ tự mặc định</Checkbox>
      </Form.Item>
      {!useDefaultTieBreak && (
        <Form.Item
          label="Thứ tự xét khi bằng tỷ lệ điểm"
          extra="Các đơn vị bằng tỷ lệ điểm được xếp theo các tiêu chí được chọn, lần lượt từ trên xuống; vẫn bằng nhau thì đồng hạng."
        >
          <Form.List name="tieRows">
            {(fields, { move }) => (
              <Flex vertical gap={4}>
                {fields.map((f, i) => {
                  const step = tieRows[i]?.step;
                  const label = step ? rankKeyLabels[step] : '';
                  return (
                    <Flex key={f.key} gap={8} align="center">
                      <Typography.Text type="secondary" style={{ width: 20 }}>
                        {i + 1}.
                      </Typography.Text>
                      {/* Registered so that the step travels with the row when it moves. */}
                      <Form.Item name={[f.name, 'step']} hidden>
                        <Input />
                      </Form.Item>
                      <Form.Item name={[f.name, 'on']} valuePropName="checked" noStyle>
                        <Checkbox style={{ flex: '1 1 auto' }}>{label}</Checkbox>
                      </Form.Item>
                      <Button
                        type="text"
                        icon={<ArrowUpOutlined />}
                        aria-label={`Đưa lên: ${label}`}
                        disabled={i === 0}
                        onClick={() => move(i, i - 1)}
                      />
                      <Button
                        type="text"
                        icon={<ArrowDownOutlined />}
                        aria-label={`Đưa xuống: ${label}`}
                        disabled={i === fields.length - 1}
                        onClick={() => move(i, i + 1)}
                      />
                    </Flex>
                  );
                })}
              </Flex>
            )}
          </Form.List>
        </Form.Item>
      )}
      <Flex gap={8} wrap>
        <Button type="primary" htmlType="submit" loading={bind.isPending}>
          Lưu
        </Button>
        <Button onClick={onDone}>Hủy</Button>
      </Flex>
    </Form>
  );
}
