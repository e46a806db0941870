import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { makeUser, testCtx } from '../../test/factories';
import { buildTestApp, loginCookie } from '../../test/http';
import { createUnit } from '../organization/index';
import { approveRegistration, registerForPlan } from '../registrations/index';
import { T, at, expectAppError, world, type World } from '../../test/evaluation';
import { openSheet, saveSelfEntry, submitSheet } from '../assessment/index';
import { computeResults } from './results.service';
import { planDashboard } from './dashboard.service';

let t: TestDb;
let app: FastifyInstance;
beforeAll(async () => {
  t = await createTestDb();
  app = await buildTestApp(t);
});
afterAll(async () => {
  await app.close();
  await t.close();
});

const commitments = {
  targetTitle: null,
  targets: ['Không có hồ sơ trễ hạn'],
  keyTasks: [],
  breakthroughTasks: [],
};

async function scoreAndSubmit(ctx: ReturnType<World['as']>, regId: number, percent: number) {
  const sheet = await openSheet(ctx, regId);
  await saveSelfEntry(ctx, sheet.id, 'l11', { input: { met: true }, note: 'Kế hoạch 05/KH' });
  await saveSelfEntry(ctx, sheet.id, 'l12', { input: { percent } });
  await saveSelfEntry(ctx, sheet.id, 'l21', { input: { points: 5 }, note: 'Tin bài' });
  const fresh = await openSheet(ctx, regId);
  await submitSheet(ctx, sheet.id, { version: fresh.version });
  return sheet.id;
}

/**
 * The fixture's one-stop unit (under the commune) plus, under the other commune, one approved
 * unit that submits, one approved unit that only opens its sheet, and one not yet approved.
 */
async function dashboardWorld() {
  const w = await world(t);
  const head = await makeUser(w.sys, 'unit_head', w.units.otherCommune.id);
  const ctx = testCtx(t, head.actor, at(T.onTime));
  const regs = [];
  for (const name of ['Một cửa Ngọc Liên', 'Một cửa Ngọc Liên 2', 'Một cửa Ngọc Liên 3']) {
    const unit = await createUnit(w.sys, {
      parentId: w.units.otherCommune.id,
      name,
      kind: 'one_stop',
    });
    regs.push(
      await registerForPlan(ctx, w.plan.id, { kind: 'collective', unitId: unit.id, commitments }),
    );
  }
  const [b, c, pending] = regs;
  if (b === undefined || c === undefined || pending === undefined) throw new Error('regs');
  await approveRegistration(w.as('officer'), b.id, { version: b.version });
  await approveRegistration(w.as('officer'), c.id, { version: c.version });
  const sheetA = await scoreAndSubmit(w.as('head'), w.reg.id, 99); // 4 + 6 + 5 = 15 / 20 = 75 %
  const sheetB = await scoreAndSubmit(ctx, b.id, 85); // 4 + 2 + 5 = 11 / 20 = 55 %
  await openSheet(ctx, c.id); // self_draft
  return { w, sheetA, sheetB };
}

describe('campaign dashboard', () => {
  it('counts units by stage, distributes scores and ranks, per area too; only over the issuer', async () => {
    const { w, sheetA, sheetB } = await dashboardWorld();

    const before = await planDashboard(w.as('officer'), w.plan.id);
    expect(before.resultsStatus).toBe('none');
    expect(before.totals.registered).toBe(3);
    expect(before.totals.stages).toEqual({ opened: 3, submitted: 2, appraised: 0, ranked: 0 });
    expect(before.totals.byStatus).toMatchObject({ not_opened: 0, self_draft: 1, submitted: 2 });
    expect(before.top).toEqual([]);
    expect(before.histogram).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

    await computeResults(w.as('officer'), w.plan.id);
    const d = await planDashboard(w.as('council'), w.plan.id);
    expect(d.resultsStatus).toBe('computed');
    expect(d.issuingUnit.id).toBe(w.units.province.id);
    expect(d.totals.stages).toEqual({ opened: 3, submitted: 2, appraised: 0, ranked: 2 });
    expect(d.totals.byBand).toEqual({ xuat_sac: 0, tot: 0, kha: 1, trung_binh: 1, yeu: 0 });
    expect(d.histogram).toEqual([0, 0, 0, 0, 0, 1, 0, 1, 0, 0]);
    expect(d.top.map((r) => [r.rank, r.sheetId, r.percent, r.bandLabel])).toEqual([
      [1, sheetA, 75, 'Khá'],
      [2, sheetB, 55, 'Trung bình'],
    ]);
    expect(
      d.areas.map((a) => [a.unitName, a.registered, a.stages.submitted, a.byStatus.self_draft]),
    ).toEqual([
      ['Xã Lương Điền', 1, 1, 0],
      ['Xã Ngọc Liên', 2, 1, 1],
    ]);
    expect(d.areas[1]?.byBand).toMatchObject({ trung_binh: 1, kha: 0 });

    // campaign.view over the issuing unit only: the communes' own people get NOT_FOUND.
    await expectAppError(planDashboard(w.as('head'), w.plan.id), 'NOT_FOUND');
    await expectAppError(planDashboard(w.as('otherOfficer'), w.plan.id), 'NOT_FOUND');
    await expectAppError(planDashboard(w.as('officer'), 987654), 'NOT_FOUND');
  });

  it('serves the dashboard and the full ranking as .xlsx over HTTP', async () => {
    const { w } = await dashboardWorld();
    await computeResults(w.as('officer'), w.plan.id);
    const officer = await loginCookie(app, w.users.officer.username, w.users.officer.password);
    const head = await loginCookie(app, w.users.head.username, w.users.head.password);
    const url = `/api/plans/${w.plan.id}/dashboard`;

    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url, headers: { cookie: head } })).statusCode).toBe(
      404,
    );
    const json = await app.inject({ method: 'GET', url, headers: { cookie: officer } });
    expect(json.statusCode).toBe(200);
    expect(json.json<{ totals: { registered: number } }>().totals.registered).toBe(3);

    const denied = await app.inject({
      method: 'GET',
      url: `${url}.xlsx`,
      headers: { cookie: head },
    });
    expect(denied.statusCode).toBe(404);
    const res = await app.inject({
      method: 'GET',
      url: `${url}.xlsx`,
      headers: { cookie: officer },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Xếp hạng');
    const rows = (ws?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
    expect(rows.map((r) => r.slice(1))).toEqual([
      ['Hạng', 'Đơn vị', 'Địa bàn', 'Tổng điểm', 'Tỷ lệ %', 'Xếp loại', 'Trạng thái phiếu'],
      [1, 'Bộ phận một cửa', 'Xã Lương Điền', 15, 75, 'Khá', 'Đã nộp'],
      [2, 'Một cửa Ngọc Liên', 'Xã Ngọc Liên', 11, 55, 'Trung bình', 'Đã nộp'],
    ]);
  });
});
