import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { makeUser, testCtx } from '../../test/factories';
import { buildTestApp, loginCookie } from '../../test/http';
import { createUnit } from '../organization/index';
import { approveRegistration, registerForPlan } from '../registrations/index';
import { T, at, expectAppError, world, type World } from '../../test/evaluation';
import {
  bindPlanCriteria,
  getPlanEvaluation,
  openSheet,
  saveSelfEntry,
  submitSheet,
} from '../assessment/index';
import { computeResults, listResults } from './results.service';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

async function planNow(w: World) {
  const { version } = await t.db
    .selectFrom('campaignPlan')
    .select('version')
    .where('id', '=', w.plan.id)
    .executeTakeFirstOrThrow();
  return {
    version,
    criteriaVersionId: (await getPlanEvaluation(t.db, w.plan.id)).criteriaVersionId,
  };
}

const custom = [
  { key: 'gioi', label: 'Giỏi', minPercent: 85 },
  { key: 'dat', label: 'Đạt', minPercent: 0 },
];

describe('plan ranking settings', () => {
  it('validate the tie-break steps and the qualifying bands', async () => {
    const w = await world(t);
    const officer = w.as('officer');
    const p = await planNow(w);
    const base = { version: p.version, criteriaVersionId: p.criteriaVersionId, bands: null };
    let e = await expectAppError(
      bindPlanCriteria(officer, w.plan.id, { ...base, tieBreak: ['fields', 'fields'] }),
      'VALIDATION_FAILED',
      'tieBreak',
    );
    expect(e.message).toContain('Thứ tự xét khi bằng điểm: mỗi tiêu chí phụ chỉ được chọn một lần');
    e = await expectAppError(
      bindPlanCriteria(officer, w.plan.id, { ...base, tieBreak: ['fields', 'age'] }),
      'VALIDATION_FAILED',
      'tieBreak.1',
    );
    expect(e.message).toContain('không phải là tiêu chí phụ xếp hạng được hỗ trợ');
    e = await expectAppError(
      bindPlanCriteria(officer, w.plan.id, { ...base, qualifyingBandKeys: ['gioi'] }),
      'VALIDATION_FAILED',
      'qualifyingBandKeys',
    );
    expect(e.message).toContain('không có mức "gioi" trong các mức xếp loại của kế hoạch');
    await expectAppError(
      bindPlanCriteria(officer, w.plan.id, { ...base, qualifyingBandKeys: [] }),
      'VALIDATION_FAILED',
      'qualifyingBandKeys',
    );
    // Nothing was stored by the refused requests.
    expect((await planNow(w)).version).toBe(p.version);

    const saved = await bindPlanCriteria(officer, w.plan.id, {
      ...base,
      bands: custom,
      tieBreak: ['submittedAt', 'fields'],
      qualifyingBandKeys: ['gioi'],
    });
    expect(saved).toMatchObject({
      tieBreak: ['submittedAt', 'fields'],
      qualifyingBandKeys: ['gioi'],
      version: p.version + 1,
    });
    // Omitted means the defaults again (the request replaces the plan's evaluation settings).
    const reset = await bindPlanCriteria(officer, w.plan.id, {
      version: saved.version,
      criteriaVersionId: p.criteriaVersionId,
      bands: null,
    });
    expect(reset).toMatchObject({ tieBreak: null, qualifyingBandKeys: null });
  });

  it('are saved and returned by the plan detail over HTTP', async () => {
    const w = await world(t);
    const app = await buildTestApp(t);
    try {
      const officer = await makeUser(w.sys, 'emulation_officer', w.units.province.id);
      const headers = { cookie: await loginCookie(app, officer.username, officer.password) };
      const p = await planNow(w);
      const put = await app.inject({
        method: 'PUT',
        url: `/api/plans/${w.plan.id}/evaluation`,
        headers,
        payload: {
          version: p.version,
          criteriaVersionId: p.criteriaVersionId,
          bands: null,
          tieBreak: ['missing'],
          qualifyingBandKeys: ['xuat_sac', 'tot'],
        },
      });
      expect(put.statusCode).toBe(200);
      const got = await app.inject({ method: 'GET', url: `/api/plans/${w.plan.id}`, headers });
      expect(got.json()).toMatchObject({
        tieBreak: ['missing'],
        qualifyingBandKeys: ['xuat_sac', 'tot'],
      });
      const bad = await app.inject({
        method: 'PUT',
        url: `/api/plans/${w.plan.id}/evaluation`,
        headers,
        payload: { version: p.version + 1, criteriaVersionId: null, tieBreak: 'fields' },
      });
      expect(bad.statusCode).toBe(400);
    } finally {
      await app.close();
    }
  });

  it("rank by the plan's stored order and mark the qualifying rows", async () => {
    const w = await world(t);
    // Unit A: 4 + 4 + 5 = 13 (fields 8, 5), submitted first.
    const a = w.as('head', T.onTime);
    const sheetA = await openSheet(a, w.reg.id);
    await saveSelfEntry(a, sheetA.id, 'l11', { input: { met: true }, note: 'KH 05' });
    await saveSelfEntry(a, sheetA.id, 'l12', { input: { percent: 95 } });
    await saveSelfEntry(a, sheetA.id, 'l21', { input: { points: 5 }, note: 'Tin bài' });
    await submitSheet(a, sheetA.id, { version: 1 });
    // Unit B: 4 + 6 + 3 = 13 (fields 10, 3), submitted two weeks later.
    const unitB = await createUnit(w.sys, {
      parentId: w.units.otherCommune.id,
      name: 'Bộ phận một cửa Ngọc Liên',
      kind: 'one_stop',
    });
    const headB = await makeUser(w.sys, 'unit_head', w.units.otherCommune.id);
    const b = testCtx(t, headB.actor, at('2020-07-29T02:00:00Z'));
    const reg = await registerForPlan(b, w.plan.id, {
      kind: 'collective',
      unitId: unitB.id,
      commitments: {
        targetTitle: null,
        targets: ['Đúng hạn'],
        keyTasks: [],
        breakthroughTasks: [],
      },
    });
    await approveRegistration(w.as('officer'), reg.id, { version: reg.version });
    const sheetB = await openSheet(b, reg.id);
    await saveSelfEntry(b, sheetB.id, 'l11', { input: { met: true }, note: 'KH 07' });
    await saveSelfEntry(b, sheetB.id, 'l12', { input: { percent: 98 } });
    await saveSelfEntry(b, sheetB.id, 'l21', { input: { points: 3 }, note: 'Tin bài' });
    await submitSheet(b, sheetB.id, { version: 1 });

    const officer = w.as('officer');
    await computeResults(officer, w.plan.id);
    let list = await listResults(officer, w.plan.id, {});
    // Default order: equal appraised points, then field 1 decides (B's 10 beats A's 8).
    expect(list.items.map((r) => [r.unitId, r.rank, r.decidedBy])).toEqual([
      [unitB.id, 1, null],
      [w.units.oneStop.id, 2, 'fields'],
    ]);
    expect(list.tieBreak).toEqual(['appraised', 'fields', 'missing', 'submittedAt']);
    // 65 % is "Trung bình"; by default only "Xuất sắc" qualifies.
    expect(list.qualifyingBandKeys).toEqual(['xuat_sac']);
    expect(list.items.map((r) => [r.bandKey, r.qualifies])).toEqual([
      ['trung_binh', false],
      ['trung_binh', false],
    ]);

    const p = await planNow(w);
    await bindPlanCriteria(officer, w.plan.id, {
      version: p.version,
      criteriaVersionId: p.criteriaVersionId,
      bands: null,
      tieBreak: ['submittedAt', 'fields'],
      qualifyingBandKeys: ['xuat_sac', 'tot', 'kha', 'trung_binh'],
    });
    await computeResults(officer, w.plan.id);
    list = await listResults(officer, w.plan.id, {});
    // Earlier submission now comes first.
    expect(list.items.map((r) => [r.unitId, r.rank, r.decidedBy])).toEqual([
      [w.units.oneStop.id, 1, null],
      [unitB.id, 2, 'submittedAt'],
    ]);
    expect(list.tieBreak).toEqual(['submittedAt', 'fields']);
    expect(list.items.every((r) => r.qualifies)).toBe(true);
  });
});
