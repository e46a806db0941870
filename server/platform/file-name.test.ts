import { describe, expect, it } from 'vitest';
import {
  MAX_FILE_NAME_BYTES,
  asciiFileName,
  contentDisposition,
  fileName,
  safeFileName,
} from './file-name';

describe('safeFileName', () => {
  it.each([
    ['Kế hoạch 01/KH-UBND.docx', 'Kế hoạch 01-KH-UBND.docx'],
    ['a\\b.pdf', 'a-b.pdf'],
    ['Hỏi: "có" <không> | * ?.xlsx', 'Hỏi có không.xlsx'],
    ['  nhiều    khoảng   trắng  .docx', 'nhiều khoảng trắng.docx'],
    ['tên...docx', 'tên.docx'],
    ['- gạch đầu -.pdf', 'gạch đầu.pdf'],
    ['dòng\nmới\t.xlsx', 'dòng mới.xlsx'],
    ['???.xlsx', 'tep.xlsx'],
    ['không có đuôi', 'không có đuôi'],
    ['Nguyễn Văn An'.normalize('NFD') + '.docx', 'Nguyễn Văn An.docx'],
  ])('%j → %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it('caps the name in UTF-8 bytes, keeps the extension and never splits a letter', () => {
    const long = `${'Ủy ban nhân dân '.repeat(30)}cuối.docx`;
    const safe = safeFileName(long);
    expect(Buffer.byteLength(safe, 'utf8')).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(safe.endsWith('.docx')).toBe(true);
    expect(safe.startsWith('Ủy ban nhân dân Ủy ban')).toBe(true);
    expect(safe).not.toMatch(/\s\.docx$/u);
    expect(safe).toBe(safe.normalize('NFC'));
    expect(safeFileName('ăăăăăă.txt', 10)).toBe('ăăă.txt');
  });
});

describe('fileName', () => {
  it.each([
    [
      [['Kế hoạch 01/KH-UBND 2026', 'UBND xã Lương Điền'], 'docx'],
      'Kế hoạch 01-KH-UBND 2026 - UBND xã Lương Điền.docx',
    ],
    [
      [['Kế hoạch 01/KH-UBND 2026', 'UBND xã Lương Điền'], 'pdf', '(phiên bản 2)'],
      'Kế hoạch 01-KH-UBND 2026 - UBND xã Lương Điền (phiên bản 2).pdf',
    ],
    [[['Cán bộ', null, undefined, false, ' ', 'Xã Tây Yên'], 'xlsx'], 'Cán bộ - Xã Tây Yên.xlsx'],
  ] as const)('%j → %j', ([parts, ext, suffix], expected) => {
    expect(fileName(parts, ext, suffix)).toBe(expected);
  });
});

describe('Content-Disposition (RFC 6266 / 5987)', () => {
  it.each([
    [
      'Kế hoạch 01-KH-UBND 2026 - UBND xã Lương Điền.docx',
      'Ke hoach 01-KH-UBND 2026 - UBND xa Luong Dien.docx',
    ],
    ['Đăng ký "thi đua" 50%.xlsx', 'Dang ky thi dua 50_.xlsx'],
    ['Bản (phiên bản 2).pdf', 'Ban (phien ban 2).pdf'],
  ])('ASCII fallback of %j is %j', (name, ascii) => {
    expect(asciiFileName(safeFileName(name))).toBe(ascii);
  });

  it('sends the safe UTF-8 name percent-encoded, with only attr-chars left bare', () => {
    const header = contentDisposition('Kế hoạch 01/KH-UBND (phiên bản 2).docx');
    expect(header).toBe(
      `attachment; filename="Ke hoach 01-KH-UBND (phien ban 2).docx"; ` +
        `filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%2001-KH-UBND%20%28phi%C3%AAn%20b%E1%BA%A3n%202%29.docx`,
    );
    const encoded = header.split("UTF-8''")[1] ?? '';
    expect(encoded).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/u);
    expect(decodeURIComponent(encoded)).toBe('Kế hoạch 01-KH-UBND (phiên bản 2).docx');
  });
});
