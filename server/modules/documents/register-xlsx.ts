import ExcelJS from 'exceljs';
import { setupSheet, type Column } from '../../platform/spreadsheet';
import { documentTypeLabels, registerStatusLabels } from '../../../shared/documents';
import type { RegisterRowRecord } from './register.queries';
import { formatDocumentNumber } from './register.rules';

const columns: Column[] = [
  { key: 'documentNumber', header: 'Số, ký hiệu', width: 18 },
  { key: 'docType', header: 'Loại văn bản', width: 16 },
  { key: 'issuedOn', header: 'Ngày ban hành', width: 14 },
  { key: 'summary', header: 'Trích yếu nội dung', width: 60 },
  { key: 'status', header: 'Tình trạng', width: 16 },
  { key: 'reason', header: 'Lý do hủy số', width: 40 },
];

/** The register's rows as one .xlsx sheet; a gap reads "Số bỏ trống". */
export async function registerSheet(year: number, rows: RegisterRowRecord[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`Sổ văn bản đi ${year}`, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  setupSheet(ws, columns, 0);
  for (const r of rows)
    ws.addRow({
      documentNumber: formatDocumentNumber(r.number, r.docType, r.issuerSymbol),
      docType: documentTypeLabels[r.docType] ?? r.docType,
      issuedOn: r.issuedOn ?? '',
      summary: r.summary ?? '',
      status: r.status === null ? 'Số bỏ trống' : registerStatusLabels[r.status],
      reason: r.reason ?? '',
    });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
