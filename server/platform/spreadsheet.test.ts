import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { isAppError, type AppError } from './errors';
import {
  BOX_BORDER,
  HEADER_FILL,
  cellText,
  loadWorkbook,
  readSheet,
  styleHeaderRow,
  type Column,
} from './spreadsheet';

const FIELD = { field: 'upload', label: 'Tệp điểm' };
const MESSAGE = 'không đọc được tệp; tệp phải là bảng tính Excel .xlsx';

async function failure(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (!isAppError(e)) throw new Error(`expected an AppError, got ${String(e)}`);
  return e;
}

function expectUnreadable(e: AppError, field = FIELD) {
  expect(e.code).toBe('VALIDATION_FAILED');
  expect(e.message).toBe(`${field.label}: ${MESSAGE}.`);
  // The library's own text never reaches the user.
  expect(e.details).toEqual({
    fileError: true,
    fields: [{ field: field.field, label: field.label, message: MESSAGE }],
  });
}

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Bảng');
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('loadWorkbook', () => {
  it('loads a real workbook', async () => {
    const wb = await loadWorkbook(await workbook([['Họ và tên'], ['Nguyễn Văn A']]), FIELD);
    expect(wb.worksheets[0]?.getCell('A2').value).toBe('Nguyễn Văn A');
  });

  it('refuses a file that is not a zip, naming the field, and logs the library error', async () => {
    const warnings: unknown[] = [];
    const log = { info: () => {}, error: () => {}, warn: (o: unknown) => warnings.push(o) };
    const e = await failure(loadWorkbook(Buffer.from('%PDF-1.7 không phải Excel'), FIELD, log));
    expectUnreadable(e);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ field: 'upload' });
    expect((warnings[0] as { err: unknown }).err).toBeInstanceOf(Error);
  });

  it('refuses a zip that is not a workbook, naming the field', async () => {
    const zip = new JSZip();
    zip.file('readme.txt', 'Đây là tệp nén, không phải bảng tính.');
    const data = await zip.generateAsync({ type: 'nodebuffer' });
    expect(data.readUInt32LE(0)).toBe(0x04034b50); // passes requireXlsx's content check
    expectUnreadable(await failure(loadWorkbook(data, FIELD)));
  });

  it('refuses a truncated workbook; the field defaults to "file"', async () => {
    const data = (await workbook([['a']])).subarray(0, 200);
    expectUnreadable(await failure(loadWorkbook(data)), { field: 'file', label: 'Tệp Excel' });
  });

  it('is what readSheet reads through', async () => {
    const columns: Column[] = [{ key: 'name', header: 'Họ và tên', width: 20 }];
    expectUnreadable(
      await failure(readSheet(Buffer.from('xyz'), columns, undefined, { field: FIELD })),
    );
    const sheet = await readSheet(await workbook([['Họ và tên (*)'], ['B']]), columns);
    expect(sheet.rows).toEqual([{ rowNumber: 2, cells: ['B'] }]);
  });
});

describe('every .xlsx read goes through loadWorkbook', () => {
  it('no server file but the kit loads or stream-reads a workbook itself', () => {
    const root = join(import.meta.dirname, '..');
    const files = (readdirSync(root, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts') && !/\.(test|fixtures)\.ts$/.test(f))
      .map((f) => join(root, f));
    const readers = files
      .filter((f) => /\.xlsx\.(load|read)\b|WorkbookReader/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f));
    expect(files.length).toBeGreaterThan(50);
    expect(readers).toEqual([join('platform', 'spreadsheet.ts')]);
  });
});

describe('cellText', () => {
  it('reads cells as shown, in NFC, errors blank unless asked for', () => {
    const nfd = 'Nguyễn'.normalize('NFD');
    expect(cellText(` ${nfd} `)).toBe('Nguyễn');
    expect(cellText({ richText: [{ text: 'Kết ' }, { text: nfd }] })).toBe('Kết Nguyễn');
    expect(cellText({ text: nfd, hyperlink: 'https://x.vn' })).toBe('Nguyễn');
    expect(cellText({ formula: 'A1*2', result: 4 })).toBe('4');
    expect(cellText(new Date('2026-03-01T00:00:00Z'))).toBe('2026-03-01');
    const na = { error: '#N/A' } as ExcelJS.CellErrorValue;
    expect(cellText(na)).toBe('');
    expect(cellText(na, 'text')).toBe('#N/A');
    expect(cellText({ formula: '1/0', result: { error: '#DIV/0!' } }, 'text')).toBe('#DIV/0!');
  });
});

describe('styleHeaderRow', () => {
  it('styles the plain header and the centred, boxed variant with one fill', () => {
    const ws = new ExcelJS.Workbook().addWorksheet('x');
    ws.addRow(['Mã', 'Tên']);
    ws.addRow(['Mã', 'Tên']);
    styleHeaderRow(ws.getRow(1));
    styleHeaderRow(ws.getRow(2), { height: 32, center: true, box: true });
    const [plain, boxed] = [ws.getCell('B1'), ws.getCell('B2')];
    expect(plain.font).toEqual({ bold: true });
    expect(plain.fill).toEqual({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: HEADER_FILL },
    });
    expect(plain.border).toEqual({ bottom: { style: 'thin' } });
    expect(plain.alignment).toEqual({ vertical: 'middle', wrapText: true });
    expect(ws.getRow(1).height).toBe(30);
    expect(boxed.fill).toEqual(plain.fill);
    expect(boxed.border).toEqual(BOX_BORDER);
    expect(boxed.alignment).toEqual({ vertical: 'middle', horizontal: 'center', wrapText: true });
    expect(ws.getRow(2).height).toBe(32);
  });
});
