import { AppError, type RowError } from './errors';

/**
 * Row errors of an all-or-nothing spreadsheet import: every bad cell is collected (the first
 * MAX_REPORTED_ROW_ERRORS reported in full, the rest counted) and, if there is any, the import
 * fails with all of them and writes nothing. Shared by every .xlsx import (people, units, past
 * awards).
 */

export const MAX_REPORTED_ROW_ERRORS = 500;

export type RowErrors = {
  /** Records one bad cell: "Dòng <row>, cột <column>: <message>". */
  fail: (row: number, column: string, message: string) => void;
  /** How many were recorded so far (reported or not). */
  count: () => number;
  /** VALIDATION_FAILED with `details.rows` and `details.errorCount` when anything was recorded. */
  throwIfAny: () => void;
};

export function rowErrors(): RowErrors {
  const errors: RowError[] = [];
  let errorCount = 0;
  return {
    fail(row, column, message) {
      errorCount++;
      if (errors.length < MAX_REPORTED_ROW_ERRORS) errors.push({ row, column, message });
    },
    count: () => errorCount,
    throwIfAny() {
      if (errorCount === 0) return;
      const rows = new Set(errors.map((e) => e.row)).size;
      throw new AppError(
        'VALIDATION_FAILED',
        `Tệp có ${errorCount} lỗi ở ${rows}${errorCount > errors.length ? '+' : ''} dòng. Không có dữ liệu nào được ghi; hãy sửa các dòng lỗi rồi nhập lại.`,
        { rows: errors, errorCount },
      );
    },
  };
}

/** "Dòng 5, cột Hình thức: …": one row error as a sentence, for logs and plain-text reports. */
export function rowErrorText(e: RowError): string {
  return `Dòng ${e.row}, cột ${e.column}: ${e.message}`;
}
