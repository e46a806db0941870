import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { makePerson, makeTree, makeUser, testCtx } from '../../test/factories';
import { buildTestApp, loginCookie, multipart } from '../../test/http';

/**
 * Every unit, people, import and export endpoint over HTTP, so the test-mode response check
 * proves each answer matches its schema in shared/api/organization.ts (decision 027).
 */

let t: TestDb;
let app: FastifyInstance;
let headers: { cookie: string };
let tree: Awaited<ReturnType<typeof makeTree>>;

beforeAll(async () => {
  t = await createTestDb();
  app = await buildTestApp(t);
  const sys = testCtx(t);
  tree = await makeTree(sys);
  const u = await makeUser(sys, 'admin', null);
  headers = { cookie: await loginCookie(app, u.username, u.password) };
});
afterAll(async () => {
  await app.close();
  await t.close();
});

describe('unit endpoints', () => {
  it('lists, reads, creates and edits units', async () => {
    const list = await app.inject({
      method: 'GET',
      url: `/api/units?parentId=${tree.commune.id}`,
      headers,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 2 });

    const created = await app.inject({
      method: 'POST',
      url: '/api/units',
      headers,
      payload: { parentId: tree.commune.id, name: 'Thôn Đông', kind: 'village', adminCode: '' },
    });
    expect(created.statusCode).toBe(201);
    const unit = created.json<{ id: number; version: number }>();
    expect(unit).toMatchObject({ kindLabel: 'Thôn, tổ dân phố', adminCode: null, childCount: 0 });

    const updated = await app.inject({
      method: 'PATCH',
      url: `/api/units/${unit.id}`,
      headers,
      payload: { version: unit.version, name: 'Thôn Đông Hạ' },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ name: 'Thôn Đông Hạ', permissions: { canEdit: true } });

    const history = await app.inject({
      method: 'GET',
      url: `/api/units/${unit.id}/history?pageSize=5`,
      headers,
    });
    expect(history.statusCode).toBe(200);
    expect(history.json<{ items: { action: string }[] }>().items.map((h) => h.action)).toEqual([
      'unit.updated',
      'unit.created',
    ]);

    const detail = await app.inject({ method: 'GET', url: `/api/units/${unit.id}`, headers });
    expect(detail.statusCode).toBe(200);
    expect(detail.json<{ path: { name: string }[] }>().path.map((p) => p.name)).toEqual([
      tree.province.name,
      'Xã Lương Điền',
      'Thôn Đông Hạ',
    ]);
  });

  it('names the unit id it cannot read', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/units/abc', headers });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).toContain('Mã đơn vị');
  });
});

describe('people endpoints', () => {
  it('lists, reads, creates, edits and moves people', async () => {
    await makePerson(testCtx(t), tree.office.id, 'Trần Văn Có');
    const list = await app.inject({
      method: 'GET',
      url: `/api/people?unitId=${tree.commune.id}&active=true`,
      headers,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, items: [{ fullName: 'Trần Văn Có' }] });

    const created = await app.inject({
      method: 'POST',
      url: '/api/people',
      headers,
      payload: {
        fullName: 'Nguyễn Thị Mới',
        category: 'vien_chuc',
        unitId: tree.office.id,
        email: '',
        startedOn: '2025-07-01',
      },
    });
    expect(created.statusCode).toBe(201);
    const person = created.json<{ id: number; version: number }>();
    expect(person).toMatchObject({ gender: null, genderLabel: null, categoryLabel: 'Viên chức' });

    const updated = await app.inject({
      method: 'PATCH',
      url: `/api/people/${person.id}`,
      headers,
      payload: { version: person.version, gender: 'female', phone: '0912 345 678' },
    });
    expect(updated.statusCode).toBe(200);
    const edited = updated.json<{ version: number }>();
    expect(edited).toMatchObject({ genderLabel: 'Nữ', phone: '0912345678' });

    const moved = await app.inject({
      method: 'POST',
      url: `/api/people/${person.id}/move`,
      headers,
      payload: { version: edited.version, unitId: tree.oneStop.id, effectiveDate: '2026-01-01' },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ unitId: tree.oneStop.id });

    const history = await app.inject({
      method: 'GET',
      url: `/api/people/${person.id}/history`,
      headers,
    });
    expect(history.statusCode).toBe(200);
    expect(history.json<{ items: { action: string }[] }>().items.map((h) => h.action)).toEqual([
      'person.moved',
      'person.updated',
      'person.created',
    ]);

    const detail = await app.inject({ method: 'GET', url: `/api/people/${person.id}`, headers });
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      unitPath: [{ id: tree.province.id }, { id: tree.commune.id }, { id: tree.oneStop.id }],
      assignments: [
        { unitId: tree.oneStop.id, startedOn: '2026-01-01', endedOn: null },
        { unitId: tree.office.id, startedOn: '2025-07-01', endedOn: '2025-12-31' },
      ],
      permissions: { canEdit: true, canMove: true },
    });
  });
});

describe('import and export endpoints', () => {
  it('sends the template, accepts an upload as a job, and exports people and units', async () => {
    const template = await app.inject({
      method: 'GET',
      url: '/api/imports/template?type=people',
      headers,
    });
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.rawPayload as unknown as ExcelJS.Buffer);

    const upload = multipart(
      { type: 'people', unitId: String(tree.commune.id) },
      { name: 'can-bo.xlsx', data: template.rawPayload },
    );
    const started = await app.inject({
      method: 'POST',
      url: '/api/imports',
      payload: upload.payload,
      headers: { ...headers, ...upload.headers },
    });
    expect(started.statusCode).toBe(202);
    expect(started.json()).toEqual({ jobId: expect.any(Number) });

    for (const what of ['people', 'units']) {
      const res = await app.inject({
        method: 'GET',
        url: `/api/exports/${what}?unitId=${tree.commune.id}`,
        headers,
      });
      expect(res.statusCode, what).toBe(200);
      expect(res.headers['content-disposition'], what).toContain('attachment');
    }
  });

  it('answers 401 to a template request without a session', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/imports/template?type=units' });
    expect(res.statusCode).toBe(401);
  });
});
