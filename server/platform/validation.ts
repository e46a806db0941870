import { z } from 'zod';
import { AppError, type FieldError } from './errors';
import { unstorableText } from './text';

/**
 * Zod with plain Vietnamese messages for users ("không được để trống", not "expected string").
 * Every boundary (HTTP bodies, query strings, job payloads, imports) parses through here.
 */

function issueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return 'không được để trống';
      if (issue.expected === 'number' || issue.expected === 'int') return 'phải là số';
      if (issue.expected === 'string') return 'phải là chuỗi ký tự';
      if (issue.expected === 'boolean') return 'phải là có hoặc không';
      return 'có kiểu dữ liệu không hợp lệ';
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? 'không được để trống'
          : `phải có ít nhất ${issue.minimum} ký tự`;
      }
      if (issue.origin === 'array') return `phải có ít nhất ${issue.minimum} mục`;
      return `phải lớn hơn hoặc bằng ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `không được dài quá ${issue.maximum} ký tự`;
      if (issue.origin === 'array') return `không được quá ${issue.maximum} mục`;
      return `phải nhỏ hơn hoặc bằng ${issue.maximum}`;
    case 'invalid_format':
      if (issue.format === 'email') return 'không đúng định dạng email';
      if (issue.format === 'date') return 'phải là ngày theo dạng YYYY-MM-DD';
      return 'không đúng định dạng';
    case 'invalid_value':
      return 'không phải là giá trị được phép';
    case 'not_multiple_of':
      return 'phải là số nguyên';
    case 'unrecognized_keys':
      return `có trường không được phép: ${issue.keys.join(', ')}`;
    default:
      return undefined;
  }
}

z.config({
  customError: (issue) => {
    if (
      issue.code === 'invalid_type' &&
      (issue.expected === 'int' || issue.expected === 'number')
    ) {
      if (typeof issue.input === 'number' && !Number.isInteger(issue.input))
        return 'phải là số nguyên';
    }
    return issueMessage(issue);
  },
});

export { z };

// The field schemas live in shared/ (the contract); re-exported for the server's own inputs.
export { id, isoDate, optionalText, page, pageSize, text } from '../../shared/api/fields';
import { IdParams } from '../../shared/api/fields';

/**
 * The label of a possibly nested field: the most specific entry of `labels` matching the path,
 * where list positions may be written `*` ("content.rewards.*.amountVnd"), with the row number of
 * the innermost list appended ("Hình thức khen thưởng — số tiền (dòng 2)").
 */
function labelFor(path: PropertyKey[], labels: Record<string, string>): string | undefined {
  const parts = path.map(String);
  for (let n = parts.length; n > 0; n--) {
    const exact = parts.slice(0, n).join('.');
    const wild = parts
      .slice(0, n)
      .map((p) => (/^\d+$/.test(p) ? '*' : p))
      .join('.');
    const label = labels[exact] ?? labels[wild];
    if (label === undefined) continue;
    const index = parts.findLastIndex((p) => /^\d+$/.test(p));
    return index >= 0 ? `${label} (dòng ${Number(parts[index]) + 1})` : label;
  }
  return undefined;
}

/** Deeper than any form of the product nests (a criteria tree of 30 levels): refused, not parsed. */
export const MAX_INPUT_DEPTH = 64;

export const UNSTORABLE_MESSAGES = {
  nul: 'có ký tự không hợp lệ (NUL)',
  surrogate: 'có ký tự không hợp lệ (mã Unicode không hoàn chỉnh)',
  depth: `lồng nhau quá ${MAX_INPUT_DEPTH} cấp`,
} as const;

/**
 * Every place in `value` that cannot be stored as it is sent (at most `limit`): a string or an
 * object key holding U+0000 or a lone UTF-16 surrogate (see `unstorableText`), or nesting deeper
 * than MAX_INPUT_DEPTH (which would otherwise exhaust the stack of a recursive schema).
 */
export function unstorableInput(
  value: unknown,
  limit = 20,
): { path: string[]; problem: keyof typeof UNSTORABLE_MESSAGES }[] {
  const found: { path: string[]; problem: keyof typeof UNSTORABLE_MESSAGES }[] = [];
  const walk = (v: unknown, path: string[]): void => {
    if (found.length >= limit) return;
    if (typeof v === 'string') {
      const problem = unstorableText(v);
      if (problem !== null) found.push({ path, problem });
      return;
    }
    if (v === null || typeof v !== 'object') return;
    if (path.length >= MAX_INPUT_DEPTH) {
      found.push({ path, problem: 'depth' });
      return;
    }
    const entries: [string, unknown][] = Array.isArray(v)
      ? v.map((x, i) => [String(i), x])
      : Object.entries(v);
    for (const [key, x] of entries) {
      const problem = unstorableText(key);
      if (problem !== null) found.push({ path: [...path, key], problem });
      else walk(x, [...path, key]);
      if (found.length >= limit) return;
    }
  };
  walk(value, []);
  return found;
}

/** Throws VALIDATION_FAILED naming each field in `fields` (with its Vietnamese label). */
function validationFailed(fields: FieldError[]): never {
  const summary = fields.map((f) => `${f.label}: ${f.message}`).join('; ');
  throw new AppError('VALIDATION_FAILED', `Dữ liệu không hợp lệ — ${summary}.`, { fields });
}

const fieldOf = (path: PropertyKey[], labels: Record<string, string>, message: string) => {
  const field = path.map(String).join('.') || '(dữ liệu)';
  return { field, label: labelFor(path, labels) ?? labels[field] ?? field, message };
};

/**
 * Parses input or throws VALIDATION_FAILED naming every bad field in Vietnamese.
 * `labels` maps field names to what the user sees on the form. Text that cannot be stored as sent
 * (U+0000, a lone UTF-16 surrogate) or absurdly deep nesting is refused first, wherever it is
 * (`unstorableInput`): no schema lets it through to PostgreSQL.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  data: unknown,
  labels: Record<string, string> = {},
): z.output<S> {
  const unstorable = unstorableInput(data);
  if (unstorable.length > 0)
    validationFailed(
      unstorable.map((u) => fieldOf(u.path, labels, UNSTORABLE_MESSAGES[u.problem])),
    );
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  validationFailed(result.error.issues.map((issue) => fieldOf(issue.path, labels, issue.message)));
}

/**
 * The route parameter `:id` (a PostgreSQL integer id), or VALIDATION_FAILED naming the field `id`
 * with `label` ("Mã kế hoạch").
 */
export function parseIdParam(params: unknown, label: string): number {
  return parseInput(IdParams, params, { id: label }).id;
}
