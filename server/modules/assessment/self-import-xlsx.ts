import ExcelJS from 'exceljs';
import type { CriteriaTree, CriterionNode, Scoring } from '../../../shared/criteria';
import {
  FIELD_FILL,
  INPUT_FILL,
  SHEET_OPTIONS,
  loadWorkbook,
  setupSheet,
  solidFill,
  type Column,
} from '../../platform/spreadsheet';
import type { Logger } from '../../platform/context';
import type { XlsxRow } from '../../platform/untrusted/index';
import type { UploadField } from '../../platform/upload';
import { foldVietnamese } from '../../platform/text';
import { isSelfScored } from './assessment.rules';
import { num } from '../../platform/numbers';
import type { LeafInput } from '../criteria/index';

/**
 * The self-assessment workbook (phiếu tự chấm điểm in Excel): one row per node of the sheet's
 * criteria tree in tree order — parents as bold orientation rows, each self-scored leaf with ONE
 * input cell "Số liệu" read by its scoring method, and "Giải trình". Everything but the two input
 * columns is locked (sheet protection without a password: against slips, not a security
 * boundary). A very hidden sheet carries the score sheet's id and the export time, so the import
 * refuses another unit's file and can tell which leaves were scored after the download.
 */

export const SELF_SHEET_NAME = 'Tự chấm điểm';
const META_SHEET_NAME = 'thidua-meta';
const GUIDE_SHEET_NAME = 'Hướng dẫn';
type Key = 'code' | 'title' | 'maxPoints' | 'method' | 'figure' | 'note';
export const SELF_COLUMNS: (Column & { key: Key })[] = [
  { key: 'code', header: 'Mã tiêu chí', width: 12, required: true },
  { key: 'title', header: 'Tiêu chí', width: 60 },
  { key: 'maxPoints', header: 'Điểm tối đa', width: 11 },
  { key: 'method', header: 'Cách chấm', width: 36 },
  { key: 'figure', header: 'Số liệu', width: 14 },
  { key: 'note', header: 'Giải trình', width: 50 },
];
export const selfHeader = (key: Key) => SELF_COLUMNS.find((c) => c.key === key)?.header ?? key;
const YES = 'Đạt';
const NO = 'Không đạt';

/** "Cách chấm" as the unit reads it: what to write in "Số liệu" and how it becomes points. */
export function methodText(scoring: Scoring, maxPoints: number): string {
  switch (scoring.method) {
    case 'binary':
      return `${YES}/${NO}`;
    case 'tiered_percent': {
      const tiers = [...scoring.tiers].sort((a, b) => b.minPercent - a.minPercent);
      const levels = tiers.map(
        (t) => `${t.minPercent === 100 ? '' : '≥ '}${num(t.minPercent)}% = ${num(t.points)}`,
      );
      return `Tỷ lệ % (mức: ${levels.join('; ')})`;
    }
    case 'deduction':
      return `Số lần vi phạm (trừ ${num(scoring.perIncident)} điểm/lần)`;
    case 'manual':
      return `Điểm từ 0 đến ${num(maxPoints)}`;
    case 'adjustment': {
      const penalty = scoring.maxPenalty === 0 ? '0' : `−${num(scoring.maxPenalty)}`;
      return `Điểm thưởng/trừ từ ${penalty} đến +${num(scoring.maxBonus)}`;
    }
    case 'survey':
      return 'Theo kết quả khảo sát (đơn vị không tự chấm)';
  }
}

/** The "Số liệu" value of a saved input under the leaf's method (undefined = nothing saved). */
export function figureOf(scoring: Scoring, input: LeafInput): string | number | undefined {
  switch (scoring.method) {
    case 'binary':
      return input.met === undefined ? undefined : input.met ? YES : NO;
    case 'tiered_percent':
      return input.percent;
    case 'deduction':
      return input.incidents;
    case 'manual':
    case 'adjustment':
      return input.points;
    case 'survey':
      return input.surveyScore;
  }
}

/** Excel's own check of the input cell, per method (the server checks again on import). */
function figureValidation(scoring: Scoring, maxPoints: number): ExcelJS.DataValidation {
  const number = (min: number, max: number | undefined, whole = false): ExcelJS.DataValidation => ({
    type: whole ? 'whole' : 'decimal',
    operator: max === undefined ? 'greaterThanOrEqual' : 'between',
    formulae: max === undefined ? [min] : [min, max],
    allowBlank: true,
    showErrorMessage: true,
    errorTitle: 'Số liệu',
    error: methodText(scoring, maxPoints),
  });
  switch (scoring.method) {
    case 'binary':
      return {
        type: 'list',
        allowBlank: true,
        formulae: [`"${YES},${NO}"`],
        showErrorMessage: true,
        errorTitle: 'Số liệu',
        error: `Chọn "${YES}" hoặc "${NO}"`,
      };
    case 'tiered_percent':
      return number(0, 100);
    case 'deduction':
      return number(0, undefined, true);
    case 'manual':
      return number(0, maxPoints);
    case 'adjustment':
      return number(-scoring.maxPenalty, scoring.maxBonus);
    case 'survey':
      return number(0, scoring.surveyMax);
  }
}

