import ExcelJS from 'exceljs';
import { genderLabels, personCategoryLabels, unitKindLabels } from '../../../shared/org';
import { foldVietnamese } from '../../platform/text';

/**
 * The .xlsx formats for people and units: the template, the export and the import read the same
 * columns, so an export can be edited and imported back (rows with an ID update that record).
 */

export type Column = {
  key: string;
  header: string;
  width: number;
  required?: boolean;
  list?: string[];
};

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

const headerStyle = (row: ExcelJS.Row) => {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.height = 30;
  row.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    c.border = { bottom: { style: 'thin' } };
  });
};

/** Frozen header row; pass as addWorksheet options (streaming sheets cannot set views later). */
export const SHEET_OPTIONS = { views: [{ state: 'frozen' as const, ySplit: 1 }] };

export function setupSheet(ws: ExcelJS.Worksheet, columns: Column[], validationRows: number): void {
  ws.columns = columns.map((c) => ({
    key: c.key,
    header: c.required ? `${c.header} (*)` : c.header,
    width: c.width,
  }));
  headerStyle(ws.getRow(1));
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
  headerStyle(guide.getRow(1));
  guide.getColumn(2).alignment = { wrapText: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
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
