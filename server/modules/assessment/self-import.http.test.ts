import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_TYPE } from '../../http/context';
import { createTestDb, type TestDb } from '../../test/db';
import { buildTestApp, loginCookie } from '../../test/http';
import { openSheet } from './assessment.service';
import { T, files, world, type World } from '../../test/evaluation';

let t: TestDb;
let app: FastifyInstance;
let w: World;
let sheetId: number;
const cookies = new Map<string, string>();

beforeAll(async () => {
  t = await createTestDb();
  app = await buildTestApp(t, { now: () => new Date(T.onTime), env: { MAX_UPLOAD_MB: '1' } });
  w = await world(t);
  sheetId = (await openSheet(w.as('head'), w.reg.id)).id;
  const stranger = await world(t);
  cookies.set('head', await loginCookie(app, w.users.head.username, w.users.head.password));
  const o = stranger.users.officer;
  cookies.set('stranger', await loginCookie(app, o.username, o.password));
});
afterAll(async () => {
  await app.close();
  await t.close();
});

const boundary = '----thidua-self-import';
function multipart(fileName: string, data: Buffer) {
  return Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
}
const post = (who: string | null, payload: Buffer | object) =>
  app.inject({
    method: 'POST',
    url: `/api/score-sheets/${sheetId}/self-import`,
    payload,
    headers: {
      ...(who === null ? {} : { cookie: cookies.get(who) ?? '' }),
      ...(Buffer.isBuffer(payload)
        ? { 'content-type': `multipart/form-data; boundary=${boundary}` }
        : {}),
    },
  });

describe('self-assessment Excel over HTTP', () => {
  it('serves the template and imports it back as multipart', async () => {
    const url = `/api/score-sheets/${sheetId}/self-template.xlsx`;
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const hidden = await app.inject({
      method: 'GET',
      url,
      headers: { cookie: cookies.get('stranger') ?? '' },
    });
    expect(hidden.statusCode).toBe(404);
    const tpl = await app.inject({
      method: 'GET',
      url,
      headers: { cookie: cookies.get('head') ?? '' },
    });
    expect(tpl.statusCode).toBe(200);
    expect(tpl.headers['content-type']).toBe(XLSX_TYPE);
    expect(tpl.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('Tự chấm điểm - Bộ phận một cửa.xlsx')}`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('Tự chấm điểm');
    if (ws === undefined) throw new Error('template has no sheet');
    ws.getCell('E3').value = 'Đạt';
    ws.getCell('E4').value = 98;
    const data = Buffer.from(await wb.xlsx.writeBuffer());

    expect((await post(null, multipart('tu-cham.xlsx', data))).statusCode).toBe(401);
    const stranger = await post('stranger', multipart('tu-cham.xlsx', data));
    expect(stranger.statusCode).toBe(404);
    const ok = await post('head', multipart('tu-cham.xlsx', data));
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      imported: 2,
      unchanged: 2,
      changedSinceTemplate: [],
      sheet: { id: sheetId, self: { total: 10, fieldTotals: [10, 0] } },
    });
  });

  it('refuses a PDF renamed .xlsx, a JSON body and an oversized file', async () => {
    const pdf = await post('head', multipart('so-lieu.xlsx', files.pdf));
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json()).toMatchObject({
      error: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'file', label: 'Tệp Excel' }] },
    });
    const json = await post('head', { file: 'x' });
    expect(json.statusCode).toBe(400);
    expect(json.json().message).toBe('Cần gửi tệp theo dạng multipart/form-data.');
    const big = await post('head', multipart('lon.xlsx', Buffer.alloc(1024 * 1024 + 10, 1)));
    expect(big.statusCode).toBe(413);
  });
});
