import ExcelJS from 'exceljs';
import { SHEET_OPTIONS, setupSheet, type Column } from '../../platform/spreadsheet';

/** The columns of the past-awards import (one award a row), in the template's order. */
export const HONOUR_COLUMNS: Column[] = [
  { key: 'subject', header: 'Đối tượng', width: 12, required: true, list: ['Cá nhân', 'Tập thể'] },
  { key: 'personId', header: 'Mã cán bộ', width: 11 },
  { key: 'fullName', header: 'Họ và tên', width: 26 },
  { key: 'unitId', header: 'Mã đơn vị', width: 11 },
  { key: 'unitPath', header: 'Đơn vị', width: 36 },
  { key: 'form', header: 'Hình thức', width: 34, required: true },
  { key: 'year', header: 'Năm', width: 8, required: true },
  { key: 'period', header: 'Giai đoạn', width: 12 },
  { key: 'decisionNumber', header: 'Số quyết định', width: 18 },
  { key: 'decisionDate', header: 'Ngày quyết định', width: 15 },
  { key: 'issuer', header: 'Cơ quan ban hành', width: 28 },
  { key: 'achievement', header: 'Thành tích', width: 40 },
  { key: 'amount', header: 'Số tiền (đồng)', width: 14 },
];

/** The header of a column, for row errors ("Dòng 5, cột Hình thức: …"). */
export const honourHeader = (key: string) =>
  HONOUR_COLUMNS.find((c) => c.key === key)?.header ?? key;

/** The template: the awards sheet with its drop-down, one example row, and a guide sheet. */
export async function buildHonourTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ThiĐua';
  const ws = wb.addWorksheet('Khen thưởng đã nhận', SHEET_OPTIONS);
  setupSheet(ws, HONOUR_COLUMNS, 500);
  const guide = wb.addWorksheet('Hướng dẫn');
  guide.columns = [{ width: 24 }, { width: 110 }];
  const lines: [string, string][] = [
    ['Cột', 'Cách điền'],
    ['Đối tượng (*)', 'Cá nhân (một cán bộ) hoặc Tập thể (một đơn vị).'],
    [
      'Mã cán bộ',
      'Mã (ID) của cán bộ trong hệ thống (cột ID khi xuất danh sách cán bộ). Nếu để trống, hệ thống tìm theo Họ và tên trong Đơn vị; trùng tên thì phải điền Mã cán bộ.',
    ],
    ['Họ và tên', 'Bắt buộc với cá nhân khi không có Mã cán bộ. Ví dụ: Nguyễn Văn An'],
    [
      'Mã đơn vị, Đơn vị',
      'Cá nhân: đơn vị của cán bộ. Tập thể: chính đơn vị được khen. Ghi tên đơn vị, nếu trùng tên thì ghi cả đơn vị cấp trên, ngăn cách bằng "›" hoặc ">"; hoặc điền Mã đơn vị.',
    ],
    [
      'Hình thức (*)',
      'Tên danh hiệu hoặc hình thức khen thưởng như trong danh mục, ví dụ: Chiến sĩ thi đua cơ sở, Lao động tiên tiến, Giấy khen, Bằng khen của Chủ tịch UBND tỉnh. Tên không có trong danh mục vẫn được ghi nguyên văn.',
    ],
    ['Năm (*)', 'Năm được khen, bốn chữ số, ví dụ 2024.'],
    ['Giai đoạn', 'Không bắt buộc, ví dụ 2020–2025.'],
    ['Ngày quyết định', 'Ngày/tháng/năm, ví dụ 15/01/2025.'],
    ['Số tiền (đồng)', 'Không bắt buộc; chỉ ghi số, ví dụ 702000.'],
    [
      'Lưu ý',
      'Nếu có bất kỳ dòng lỗi nào, hệ thống báo tất cả các dòng lỗi và không ghi dữ liệu nào. Khen thưởng đã có (cùng đối tượng, hình thức, năm, số quyết định) không được nhập lại.',
    ],
  ];
  for (const l of lines) guide.addRow(l);
  guide.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