export type SelfTemplateInput = {
  sheetId: number;
  unitName: string;
  planTitle: string;
  exportedAt: Date;
  tree: CriteriaTree;
  /** The sheet's self entries by leaf id. */
  entries: ReadonlyMap<string, { input: LeafInput; note: string | null }>;
};

const GREY = solidFill(FIELD_FILL);
const INPUT = solidFill(INPUT_FILL);

/** The fill-in workbook of one score sheet, current self entries filled in. */
export async function buildSelfTemplate(t: SelfTemplateInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ThiĐua';
  const ws = wb.addWorksheet(SELF_SHEET_NAME, {
    ...SHEET_OPTIONS,
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  setupSheet(ws, SELF_COLUMNS, 0);
  const figureCol = SELF_COLUMNS.findIndex((c) => c.key === 'figure') + 1;
  const noteCol = figureCol + 1;
  const write = (node: CriterionNode, depth: number) => {
    const leaf = node.children.length === 0 && node.scoring !== undefined;
    if (leaf && !isSelfScored(node)) return;
    const entry = t.entries.get(node.id);
    const row = ws.addRow({
      code: node.code,
      title: node.title,
      maxPoints: node.maxPoints,
      method: leaf && node.scoring ? methodText(node.scoring, node.maxPoints) : null,
      figure: leaf && node.scoring && entry ? figureOf(node.scoring, entry.input) : undefined,
      note: leaf ? (entry?.note ?? undefined) : undefined,
    });
    row.alignment = { vertical: 'top', wrapText: true };
    row.getCell(2).alignment = { vertical: 'top', wrapText: true, indent: depth * 2 };
    if (!leaf || node.scoring === undefined) {
      row.font = { bold: true };
      for (const c of [figureCol, noteCol]) row.getCell(c).fill = GREY;
      node.children.forEach((c) => write(c, depth + 1));
      return;
    }
    for (const c of [figureCol, noteCol]) {
      row.getCell(c).protection = { locked: false };
      row.getCell(c).fill = INPUT;
    }
    row.getCell(figureCol).dataValidation = figureValidation(node.scoring, node.maxPoints);
    row.getCell(figureCol).alignment = { vertical: 'top', horizontal: 'right' };
  };
  t.tree.fields.forEach((f) => write(f, 0));
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });

  const guide = wb.addWorksheet(GUIDE_SHEET_NAME);
  guide.columns = [{ width: 24 }, { width: 100 }];
  const lines: [string, string][] = [
    ['Đơn vị', t.unitName],
    ['Kế hoạch', t.planTitle],
    ['Cột', 'Cách điền'],
    ['Mã tiêu chí', 'Không sửa: hệ thống dựa vào mã để ghi điểm đúng tiêu chí.'],
    [
      'Số liệu',
      `Một ô duy nhất cho mỗi tiêu chí, ghi theo cột Cách chấm: "${YES}" hoặc "${NO}"; tỷ lệ % từ 0 đến 100 (ví dụ 95,5); số lần vi phạm (số nguyên, 0 nếu không có); hoặc số điểm trong khung. Hệ thống tự tính điểm.`,
    ],
    ['Giải trình', 'Bắt buộc với tiêu chí cần tài liệu kiểm chứng mà chưa tải tài liệu lên.'],
    [
      'Ô để trống',
      'Không xóa dữ liệu đã có: tiêu chí để trống Số liệu giữ nguyên điểm trên hệ thống.',
    ],
    ['Dòng in đậm', 'Lĩnh vực, tiêu chí có tiêu chí con: điểm cộng từ các mục con, không ghi.'],
    ['Lưu ý', 'Có lỗi ở bất kỳ dòng nào thì không ghi dữ liệu nào; sửa các dòng lỗi rồi nhập lại.'],
  ];
  lines.forEach((l) => guide.addRow(l));
  guide.getRow(3).font = { bold: true };
  guide.getColumn(2).alignment = { wrapText: true };

  const meta = wb.addWorksheet(META_SHEET_NAME, { state: 'veryHidden' });
  meta.addRow(['sheetId', t.sheetId]);
  meta.addRow(['exportedAt', t.exportedAt.toISOString()]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** What a cell holds, as the import needs it. */
export type CellRead = {
  /** As the user sees it: trimmed text (NFC) or the number written out; '' for an empty cell. */
  text: string;
  /** The number the cell holds (or its formula's result). */
  number: number | undefined;
  /** Formatted as a percentage in Excel, so 0.95 is shown (and meant) as 95 %. */
  percentFormat: boolean;
};

/** A cell as the import needs it; an error value reads as its code ("#N/A"), so the import can name it. */
function readCell(row: XlsxRow, i: number): CellRead {
  const facts = row.facts?.[i];
  return {
    text: facts?.error ?? row.cells[i] ?? '',
    number: facts?.number,
    percentFormat: facts?.percent === true,
  };
}

export type SelfRow = { row: number; code: string; figure: CellRead; note: string };
export type SelfSheet = {
  /** Row number of the header, and the headers not found (by key). */
  headerRow: number;
  missing: Key[];
  rows: SelfRow[];
  /** From the hidden sheet of a template (absent in a workbook made by hand). */
  meta: { sheetId: number | undefined; exportedAt: Date | undefined };
};

const fold = (s: string) => foldVietnamese(s.replace(/\(\*\)/g, ''));

/**
 * Reads the table: the first sheet whose first 10 rows hold a header with "Mã tiêu chí" (headers
 * matched on folded text, "(*)" ignored; columns in any order). Rows whose code, figure and note
 * are all blank are skipped. Loaded by the kit's loadWorkbook: an unreadable file is its
 * VALIDATION_FAILED on `field` ("file" by default).
 */
export async function readSelfSheet(
  data: Buffer,
  field?: UploadField,
  log?: Logger,
): Promise<SelfSheet> {
  const book = await loadWorkbook(data, field, log);
  const metaRows = book.sheets.find((s) => s.name === META_SHEET_NAME)?.rows ?? [];
  const metaValue = (key: string) => {
    let out = '';
    for (const r of metaRows) if (readCell(r, 0).text === key) out = readCell(r, 1).text;
    return out;
  };
  const id = Number(metaValue('sheetId'));
  const at = new Date(metaValue('exportedAt'));
  const meta = {
    sheetId: Number.isInteger(id) && id > 0 ? id : undefined,
    exportedAt: Number.isNaN(at.getTime()) ? undefined : at,
  };
  // The table's own sheet first; never the guide (its first column lists the headers).
  const candidates = [
    book.sheets.find((s) => s.name === SELF_SHEET_NAME),
    ...book.sheets.filter((s) => s.state === 'visible' && s.name !== GUIDE_SHEET_NAME),
  ];
  for (const ws of candidates) {
    if (ws === undefined) continue;
    for (const headerRow of ws.rows) {
      if (headerRow.number > 10) break;
      const col = new Map<Key, number>();
      headerRow.cells.forEach((_, i) => {
        const text = readCell(headerRow, i).text;
        const key = SELF_COLUMNS.find((c) => fold(c.header) === fold(text))?.key;
        if (key !== undefined && !col.has(key)) col.set(key, i);
      });
      if (!col.has('code')) continue;
      const n = headerRow.number;
      const rows: SelfRow[] = [];
      const cellOf = (r: XlsxRow, k: Key): CellRead => {
        const i = col.get(k);
        return i === undefined
          ? { text: '', number: undefined, percentFormat: false }
          : readCell(r, i);
      };
      for (const r of ws.rows) {
        if (r.number <= n) continue;
        const row = {
          row: r.number,
          code: cellOf(r, 'code').text,
          figure: cellOf(r, 'figure'),
          note: cellOf(r, 'note').text,
        };
        if (row.code !== '' || row.figure.text !== '' || row.note !== '') rows.push(row);
      }
      const missing = (['figure'] as Key[]).filter((k) => !col.has(k));
      return { headerRow: n, missing, rows, meta };
    }
  }
  return { headerRow: 1, missing: ['code', 'figure'], rows: [], meta };
}

const NUMBER = /^[+\-−]?\d+(?:[.,]\d+)?$/;

/**
 * The "Số liệu" cell as the leaf's input (LeafInput), or why it cannot be read. Only reading:
 * ranges and the points are leafScore's (scoring.rules.ts). Numbers may be typed with a decimal
 * comma; a percentage may carry "%" (typed "95%" or formatted as % in Excel, which stores 0.95).
 */
export function parseFigure(scoring: Scoring, cell: CellRead): LeafInput | string {
  const t = cell.text;
  if (scoring.method === 'binary') {
    const f = foldVietnamese(t);
    if (['dat', 'co', 'x', '1', 'true'].includes(f)) return { met: true };
    if (['khong dat', 'khong', '0', 'false'].includes(f)) return { met: false };
    return `"${t}" không hợp lệ; chọn "${YES}" hoặc "${NO}"`;
  }
  let value = cell.number;
  if (value !== undefined && scoring.method === 'tiered_percent' && cell.percentFormat)
    value = Number((value * 100).toPrecision(12));
  if (value === undefined) {
    const s = t.replace(/\s+/g, '');
    const percent = scoring.method === 'tiered_percent' && s.endsWith('%');
    const body = percent ? s.slice(0, -1) : s;
    if (!NUMBER.test(body)) return `"${t}" không phải là số`;
    value = Number(body.replace('−', '-').replace(',', '.'));
  }
  switch (scoring.method) {
    case 'tiered_percent':
      return { percent: value };
    case 'deduction':
      return { incidents: value };
    case 'manual':
    case 'adjustment':
      return { points: value };
    case 'survey':
      return { surveyScore: value };
  }
}
