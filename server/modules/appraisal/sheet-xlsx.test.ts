import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { makeTree, makeUser, testCtx } from '../../test/factories';
import { buildTestApp, loginCookie } from '../../test/http';
import { T, at, expectAppError } from '../../test/evaluation';
import { sideBySide } from './appraisal.compare';
import { computeResults, publishResults } from '../results/index';
import { appraisedSheet, selfSheet } from './sheet-export.fixtures';
import { exportSheetDocx, exportSheetXlsx } from './sheet-export.service';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

type Value = ExcelJS.CellValue;
/** The workbook read back: title lines, the header, and each table row by its first cells. */
async function readBack(data: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('Phiếu chấm điểm');
  if (ws === undefined) throw new Error('sheet "Phiếu chấm điểm" missing');
  const values = (r: number) => (ws.getRow(r).values as Value[]).slice(1);
  let headerRow = 0;
  ws.eachRow((row) => {
    if (headerRow === 0 && row.getCell(1).value === 'Mã') headerRow = row.number;
  });
  const header = values(headerRow).map(String);
  const titles = Array.from({ length: headerRow - 2 }, (_, i) => {
    const v = ws.getCell(i + 1, 1).value;
    return typeof v === 'string' ? v : JSON.stringify(v);
  });
  const rows: Record<string, Value>[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const v = values(r);
    rows.push(Object.fromEntries(header.map((h, i) => [h, v[i] ?? null])));
  }
  const byCode = (code: string) => {
    const row = rows.find((r) => r['Mã'] === code);
    if (row === undefined) throw new Error(`no row ${code}`);
    return row;
  };
  const byTitle = (title: string) => rows.find((r) => r['Tiêu chí'] === title);
  return { ws, header, headerRow, titles, rows, byCode, byTitle };
}

const SELF_COLUMNS = [
  'Mã',
  'Tiêu chí',
  'Điểm tối đa',
  'Số liệu tự chấm',
  'Điểm tự chấm',
  'Giải trình / kiểm chứng',
];

