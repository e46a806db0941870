import ExcelJS from 'exceljs';
import { SHEET_OPTIONS, setupSheet, type Column } from '../organization/index';
import { foldVietnamese } from '../../platform/text';

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

function cellText(value: ExcelJS.CellValue | undefined): string {
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

/**
 * Reads the first sheet with the in-memory loader (the streaming reader corrupts Vietnamese
 * characters split across chunks — see organization/xlsx-format.ts). Headers are matched on
 * folded text, "(*)" ignored; blank rows are skipped. Throws on an unreadable file.
 */
export async function readSurveyRows(
  data: Buffer,
): Promise<{ headers: Set<string>; rows: SurveyRow[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0];
  const index = new Map<string, number>();
  const rows: SurveyRow[] = [];
  if (ws === undefined) return { headers: new Set(), rows };
  ws.eachRow((row) => {
    const values = row.values as ExcelJS.CellValue[];
    if (row.number === 1) {
      values.forEach((v, i) => {
        const folded = foldVietnamese(cellText(v).replace(/\(\*\)/g, ''));
        const col = SURVEY_COLUMNS.find((c) => foldVietnamese(c.header) === folded);
        if (col) index.set(col.key, i);
      });
      return;
    }
    const cells = Object.fromEntries(
      SURVEY_COLUMNS.map((c) => {
        const i = index.get(c.key);
        return [c.key, i === undefined ? '' : cellText(values[i])];
      }),
    );
    if (Object.values(cells).every((c) => c === '')) return;
    rows.push({ rowNumber: row.number, cells });
  });
  return { headers: new Set(index.keys()), rows };
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
