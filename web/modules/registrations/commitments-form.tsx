import { useEffect, useRef } from 'react';
import { upperFirst } from '../../ui/text';
import type { ReactNode } from 'react';
import { Alert, AutoComplete, Form, Input } from 'antd';
import type { FormInstance, FormRule as Rule } from 'antd';
import { isApiError } from '../../api/client';
import type { Commitments, RegistrationKind } from '../../../shared/registration';
import type { CommitmentsInput } from './registrations.api';
import { targetTitleSuggestions } from './registration-labels';

/** The commitments as the form holds them: the lists as text, one item a line. */
export type CommitmentsValues = {
  targetTitle?: string;
  targets?: string;
  keyTasks?: string;
  breakthroughTasks?: string;
};

const lines = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);

export function toCommitments(v: CommitmentsValues | undefined): CommitmentsInput {
  const title = v?.targetTitle?.trim();
  return {
    targetTitle: title ? title : null,
    targets: lines(v?.targets),
    keyTasks: lines(v?.keyTasks),
    breakthroughTasks: lines(v?.breakthroughTasks),
  };
}

export function fromCommitments(c: Commitments): CommitmentsValues {
  return {
    targetTitle: c.targetTitle ?? undefined,
    targets: c.targets.join('\n'),
    keyTasks: c.keyTasks.join('\n'),
    breakthroughTasks: c.breakthroughTasks.join('\n'),
  };
}

const listRule: Rule = {
  validator: (_, value: string | undefined) => {
    const items = lines(value);
    if (items.length > 30) return Promise.reject(new Error('Tối đa 30 dòng'));
    const long = items.findIndex((l) => l.length > 2000);
    if (long >= 0) return Promise.reject(new Error(`Dòng ${long + 1} dài quá 2000 ký tự`));
    return Promise.resolve();
  },
};

/** At least a title or one target or task, as the server requires. */
const filledRule =
  (form: FormInstance): Rule =>
  () => ({
    validator: () => {
      const c = toCommitments(form.getFieldValue('commitments') as CommitmentsValues | undefined);
      const filled =
        c.targetTitle !== null ||
        c.targets.length + c.keyTasks.length + c.breakthroughTasks.length > 0;
      return filled
        ? Promise.resolve()
        : Promise.reject(new Error('Ghi danh hiệu phấn đấu hoặc ít nhất một chỉ tiêu, nhiệm vụ'));
    },
  });

const textArea = (placeholder: string) => (
  <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} placeholder={placeholder} />
);

/** Danh hiệu phấn đấu, chỉ tiêu, nhiệm vụ trọng tâm, nhiệm vụ đột phá (under `commitments`). */
export function CommitmentsFields({ form, kind }: { form: FormInstance; kind: RegistrationKind }) {
  const deps = [
    ['commitments', 'targets'],
    ['commitments', 'keyTasks'],
    ['commitments', 'breakthroughTasks'],
  ];
  return (
    <>
      <Form.Item
        label="Danh hiệu, kết quả phấn đấu"
        name={['commitments', 'targetTitle']}
        dependencies={deps}
        rules={[{ max: 300, message: 'Không dài quá 300 ký tự' }, filledRule(form)]}
      >
        <AutoComplete
          options={targetTitleSuggestions[kind].map((t) => ({ value: t }))}
          placeholder={
            kind === 'collective' ? 'Ví dụ: Tập thể lao động xuất sắc' : 'Ví dụ: Lao động tiên tiến'
          }
          allowClear
        />
      </Form.Item>
      <Form.Item
        label="Chỉ tiêu"
        name={['commitments', 'targets']}
        extra="Mỗi dòng một chỉ tiêu."
        rules={[listRule]}
      >
        {textArea('Ví dụ: 100% hồ sơ thủ tục hành chính giải quyết đúng hạn')}
      </Form.Item>
      <Form.Item
        label="Nhiệm vụ trọng tâm"
        name={['commitments', 'keyTasks']}
        extra="Mỗi dòng một nhiệm vụ."
        rules={[listRule]}
      >
        {textArea('Ví dụ: Đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính')}
      </Form.Item>
      <Form.Item
        label="Nhiệm vụ đột phá"
        name={['commitments', 'breakthroughTasks']}
        extra="Mỗi dòng một nhiệm vụ."
        rules={[listRule]}
      >
        {textArea('Ví dụ: Xây dựng mô hình "Dân vận khéo"')}
      </Form.Item>
    </>
  );
}

/** Shown after the deadline to those who may accept late registrations. */
export function LateReasonField() {
  return (
    <Form.Item
      label="Lý do nhận đăng ký muộn"
      name="lateReason"
      rules={[
        { required: true, whitespace: true, message: 'Vui lòng nhập lý do nhận đăng ký muộn' },
        { max: 1000, message: 'Không dài quá 1000 ký tự' },
      ]}
    >
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
    </Form.Item>
  );
}

/**
 * Puts the server's field errors under the form's fields: "commitments.targets.2" goes to the
 * targets box as "Dòng 3: …". `known` lists the form's field names ("unitId",
 * "commitments.targets"). Returns the message for what found no field, or null.
 */
export function applyServerErrors(
  form: FormInstance,
  error: unknown,
  known: readonly string[],
): string | null {
  if (!isApiError(error)) return error instanceof Error ? error.message : 'Đã có lỗi xảy ra.';
  let unmatched = 0;
  const set: { name: string[]; errors: string[] }[] = [];
  for (const f of error.fields) {
    const parts = f.field.split('.');
    const last = parts[parts.length - 1] ?? '';
    const index = /^\d+$/.test(last) ? Number(last) : null;
    const name = index === null ? parts : parts.slice(0, -1);
    if (!known.includes(name.join('.'))) {
      unmatched++;
      continue;
    }
    const message = upperFirst(f.message);
    set.push({ name, errors: [index === null ? message : `Dòng ${index + 1}: ${message}`] });
  }
  if (set.length > 0) form.setFields(set);
  return error.fields.length > 0 && unmatched === 0 ? null : error.message;
}

export const commitmentFieldNames = [
  'commitments.targetTitle',
  'commitments.targets',
  'commitments.keyTasks',
  'commitments.breakthroughTasks',
];

/** A modal's error, scrolled into view when it appears (the modal body may be scrolled down). */
export function ModalError({ error, details }: { error: string | null; details?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  }, [error]);
  if (!error) return null;
  return (
    <div ref={ref}>
      <Alert
        type="error"
        showIcon
        role="alert"
        title={error}
        description={details}
        style={{ marginBottom: 12 }}
      />
    </div>
  );
}
