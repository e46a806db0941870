import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { MAX_REPORTED_ROW_ERRORS, rowErrors, rowErrorText } from './row-errors';
import { cellDate, cellMoney } from './spreadsheet';

describe('rowErrors', () => {
  it('throws nothing when no row failed', () => {
    expect(() => rowErrors().throwIfAny()).not.toThrow();
  });

  it('reports every bad row, caps the list and counts the rest', () => {
    const e = rowErrors();
    for (let i = 0; i < MAX_REPORTED_ROW_ERRORS + 3; i++) e.fail(i + 2, 'Năm', 'không hợp lệ');
    let thrown: unknown;
    try {
      e.throwIfAny();
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(AppError);
    const err = thrown as AppError;
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.details?.rows).toHaveLength(MAX_REPORTED_ROW_ERRORS);
    expect(err.details?.errorCount).toBe(MAX_REPORTED_ROW_ERRORS + 3);
    expect(err.message).toContain('Không có dữ liệu nào được ghi');
  });

  it('words one error as "Dòng n, cột X: …"', () => {
    expect(rowErrorText({ row: 5, column: 'Hình thức', message: 'không được để trống' })).toBe(
      'Dòng 5, cột Hình thức: không được để trống',
    );
  });
});

describe('cellDate', () => {
  const cases: [string, string | null][] = [
    ['2021-03-15', '2021-03-15'],
    ['15/03/2021', '2021-03-15'],
    ['5/3/2021', '2021-03-05'],
    ['05-03-2021', '2021-03-05'],
    ['05.03.2021', '2021-03-05'],
    ['29/02/2023', null],
    ['31/04/2021', null],
    ['2021', null],
    ['', null],
    ['hôm qua', null],
  ];
  it.each(cases)('%s → %s', (text, expected) => {
    expect(cellDate(text)).toBe(expected);
  });
});

describe('cellMoney', () => {
  const cases: [string, number | null][] = [
    ['702000', 702_000],
    ['702.000', 702_000],
    ['702,000', 702_000],
    ['1 060 000', 1_060_000],
    ['300.000đ', 300_000],
    ['300.000 đồng', 300_000],
    ['0', 0],
    ['1,5', null],
    ['702000.5', null],
    ['-5000', null],
    ['ba trăm nghìn', null],
    ['', null],
  ];
  it.each(cases)('%s → %s', (text, expected) => {
    expect(cellMoney(text)).toBe(expected);
  });
});
