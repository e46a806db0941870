import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { readSheet, type Column, type SheetRows } from './xlsx-format';

/**
 * Reads an uploaded import file and checks its shape before any row is looked at: a readable
 * .xlsx, the required columns (each entry lists alternatives, any one of which will do), and at
 * least one data row. Every failure is a VALIDATION_FAILED in plain Vietnamese; the library's own
 * error goes to the log for operators.
 */
export async function readImportSheet(
  ctx: Ctx,
  data: Buffer,
  columns: Column[],
  required: string[][],
  onRow?: (n: number) => void,
): Promise<SheetRows> {
  const sheet = await readSheet(data, columns, onRow).catch((e: unknown) => {
    ctx.log.warn({ err: e }, 'unreadable .xlsx upload');
    throw new AppError(
      'VALIDATION_FAILED',
      'Không đọc được tệp: tệp phải là bảng tính Excel .xlsx.',
      {
        fileError: true,
      },
    );
  });
  const missing = required
    .filter((alternatives) => !alternatives.some((key) => sheet.headers.has(key)))
    .map(
      (alternatives) =>
        columns.find((c) => c.key === alternatives[alternatives.length - 1])?.header ?? '',
    );
  if (missing.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Tệp thiếu cột bắt buộc: ${missing.join(', ')}. Hãy dùng tệp mẫu.`,
      {
        rows: missing.map((header) => ({ row: 1, column: header, message: 'thiếu cột' })),
      },
    );
  }
  if (sheet.rows.length === 0)
    throw new AppError('VALIDATION_FAILED', 'Tệp không có dòng dữ liệu nào.');
  return sheet;
}
