import ExcelJS from 'exceljs';
import { SHEET_OPTIONS, readSheet, setupSheet, type Column } from '../../platform/spreadsheet';
import type { Logger } from '../../platform/context';
import type { UploadField } from '../../platform/upload';

/**
 * The survey-score workbook (điểm khảo sát): one row per unit and survey criterion. The template
 * lists every sheet's survey leaves so the officer only fills the score column.
 */

export const SURVEY_COLUMNS: Column[] = [
  { key: 'unitId', header: 'Mã đơn vị', width: 11 },
  { key: 'unitName', header: 'Đơn vị', width: 40 },
  { key: 'code', header: 'Mã tiêu chí', width: 12, required: true },
  { key: 'title', header: 'Tiêu chí', width: 40 },
  { key: 'surveyScore', header: 'Điểm khảo sát', width: 14, required: true },
  { key: 'surveyMax', header: 'Thang điểm khảo sát', width: 14 },
];

export type SurveyRow = { rowNumber: number; cells: Record<string, string> };

/**
 * Reads the first sheet with the platform's reader (in memory; headers matched on folded text,
 * "(*)" ignored; blank rows skipped). An unreadable file is loadWorkbook's VALIDATION_FAILED on
 * the "file" field.
 */
export async function readSurveyRows(
  data: Buffer,
  options: { field?: UploadField; log?: Logger } = {},
): Promise<{ headers: Set<string>; rows: SurveyRow[] }> {
  const sheet = await readSheet(data, SURVEY_COLUMNS, undefined, options);
  const rows = sheet.rows.map((r) => ({
    rowNumber: r.rowNumber,
    cells: Object.fromEntries(SURVEY_COLUMNS.map((c, i) => [c.key, r.cells[i] ?? ''])),
  }));
  return { headers: new Set(sheet.headers.keys()), rows };
}

export type TemplateRow = {
  unitId: number;
  unitName: string;
  code: string;
  title: string;
  surveyScore: number | null;
  surveyMax: number;
};

/** The template: a row per unit and survey criterion (current scores filled in) and a guide. */
export async function buildSurveyWorkbook(rows: TemplateRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ThiĐua';
  const ws = wb.addWorksheet('Điểm khảo sát', SHEET_OPTIONS);
  setupSheet(ws, SURVEY_COLUMNS, 0);
  for (const r of rows) ws.addRow({ ...r, surveyScore: r.surveyScore ?? undefined });
  const guide = wb.addWorksheet('Hướng dẫn');
  guide.columns = [{ width: 24 }, { width: 100 }];
  const lines: [string, string][] = [
    ['Cột', 'Cách điền'],
    ['Mã đơn vị', 'Mã (ID) đơn vị trong hệ thống. Nếu để trống, hệ thống tìm theo cột Đơn vị.'],
    ['Đơn vị', 'Tên đơn vị được chấm điểm trong kế hoạch (dùng khi không có Mã đơn vị).'],
    ['Mã tiêu chí (*)', 'Mã tiêu chí chấm theo khảo sát, ví dụ 8.1.'],
    ['Điểm khảo sát (*)', 'Điểm khảo sát thô, từ 0 đến thang điểm; hệ thống quy đổi ra điểm.'],
    ['Lưu ý', 'Dòng để trống điểm được bỏ qua. Có dòng lỗi thì không ghi dữ liệu nào.'],
  ];
  lines.forEach((l) => guide.addRow(l));
  guide.getRow(1).font = { bold: true };
  guide.getColumn(2).alignment = { wrapText: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