describe('score sheet .xlsx', () => {
  it('holds every stage of an appraised sheet, with the totals of the side-by-side view', async () => {
    const { w, id } = await appraisedSheet(t);
    const ctx = w.as('head', '2020-09-01T02:30:00Z');
    const file = await exportSheetXlsx(ctx, id);
    expect(file.fileName).toBe(
      'Phiếu chấm điểm - Bộ phận một cửa, Xã Lương Điền - 62-KH-UBND.xlsx',
    );
    const x = await readBack(file.data);
    expect(x.header).toEqual([
      ...SELF_COLUMNS,
      'Thẩm định lần 1',
      'Nhận xét lần 1',
      'Giải trình của đơn vị',
      'Thẩm định lần 2',
      'Nhận xét lần 2',
      'Điểm khảo sát',
      'Điểm cuối cùng',
      'Chênh lệch',
    ]);
    expect(x.titles).toEqual([
      'BẢNG TỔNG HỢP KẾT QUẢ THẨM ĐỊNH',
      expect.stringMatching(/^Kế hoạch số 62\/KH-UBND: /),
      'Đơn vị: Bộ phận một cửa — Xã Lương Điền',
      'Bộ tiêu chí: Bộ chỉ số CCHC thử — phiên bản 1',
      'Trạng thái: Đã thẩm định',
      'Xuất lúc: 01/09/2020 09:30 (giờ Việt Nam)',
      'Nội dung đề nghị giải trình: Đề nghị giải trình tỷ lệ hồ sơ đúng hạn',
    ]);
    // Tree order, parents with their roll-ups.
    expect(x.rows.slice(0, 7).map((r) => r['Mã'])).toEqual([
      '1',
      '1.1',
      '1.2',
      '2',
      '2.1',
      '2.2',
      '3',
    ]);
    expect(x.byCode('1.1')).toMatchObject({
      'Số liệu tự chấm': 'Đạt',
      'Điểm tự chấm': 4,
      'Giải trình / kiểm chứng': 'Đã ban hành KH 12\nTệp kiểm chứng: ke-hoach-12.pdf',
      'Thẩm định lần 1': 4,
      'Nhận xét lần 1': null,
      'Thẩm định lần 2': 4,
      'Điểm cuối cùng': 4,
      'Chênh lệch': 0,
    });
    expect(x.byCode('1.2')).toMatchObject({
      'Số liệu tự chấm': '95 %',
      'Điểm tự chấm': 4,
      'Thẩm định lần 1': 2,
      'Nhận xét lần 1': 'Số liệu thẩm định: 85 %\nHệ thống ghi nhận 85 %',
      'Giải trình của đơn vị': 'Hệ thống tính cả hồ sơ rút',
      'Thẩm định lần 2': 4,
      'Nhận xét lần 2': 'Chấp nhận giải trình',
      'Điểm cuối cùng': 4,
      'Chênh lệch': 0,
    });
    // The survey leaf: not the unit's to score; the appraisal stages take the survey's points.
    expect(x.byCode('2.2')).toMatchObject({
      'Điểm tự chấm': null,
      'Điểm khảo sát': 4,
      'Thẩm định lần 1': 4,
      'Điểm cuối cùng': 4,
      'Chênh lệch': null,
    });
    expect(x.byCode('1')).toMatchObject({
      'Điểm tối đa': 10,
      'Điểm tự chấm': 8,
      'Thẩm định lần 1': 6,
      'Thẩm định lần 2': 8,
      'Điểm cuối cùng': 8,
    });
    expect(x.byCode('2')).toMatchObject({ 'Điểm tự chấm': 4.5, 'Điểm cuối cùng': 8.5 });

    const view = await sideBySide(ctx, id);
    const total = x.byTitle('TỔNG CỘNG');
    expect(total).toMatchObject({
      'Điểm tối đa': 20,
      'Điểm tự chấm': view.totals.self.total,
      'Thẩm định lần 1': view.totals.appraisal1.total,
      'Thẩm định lần 2': view.totals.appraisal2.total,
      'Điểm cuối cùng': view.totals.final.total,
    });
    expect([view.totals.self.total, view.totals.final.total]).toEqual([12.5, 16.5]);
    expect(total?.['Chênh lệch']).toBe(4);
    expect(x.byTitle('Tỷ lệ đạt (%)')).toMatchObject({
      'Điểm tự chấm': view.totals.self.percent,
      'Điểm cuối cùng': view.totals.final.percent,
    });
    expect(x.byTitle('Xếp loại')?.['Điểm cuối cùng']).toBe('Tốt');
    expect(x.byTitle('Xếp hạng')).toBeUndefined();

    // Layout: indented codes, 2-decimal numbers, frozen header, A4 landscape fit to width.
    const r12 = x.headerRow + 3;
    expect(x.ws.getCell(r12, 1).value).toBe('1.2');
    expect(x.ws.getCell(r12, 1).alignment.indent).toBe(1);
    expect(x.ws.getCell(r12, 5).numFmt).toBe('0.00');
    expect(x.ws.getCell(x.headerRow + 1, 1).font.bold).toBe(true);
    expect(x.ws.views[0]).toMatchObject({ state: 'frozen', ySplit: x.headerRow, xSplit: 2 });
    expect(x.ws.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${x.headerRow}:${x.headerRow}`,
    });
    expect(x.ws.getColumn(2).width).toBe(48);

    // Same data, same moment: the same bytes.
    expect((await exportSheetXlsx(ctx, id)).data.equals(file.data)).toBe(true);

    // Once the results are published the rank is printed too.
    await computeResults(w.as('officer'), w.plan.id);
    expect(
      (await readBack((await exportSheetXlsx(ctx, id)).data)).byTitle('Xếp hạng'),
    ).toBeUndefined();
    await publishResults(w.as('issuerHead'), w.plan.id);
    const published = await readBack((await exportSheetXlsx(ctx, id)).data);
    expect(published.titles).toContain('Trạng thái: Đã thẩm định');
    expect(published.byTitle('Xếp hạng')?.['Điểm cuối cùng']).toBe(1);
  });

  it('a draft has only the unit’s own columns and totals', async () => {
    const { w, id } = await selfSheet(t, true);
    const x = await readBack((await exportSheetXlsx(w.as('staff'), id)).data);
    expect(x.header).toEqual(SELF_COLUMNS);
    expect(x.titles[0]).toBe('BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM');
    expect(x.titles).toContain('Trạng thái: Đang tự chấm');
    expect(x.byCode('2.1')).toMatchObject({ 'Số liệu tự chấm': '4,5 điểm', 'Điểm tự chấm': 4.5 });
    expect(x.byCode('3')).toMatchObject({ 'Số liệu tự chấm': null, 'Điểm tự chấm': null });
    expect(x.byTitle('TỔNG CỘNG')).toMatchObject({ 'Điểm tối đa': 20, 'Điểm tự chấm': 12.5 });
    expect(x.byTitle('Tỷ lệ đạt (%)')?.['Điểm tự chấm']).toBe(62.5);
    expect(x.byTitle('Xếp loại')).toBeUndefined();
  });

  it('is refused (NOT_FOUND) to another province, and served over HTTP with its file name', async () => {
    const { w, id } = await selfSheet(t);
    const other = await makeTree(w.sys);
    const stranger = await makeUser(w.sys, 'emulation_officer', other.province.id);
    const ctx = testCtx(t, stranger.actor, at(T.onTime));
    await expectAppError(exportSheetXlsx(ctx, id), 'NOT_FOUND');
    await expectAppError(exportSheetDocx(ctx, id), 'NOT_FOUND');

    const app: FastifyInstance = await buildTestApp(t, { now: () => new Date(T.onTime) });
    try {
      const cookie = await loginCookie(app, stranger.username, stranger.password);
      const head = w.users.head;
      const mine = await loginCookie(app, head.username, head.password);
      for (const ext of ['xlsx', 'docx']) {
        const url = `/api/score-sheets/${id}/export.${ext}`;
        expect((await app.inject({ url })).statusCode).toBe(401);
        const refused = await app.inject({ url, headers: { cookie } });
        expect(refused.statusCode).toBe(404);
        expect(refused.json()).toMatchObject({ error: 'NOT_FOUND' });
        const ok = await app.inject({ url, headers: { cookie: mine } });
        expect(ok.statusCode).toBe(200);
        expect(ok.headers['content-disposition']).toBe(
          `attachment; filename="Phieu cham diem - Bo phan mot cua, Xa Luong Dien - 62-KH-UBND.${ext}"; ` +
            `filename*=UTF-8''${encodeURIComponent(`Phiếu chấm điểm - Bộ phận một cửa, Xã Lương Điền - 62-KH-UBND.${ext}`)}`,
        );
        expect(ok.rawPayload.subarray(0, 2).toString()).toBe('PK');
      }
      const bad = await app.inject({
        url: '/api/score-sheets/abc/export.xlsx',
        headers: { cookie: mine },
      });
      expect(bad.statusCode).toBe(400);
    } finally {
      await app.close();
    }
  });
});
