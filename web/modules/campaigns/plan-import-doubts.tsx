import { useEffect, useMemo, useRef } from 'react';
import { Alert, Form, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { listDoubtfulValues } from '../../../shared/doubtful-text';
import type { DoubtfulValue } from '../../../shared/doubtful-text';
import type { PlanReading } from './plan-import.api';
import { formNameOf, toCreateBody } from './plan-import-form';
import type { ImportFormValues } from './plan-import-form';
import { DoubtList } from './doubt-list';
import './plans.css';

/**
 * The doubtful values of the reading as the form now holds them (decision 017): each with its
 * reason under its field and here, with "Giữ nguyên" to confirm it. A value the officer corrects
 * is judged again as it reads; what is left unconfirmed stays marked on the draft.
 */
export function ImportDoubts({
  reading,
  form,
  confirmed,
  onConfirm,
}: {
  reading: PlanReading;
  form: FormInstance<ImportFormValues>;
  confirmed: string[];
  onConfirm: (keys: string[]) => void;
}) {
  const watched = Form.useWatch([], { form, preserve: true }) as unknown;
  const doubts = useMemo(() => {
    void watched;
    const values = form.getFieldsValue(true) as ImportFormValues;
    if (values.content === undefined) return [];
    return listDoubtfulValues(toCreateBody(reading, values), confirmed);
  }, [watched, form, reading, confirmed]);

  // Warnings under the fields; cleared once a value is corrected or kept.
  const marked = useRef<string[]>([]);
  useEffect(() => {
    const names = doubts.flatMap((d) => {
      const name = formNameOf(d.field);
      return name === null ? [] : [{ name, warnings: [d.reason] }];
    });
    const now = new Set(names.map((n) => JSON.stringify(n.name)));
    const cleared = marked.current
      .filter((k) => !now.has(k))
      .map((k) => ({ name: JSON.parse(k) as (string | number)[], warnings: [] as string[] }));
    (form as FormInstance).setFields([...cleared, ...names]);
    marked.current = [...now];
  }, [doubts, form]);

  if (doubts.length === 0) return null;
  const goTo = (d: DoubtfulValue) => {
    const name = formNameOf(d.field);
    if (name !== null) form.scrollToField(name, { block: 'center', focus: true });
  };
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="import-doubts"
      title={`${doubts.length} giá trị không dấu hoặc đọc chưa chắc chắn`}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            Sửa lại cho đúng (có dấu), hoặc bấm “Giữ nguyên” nếu giá trị đã đúng. Giá trị chưa xem
            lại vẫn được đánh dấu trên dự thảo: chưa xem lại hết thì chưa ban hành được.
          </Typography.Paragraph>
          <DoubtList doubts={doubts} goLabel="Sửa" onGo={goTo} onKeep={onConfirm} />
        </>
      }
    />
  );
}
