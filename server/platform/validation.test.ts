import { describe, expect, it } from 'vitest';
import { id, isoDate, version } from '../../shared/api/fields';
import { PlanContent, PlanContentInput } from '../../shared/campaign';
import { isAppError } from './errors';
import { MAX_INPUT_DEPTH, parseInput, unstorableInput, z } from './validation';

const paths = (v: unknown) => unstorableInput(v).map((u) => `${u.path.join('.')}:${u.problem}`);

describe('unstorableInput', () => {
  it('finds U+0000 and lone surrogates in strings and keys at any depth', () => {
    expect(paths({ a: 'x', b: [1, 'y', { c: 'z\u0000' }] })).toEqual(['b.2.c:nul']);
    expect(paths({ ['k\u0000']: 1 })).toEqual(['k\u0000:nul']);
    expect(paths('\u0000')).toEqual([':nul']);
    expect(paths({ a: '\ud800', b: ['a\udfffb'], ['\udc00']: 'x' })).toEqual([
      'a:surrogate',
      'b.0:surrogate',
      '\udc00:surrogate',
    ]);
  });

  it('lets clean text through, surrogate pairs (emoji) included', () => {
    expect(paths({ a: 'cải cách 😀', b: [null, 2, true], c: { d: '' } })).toEqual([]);
    expect(paths(undefined)).toEqual([]);
  });

  it('refuses nesting deeper than MAX_INPUT_DEPTH', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < MAX_INPUT_DEPTH + 5; i++) deep = { a: deep };
    expect(unstorableInput(deep)).toMatchObject([{ problem: 'depth' }]);
    let ok: unknown = 'x';
    for (let i = 0; i < MAX_INPUT_DEPTH - 1; i++) ok = { a: ok };
    expect(unstorableInput(ok)).toEqual([]);
  });
});

/** The VALIDATION_FAILED fields of parsing `data`, or 'ok'. */
function failure(schema: z.ZodType, data: unknown, labels: Record<string, string> = {}) {
  try {
    parseInput(schema, data, labels);
    return 'ok';
  } catch (e) {
    if (!isAppError(e) || e.code !== 'VALIDATION_FAILED') throw e;
    return e.details?.fields;
  }
}

describe('parseInput', () => {
  const Body = z.object({ title: z.string(), content: z.object({ items: z.array(z.string()) }) });
  const labels = { title: 'Tên', 'content.items.*': 'Nội dung' };

  it('names a field holding a lone surrogate with its label, in Vietnamese', () => {
    expect(failure(Body, { title: 'a\udfffb', content: { items: [] } }, labels)).toEqual([
      {
        field: 'title',
        label: 'Tên',
        message: 'có ký tự không hợp lệ (mã Unicode không hoàn chỉnh)',
      },
    ]);
    expect(failure(Body, { title: 'x', content: { items: ['ok', '\ud800'] } }, labels)).toEqual([
      {
        field: 'content.items.1',
        label: 'Nội dung (dòng 2)',
        message: 'có ký tự không hợp lệ (mã Unicode không hoàn chỉnh)',
      },
    ]);
    expect(failure(Body, { title: 'Kế hoạch 😀', content: { items: [] } })).toBe('ok');
  });

  it('takes only real dates from 1900 to 2100', () => {
    const D = z.object({ d: isoDate });
    for (const bad of ['0000-01-01', '1899-12-31', '2101-01-01', '9999-12-31', '2021-02-29'])
      expect(failure(D, { d: bad }, { d: 'Ngày' }), bad).toMatchObject([
        { field: 'd', label: 'Ngày' },
      ]);
    for (const good of ['1900-01-01', '2024-02-29', '2100-12-31'])
      expect(failure(D, { d: good }), good).toBe('ok');
    expect(failure(D, { d: '0000-01-01' })).toMatchObject([
      { message: 'phải là ngày trong khoảng từ 01/01/1900 đến 31/12/2100' },
    ]);
  });

  it('takes new plan content only within the range, but reads stored content of any year', () => {
    const content = {
      legalBases: [{ text: 'Chỉ thị 23', date: '0000-01-01' }],
      deadlines: [{ label: 'Nộp hồ sơ', date: '2026-05-01' }],
      reviewRounds: [{ kind: 'final', label: 'Tổng kết', date: '2150-01-01' }],
    };
    expect(failure(z.object({ content: PlanContentInput }), { content })).toMatchObject([
      {
        field: 'content.legalBases.0.date',
        message: 'phải là ngày trong khoảng từ 01/01/1900 đến 31/12/2100',
      },
      { field: 'content.reviewRounds.0.date' },
    ]);
    // Rows written before the range existed must still open.
    expect(PlanContent.safeParse(content).success).toBe(true);
  });

  it('bounds ids and versions to PostgreSQL integer', () => {
    const V = z.object({ id, version });
    expect(failure(V, { id: '2147483647', version: 2147483647 })).toBe('ok');
    expect(failure(V, { id: '2147483648', version: 2147483648 })).toMatchObject([
      { field: 'id', message: 'phải nhỏ hơn hoặc bằng 2147483647' },
      { field: 'version', message: 'phải nhỏ hơn hoặc bằng 2147483647' },
    ]);
  });
});
