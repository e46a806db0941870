import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { buildTestApp, loginCookie } from '../../test/http';
import { openSheet, saveSelfEntry, submitSheet } from '../assessment/index';
import { T, world, type World } from '../../test/evaluation';

let t: TestDb;
let app: FastifyInstance;
let w: World;
let sheetId: number;
let sheetVersion: number;
const cookies = new Map<string, string>();

beforeAll(async () => {
  t = await createTestDb();
  app = await buildTestApp(t, { now: () => new Date(T.onTime) });
  w = await world(t);
  const sheet = await openSheet(w.as('head'), w.reg.id);
  await saveSelfEntry(w.as('head'), sheet.id, 'l11', { input: { met: true }, note: 'KH 12' });
  await saveSelfEntry(w.as('head'), sheet.id, 'l12', { input: { percent: 95 } });
  await saveSelfEntry(w.as('head'), sheet.id, 'l21', { input: { points: 4.5 }, note: 'Tin bài' });
  const sent = await submitSheet(w.as('head'), sheet.id, { version: sheet.version });
  sheetId = sent.id;
  sheetVersion = sent.version;
  for (const who of ['head', 'council', 'officer'] as const) {
    const u = w.users[who];
    cookies.set(who, await loginCookie(app, u.username, u.password));
  }
});
afterAll(async () => {
  await app.close();
  await t.close();
});

const headers = (who: string | null) => (who === null ? {} : { cookie: cookies.get(who) ?? '' });

describe('appraisal HTTP', () => {
  it('scores, refuses the unit and the anonymous, and shows the comparison', async () => {
    const url = `/api/score-sheets/${sheetId}/appraisal`;
    const body = { round: 1, input: { met: true } };
    expect((await app.inject({ method: 'PUT', url: `${url}/l11`, payload: body })).statusCode).toBe(
      401,
    );
    const unit = await app.inject({
      method: 'PUT',
      url: `${url}/l11`,
      payload: body,
      headers: headers('head'),
    });
    expect(unit.statusCode).toBe(403);
    const bad = await app.inject({
      method: 'PUT',
      url: `${url}/l11`,
      payload: { round: 3, input: {} },
      headers: headers('council'),
    });
    expect(bad.statusCode).toBe(400);
    // A Vietnamese message naming the field, not Zod's "Invalid input".
    expect(bad.json().details.fields).toContainEqual({
      field: 'round',
      label: 'Lần thẩm định',
      message: 'không phải là giá trị được phép',
    });
    const ok = await app.inject({
      method: 'PUT',
      url: `${url}/l11`,
      payload: body,
      headers: headers('council'),
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ points: 4, version: 1 });
    const stale = await app.inject({
      method: 'PUT',
      url: `${url}/l11`,
      payload: body,
      headers: headers('council'),
    });
    expect(stale.statusCode).toBe(409);
    const early = await app.inject({
      method: 'POST',
      url: `${url}/complete`,
      payload: { version: sheetVersion },
      headers: headers('council'),
    });
    expect(early.statusCode).toBe(400);
    const view = await app.inject({ method: 'GET', url, headers: headers('head') });
    expect(view.statusCode).toBe(200);
    expect(view.json().leaves[0]).toMatchObject({ code: '1.1', diff1: 0 });
  });

  it('imports survey scores as multipart and serves the template', async () => {
    const tpl = await app.inject({
      method: 'GET',
      url: `/api/plans/${w.plan.id}/survey-scores/template.xlsx`,
      headers: headers('officer'),
    });
    expect(tpl.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    if (ws === undefined) throw new Error('template has no sheet');
    ws.getRow(2).getCell(5).value = 60;
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const boundary = '----thidua-survey';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="khao-sat.xlsx"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const post = (who: string) =>
      app.inject({
        method: 'POST',
        url: `/api/plans/${w.plan.id}/survey-scores`,
        payload,
        headers: { ...headers(who), 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
    expect((await post('council')).statusCode).toBe(403);
    const res = await post('officer');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ imported: 1, sheets: 1 });
  });
});
