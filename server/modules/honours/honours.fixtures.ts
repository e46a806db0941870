import ExcelJS from 'exceljs';
import { HONOUR_COLUMNS } from './honours-xlsx';

/** An .xlsx of past awards in the template's layout: a header row, then one row per record. */
export async function honoursXlsx(rows: Record<string, string | number>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Khen thưởng đã nhận');
  ws.addRow(HONOUR_COLUMNS.map((c) => (c.required ? `${c.header} (*)` : c.header)));
  for (const r of rows) ws.addRow(HONOUR_COLUMNS.map((c) => r[c.key] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
