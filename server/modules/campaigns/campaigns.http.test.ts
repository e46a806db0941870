import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { createTestDb, type TestDb } from '../../test/db';
import { makeTree, makeUser, testCtx } from '../../test/factories';
import { samplePlanInput } from '../../test/plans';
import { buildTestApp, loginCookie } from '../../test/http';
import type { Role } from '../../../shared/permissions';
import { createUnit } from '../organization/index';
import { asciiFileName } from '../../platform/file-name';

let t: TestDb;
let app: FastifyInstance;
let tree: Awaited<ReturnType<typeof makeTree>>;
const cookies = new Map<string, string>();

const login = (username: string, password: string) => loginCookie(app, username, password);

const as = (who: string) => ({ cookie: cookies.get(who) ?? '' });

beforeAll(async () => {
  t = await createTestDb();
  app = await buildTestApp(t);
  const sys = testCtx(t);
  tree = await makeTree(sys);
  const roles: [string, Role, number | null][] = [
    ['officer', 'emulation_officer', tree.commune.id],
    ['head', 'unit_head', tree.commune.id],
    ['staff', 'staff', tree.commune.id],
    ['council', 'council_member', tree.commune.id],
    ['juror', 'juror', tree.commune.id],
    ['admin', 'admin', null],
    ['otherOfficer', 'emulation_officer', tree.otherCommune.id],
  ];
  for (const [name, role, unitId] of roles) {
    const u = await makeUser(sys, role, unitId);
    cookies.set(name, await login(u.username, u.password));
  }
});
afterAll(async () => {
  await app.close();
  await t.close();
});

// The app runs on the real clock: dates a year ahead keep the plan issuable (no past dates).
const nextYear = new Date().getUTCFullYear() + 1;

async function draft(title = 'Kế hoạch thi đua cải cách hành chính năm 2027', extra = {}) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/plans',
    headers: as('officer'),
    payload: samplePlanInput(tree.commune.id, {
      title,
      place: 'Lương Điền',
      periodEnd: `${nextYear}-12-31`,
      registrationDeadline: `${nextYear}-06-30`,
      ...extra,
    }),
  });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: number; version: number }>();
}

