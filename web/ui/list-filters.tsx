import type { CSSProperties, ReactNode } from 'react';
import { Card, Form, Input, Select } from 'antd';

/**
 * The filter card above a list: a small card holding a vertical form that never submits (the
 * fields drive the URL as they change). `top` sits above the form (a Segmented, say); children
 * are the form's content, usually a `<Row gutter={16}>` of `Col`s sized by the page.
 */
export function FilterCard({ top, children }: { top?: ReactNode; children: ReactNode }) {
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      {top}
      <Form layout="vertical" onSubmitCapture={(e) => e.preventDefault()}>
        {children}
      </Form>
    </Card>
  );
}

/** One labelled filter field; `id` names the control inside, so the label is its accessible name. */
export function FilterField({
  label,
  id,
  extra,
  style = { marginBottom: 8 },
  children,
}: {
  label: string;
  id: string;
  extra?: string;
  style?: CSSProperties;
  children: ReactNode;
}) {
  return (
    <Form.Item label={label} htmlFor={id} extra={extra} style={style}>
      {children}
    </Form.Item>
  );
}

/** The search box of a list, with the hint that accents may be left out (`example` shows how). */
export function SearchFilter({
  label,
  id,
  example,
  value,
  onChange,
  placeholder,
  style,
}: {
  label: string;
  id: string;
  example: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  style?: CSSProperties;
}) {
  return (
    <FilterField
      label={label}
      id={id}
      extra={`Tìm không dấu được, ví dụ: ${example}`}
      style={style}
    >
      <Input.Search
        id={id}
        allowClear
        placeholder={placeholder}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onSearch={(v) => onChange(v)}
      />
    </FilterField>
  );
}

/** A clearable choice among fixed options; empty means "all". */
export function SelectFilter<T extends string | number>({
  label,
  id,
  options,
  value,
  onChange,
  placeholder = 'Tất cả',
}: {
  label: string;
  id: string;
  options: { value: T; label: string }[];
  value: T | undefined;
  onChange: (value: T | undefined) => void;
  placeholder?: string;
}) {
  return (
    <FilterField label={label} id={id}>
      <Select<T>
        id={id}
        allowClear
        placeholder={placeholder}
        options={options}
        value={value}
        onChange={(v: T | undefined) => onChange(v)}
      />
    </FilterField>
  );
}
