import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { asciiFileName } from '../../platform/file-name';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { createTestDb, type TestDb } from '../../test/db';
import { buildTestApp, loginCookie } from '../../test/http';
import { T, commitments, world, type World } from './registrations.fixtures';

let t: TestDb;
let app: FastifyInstance;
let w: World;
const cookies = new Map<string, string>();

beforeAll(async () => {
  t = await createTestDb();
  app = await buildTestApp(t, { now: () => new Date(T.onTime) });
  w = await world(t);
  for (const [name, u] of Object.entries(w.users)) {
    cookies.set(name, await loginCookie(app, u.username, u.password));
  }
});
afterAll(async () => {
  await app.close();
  await t.close();
});

type Who = keyof World['users'];
const call = (who: Who | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  app.inject({
    method,
    url,
    headers: who === null ? {} : { cookie: cookies.get(who) ?? '' },
    ...(payload === undefined ? {} : { payload }),
  });
type Reg = { id: number; version: number; status: string };

describe('registration routes', () => {
  it('requires a session (401) and the right role (403)', async () => {
    const plans = `/api/plans/${w.plan.id}/registrations`;
    expect((await call(null, 'GET', plans)).statusCode).toBe(401);
    const body = { kind: 'collective', unitId: w.tree.oneStop.id, commitments };
    expect((await call(null, 'POST', plans, body)).statusCode).toBe(401);
    expect((await call('otherHead', 'POST', plans, body)).statusCode).toBe(403);
    expect((await call('staffAn', 'POST', plans, body)).statusCode).toBe(403);
    const created = await call('head', 'POST', plans, body);
    expect(created.statusCode).toBe(201);
    const reg = created.json<Reg>();
    const approve = `/api/registrations/${reg.id}/approve`;
    for (const who of ['head', 'staffAn', 'communeOfficer'] as const)
      expect((await call(who, 'POST', approve, { version: reg.version })).statusCode).toBe(403);
    const approved = await call('officer', 'POST', approve, { version: reg.version });
    expect(approved.json<Reg>()).toMatchObject({ status: 'approved', version: 2 });
    const stale = await call('officer', 'POST', `/api/registrations/${reg.id}/return`, {
      version: reg.version,
      reason: 'Thiếu chỉ tiêu',
    });
    expect(stale.statusCode).toBe(409);
    expect((await call('otherHead', 'GET', `/api/registrations/${reg.id}`)).statusCode).toBe(403);
    const detail = await call('head', 'GET', `/api/registrations/${reg.id}`);
    expect(detail.json<{ permissions: { canWithdraw: boolean } }>().permissions.canWithdraw).toBe(
      false,
    );
  });

  it('answers bad input with Vietnamese messages naming the field', async () => {
    const url = `/api/plans/${w.plan.id}/registrations`;
    const missing = await call('head', 'POST', url, { kind: 'collective', commitments });
    expect(missing.statusCode).toBe(400);
    const body = missing.json<{
      message: string;
      details: { fields: { field: string; label: string }[] };
    }>();
    expect(body.details.fields[0]).toMatchObject({ field: 'unitId', label: 'Đơn vị' });
    expect(body.message).toContain('Đơn vị: không được để trống');
    const kind = await call('head', 'POST', url, { kind: 'unit', unitId: 1, commitments });
    expect(kind.json<{ message: string }>().message).toContain('Loại đăng ký');
    const office = await call('head', 'POST', url, {
      kind: 'collective',
      unitId: w.tree.office.id,
      commitments,
    });
    expect(office.statusCode).toBe(400);
    expect(office.json<{ message: string }>().message).toBe(
      'Đơn vị: loại đơn vị này không thuộc đối tượng thi đua của kế hoạch',
    );
    const badId = await call('head', 'GET', '/api/plans/abc/registrations');
    expect(badId.statusCode).toBe(400);
    expect(badId.json<{ message: string }>().message).toContain('Mã kế hoạch');
    const reason = await call('officer', 'POST', '/api/registrations/1/return', { version: 1 });
    expect(reason.json<{ message: string }>().message).toContain('Lý do');
    const bulk = await call('head', 'POST', `${url}/bulk`, {
      unitId: w.tree.commune.id,
      personIds: [w.people.binh.id, w.people.cuong.id],
      commitments,
    });
    expect(bulk.statusCode).toBe(400);
    expect(bulk.json<{ details: { fields: { field: string }[] } }>().details.fields).toEqual([
      expect.objectContaining({ field: 'personIds.1', label: 'Cán bộ Lê Văn Cường' }),
    ]);
  });

  it('refuses registrations after the deadline with 422', async () => {
    await sql`UPDATE campaign_plan SET registration_deadline = '2020-07-14'
      WHERE id = ${w.plan.id}`.execute(t.db);
    try {
      const res = await call('otherHead', 'POST', `/api/plans/${w.plan.id}/registrations`, {
        kind: 'collective',
        unitId: w.otherOneStop.id,
        commitments,
        lateReason: 'Xin nhận muộn',
      });
      expect(res.statusCode).toBe(422);
      expect(res.json<{ error: string; message: string }>()).toMatchObject({
        error: 'DEADLINE_PASSED',
        message: expect.stringContaining('(14/07/2020)') as unknown,
      });
    } finally {
      await sql`UPDATE campaign_plan SET registration_deadline = '2020-07-31'
        WHERE id = ${w.plan.id}`.execute(t.db);
    }
  });

  it('prints the registration form as a .docx, the same bytes every time', async () => {
    const res = await call('staffAn', 'POST', `/api/plans/${w.plan.id}/registrations`, {
      kind: 'individual',
      personId: w.people.an.id,
      commitments: { ...commitments, targetTitle: 'Chiến sĩ thi đua cơ sở' },
    });
    expect(res.statusCode).toBe(201);
    const reg = res.json<Reg>();
    const url = `/api/registrations/${reg.id}/form.docx`;
    const first = await call('staffAn', 'GET', url);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toContain('wordprocessingml');
    expect(first.headers['content-disposition']).toContain('.docx');
    const second = await call('officer', 'GET', url);
    expect(Buffer.compare(first.rawPayload, second.rawPayload)).toBe(0);
    const xml =
      (await (
        await JSZip.loadAsync(first.rawPayload)
      )
        .file('word/document.xml')
        ?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, '');
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'BẢN ĐĂNG KÝ THI ĐUA',
      'UBND XÃ LƯƠNG ĐIỀN',
      'Lương Điền, ngày 15 tháng 7 năm 2020',
      'Thực hiện Kế hoạch số 62/KH-UBND ngày 15 tháng 6 năm 2020',
      'Họ và tên: Nguyễn Văn An.',
      'Chức vụ: Công chức Tư pháp.',
      '- Chiến sĩ thi đua cơ sở.',
      '- 100% hồ sơ giải quyết đúng hạn.',
      'IV. NHIỆM VỤ ĐỘT PHÁ',
      '- Triển khai thanh toán trực tuyến phí, lệ phí.',
      'NGƯỜI ĐĂNG KÝ',
      'XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ',
    ])
      expect(text).toContain(s);
    expect((await call('otherHead', 'GET', url)).statusCode).toBe(403);
    expect((await call(null, 'GET', url)).statusCode).toBe(401);
  });

  it('exports the plan’s registration list as .xlsx with the actor’s view and filters', async () => {
    await call('otherHead', 'POST', `/api/plans/${w.plan.id}/registrations`, {
      kind: 'collective',
      unitId: w.otherOneStop.id,
      commitments,
    });
    const res = await call('officer', 'GET', `/api/plans/${w.plan.id}/registrations.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const province = w.tree.province.name.replace(/^Tỉnh/u, 'tỉnh');
    const name = `Đăng ký thi đua - 62-KH-UBND 2020 - UBND ${province}.xlsx`;
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="${asciiFileName(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    // Streamed as it is written: no length known up front.
    expect(res.headers['content-length']).toBeUndefined();
    expect(res.headers['transfer-encoding']).toBe('chunked');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    const rows = (ws?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
    expect(rows[0]?.slice(1)).toEqual([
      'STT',
      'Loại',
      'Đơn vị',
      'Họ và tên',
      'Chức vụ',
      'Danh hiệu đăng ký',
      'Chỉ tiêu',
      'Nhiệm vụ trọng tâm',
      'Nhiệm vụ đột phá',
      'Trạng thái',
      'Đăng ký lúc',
      'Muộn/Lý do',
    ]);
    expect(rows.length - 1).toBe(3);
    // Bold frozen header; data cells wrap (the targets are one per line) and sit at the top.
    expect(ws?.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws?.getRow(3).getCell(7).alignment).toEqual({ vertical: 'top', wrapText: true });
    expect(rows[1]?.slice(1, 4)).toEqual([1, 'Tập thể', 'Bộ phận một cửa']);
    expect(rows[1]?.[10]).toBe('Đã duyệt');
    expect(rows[1]?.[11]).toBe('15/07/2020 09:00');
    expect(rows[2]?.[7]).toBe(commitments.targets.map((x) => `- ${x}`).join('\n'));
    // Key and breakthrough tasks (nhiệm vụ trọng tâm, đột phá), one per line.
    expect(rows[2]?.[8]).toBe('- Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính');
    expect(rows[2]?.[9]).toBe('- Triển khai thanh toán trực tuyến phí, lệ phí');
    expect(rows[3]?.slice(2, 6)).toEqual([
      'Cá nhân',
      'Bộ phận một cửa',
      'Nguyễn Văn An',
      'Công chức Tư pháp',
    ]);
    const mine = await call(
      'head',
      'GET',
      `/api/plans/${w.plan.id}/registrations.xlsx?kind=individual`,
    );
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(mine.rawPayload as unknown as ExcelJS.Buffer);
    expect(wb2.worksheets[0]?.actualRowCount).toBe(2);
    // Refusals come before the file starts, as the usual JSON errors.
    const xlsx = `/api/plans/${w.plan.id}/registrations.xlsx`;
    expect((await call(null, 'GET', xlsx)).statusCode).toBe(401);
    const bad = await call('officer', 'GET', `${xlsx}?status=xyz`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toContain('Trạng thái');
    expect((await call('officer', 'GET', '/api/plans/999999/registrations.xlsx')).statusCode).toBe(
      404,
    );
  });

  it('names streamed downloads in Vietnamese with an ASCII fallback (people export)', async () => {
    const res = await call('admin', 'GET', `/api/exports/people?unitId=${w.tree.commune.id}`);
    expect(res.statusCode).toBe(200);
    const disposition = res.headers['content-disposition'] ?? '';
    const name = 'Cán bộ - Xã Lương Điền.xlsx';
    expect(w.tree.commune.name).toBe('Xã Lương Điền');
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
    expect(disposition).toContain('filename="Can bo - Xa Luong Dien.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    expect(wb.worksheets[0]?.getRow(1).getCell(2).value).toBe('Họ và tên (*)');
  });

  it('reports progress by unit', async () => {
    const res = await call('officer', 'GET', `/api/plans/${w.plan.id}/registrations/progress`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ unitsEligible: 2, unitsRegistered: 2, total: 2 });
    expect(
      (await call(null, 'GET', `/api/plans/${w.plan.id}/registrations/progress`)).statusCode,
    ).toBe(401);
  });

  it('lists registrations as the contract describes them, each row with its permissions', async () => {
    // The test app checks every JSON answer against shared/api/registrations.ts (a 500 otherwise).
    const res = await call('officer', 'GET', `/api/plans/${w.plan.id}/registrations?pageSize=5`);
    expect(res.statusCode).toBe(200);
    const page = res.json<{ items: { permissions: Record<string, boolean> }[]; total: number }>();
    expect(page.total).toBeGreaterThan(0);
    for (const row of page.items)
      expect(Object.keys(row.permissions).sort()).toEqual([
        'canApprove',
        'canEdit',
        'canResubmit',
        'canReturn',
        'canWithdraw',
      ]);
  });

  it('reviews many registrations in one request, all or nothing', async () => {
    const url = `/api/plans/${w.plan.id}/registrations`;
    const created = await call('head', 'POST', `${url}/bulk`, {
      unitId: w.tree.oneStop.id,
      personIds: [w.people.binh.id],
      commitments,
    });
    expect(created.statusCode).toBe(201);
    const pending = (await call('officer', 'GET', `${url}?status=submitted&pageSize=200`)).json<{
      items: Reg[];
    }>().items;
    expect(pending.length).toBeGreaterThanOrEqual(2);
    const items = pending.map((r) => ({ id: r.id, version: r.version }));
    const review = `${url}/review`;
    expect((await call(null, 'POST', review, { decision: 'approve', items })).statusCode).toBe(401);
    expect((await call('head', 'POST', review, { decision: 'approve', items })).statusCode).toBe(
      403,
    );
    const noReason = await call('officer', 'POST', review, { decision: 'return', items });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<{ message: string }>().message).toContain('Lý do: không được để trống');
    const empty = await call('officer', 'POST', review, { decision: 'approve', items: [] });
    expect(empty.json<{ message: string }>().message).toContain(
      'Danh sách đăng ký: phải có ít nhất 1 mục',
    );
    const approved = (await call('officer', 'GET', `${url}?status=approved`)).json<{
      items: Reg[];
    }>().items[0];
    const mixed = await call('officer', 'POST', review, {
      decision: 'approve',
      items: [...items, { id: approved?.id, version: approved?.version }],
    });
    expect(mixed.statusCode).toBe(409);
    expect(mixed.json()).toMatchObject({
      error: 'INVALID_STATE',
      details: { failures: [{ id: approved?.id, message: expect.stringContaining('Đã duyệt') }] },
    });
    const ok = await call('officer', 'POST', review, { decision: 'approve', items });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ decision: 'approve', count: items.length });
    const left = (await call('officer', 'GET', `${url}?status=submitted`)).json<{
      total: number;
    }>();
    expect(left.total).toBe(0);
  });
});
