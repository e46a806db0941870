import type { FormInstance } from 'antd';
import { isApiError } from '../api/client';
import { upperFirst } from './text';

function toNamePath(field: string): (string | number)[] {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts the server's field errors (`details.fields[].field`) under the matching antd Form fields.
 * Returns the message to show above the form, or null when every error found its field.
 * `fieldNames` lists the form's fields; errors for other fields stay in the returned message.
 */
export function applyFormErrors(
  form: FormInstance,
  error: unknown,
  fieldNames: readonly string[],
): string | null {
  if (!isApiError(error)) {
    return error instanceof Error ? error.message : 'Đã có lỗi xảy ra. Vui lòng thử lại.';
  }
  const known = new Set(fieldNames);
  const matched = error.fields.filter((f) => known.has(f.field.split('.')[0] ?? f.field));
  if (matched.length > 0) {
    form.setFields(
      matched.map((f) => ({ name: toNamePath(f.field), errors: [upperFirst(f.message)] })),
    );
    const firstName = matched[0] ? toNamePath(matched[0].field) : undefined;
    if (firstName) form.scrollToField(firstName, { block: 'center' });
  }
  const unmatched = error.fields.length - matched.length;
  if (error.fields.length > 0 && unmatched === 0) return null;
  return error.message;
}
