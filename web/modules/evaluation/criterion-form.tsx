import { Alert, Button, Checkbox, Flex, Form, Input, InputNumber, Modal, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { scoringMethodLabels, scoringMethods } from '../../../shared/criteria';
import type { CriterionNode, Scoring, ScoringMethod } from '../../../shared/criteria';
import { fmt, isLeaf } from './criteria-tree';

/** The criterion editor: code, title, maximum, and for a leaf its scoring method with parameters. */

type TierRow = { minPercent: number | null; points: number | null };
type NodeValues = {
  code: string;
  title: string;
  maxPoints: number | null;
  method?: ScoringMethod;
  tiers?: TierRow[];
  perIncident?: number | null;
  surveyMax?: number | null;
  maxBonus?: number | null;
  maxPenalty?: number | null;
  evidenceRequired: boolean;
  guidance?: string;
};

const methodOptions = scoringMethods.map((m) => ({ value: m, label: scoringMethodLabels[m] }));

function toValues(node: CriterionNode): NodeValues {
  const s = node.scoring;
  return {
    code: node.code,
    title: node.title,
    maxPoints: node.maxPoints,
    method: s?.method ?? 'binary',
    tiers:
      s?.method === 'tiered_percent'
        ? [...s.tiers].sort((a, b) => b.minPercent - a.minPercent)
        : [{ minPercent: 100, points: node.maxPoints }],
    perIncident: s?.method === 'deduction' ? s.perIncident : 1,
    surveyMax: s?.method === 'survey' ? s.surveyMax : 100,
    maxBonus: s?.method === 'adjustment' ? s.maxBonus : node.maxPoints,
    maxPenalty: s?.method === 'adjustment' ? s.maxPenalty : node.maxPoints,
    evidenceRequired: node.evidenceRequired,
    guidance: node.guidance ?? '',
  };
}

const n0 = (v: number | null | undefined) => v ?? 0;

function toScoring(v: NodeValues): Scoring {
  switch (v.method ?? 'binary') {
    case 'tiered_percent':
      return {
        method: 'tiered_percent',
        tiers: (v.tiers ?? [])
          .map((t) => ({ minPercent: n0(t.minPercent), points: n0(t.points) }))
          .sort((a, b) => b.minPercent - a.minPercent),
      };
    case 'deduction':
      return { method: 'deduction', perIncident: n0(v.perIncident) };
    case 'survey':
      return { method: 'survey', surveyMax: n0(v.surveyMax) };
    case 'adjustment':
      return { method: 'adjustment', maxBonus: n0(v.maxBonus), maxPenalty: n0(v.maxPenalty) };
    case 'manual':
      return { method: 'manual' };
    case 'binary':
      return { method: 'binary' };
  }
}

function toNode(v: NodeValues, node: CriterionNode): CriterionNode {
  const guidance = v.guidance?.trim();
  const base: CriterionNode = {
    id: node.id,
    code: v.code.trim(),
    title: v.title.trim(),
    maxPoints: n0(v.maxPoints),
    evidenceRequired: v.evidenceRequired,
    children: node.children,
    ...(guidance ? { guidance } : {}),
  };
  return isLeaf(node) ? { ...base, scoring: toScoring(v) } : base;
}

type Props = {
  open: boolean;
  title: string;
  node: CriterionNode;
  /** Codes used elsewhere in the tree (a code is printed, so it must be unique). */
  otherCodes: ReadonlySet<string>;
  onOk: (node: CriterionNode) => void;
  onCancel: () => void;
};

export function CriterionModal({ open, title, node, otherCodes, onOk, onCancel }: Props) {
  const [form] = Form.useForm<NodeValues>();
  const leaf = isLeaf(node);
  const method = Form.useWatch('method', form);
  const maxPoints = Form.useWatch('maxPoints', form);
  return (
    <Modal
      open={open}
      title={title}
      okText="Áp dụng"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
      width={720}
    >
      <Form<NodeValues>
        form={form}
        layout="vertical"
        initialValues={toValues(node)}
        preserve={false}
        onFinish={(v) => onOk(toNode(v, node))}
      >
        <Flex gap={12} wrap>
          <Form.Item
            name="code"
            label="Số hiệu"
            style={{ flex: '0 0 140px' }}
            rules={[
              { required: true, whitespace: true, message: 'Nhập số hiệu, ví dụ 1.2' },
              { max: 30, message: 'Tối đa 30 ký tự' },
              {
                validator: (_, v: string | undefined) =>
                  v && otherCodes.has(v.trim())
                    ? Promise.reject(new Error('Số hiệu đã có ở mục khác'))
                    : Promise.resolve(),
              },
            ]}
          >
            <Input placeholder="1.2.a" />
          </Form.Item>
          <Form.Item
            name="maxPoints"
            label="Điểm tối đa"
            style={{ flex: '0 0 140px' }}
            rules={[{ required: true, message: 'Nhập điểm tối đa' }]}
          >
            <InputNumber min={0} max={1000} decimalSeparator="," />
          </Form.Item>
        </Flex>
        <Form.Item
          name="title"
          label="Nội dung tiêu chí"
          rules={[
            { required: true, whitespace: true, message: 'Nhập nội dung tiêu chí' },
            { max: 1000, message: 'Tối đa 1.000 ký tự' },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        {leaf ? (
          <>
            <Form.Item name="method" label="Cách chấm điểm" rules={[{ required: true }]}>
              <Select options={methodOptions} />
            </Form.Item>
            {method === 'tiered_percent' && <TierList maxPoints={maxPoints ?? null} />}
            {method === 'deduction' && (
              <Form.Item
                name="perIncident"
                label="Số điểm trừ mỗi lần vi phạm"
                rules={[{ required: true, message: 'Nhập số điểm trừ mỗi lần' }]}
              >
                <InputNumber min={0.01} max={1000} decimalSeparator="," />
              </Form.Item>
            )}
            {method === 'survey' && (
              <Form.Item
                name="surveyMax"
                label="Thang điểm khảo sát"
                extra="Điểm = điểm tối đa × điểm khảo sát / thang điểm."
                rules={[{ required: true, message: 'Nhập thang điểm khảo sát' }]}
              >
                <InputNumber min={1} max={10000} decimalSeparator="," />
              </Form.Item>
            )}
            {method === 'adjustment' && <AdjustmentCaps />}
          </>
        ) : (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="Điểm của mục này là tổng điểm các tiêu chí con; cách chấm đặt ở các tiêu chí cuối."
          />
        )}
        <Form.Item name="evidenceRequired" valuePropName="checked">
          <Checkbox>Bắt buộc có tài liệu kiểm chứng</Checkbox>
        </Form.Item>
        <Form.Item
          name="guidance"
          label="Hướng dẫn chấm, tài liệu kiểm chứng"
          rules={[{ max: 4000, message: 'Tối đa 4.000 ký tự' }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Rows "≥ minPercent % → points"; read from the highest threshold down, below all → 0. */
function TierList({ maxPoints }: { maxPoints: number | null }) {
  return (
    <Form.Item
      label="Các mức tỷ lệ"
      extra={`Đọc từ mức cao xuống; dưới mọi mức được 0 điểm. Mức cao nhất phải cho đủ ${fmt(maxPoints ?? 0)} điểm.`}
      required
    >
      <Form.List
        name="tiers"
        rules={[
          {
            validator: (_, rows: TierRow[] | undefined) =>
              rows && rows.length > 0
                ? Promise.resolve()
                : Promise.reject(new Error('Cần ít nhất một mức')),
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((f, i) => (
              <Flex key={f.key} gap={6} align="baseline">
                <span aria-hidden>≥</span>
                <Form.Item
                  name={[f.name, 'minPercent']}
                  rules={[{ required: true, message: 'Nhập tỷ lệ' }]}
                  style={{ marginBottom: 8 }}
                >
                  <InputNumber
                    min={0}
                    max={100}
                    suffix="%"
                    decimalSeparator=","
                    aria-label={`Mức ${i + 1}: tỷ lệ tối thiểu`}
                    style={{ width: 96 }}
                  />
                </Form.Item>
                <span aria-hidden>→</span>
                <Form.Item
                  name={[f.name, 'points']}
                  rules={[
                    { required: true, message: 'Nhập số điểm' },
                    {
                      validator: (_, v: number | null) =>
                        v !== null && maxPoints !== null && v > maxPoints
                          ? Promise.reject(new Error(`Vượt điểm tối đa ${fmt(maxPoints)}`))
                          : Promise.resolve(),
                    },
                  ]}
                  style={{ marginBottom: 8 }}
                >
                  <InputNumber
                    min={0}
                    max={1000}

                    suffix="điểm"
                    decimalSeparator=","
                    aria-label={`Mức ${i + 1}: số điểm`}
                    style={{ width: 112 }}
                  />
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`Xóa mức ${i + 1}`}
                  disabled={fields.length === 1}
                  onClick={() => remove(f.name)}
                />
              </Flex>
            ))}
            <Form.ErrorList errors={errors} />
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ minPercent: null, points: null })}
              disabled={fields.length >= 20}
            >
              Thêm mức
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

function AdjustmentCaps() {
  return (
    <Flex gap={12} wrap>
      <Form.Item
        name="maxBonus"
        label="Điểm thưởng tối đa"
        dependencies={['maxPoints']}
        extra="Bằng điểm tối đa của mục (cột “±” khi in)."
        rules={[
          { required: true, message: 'Nhập điểm thưởng tối đa' },
          ({ getFieldValue }) => ({
            validator: (_, v: number | null) =>
              v !== null && v !== getFieldValue('maxPoints')
                ? Promise.reject(new Error('Phải bằng điểm tối đa của mục'))
                : Promise.resolve(),
          }),
        ]}
      >
        <InputNumber min={0} max={1000} decimalSeparator="," />
      </Form.Item>
      <Form.Item
        name="maxPenalty"
        label="Điểm trừ tối đa"
        rules={[{ required: true, message: 'Nhập điểm trừ tối đa' }]}
      >
        <InputNumber min={0} max={1000} decimalSeparator="," />
      </Form.Item>
    </Flex>
  );
}