describe('plan routes', () => {
  it('lets only the unit’s officer create and only its head issue', async () => {
    for (const who of ['head', 'staff', 'council', 'juror', 'admin', 'otherOfficer']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/plans',
        headers: as(who),
        payload: samplePlanInput(tree.commune.id),
      });
      expect(res.statusCode, who).toBe(403);
    }
    const anonymous = await app.inject({ method: 'GET', url: '/api/plans' });
    expect(anonymous.statusCode).toBe(401);
    const plan = await draft();
    for (const who of ['officer', 'staff', 'admin', 'otherOfficer']) {
      const res = await app.inject({
        method: 'POST',
        url: `/api/plans/${plan.id}/issue`,
        headers: as(who),
        payload: { version: plan.version },
      });
      expect(res.statusCode, who).toBe(403);
    }
    const issued = await app.inject({
      method: 'POST',
      url: `/api/plans/${plan.id}/issue`,
      headers: as('head'),
      payload: { version: plan.version },
    });
    expect(issued.statusCode).toBe(200);
    expect(issued.json<{ documentNumber: string }>().documentNumber).toMatch(/^\d{2}\/KH-UBND$/);
  });

  it('names the plan id when it is not a number', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/plans/abc', headers: as('staff') });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).toContain('Mã kế hoạch');
  });

  it('answers bad input with a Vietnamese message naming the field', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/plans',
      headers: as('officer'),
      payload: samplePlanInput(tree.commune.id, { periodEnd: 'ngày mai' }),
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<{
      message: string;
      details: { fields: { field: string; label: string }[] };
    }>();
    expect(body.details.fields[0]).toMatchObject({
      field: 'periodEnd',
      label: 'Thời gian kết thúc',
    });
    expect(body.message).toContain('Thời gian kết thúc');
  });

  it('publishes issued plans without login, never drafts, and serves the same .docx bytes twice', async () => {
    const plan = await draft('Kế hoạch công khai về cải cách hành chính');
    const hidden = await app.inject({ method: 'GET', url: `/api/public/plans/${plan.id}` });
    expect(hidden.statusCode).toBe(404);
    const hiddenDoc = await app.inject({
      method: 'GET',
      url: `/api/public/plans/${plan.id}/document.docx`,
    });
    expect(hiddenDoc.statusCode).toBe(404);
    await app.inject({
      method: 'POST',
      url: `/api/plans/${plan.id}/issue`,
      headers: as('head'),
      payload: { version: plan.version },
    });
    const list = await app.inject({
      method: 'GET',
      url: '/api/public/plans?search=cong khai ve cai cach',
    });
    expect(list.json<{ items: { id: number }[] }>().items.map((p) => p.id)).toContain(plan.id);
    const first = await app.inject({
      method: 'GET',
      url: `/api/public/plans/${plan.id}/document.docx`,
    });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toContain('wordprocessingml');
    expect(first.headers['content-disposition']).toContain('.docx');
    const second = await app.inject({
      method: 'GET',
      url: `/api/plans/${plan.id}/document.docx`,
      headers: as('staff'),
    });
    expect(Buffer.compare(first.rawPayload, second.rawPayload)).toBe(0);
    const xml = await (
      await JSZip.loadAsync(first.rawPayload)
    )
      .file('word/document.xml')
      ?.async('string');
    expect(xml).toContain('Kế hoạch công khai về cải cách hành chính');
    const pdf = await app.inject({
      method: 'GET',
      url: `/api/public/plans/${plan.id}/document.pdf`,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('searches published plans by unit, number and title words without accents, with a unit filter', async () => {
    const issued = await draft('Phát động phong trào thi đua đẩy mạnh cải cách hành chính');
    const res = await app.inject({
      method: 'POST',
      url: `/api/plans/${issued.id}/issue`,
      headers: as('head'),
      payload: { version: issued.version },
    });
    const number = res.json<{ documentNumber: string }>().documentNumber;
    const hidden = await draft('Dự thảo thi đua cải cách hành chính chưa ban hành');
    const ids = async (query: string) => {
      const r = await app.inject({ method: 'GET', url: `/api/public/plans?${query}` });
      expect(r.statusCode).toBe(200);
      return r.json<{ items: { id: number }[] }>().items.map((p) => p.id);
    };
    const inTree = `unitId=${tree.province.id}`;
    for (const search of ['luong dien', 'thi dua cai cach', 'cải cách LƯƠNG điền', number]) {
      const found = await ids(`search=${encodeURIComponent(search)}&${inTree}`);
      expect(found, search).toContain(issued.id);
      expect(found, search).not.toContain(hidden.id);
    }
    expect(await ids(`search=thi%20dua%20cai%20cach&unitId=${tree.otherCommune.id}`)).toEqual([]);
    expect(await ids(`unitId=${tree.commune.id}`)).toContain(issued.id);
    const bad = await app.inject({ method: 'GET', url: '/api/public/plans?unitId=abc' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toContain('Đơn vị ban hành');
    const units = await app.inject({
      method: 'GET',
      url: '/api/public/plans/issuing-units?search=luong%20dien',
    });
    expect(units.statusCode).toBe(200);
    expect(units.json<{ items: { id: number; parentName: string }[] }>().items).toContainEqual(
      expect.objectContaining({ id: tree.commune.id, parentName: tree.province.name }),
    );
  });

  it('names plan documents by type, number, year and unit, with accents and an ASCII fallback', async () => {
    const plan = await draft('Kế hoạch đặt tên tệp tải về');
    const disposition = async (url: string) => {
      const r = await app.inject({ method: 'GET', url, headers: as('staff') });
      expect(r.statusCode).toBe(200);
      return r.headers['content-disposition'];
    };
    const header = (name: string) =>
      `attachment; filename="${asciiFileName(name)}"; filename*=UTF-8''${encodeURIComponent(name)
        .replace(/\(/g, '%28')
        .replace(/\)/g, '%29')}`;
    expect(await disposition(`/api/plans/${plan.id}/document.docx`)).toBe(
      header('Kế hoạch dự thảo - UBND xã Lương Điền.docx'),
    );
    const issued = (
      await app.inject({
        method: 'POST',
        url: `/api/plans/${plan.id}/issue`,
        headers: as('head'),
        payload: { version: plan.version },
      })
    ).json<{ version: number; documentNumber: string }>();
    const number = issued.documentNumber.replace('/', '-');
    const amended = await app.inject({
      method: 'POST',
      url: `/api/plans/${plan.id}/amend`,
      headers: as('officer'),
      payload: { version: issued.version, reason: 'Sửa thời gian', title: 'Kế hoạch đã sửa tên' },
    });
    expect(amended.statusCode).toBe(200);
    const base = `Kế hoạch ${number} 2026 - UBND xã Lương Điền`;
    expect(await disposition(`/api/plans/${plan.id}/document.docx?version=1`)).toBe(
      header(`${base}.docx`),
    );
    expect(await disposition(`/api/plans/${plan.id}/document.pdf`)).toBe(
      header(`${base} (phiên bản 2).pdf`),
    );
    expect(header(`${base} (phiên bản 2).pdf`)).toContain(
      'filename="Ke hoach 01-KH-UBND 2026 - UBND xa Luong Dien (phien ban 2).pdf"'.replace(
        '01-KH-UBND',
        number,
      ),
    );
  });

  it('reads pasted plan text into a draft with excerpts, for officers only', async () => {
    const text =
      'Số: 47/KH - UBND\nChâu Thành, ngày 18 tháng 02 năm 2022\nKẾ HOẠCH\nPhát động phong trào thi đua cải cách hành chính\n';
    const denied = await app.inject({
      method: 'POST',
      url: '/api/plans/import',
      headers: as('staff'),
      payload: { text },
    });
    expect(denied.statusCode).toBe(403);
    const empty = await app.inject({
      method: 'POST',
      url: '/api/plans/import',
      headers: as('officer'),
      payload: { text: '  ' },
    });
    expect(empty.statusCode).toBe(400);
    const res = await app.inject({
      method: 'POST',
      url: '/api/plans/import',
      headers: as('officer'),
      payload: { text },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      found: { documentNumber: string; issuedOn: string };
      evidence: Record<string, { excerpt: string }[]>;
      draft: { docType: string; issuerSymbol: string };
    }>();
    expect(body.found.documentNumber).toBe('47/KH-UBND');
    expect(body.found.issuedOn).toBe('2022-02-18');
    expect(body.draft).toMatchObject({ docType: 'KH', issuerSymbol: 'UBND' });
    expect(body.evidence.issuedOn?.[0]?.excerpt).toContain('18 tháng 02 năm 2022');
  });

  it('previews unsaved edits only for those who may edit, never naming units outside the issuer', async () => {
    const secret = await createUnit(testCtx(t), {
      parentId: tree.otherCommune.id,
      name: 'Trường Tiểu học Ngọc Liên Bí Mật',
      kind: 'public_service_unit',
    });
    const plan = await draft('Kế hoạch xem trước');
    const preview = (who: string, payload: object) =>
      app.inject({
        method: 'POST',
        url: `/api/plans/${plan.id}/preview`,
        headers: as(who),
        payload,
      });
    const own = await preview('officer', { cascadeUnitIds: [tree.office.id] });
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('Văn phòng HĐND và UBND');
    const outside = await preview('officer', { cascadeUnitIds: [secret.id] });
    expect(outside.statusCode).toBe(400);
    expect(outside.body).not.toContain('Bí Mật');
    const issued = await app.inject({
      method: 'POST',
      url: `/api/plans/${plan.id}/issue`,
      headers: as('head'),
      payload: { version: plan.version },
    });
    expect(issued.statusCode).toBe(200);
    // Any signed-in user reads the issued plan and its saved preview, but cannot preview edits.
    expect((await preview('otherOfficer', {})).statusCode).toBe(200);
    const probe = await preview('otherOfficer', { cascadeUnitIds: [tree.oneStop.id] });
    expect(probe.statusCode).toBe(403);
    expect(probe.body).not.toContain('Bộ phận một cửa');
  });

  it('keeps an issued plan’s change log inside the issuing unit’s tree', async () => {
    const plan = await draft('Kế hoạch có nhật ký nội bộ');
    await app.inject({
      method: 'POST',
      url: `/api/plans/${plan.id}/issue`,
      headers: as('head'),
      payload: { version: plan.version },
    });
    const outside = await app.inject({
      method: 'GET',
      url: `/api/plans/${plan.id}/history`,
      headers: as('otherOfficer'),
    });
    expect(outside.statusCode).toBe(403);
    const detail = await app.inject({
      method: 'GET',
      url: `/api/plans/${plan.id}`,
      headers: as('otherOfficer'),
    });
    expect(
      detail.json<{ permissions: { canViewHistory: boolean } }>().permissions.canViewHistory,
    ).toBe(false);
    // What the registrations tab needs is decided here too, so the web never reads the issuer's
    // unit (which an officer outside its tree may not read: a 403 in the browser's console).
    expect(detail.json<{ permissions: unknown }>().permissions).toMatchObject({
      registersEverywhere: false,
      canReviewRegistrations: false,
      canViewDashboard: false,
      canSimulateQuota: false,
    });
    const own = await app.inject({
      method: 'GET',
      url: `/api/plans/${plan.id}`,
      headers: as('officer'),
    });
    expect(own.json<{ permissions: unknown }>().permissions).toMatchObject({
      registersEverywhere: true,
      canReviewRegistrations: true,
      canViewDashboard: true,
      canSimulateQuota: true,
    });
    const inside = await app.inject({
      method: 'GET',
      url: `/api/plans/${plan.id}/history`,
      headers: as('staff'),
    });
    expect(inside.statusCode).toBe(200);
  });

  it('refuses to issue a plan whose period is over unless acknowledged (422 naming the field)', async () => {
    const plan = await draft('Kế hoạch năm 2023', {
      periodStart: '2023-03-06',
      periodEnd: '2023-12-31',
      registrationDeadline: null,
    });
    const refused = await app.inject({
      method: 'POST',
      url: `/api/plans/${plan.id}/issue`,
      headers: as('head'),
      payload: { version: plan.version },
    });
    expect(refused.statusCode).toBe(422);
    const body = refused.json<{
      error: string;
      message: string;
      details: { fields: { field: string }[]; acknowledge: string };
    }>();
    expect(body.error).toBe('DEADLINE_PASSED');
    expect(body.message).toContain('Thời gian kết thúc');
    expect(body.details.fields.map((f) => f.field)).toEqual(['periodEnd']);
    expect(body.details.acknowledge).toBe('acknowledgePastDates');
    const notBoolean = await app.inject({
      method: 'POST',
      url: `/api/plans/${plan.id}/issue`,
      headers: as('head'),
      payload: { version: plan.version, acknowledgePastDates: 'yes' },
    });
    expect(notBoolean.statusCode).toBe(400);
    const issued = await app.inject({
      method: 'POST',
      url: `/api/plans/${plan.id}/issue`,
      headers: as('head'),
      payload: { version: plan.version, acknowledgePastDates: true },
    });
    expect(issued.statusCode).toBe(200);
    expect(issued.json<{ status: string }>().status).toBe('in_review');
  });

  it('marks a carried-over section reviewed only for the unit’s officer', async () => {
    const plan = await draft();
    const url = (section: string) => `/api/plans/${plan.id}/carried-sections/${section}/review`;
    const anonymous = await app.inject({ method: 'POST', url: url('contents') });
    expect(anonymous.statusCode).toBe(401);
    const head = await app.inject({ method: 'POST', url: url('contents'), headers: as('head') });
    expect(head.statusCode).toBe(403);
    const unknown = await app.inject({
      method: 'POST',
      url: url('quotas'),
      headers: as('officer'),
    });
    expect(unknown.statusCode).toBe(400);
    // A plan drafted from scratch carried nothing over.
    const notCarried = await app.inject({
      method: 'POST',
      url: url('contents'),
      headers: as('officer'),
    });
    expect(notCarried.statusCode).toBe(404);
    const detail = await app.inject({
      method: 'GET',
      url: `/api/plans/${plan.id}`,
      headers: as('officer'),
    });
    expect(detail.json<{ carriedSections: unknown[] }>().carriedSections).toEqual([]);
  });
});
