import ExcelJS from 'exceljs';
import type { Ctx, Logger } from './context';
import { AppError } from './errors';
import { foldVietnamese } from './text';
import { readXlsx, type ReadLimits, type XlsxBook } from './untrusted/index';
import type { XlsxReadOptions } from './untrusted/xlsx';
import type { UploadField } from './upload';

/**
 * The spreadsheet kit shared by every module that writes or reads .xlsx tables: columns with
 * required marks and drop-down lists, the header style and fills, cell text as the user sees it,
 * the one workbook loader every .xlsx read goes through, and a first-sheet reader that maps
 * headers to column keys by folded text. Writing uses ExcelJS; reading goes through
 * platform/untrusted (decision 031).
 */

/** Fill colours (ARGB): header rows and totals, grey field/orientation rows, input cells. */
export const HEADER_FILL = 'FFDDEBF7';
export const FIELD_FILL = 'FFF2F2F2';
export const INPUT_FILL = 'FFFFF9DB';

/** A solid cell fill of one colour. */
export function solidFill(argb: string): ExcelJS.FillPattern {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

const thin = { style: 'thin' as const };
/** A thin border on all four sides. */
export const BOX_BORDER: Partial<ExcelJS.Borders> = {
  top: thin,
  left: thin,
  bottom: thin,
  right: thin,
};

/** Variants of the header row: taller, centred text, a box around each cell. */
export type HeaderStyle = { height?: number; center?: boolean; box?: boolean };

/** A table column: `key` in code, `header` in the sheet, `list` a drop-down of allowed values. */
export type Column = {
  key: string;
  header: string;
  width: number;
  required?: boolean;
  list?: string[];
};

/**
 * The header row's look: bold, wrapped, vertically centred, HEADER_FILL, a thin rule below (or
 * a box with `box`); 30 points high unless `height` says otherwise.
 */
export function styleHeaderRow(row: ExcelJS.Row, style: HeaderStyle = {}): void {
  row.font = { bold: true };
  row.alignment = {
    vertical: 'middle',
    ...(style.center ? { horizontal: 'center' as const } : {}),
    wrapText: true,
  };
  row.height = style.height ?? 30;
  row.eachCell((c) => {
    c.fill = solidFill(HEADER_FILL);
    c.border = style.box ? BOX_BORDER : { bottom: thin };
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

/** The upload field a workbook usually comes in, for readers not told otherwise. */
export const XLSX_FIELD: UploadField = { field: 'file', label: 'Tệp Excel' };

const UNREADABLE = 'không đọc được tệp; tệp phải là bảng tính Excel .xlsx';

/**
 * Reads an uploaded .xlsx as plain data: the one place every .xlsx read in the server goes
 * through. It is read by platform/untrusted (decision 031): the zip guard first, then a streaming
 * reader in a worker thread with memory and time limits. Each cell's text is what the user sees
 * (trimmed, NFC; numbers written out; dates yyyy-mm-dd; rich text joined; formulas' results;
 * errors blank, their code in `facts`). Errors, all VALIDATION_FAILED naming `field`
 * (`details.fields`, `details.fileError`): a file that does not read as a workbook ("<label>:
 * không đọc được tệp…"; a zip without a sheet too), an archive refused by the guard, a worker out
 * of memory or time ("tệp quá lớn hoặc quá phức tạp để đọc"). The technical cause goes to `log`,
 * if given, for operators, never to users.
 */
export async function loadWorkbook(
  data: Buffer,
  field: UploadField = XLSX_FIELD,
  log?: Logger,
  options: { read?: XlsxReadOptions; limits?: ReadLimits } = {},
): Promise<XlsxBook> {
  return readXlsx(data, {
    field,
    log,
    read: options.read,
    limits: options.limits,
    unreadable: () =>
      new AppError('VALIDATION_FAILED', `${field.label}: ${UNREADABLE}.`, {
        fileError: true,
        fields: [{ field: field.field, label: field.label, message: UNREADABLE }],
      }),
  });
}

export type SheetRows = {
  headers: Map<string, number>;
  rows: { rowNumber: number; cells: string[] }[];
};

/**
 * Reads the first sheet (through loadWorkbook, so an unreadable file is its VALIDATION_FAILED on
 * `options.field`) and maps its header row to column keys by folded header text.
 */
export async function readSheet(
  data: Buffer,
  columns: Column[],
  onRow?: (n: number) => void,
  options: { field?: UploadField; log?: Logger; limits?: ReadLimits } = {},
): Promise<SheetRows> {
  const book = await loadWorkbook(data, options.field, options.log, {
    read: { firstSheetOnly: true },
    limits: options.limits,
  });
  const headers = new Map<string, number>();
  const rows: SheetRows['rows'] = [];
  for (const row of book.sheets[0]?.rows ?? []) {
    if (row.number === 1) {
      row.cells.forEach((v, i) => {
        const folded = foldVietnamese(v.replace(/\(\*\)/g, ''));
        const col = columns.find((c) => foldVietnamese(c.header) === folded);
        if (col) headers.set(col.key, i);
      });
      continue;
    }
    const cells = columns.map((c) => {
      const idx = headers.get(c.key);
      return idx === undefined ? '' : (row.cells[idx] ?? '');
    });
    if (cells.every((c) => c === '')) continue;
    rows.push({ rowNumber: row.number, cells });
    if (onRow && rows.length % 5000 === 0) onRow(rows.length);
  }
  return { headers, rows };
}

/**
 * Reads an uploaded import file and checks its shape before any row is looked at: a readable
 * .xlsx (loadWorkbook's error on the "file" field), the required columns (each entry lists
 * alternatives, any one of which will do), and at least one data row. Every failure is a
 * VALIDATION_FAILED in plain Vietnamese; the library's own error goes to the log for operators.
 */
export async function readImportSheet(
  ctx: Ctx,
  data: Buffer,
  columns: Column[],
  required: string[][],
  onRow?: (n: number) => void,
): Promise<SheetRows> {
  const sheet = await readSheet(data, columns, onRow, { log: ctx.log });
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

/**
 * A date cell's text as YYYY-MM-DD: the reader's own yyyy-mm-dd (a date cell), or a date typed
 * the Vietnamese way, d/m/yyyy (also with "-" or "."). Null when it is not a real calendar date.
 */
export function cellDate(text: string): string | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const [y, m, d] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : vn
      ? [Number(vn[3]), Number(vn[2]), Number(vn[1])]
      : [NaN, NaN, NaN];
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  const at = new Date(Date.UTC(y, m - 1, d));
  if (at.getUTCFullYear() !== y || at.getUTCMonth() !== m - 1 || at.getUTCDate() !== d) return null;
  return at.toISOString().slice(0, 10);
}

/**
 * An amount of money in đồng as typed or stored in a cell: digits, optionally grouped by three
 * with ".", "," or spaces (702.000, 702,000, 702 000), optionally followed by "đ" or "đồng".
 * Null when it is anything else (a decimal, a negative, words), so "1,5" is never read as 15.
 */
export function cellMoney(text: string): number | null {
  const t = text
    .trim()
    .replace(/\s*(đồng|đ)$/i, '')
    .trim();
  if (!/^\d+$/.test(t) && !/^\d{1,3}([.,\s]\d{3})+$/.test(t)) return null;
  const n = Number(t.replace(/[.,\s]/g, ''));
  return Number.isSafeInteger(n) ? n : null;
}
