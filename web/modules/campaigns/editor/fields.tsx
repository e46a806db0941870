/** Building blocks of the plan editor: list fields with add / remove / reorder, date pickers. */
import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import { Button, DatePicker, Flex, Form, Input, InputNumber, Tooltip, Typography } from 'antd';
import type { DatePickerProps, FormListFieldData, FormListOperation, InputNumberProps } from 'antd';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { addAndFocus } from '../../../ui/focus-new-field';

/** False when the plan is shown read-only: controls are disabled and row buttons hidden. */
export const EditableContext = createContext(true);
export const useEditable = () => useContext(EditableContext);

export const DATE_FORMAT = 'DD/MM/YYYY';

export function DateInput(props: DatePickerProps) {
  return <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} {...props} />;
}

/** Whole đồng with thousands separators ("300.000"). */
export function MoneyInput(props: InputNumberProps<number>) {
  return (
    <InputNumber<number>
      min={0}
      precision={0}
      style={{ width: '100%' }}
      formatter={(v) =>
        v === undefined || v === null || String(v) === '' ? '' : Number(v).toLocaleString('vi-VN')
      }
      parser={(v) => Number((v ?? '').replace(/\D/g, '')) || 0}
      suffix="đ"
      inputMode="numeric"
      {...props}
    />
  );
}

/** Up / down / remove buttons of one list row (hidden when read-only). */
export function RowButtons({
  index,
  count,
  ops,
  label,
}: {
  index: number;
  count: number;
  ops: FormListOperation;
  label: string;
}) {
  const editable = useEditable();
  if (!editable) return null;
  return (
    <Flex gap={2} style={{ flex: 'none' }}>
      <Tooltip title="Chuyển lên">
        <Button
          type="text"
          size="small"
          icon={<ArrowUpOutlined />}
          aria-label={`Chuyển ${label} ${index + 1} lên`}
          disabled={index === 0}
          onClick={() => ops.move(index, index - 1)}
        />
      </Tooltip>
      <Tooltip title="Chuyển xuống">
        <Button
          type="text"
          size="small"
          icon={<ArrowDownOutlined />}
          aria-label={`Chuyển ${label} ${index + 1} xuống`}
          disabled={index === count - 1}
          onClick={() => ops.move(index, index + 1)}
        />
      </Tooltip>
      <Tooltip title="Xoá">
        <Button
          type="text"
          size="small"
          danger
          icon={<DeleteOutlined />}
          aria-label={`Xoá ${label} ${index + 1}`}
          onClick={() => ops.remove(index)}
        />
      </Tooltip>
    </Flex>
  );
}

/** "Thêm …": adds a row (`onClick`) and moves the focus to its first field. */
export function AddButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  const editable = useEditable();
  if (!editable) return null;
  return (
    <Button
      type="dashed"
      icon={<PlusOutlined />}
      onClick={(e) => addAndFocus(e, onClick)}
      style={{ marginBottom: 16 }}
    >
      {children}
    </Button>
  );
}

type LinesProps = {
  name: (string | number)[];
  label: string;
  /** "nội dung" in "Thêm nội dung", "Xoá nội dung 2". */
  itemLabel: string;
  placeholder?: string;
  /** Shows "1.", "2." before each line (the document numbers them). */
  numbered?: boolean;
  help?: ReactNode;
  /** Rows are objects and the text is this key of each (criteria: `{ id, text }`). */
  textKey?: string;
};

/** A list of free-text lines (mục đích, nội dung, tiêu chí, nơi nhận…), one TextArea each. */
export function LinesField({
  name,
  label,
  itemLabel,
  placeholder,
  numbered,
  help,
  textKey,
}: LinesProps) {
  return (
    <Form.List name={name}>
      {(fields, ops, { errors }) => (
        <div style={{ marginBottom: 8 }}>
          <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
            {label}
          </Typography.Text>
          {help && (
            <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 6 }}>
              {help}
            </Typography.Text>
          )}
          {fields.map((field) => (
            <LineRow
              key={field.key}
              field={field}
              count={fields.length}
              ops={ops}
              itemLabel={itemLabel}
              placeholder={placeholder}
              numbered={numbered}
              textKey={textKey}
            />
          ))}
          <Form.ErrorList errors={errors} />
          <AddButton onClick={() => ops.add(textKey === undefined ? '' : { [textKey]: '' })}>
            Thêm {itemLabel}
          </AddButton>
        </div>
      )}
    </Form.List>
  );
}

function LineRow({
  field,
  count,
  ops,
  itemLabel,
  placeholder,
  numbered,
  textKey,
}: {
  field: FormListFieldData;
  count: number;
  ops: FormListOperation;
  itemLabel: string;
  placeholder?: string;
  numbered?: boolean;
  textKey?: string;
}) {
  return (
    <Flex gap={8} align="start">
      {numbered && (
        <span style={{ flex: 'none', width: 24, paddingTop: 5, textAlign: 'right' }}>
          {field.name + 1}.
        </span>
      )}
      <Form.Item
        name={textKey === undefined ? field.name : [field.name, textKey]}
        style={{ flex: 1, minWidth: 0, marginBottom: 8 }}
      >
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 8 }}
          placeholder={placeholder}
          aria-label={`${itemLabel.charAt(0).toUpperCase()}${itemLabel.slice(1)} ${field.name + 1}`}
        />
      </Form.Item>
      <RowButtons index={field.name} count={count} ops={ops} label={itemLabel} />
    </Flex>
  );
}

/** A bordered box around one structured row (a reward form, a quota, an assignment…). */
export function RowCard({
  title,
  extra,
  children,
}: {
  title: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div
      style={{
        border: '1px solid #f0f0f0',
        borderRadius: 8,
        padding: '8px 12px 0',
        marginBottom: 12,
        background: '#fcfcfc',
      }}
    >
      <Flex justify="space-between" align="center" style={{ marginBottom: 4 }}>
        <Typography.Text type="secondary">{title}</Typography.Text>
        {extra}
      </Flex>
      {children}
    </div>
  );
}
