import { Flex, Input, InputNumber, Radio, Tag, Tooltip, Typography } from 'antd';
import { ExclamationCircleFilled } from '@ant-design/icons';
import type { CriterionNode, Scoring } from '../../../shared/criteria';
import { fmt, scoringSummary } from './criteria-tree';
import type { LeafInput } from './sheet.api';

/** The pieces of one leaf of a score sheet: title, the input by scoring method, explanation. */

/** A leaf's unsaved edits: the whole input and explanation as they will be saved. */
export type LeafDraft = { input: LeafInput; note: string };

/** Which tier a percentage falls into, as a line for the user. */
export function tierHint(scoring: Extract<Scoring, { method: 'tiered_percent' }>, p: number) {
  const tier = [...scoring.tiers]
    .sort((a, b) => b.minPercent - a.minPercent)
    .find((t) => p >= t.minPercent);
  return tier
    ? `Mức ≥ ${fmt(tier.minPercent)}% → ${fmt(tier.points)} điểm`
    : 'Dưới mọi mức → 0 điểm';
}

/** Whether the draft carries the figure its method needs (else nothing is scored yet). */
export function hasFigure(scoring: Scoring | undefined, input: LeafInput): boolean {
  switch (scoring?.method) {
    case 'binary':
      return typeof input.met === 'boolean';
    case 'tiered_percent':
      return typeof input.percent === 'number';
    case 'deduction':
      return typeof input.incidents === 'number';
    case 'manual':
    case 'adjustment':
      return typeof input.points === 'number';
    default:
      return false;
  }
}

const num = (v: number | null) => (typeof v === 'number' ? v : undefined);

type InputProps = {
  node: CriterionNode;
  value: LeafInput;
  disabled: boolean;
  onChange: (next: LeafInput) => void;
  /** Who enters the figure, for the accessible name: "Tự chấm" (default), "Thẩm định lần 1" … */
  stageLabel?: string;
};

/** The figure a unit (or an appraiser) enters for a leaf, by its scoring method. */
export function LeafInputWidget({
  node,
  value,
  disabled,
  onChange,
  stageLabel = 'Tự chấm',
}: InputProps) {
  const s = node.scoring;
  const label = `${stageLabel} mục ${node.code}`;
  if (!s) return <Typography.Text type="danger">Chưa có cách chấm</Typography.Text>;
  switch (s.method) {
    case 'binary':
      return (
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          size="small"
          disabled={disabled}
          aria-label={label}
          value={value.met === undefined ? undefined : value.met ? 'yes' : 'no'}
          onChange={(e) => onChange({ met: e.target.value === 'yes' })}
          options={[
            { value: 'yes', label: 'Đạt' },
            { value: 'no', label: 'Không đạt' },
          ]}
        />
      );
    case 'tiered_percent':
      return (
        <Flex vertical gap={2}>
          <InputNumber
            size="small"
            min={0}
            max={100}
            step={1}
            suffix="%"
            style={{ width: 120 }}
            disabled={disabled}
            aria-label={label}
            value={value.percent}
            onChange={(v) => onChange({ percent: num(v) })}
          />
          {typeof value.percent === 'number' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {tierHint(s, value.percent)}
            </Typography.Text>
          )}
        </Flex>
      );
    case 'deduction':
      return (
        <Flex vertical gap={2}>
          <InputNumber
            size="small"
            min={0}
            precision={0}
            suffix="lần"
            style={{ width: 120 }}
            disabled={disabled}
            aria-label={`${label}: số lần vi phạm`}
            value={value.incidents}
            onChange={(v) => onChange({ incidents: num(v) })}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            Trừ {fmt(s.perIncident)} điểm/lần
          </Typography.Text>
        </Flex>
      );
    case 'manual':
      return (
        <InputNumber
          size="small"
          min={0}
          max={node.maxPoints}
          step={0.25}
          suffix={`/ ${fmt(node.maxPoints)}`}
          style={{ width: 120 }}
          disabled={disabled}
          aria-label={`${label}: số điểm`}
          value={value.points}
          onChange={(v) => onChange({ points: num(v) })}
        />
      );
    case 'adjustment':
      return (
        <Flex vertical gap={2}>
          <InputNumber
            size="small"
            min={-s.maxPenalty}
            max={s.maxBonus}
            step={0.25}
            style={{ width: 120 }}
            disabled={disabled}
            aria-label={`${label}: điểm thưởng hoặc điểm trừ`}
            value={value.points}
            onChange={(v) => onChange({ points: num(v) })}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            Từ −{fmt(s.maxPenalty)} đến +{fmt(s.maxBonus)}
          </Typography.Text>
        </Flex>
      );
    case 'survey':
      return (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          Không tự chấm (theo kết quả khảo sát)
        </Typography.Text>
      );
  }
}

/** Code, title, method and guidance; the red marker when evidence or explanation is missing. */
export function LeafTitle({
  node,
  lacksEvidence,
  unscored,
}: {
  node: CriterionNode;
  lacksEvidence: boolean;
  unscored: boolean;
}) {
  return (
    <Flex vertical gap={2}>
      <Typography.Text>
        {lacksEvidence && (
          <Tooltip title="Bắt buộc có tài liệu kiểm chứng: hãy tải tệp lên hoặc ghi giải trình.">
            <ExclamationCircleFilled
              style={{ color: '#ff4d4f', marginInlineEnd: 6 }}
              aria-label="Thiếu kiểm chứng và giải trình"
            />
          </Tooltip>
        )}
        <strong>{node.code}.</strong> {node.title}
      </Typography.Text>
      <Flex gap={4} wrap>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {scoringSummary(node.scoring)}
        </Typography.Text>
        {node.evidenceRequired && (
          <Tag color={lacksEvidence ? 'error' : 'blue'} style={{ fontSize: 11 }}>
            {lacksEvidence ? 'Thiếu kiểm chứng / giải trình' : 'Bắt buộc minh chứng'}
          </Tag>
        )}
        {unscored && (
          <Tag color="warning" style={{ fontSize: 11 }}>
            Chưa chấm
          </Tag>
        )}
      </Flex>
      {node.guidance && (
        <Typography.Paragraph
          type="secondary"
          style={{ margin: 0, fontSize: 12 }}
          ellipsis={{
            rows: 1,
            expandable: 'collapsible',
            symbol: (e) => (e ? 'Thu gọn' : 'Hướng dẫn'),
          }}
        >
          {node.guidance}
        </Typography.Paragraph>
      )}
    </Flex>
  );
}

export function NoteBox({
  node,
  value,
  disabled,
  onChange,
}: {
  node: CriterionNode;
  value: string;
  disabled: boolean;
  onChange: (note: string) => void;
}) {
  if (disabled && !value) return null;
  return (
    <Input.TextArea
      size="small"
      autoSize={{ minRows: 1, maxRows: 5 }}
      maxLength={4000}
      placeholder="Giải trình (khi chưa có tài liệu kiểm chứng)"
      aria-label={`Giải trình mục ${node.code}`}
      disabled={disabled}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
