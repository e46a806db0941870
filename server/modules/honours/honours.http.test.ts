import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { createTestDb, type TestDb } from '../../test/db';
import { makePerson, makeTree, makeUser, testCtx } from '../../test/factories';
import { buildTestApp, loginCookie, multipart } from '../../test/http';
import { ensureNationalCatalogue } from '../awards/index';
import type { DisciplineRow, HonourHistory } from '../../../shared/api/honours';
import { honoursXlsx } from './honours.fixtures';

let t: TestDb;
let app: FastifyInstance;
beforeAll(async () => {
  t = await createTestDb();
  app = await buildTestApp(t);
  await ensureNationalCatalogue(testCtx(t));
});
afterAll(async () => {
  await app.close();
  await t.close();
});

describe('honours over HTTP', () => {
  it('serves the template, imports, lists history and guards discipline records', async () => {
    const sys = testCtx(t);
    const tree = await makeTree(sys);
    const person = await makePerson(sys, tree.office.id, 'Nguyễn Văn An');
    const officerUser = await makeUser(sys, 'emulation_officer', tree.commune.id);
    const staffUser = await makeUser(sys, 'staff', tree.commune.id);
    const officer = await loginCookie(app, officerUser.username, officerUser.password);
    const staff = await loginCookie(app, staffUser.username, staffUser.password);

    expect(
      (await app.inject({ method: 'GET', url: `/api/people/${person.id}/honours` })).statusCode,
    ).toBe(401);

    const template = await app.inject({
      method: 'GET',
      url: '/api/honours/import-template',
      headers: { cookie: officer },
    });
    expect(template.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.getRow(1).getCell(6).value).toBe('Hình thức (*)');

    const file = await honoursXlsx([
      { subject: 'Cá nhân', personId: person.id, form: 'Chiến sĩ thi đua cơ sở', year: 2024 },
      { subject: 'Cá nhân', personId: person.id, form: 'Chiến sĩ thi đua cơ sở', year: 2025 },
    ]);
    const refused = await app.inject({
      method: 'POST',
      url: '/api/honours/import',
      headers: {
        cookie: staff,
        ...multipart({ unitId: String(tree.commune.id) }, { name: 'k.xlsx', data: file }).headers,
      },
      payload: multipart({ unitId: String(tree.commune.id) }, { name: 'k.xlsx', data: file })
        .payload,
    });
    expect(refused.statusCode).toBe(403);
    const body = multipart({ unitId: String(tree.commune.id) }, { name: 'k.xlsx', data: file });
    const imported = await app.inject({
      method: 'POST',
      url: '/api/honours/import',
      headers: { cookie: officer, ...body.headers },
      payload: body.payload,
    });
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toEqual({ rows: 2, created: 2, formsAsText: 0 });
    const again = await app.inject({
      method: 'POST',
      url: '/api/honours/import',
      headers: { cookie: officer, ...body.headers },
      payload: body.payload,
    });
    expect(again.statusCode).toBe(400);
    expect(
      again.json<{ details: { rows: { row: number; column: string }[] } }>().details.rows[0],
    ).toMatchObject({
      row: 2,
      column: 'Hình thức',
    });

    const history = await app.inject({
      method: 'GET',
      url: `/api/people/${person.id}/honours`,
      headers: { cookie: staff },
    });
    expect(history.statusCode).toBe(200);
    const h = history.json<HonourHistory>();
    expect(h.items).toHaveLength(2);
    expect(h.suggestions[0]?.message).toContain('2 năm liên tục Chiến sĩ thi đua cơ sở');

    const added = await app.inject({
      method: 'POST',
      url: '/api/honours',
      headers: { cookie: officer },
      payload: { unitId: tree.office.id, formName: 'Giấy khen', year: 2025 },
    });
    expect(added.statusCode).toBe(201);
    const removed = await app.inject({
      method: 'POST',
      url: `/api/honours/${added.json<{ id: number }>().id}/removal`,
      headers: { cookie: officer },
      payload: { reason: 'Nhập nhầm' },
    });
    expect(removed.statusCode).toBe(204);

    const record = { kind: 'investigation', fromDate: '2026-10-01', reason: 'Đang bị điều tra' };
    const denied = await app.inject({
      method: 'POST',
      url: `/api/people/${person.id}/discipline-records`,
      headers: { cookie: staff },
      payload: record,
    });
    expect(denied.statusCode).toBe(403);
    const created = await app.inject({
      method: 'POST',
      url: `/api/people/${person.id}/discipline-records`,
      headers: { cookie: officer },
      payload: record,
    });
    expect(created.statusCode).toBe(201);
    const row = created.json<DisciplineRow>();
    const closed = await app.inject({
      method: 'PUT',
      url: `/api/discipline-records/${row.id}`,
      headers: { cookie: officer },
      payload: { ...record, toDate: '2026-10-31', version: row.version },
    });
    expect(closed.statusCode).toBe(200);
    const list = await app.inject({
      method: 'GET',
      url: `/api/people/${person.id}/discipline-records`,
      headers: { cookie: staff },
    });
    expect(list.statusCode).toBe(403);
    const gone = await app.inject({
      method: 'POST',
      url: `/api/discipline-records/${row.id}/removal`,
      headers: { cookie: officer },
      payload: { reason: '' },
    });
    expect(gone.statusCode).toBe(400);
  });
});
