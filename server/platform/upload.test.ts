import { describe, expect, it } from 'vitest';
import { isAppError } from './errors';
import { requireFile, requireXlsx } from './upload';

const FIELD = { field: 'file', label: 'Tệp Excel' };
const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]);

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (isAppError(e)) return e.message;
    throw e;
  }
  return '';
}

describe('upload checks', () => {
  it('asks for a file when none came, naming the field', () => {
    expect(messageOf(() => requireFile({}, FIELD))).toBe('Tệp Excel: chưa chọn tệp');
    expect(messageOf(() => requireFile({ fileName: 'a.pdf' }, FIELD))).toBe(
      'Tệp Excel: chưa chọn tệp',
    );
    expect(requireFile({ fileName: 'a.pdf', data: zip }, FIELD)).toEqual({
      fileName: 'a.pdf',
      data: zip,
    });
  });

  it('takes an .xlsx by name and by content only', () => {
    expect(messageOf(() => requireXlsx({ fileName: 'a.xls', data: zip }, FIELD))).toBe(
      'Tệp Excel: phải là tệp .xlsx (Excel 2007 trở lên)',
    );
    const pdf = Buffer.from('%PDF-1.7');
    expect(messageOf(() => requireXlsx({ fileName: 'a.XLSX', data: pdf }, FIELD))).toBe(
      'Tệp Excel: nội dung không phải bảng tính .xlsx hợp lệ',
    );
    expect(messageOf(() => requireXlsx({ fileName: 'a.xlsx', data: Buffer.alloc(0) }, FIELD))).toBe(
      'Tệp Excel: nội dung không phải bảng tính .xlsx hợp lệ',
    );
    expect(requireXlsx({ fileName: 'a.XLSX', data: zip }, FIELD).fileName).toBe('a.XLSX');
  });
});
