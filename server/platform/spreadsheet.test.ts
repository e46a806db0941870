import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { isAppError, type AppError } from './errors';
import {
  BOX_BORDER,
  HEADER_FILL,
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
  it('loads a real workbook as plain data', async () => {
    const book = await loadWorkbook(await workbook([['Họ và tên'], ['Nguyễn Văn A']]), FIELD);
    expect(book.sheets).toEqual([
      {
        name: 'Bảng',
        state: 'visible',
        rows: [
          { number: 1, cells: ['Họ và tên'] },
          { number: 2, cells: ['Nguyễn Văn A'] },
        ],
      },
    ]);
  });

  it('refuses a file that is not a zip, naming the field, and logs the cause', async () => {
    const warnings: unknown[] = [];
    const log = { info: () => {}, error: () => {}, warn: (o: unknown) => warnings.push(o) };
    const e = await failure(loadWorkbook(Buffer.from('%PDF-1.7 không phải Excel'), FIELD, log));
    expectUnreadable(e);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ field: 'upload', detail: 'not a zip archive' });
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
  it('no server file but the kit reads a workbook; only the untrusted-file worker parses one', () => {
    const root = join(import.meta.dirname, '..');
    const files = (readdirSync(root, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts') && !/\.(test|fixtures)\.ts$/.test(f))
      .map((f) => join(root, f));
    const using = (pattern: RegExp) =>
      files.filter((f) => pattern.test(readFileSync(f, 'utf8'))).map((f) => relative(root, f));
    expect(files.length).toBeGreaterThan(50);
    // ExcelJS only writes: no file loads or stream-reads a workbook with it.
    expect(using(/\.xlsx\.(load|read)\b|WorkbookReader/)).toEqual([]);
    expect(using(/(?<!function )\breadXlsx\(/)).toEqual([join('platform', 'spreadsheet.ts')]);
    expect(using(/(?<!function )\breadXlsxBook\(/)).toEqual([
      join('platform', 'untrusted', 'worker.ts'),
    ]);
  });
});

describe('cell text as the user sees it', () => {
  it('reads cells as shown, in NFC; numbers, formats and error codes alongside', async () => {
    const nfd = 'Nguyễn'.normalize('NFD');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Ô');
    ws.addRow([
      ` ${nfd} `,
      { richText: [{ text: 'Kết ' }, { text: nfd }] },
      { text: nfd, hyperlink: 'https://x.vn' },
      { formula: 'A1*2', result: 4 },
      new Date('2026-03-01T00:00:00Z'),
      { error: '#N/A' } as ExcelJS.CellErrorValue,
      { formula: '1/0', result: { error: '#DIV/0!' } },
      0.95,
      true,
      12.5,
    ]);
    ws.getCell('H1').numFmt = '0%';
    wb.addWorksheet('ẩn', { state: 'hidden' }).addRow(['a']);
    wb.addWorksheet('meta', { state: 'veryHidden' }).addRow(['b']);
    const book = await loadWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), FIELD);
    const row = book.sheets[0]?.rows[0];
    expect(row?.cells).toEqual([
      'Nguyễn',
      'Kết Nguyễn',
      'Nguyễn',
      '4',
      '2026-03-01',
      '',
      '',
      '0.95',
      'true',
      '12.5',
    ]);
    expect(row?.facts?.[3]).toEqual({ number: 4 });
    expect(row?.facts?.[5]).toEqual({ error: '#N/A' });
    expect(row?.facts?.[6]).toEqual({ error: '#DIV/0!' });
    expect(row?.facts?.[7]).toEqual({ number: 0.95, percent: true });
    expect(row?.facts?.[9]).toEqual({ number: 12.5 });
    expect(book.sheets.map((s) => [s.name, s.state])).toEqual([
      ['Ô', 'visible'],
      ['ẩn', 'hidden'],
      ['meta', 'veryHidden'],
    ]);
  });

  it('keeps Vietnamese characters whole across inflate chunks (streamed workbook, 20,000 rows)', async () => {
    const text = 'Kết quả thi đua của Ủy ban nhân dân xã Đồng Tiến';
    const chunks: Buffer[] = [];
    const { PassThrough } = await import('node:stream');
    const stream = new PassThrough();
    stream.on('data', (c: Buffer) => chunks.push(c));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false });
    const ws = wb.addWorksheet('Dài');
    for (let i = 0; i < 20_000; i++) ws.addRow([`${'ạ'.repeat(i % 7)}${text}`]).commit();
    ws.commit();
    await wb.commit();
    const book = await loadWorkbook(Buffer.concat(chunks), FIELD);
    const rows = book.sheets[0]?.rows ?? [];
    expect(rows).toHaveLength(20_000);
    expect(rows.every((r, i) => r.cells[0] === `${'ạ'.repeat(i % 7)}${text}`)).toBe(true);
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
