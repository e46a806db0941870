import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import { Button, Card, Flex, Form, Input, Typography } from 'antd';
import type { FormListFieldData } from 'antd';
import type { Rule } from 'antd/es/form';
import { DeleteOutlined, InfoCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { addAndFocus } from '../../ui/focus-new-field';
import { evidenceUnder } from './plan-import-form';
import type { KeyedEvidence } from './plan-import-form';

/** The reading's excerpts and how to show one in the source panel, for every field below. */
export type EvidenceApi = { all: readonly KeyedEvidence[]; show: (key: number) => void };
export const EvidenceContext = createContext<EvidenceApi>({ all: [], show: () => undefined });

export const NOT_FOUND = 'Không tìm thấy trong văn bản';

/** How the review form shows and reads dates. */
export const DATE_FORMAT = 'DD/MM/YYYY';

const MAX_EXCERPT = 220;

function shorten(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > MAX_EXCERPT ? `${one.slice(0, MAX_EXCERPT - 1)}…` : one;
}

/** "Không tìm thấy trong văn bản" (or another note) under a field. */
export function MissingHint({ children = NOT_FOUND }: { children?: ReactNode }) {
  return (
    <span className="pi-missing">
      <InfoCircleOutlined aria-hidden /> {children}
    </span>
  );
}

/** The excerpts a value came from; click one to see it in the source. */
export function Excerpts({
  path,
  missing,
  note,
}: {
  /** Found-field path(s): "title", "legalBases.0". */
  path: string | string[] | null;
  /** The reader found nothing for this field. */
  missing?: boolean;
  /** Shown under the excerpts (e.g. how a value was derived). */
  note?: ReactNode;
}) {
  const { all, show } = useContext(EvidenceContext);
  const paths = path === null ? [] : Array.isArray(path) ? path : [path];
  const seen = new Set<number>();
  const items = paths
    .flatMap((p) => evidenceUnder(all, p))
    .filter((e) => {
      if (seen.has(e.key)) return false;
      seen.add(e.key);
      return true;
    });
  // A list's own span and its rows' spans: the rows are enough.
  const shown = items.filter(
    (e) =>
      !items.some((o) => o !== e && o.start >= e.start && o.end <= e.end && o.field !== e.field),
  );
  if (shown.length === 0 && !missing && !note) return null;
  return (
    <>
      {shown.slice(0, 4).map((e) => (
        <button
          key={e.key}
          type="button"
          className="pi-excerpt"
          data-ev-key={e.key}
          title="Xem đoạn này trong văn bản gốc"
          onClick={() => show(e.key)}
        >
          “{shorten(e.excerpt)}”
        </button>
      ))}
      {missing && shown.length === 0 && <MissingHint />}
      {note && <MissingHint>{note}</MissingHint>}
    </>
  );
}

/** Excerpts of one list row, found through the row's `src` (its index in the reader's list). */
export function RowExcerpts({
  list,
  found,
  field,
}: {
  /** The list's form name: ['content', 'legalBases']. */
  list: (string | number)[];
  /** The reader's list path: "legalBases". */
  found: string;
  field: FormListFieldData;
}) {
  const form = Form.useFormInstance();
  const src: unknown = form.getFieldValue([...list, field.name, 'src']);
  if (typeof src !== 'number') return null;
  return <Excerpts path={`${found}.${src}`} />;
}

const requiredText = (message: string): Rule[] => [{ required: true, whitespace: true, message }];

/**
 * An editable list of sentences (contents, criteria, recipients…) with each row's excerpt, a
 * "not found" note when the reader found none, and add/remove buttons.
 */
export function TextListField({
  name,
  found,
  label,
  rowLabel,
  missing,
  addLabel = 'Thêm dòng',
}: {
  name: (string | number)[];
  found: string;
  label: string;
  /** Accessible name of one row: "Nơi nhận". */
  rowLabel: string;
  missing: boolean;
  addLabel?: string;
}) {
  return (
    <Form.Item label={label} style={{ marginBottom: 12 }}>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.length === 0 && missing && <MissingHint />}
            {fields.map((field, i) => (
              <div key={field.key} className="pi-row">
                <Flex gap={8} align="flex-start">
                  <Form.Item
                    name={[field.name, 'value']}
                    rules={requiredText('Nhập nội dung hoặc xoá dòng này')}
                    style={{ flex: 1, marginBottom: 0, minWidth: 0 }}
                  >
                    <Input.TextArea
                      autoSize={{ minRows: 1, maxRows: 8 }}
                      aria-label={`${rowLabel} ${i + 1}`}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={`Xoá ${rowLabel.toLowerCase()} ${i + 1}`}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
                <RowExcerpts list={name} found={found} field={field} />
              </div>
            ))}
            <Button
              type="dashed"
              size="small"
              icon={<PlusOutlined />}
              onClick={(e) => addAndFocus(e, () => add({ value: '' }))}
              style={{ marginTop: 8 }}
            >
              {addLabel}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

/**
 * An editable list of structured rows (legal bases, rewards, quotas…): `renderRow` draws a row's
 * fields; the row's excerpt and remove button are added around it.
 */
export function RowListField({
  name,
  found,
  label,
  rowLabel,
  missing,
  newRow,
  addLabel = 'Thêm dòng',
  renderRow,
}: {
  name: (string | number)[];
  found: string;
  label: string;
  rowLabel: string;
  missing: boolean;
  newRow: () => Record<string, unknown>;
  addLabel?: string;
  renderRow: (field: FormListFieldData, index: number) => ReactNode;
}) {
  return (
    <Form.Item label={label} style={{ marginBottom: 12 }}>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.length === 0 && missing && <MissingHint />}
            {fields.map((field, i) => (
              <div key={field.key} className="pi-row">
                <Flex justify="space-between" align="center" style={{ marginBottom: 4 }}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {rowLabel} {i + 1}
                  </Typography.Text>
                  <Button
                    type="text"
                    size="small"
                    icon={<DeleteOutlined />}
                    aria-label={`Xoá ${rowLabel.toLowerCase()} ${i + 1}`}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
                {renderRow(field, i)}
                <RowExcerpts list={name} found={found} field={field} />
              </div>
            ))}
            <Button
              type="dashed"
              size="small"
              icon={<PlusOutlined />}
              onClick={(e) => addAndFocus(e, () => add(newRow()))}
              style={{ marginTop: 8 }}
            >
              {addLabel}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** One card of the review form. */
export function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card size="small" title={title} style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
}
