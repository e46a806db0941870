import ExcelJS from 'exceljs';
import type { Ctx } from './context';
import { AppError } from './errors';
import { foldVietnamese } from './text';

/**
 * The spreadsheet kit shared by every module that writes or reads .xlsx tables: columns with
 * required marks and drop-down lists, the header style, cell text as the user sees it, and a
 * first-sheet reader that maps headers to column keys by folded text.
 */

/** A table column: `key` in code, `header` in the sheet, `list` a drop-down of allowed values. */
export type Column = {
  key: string;
  header: string;
  width: number;
  required?: boolean;
  list?: string[];
};

/** The header row's look: bold, wrapped, light-blue fill, a thin rule below. */
export function styleHeaderRow(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.height = 30;
  row.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    c.border = { bottom: { style: 'thin' } };
  });
}

/** Frozen header row; pass as addWorksheet options (streaming sheets cannot set views later). */
export const SHEET_OPTIONS = { views: [{ state: 'frozen' as const, ySplit: 1 }] };

/**
 * Sets the sheet's columns (required headers marked "(*)"), styles the header row and adds each
 * listed column's drop-down to the first `validationRows` data rows.
 */
export function setupSheet(ws: ExcelJS.Worksheet, columns: Column[], validationRows: number): void {
  ws.columns = columns.map((c) => ({
    key: c.key,
    header: c.required ? `${c.header} (*)` : c.header,
    width: c.width,
  }));
  styleHeaderRow(ws.getRow(1));
  columns.forEach((c, i) => {
    if (!c.list) return;
    const letter = ws.getColumn(i + 1).letter;
    for (let r = 2; r <= validationRows + 1; r++) {
      ws.getCell(`${letter}${r}`).dataValidation = {
        type: 'list',
        allowBlank: !c.required,
        formulae: [`"${c.list.join(',')}"`],
        showErrorMessage: true,
        errorTitle: c.header,
        error: `Chọn một giá trị trong danh sách: ${c.list.join(', ')}`,
      };
    }
  });
}

/** Text of a cell as the user sees it (numbers, rich text, hyperlinks, formulas' results). */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('text' in value && typeof value.text === 'string') return value.text.trim();
    if ('result' in value) return cellText(value.result);
  }
  return '';
}

export type SheetRows = {
  headers: Map<string, number>;
  rows: { rowNumber: number; cells: string[] }[];
};

/**
 * Reads the first sheet and maps its header row to column keys by folded header text.
 *
 * Uses the in-memory loader on purpose: ExcelJS's streaming reader decodes each inflated chunk
 * with `toString()`, which corrupts a Vietnamese character split across a chunk boundary
 * ("kết quả" → "kết qu\ufffd") once a file is large enough. Measured: 100,000 rows load in about
 * 3.5 s with about 600 MB resident (docs/benchmarks.md).
 */
export async function readSheet(
  data: Buffer,
  columns: Column[],
  onRow?: (n: number) => void,
): Promise<SheetRows> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0];
  const headers = new Map<string, number>();
  const rows: SheetRows['rows'] = [];
  if (ws === undefined) return { headers, rows };
  ws.eachRow((row) => {
    const values = row.values as ExcelJS.CellValue[];
    if (row.number === 1) {
      values.forEach((v, i) => {
        const folded = foldVietnamese(cellText(v).replace(/\(\*\)/g, ''));
        const col = columns.find((c) => foldVietnamese(c.header) === folded);
        if (col) headers.set(col.key, i);
      });
      return;
    }
    const cells = columns.map((c) => {
      const idx = headers.get(c.key);
      return idx === undefined ? '' : cellText(values[idx]);
    });
    if (cells.every((c) => c === '')) return;
    rows.push({ rowNumber: row.number, cells });
    if (onRow && rows.length % 5000 === 0) onRow(rows.length);
  });
  return { headers, rows };
}

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
