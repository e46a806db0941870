import ExcelJS from 'exceljs';
import { genderLabels, personCategoryLabels, unitKindLabels } from '../../../shared/org';
import { SHEET_OPTIONS, setupSheet, styleHeaderRow, type Column } from '../../platform/spreadsheet';
import { foldVietnamese } from '../../platform/text';

/**
 * The .xlsx formats for people and units: the template, the export and the import read the same
 * columns, so an export can be edited and imported back (rows with an ID update that record).
 */

export const PEOPLE_COLUMNS: Column[] = [
  { key: 'id', header: 'ID', width: 9 },
  { key: 'fullName', header: 'Họ và tên', width: 28, required: true },
  { key: 'gender', header: 'Giới tính', width: 10, list: Object.values(genderLabels) },
  { key: 'birthYear', header: 'Năm sinh', width: 10 },
  {
    key: 'category',
    header: 'Đối tượng',
    width: 16,
    required: true,
    list: Object.values(personCategoryLabels),
  },
  { key: 'position', header: 'Chức vụ', width: 30 },
  { key: 'unitId', header: 'Mã đơn vị', width: 11 },
  { key: 'unitPath', header: 'Đơn vị', width: 60, required: true },
  { key: 'email', header: 'Email', width: 26 },
  { key: 'phone', header: 'Số điện thoại', width: 15 },
];

export const UNIT_COLUMNS: Column[] = [
  { key: 'id', header: 'ID', width: 9 },
  { key: 'name', header: 'Tên đơn vị', width: 40, required: true },
  {
    key: 'kind',
    header: 'Loại đơn vị',
    width: 30,
    required: true,
    list: Object.values(unitKindLabels),
  },
  { key: 'adminCode', header: 'Mã hành chính', width: 14 },
  { key: 'parentId', header: 'Mã đơn vị cấp trên', width: 12 },
  { key: 'parentPath', header: 'Đơn vị cấp trên', width: 60, required: true },
  { key: 'active', header: 'Đang hoạt động', width: 14, list: ['Có', 'Không'] },
];

export const PATH_SEPARATOR = ' › ';
/** Splits "Tỉnh A › Huyện B > Xã C" into folded segments. */
export function splitPath(raw: string): string[] {
  return raw
    .split(/[›>]/u)
    .map((s) => foldVietnamese(s))
    .filter((s) => s.length > 0);
}

/** A template workbook: the data sheet with drop-down lists and a guidance sheet. */
export async function buildTemplate(type: 'people' | 'units'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ThiĐua';
  const columns = type === 'people' ? PEOPLE_COLUMNS : UNIT_COLUMNS;
  const ws = wb.addWorksheet(type === 'people' ? 'Cán bộ' : 'Đơn vị', SHEET_OPTIONS);
  setupSheet(ws, columns, 500);
  const guide = wb.addWorksheet('Hướng dẫn');
  guide.columns = [{ width: 24 }, { width: 100 }];
  const lines: [string, string][] =
    type === 'people'
      ? [
          ['Cột', 'Cách điền'],
          [
            'ID',
            'Để trống khi thêm mới. Khi sửa dữ liệu đã xuất từ hệ thống, giữ nguyên ID để cập nhật đúng người.',
          ],
          ['Họ và tên (*)', 'Họ và tên đầy đủ, có dấu. Ví dụ: Nguyễn Văn An'],
          ['Giới tính', 'Nam hoặc Nữ'],
          ['Năm sinh', 'Bốn chữ số, ví dụ 1985'],
          ['Đối tượng (*)', Object.values(personCategoryLabels).join(', ')],
          ['Chức vụ', 'Ví dụ: Công chức Văn phòng - Thống kê'],
          [
            'Mã đơn vị',
            'Mã đơn vị trong hệ thống (cột ID khi xuất danh sách đơn vị). Nếu có, cột Đơn vị chỉ để đọc.',
          ],
          [
            'Đơn vị (*)',
            `Tên đơn vị; nếu có đơn vị trùng tên, ghi cả đơn vị cấp trên, ngăn cách bằng "›" hoặc ">". Ví dụ: Xã Lương Điền > Văn phòng HĐND - UBND. Tên như trong danh sách cán bộ (ví dụ: Văn phòng HĐND - UBND – Xã Lương Điền) cũng được chấp nhận.`,
          ],
          ['Email, Số điện thoại', 'Không bắt buộc. Số điện thoại: 0912345678 hoặc +84912345678'],
          [
            'Lưu ý',
            'Nếu có bất kỳ dòng lỗi nào, hệ thống báo tất cả các dòng lỗi và không ghi dữ liệu nào.',
          ],
        ]
      : [
          ['Cột', 'Cách điền'],
          ['ID', 'Để trống khi thêm mới; giữ nguyên khi sửa dữ liệu đã xuất để cập nhật.'],
          ['Tên đơn vị (*)', 'Ví dụ: Bộ phận tiếp nhận và trả kết quả'],
          ['Loại đơn vị (*)', Object.values(unitKindLabels).join('; ')],
          [
            'Mã hành chính',
            'Không bắt buộc. Mã đơn vị hành chính theo danh mục của Tổng cục Thống kê.',
          ],
          ['Mã đơn vị cấp trên', 'Mã (ID) của đơn vị cấp trên nếu đã có trong hệ thống.'],
          [
            'Đơn vị cấp trên (*)',
            'Tên đơn vị cấp trên (có thể là đơn vị ở dòng phía trên trong cùng tệp); ghi đường dẫn bằng "›" hoặc ">" nếu trùng tên.',
          ],
          ['Đang hoạt động', 'Có hoặc Không (mặc định Có)'],
        ];
  lines.forEach((l) => guide.addRow(l));
  styleHeaderRow(guide.getRow(1));
  guide.getColumn(2).alignment = { wrapText: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
