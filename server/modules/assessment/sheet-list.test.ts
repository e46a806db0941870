import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { placeBeyondName } from '../../../shared/org';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, type TestDb } from '../../test/db';
import { buildTestApp, loginCookie } from '../../test/http';
import type { Ctx } from '../../platform/context';
import { createUnit } from '../organization/index';
import { approveRegistration, registerForPlan } from '../registrations/index';
import { getSheet, openSheet, saveSelfEntry, submitSheet } from './assessment.service';
import { T, expectAppError, tree, world, type World } from '../../test/evaluation';
import { createCriteriaSet, publishCriteriaVersion } from '../criteria/index';
import { listScoreSheets } from './sheet-list.service';
import { exportSheetXlsx } from '../appraisal/index';
import { provideScoreSheets } from './sheet-provision';
import { bindPlanCriteria } from './plan-criteria.service';
import { getPlanEvaluation } from './plan-evaluation.queries';
import { computeResults, publishResults } from '../results/index';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

const list = async (ctx: Ctx, query: Record<string, unknown> = {}) => listScoreSheets(ctx, query);
const names = (r: Awaited<ReturnType<typeof list>>) => r.items.map((i) => i.unitName);

/** Scores every leaf of the fixture tree: 4 + 4 + 4.5, bonus +1 → 13.5 of 20. */
async function fill(w: World, sheetId: number) {
  const ctx = w.as('head');
  await saveSelfEntry(ctx, sheetId, 'l11', { input: { met: true }, note: 'KH 12' });
  await saveSelfEntry(ctx, sheetId, 'l12', { input: { percent: 95 } });
  await saveSelfEntry(ctx, sheetId, 'l21', { input: { points: 4.5 }, note: 'Tin bài' });
  await saveSelfEntry(ctx, sheetId, 'b3', { input: { points: 1 }, note: 'Sáng kiến' });
}

/** Another one-stop unit of the commune, registered, approved and with its sheet open. */
async function extraSheet(w: World, name: string) {
  const unit = await createUnit(w.sys, { parentId: w.units.commune.id, name, kind: 'one_stop' });
  const reg = await registerForPlan(w.as('head'), w.plan.id, {
    kind: 'collective',
    unitId: unit.id,
    commitments: {
      targetTitle: 'Tập thể lao động tiên tiến',
      targets: [],
      keyTasks: [],
      breakthroughTasks: [],
    },
  });
  const ok = await approveRegistration(w.as('officer'), reg.id, { version: reg.version });
  return openSheet(w.as('officer'), ok.id);
}

describe('the evaluation work list', () => {
  it('lists the sheet of an approved registration before anyone opens it', async () => {
    const w = await world(t);
    // The fixture binds the criteria set, then approves the one-stop unit: nobody opened a sheet.
    const todo = await list(w.as('head'));
    expect(todo.items).toHaveLength(1);
    expect(todo.items[0]).toMatchObject({ planId: w.plan.id, status: 'self_draft' });
    const all = await list(w.as('officer'), { todo: 'all', planId: w.plan.id });
    expect(all.items.map((i) => i.id)).toEqual(todo.items.map((i) => i.id));
    // Opening it from the registration row finds the same sheet; providing again adds none.
    expect((await openSheet(w.as('head'), w.reg.id)).id).toBe(todo.items[0]?.id);
    expect(
      await t.db
        .transaction()
        .execute((trx) => provideScoreSheets(w.as('officer'), trx, w.plan.id)),
    ).toBe(0);

    // A plan that gets its criteria set after approving: the sheets come with the binding.
    const { criteriaVersionId } = await getPlanEvaluation(t.db, w.plan.id);
    await sql`UPDATE plan_evaluation SET criteria_version_id = NULL WHERE plan_id = ${w.plan.id}`.execute(
      t.db,
    );
    const unit = await createUnit(w.sys, {
      parentId: w.units.commune.id,
      name: 'Bộ phận một cửa số 2',
      kind: 'one_stop',
    });
    const reg = await registerForPlan(w.as('head'), w.plan.id, {
      kind: 'collective',
      unitId: unit.id,
      commitments: { targetTitle: 'Tập thể lao động tiên tiến' },
    });
    await approveRegistration(w.as('officer'), reg.id, { version: reg.version });
    expect(names(await list(w.as('officer'), { todo: 'all', planId: w.plan.id }))).toEqual([
      'Bộ phận một cửa',
    ]);
    await bindPlanCriteria(w.as('officer'), w.plan.id, {
      version: w.plan.version,
      criteriaVersionId,
      bands: null,
    });
    expect(names(await list(w.as('officer'), { todo: 'all', planId: w.plan.id })).sort()).toEqual([
      'Bộ phận một cửa',
      'Bộ phận một cửa số 2',
    ]);
  });

  it('moves untouched provided sheets to a criteria set bound later; a started sheet keeps its own', async () => {
    const w = await world(t);
    const officer = w.as('officer', T.issued);
    const started = await openSheet(w.as('head'), w.reg.id);
    await saveSelfEntry(w.as('head'), started.id, 'l12', { input: { percent: 95 } });
    const unit = await createUnit(w.sys, {
      parentId: w.units.commune.id,
      name: 'Bộ phận một cửa số 2',
      kind: 'one_stop',
    });
    const reg = await registerForPlan(w.as('head'), w.plan.id, {
      kind: 'collective',
      unitId: unit.id,
      commitments: { targetTitle: 'Tập thể lao động tiên tiến' },
    });
    await approveRegistration(officer, reg.id, { version: reg.version });
    const untouched = await openSheet(w.as('head'), reg.id);
    expect(untouched.criteriaVersionId).toBe(started.criteriaVersionId);

    const other = await createCriteriaSet(officer, {
      ownerUnitId: w.units.province.id,
      name: 'Bộ chỉ số thay thế',
      tree,
    });
    await publishCriteriaVersion(officer, other.id, { version: other.version });
    const plan = await t.db
      .selectFrom('campaignPlan')
      .select('version')
      .where('id', '=', w.plan.id)
      .executeTakeFirstOrThrow();
    await bindPlanCriteria(officer, w.plan.id, {
      version: plan.version,
      criteriaVersionId: other.id,
      bands: null,
    });
    expect((await getSheet(w.as('head'), untouched.id)).criteriaVersionId).toBe(other.id);
    expect((await getSheet(w.as('head'), started.id)).criteriaVersionId).toBe(
      started.criteriaVersionId,
    );
    const audit = await t.db
      .selectFrom('auditEvent')
      .select('entityId')
      .where('action', '=', 'score_sheet.criteria_followed')
      .execute();
    expect(audit.map((a) => Number(a.entityId))).toEqual([untouched.id]);
  });

  it('scopes sheets in SQL: the unit sees its draft, appraisers see a submitted sheet', async () => {
    const w = await world(t);
    const elsewhere = await world(t);
    await openSheet(elsewhere.as('head'), elsewhere.reg.id);
    const sheet = await openSheet(w.as('head'), w.reg.id);

    const unitTodo = await list(w.as('head'));
    expect(unitTodo.items.map((i) => i.id)).toEqual([sheet.id]);
    expect(unitTodo.items[0]).toMatchObject({
      planId: w.plan.id,
      planNumber: '62/KH-UBND',
      unitName: 'Bộ phận một cửa',
      unitPath: [w.units.province.name, 'Xã Lương Điền'],
      status: 'self_draft',
      waitingFor: 'unit',
      waitingForMe: true,
      assessmentDeadline: '2020-12-15',
      selfTotal: 0,
    });
    // Not the council's turn yet; it still reads the sheet in the full list.
    expect((await list(w.as('council'))).total).toBe(0);
    expect((await list(w.as('council'), { todo: 'all' })).items[0]).toMatchObject({
      id: sheet.id,
      waitingForMe: false,
    });
    // Another commune of the province, and another province, see nothing of this plan.
    expect((await list(w.as('otherOfficer'), { todo: 'all' })).total).toBe(0);
    const other = await list(elsewhere.as('officer'), { todo: 'all' });
    expect(other.items.map((i) => i.planId)).toEqual([elsewhere.plan.id]);

    await fill(w, sheet.id);
    await submitSheet(w.as('head'), sheet.id, { version: sheet.version });
    const councilTodo = await list(w.as('council'));
    expect(councilTodo.items[0]).toMatchObject({
      id: sheet.id,
      status: 'submitted',
      waitingFor: 'appraiser',
      waitingForMe: true,
    });
    expect((await list(w.as('head'))).total).toBe(0);
    const read = await list(w.as('head'), { todo: 'all', status: 'submitted' });
    expect(read.items[0]).toMatchObject({ waitingFor: 'appraiser', waitingForMe: false });
    // The self total is the self stage's roll-up.
    const full = await getSheet(w.as('head'), sheet.id);
    expect(full.self).toMatchObject({ total: 13.5, percent: 67.5 });
    expect(read.items[0]).toMatchObject({ selfTotal: 13.5, selfPercent: 67.5 });
    expect((await list(w.as('head'), { todo: 'all', status: 'self_draft' })).total).toBe(0);
  });

  it('searches unit names and plan titles without accents, pages and sorts', async () => {
    const w = await world(t);
    const first = await openSheet(w.as('head'), w.reg.id);
    await extraSheet(w, 'Tổ một cửa ấp Định Thành');
    await extraSheet(w, 'Tổ một cửa ấp Ấn Lợi');
    await extraSheet(w, 'Tổ một cửa ấp Cái Nước');
    const officer = w.as('officer');

    const hit = await list(officer, { todo: 'all', q: '  DINH thanh ' });
    expect(names(hit)).toEqual(['Tổ một cửa ấp Định Thành']);
    expect((await list(officer, { todo: 'all', q: 'cai cach hanh chinh' })).total).toBe(4);
    expect((await list(officer, { todo: 'all', q: 'khong co dau' })).total).toBe(0);
    expect((await list(officer, { todo: 'all', q: '100%' })).total).toBe(0);

    const p1 = await list(officer, { todo: 'all', pageSize: '3' });
    const p2 = await list(officer, { todo: 'all', pageSize: '3', page: '2' });
    expect(p1).toMatchObject({ total: 4, page: 1, pageSize: 3 });
    expect(p2).toMatchObject({ total: 4, page: 2 });
    // Same deadline: Vietnamese alphabetical order (Ấ after A, before B).
    expect([...names(p1), ...names(p2)]).toEqual([
      'Bộ phận một cửa',
      'Tổ một cửa ấp Ấn Lợi',
      'Tổ một cửa ấp Cái Nước',
      'Tổ một cửa ấp Định Thành',
    ]);
    expect((await list(officer, { todo: 'all', page: 9 })).items).toEqual([]);
    expect((await list(officer, { todo: 'all', planId: w.plan.id + 100000 })).total).toBe(0);

    // A sheet waiting for the council comes first in its full list.
    await fill(w, first.id);
    await submitSheet(w.as('head'), first.id, { version: first.version });
    const council = await list(w.as('council'), { todo: 'all', planId: String(w.plan.id) });
    expect(council.items.map((i) => i.waitingForMe)).toEqual([true, false, false, false]);
    expect(council.items[0]?.id).toBe(first.id);
  });

  it('tells units of the same name apart by their commune, in the list, the sheet and its .xlsx', async () => {
    const w = await world(t);
    const own = await openSheet(w.as('head'), w.reg.id);
    const namesake = await createUnit(w.sys, {
      parentId: w.units.otherCommune.id,
      name: 'Bộ phận một cửa',
      kind: 'one_stop',
    });
    const reg = await registerForPlan(w.as('issuerHead'), w.plan.id, {
      kind: 'collective',
      unitId: namesake.id,
      commitments: {
        targetTitle: 'Tập thể lao động tiên tiến',
        targets: [],
        keyTasks: [],
        breakthroughTasks: [],
      },
    });
    const ok = await approveRegistration(w.as('officer'), reg.id, { version: reg.version });
    const other = await openSheet(w.as('officer'), ok.id);
    const listed = await list(w.as('officer'), { todo: 'all' });
    expect(listed.items.map((i) => [i.unitName, placeBeyondName(i.unitName, i.unitPath)])).toEqual([
      ['Bộ phận một cửa – Xã Lương Điền', [w.units.province.name]],
      ['Bộ phận một cửa – Xã Ngọc Liên', [w.units.province.name]],
    ]);
    expect((await getSheet(w.as('officer'), other.id)).unitName).toBe(
      'Bộ phận một cửa – Xã Ngọc Liên',
    );
    // The printed sheet names the unit once, with its place below the issuer.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await exportSheetXlsx(w.as('officer'), own.id)).data as unknown as ExcelJS.Buffer,
    );
    const texts: string[] = [];
    wb.worksheets[0]?.eachRow((row) => row.eachCell((c) => texts.push(c.text)));
    expect(texts).toContain('Đơn vị: Bộ phận một cửa — Xã Lương Điền');
  });

  it('does not count sheets of published results as waiting for anyone (they are locked)', async () => {
    const w = await world(t);
    const sheet = await openSheet(w.as('head'), w.reg.id);
    await fill(w, sheet.id);
    await submitSheet(w.as('head'), sheet.id, { version: sheet.version });
    const draft = await extraSheet(w, 'Tổ một cửa ấp Định Thành');
    expect((await list(w.as('council'))).items.map((i) => i.id)).toEqual([sheet.id]);
    expect((await list(w.as('head'))).items.map((i) => i.id)).toEqual([draft.id]);

    await computeResults(w.as('officer'), w.plan.id);
    await publishResults(w.as('issuerHead'), w.plan.id);
    expect((await list(w.as('council'))).total).toBe(0);
    expect((await list(w.as('head'))).total).toBe(0);
    const all = await list(w.as('council'), { todo: 'all' });
    expect(all.items.map((i) => i.waitingForMe)).toEqual([false, false]);
  });

  it('refuses a bad query naming the field', async () => {
    const w = await world(t);
    await expectAppError(list(w.as('head'), { todo: 'everything' }), 'VALIDATION_FAILED', 'todo');
    await expectAppError(list(w.as('head'), { status: 'done' }), 'VALIDATION_FAILED', 'status');
    await expectAppError(list(w.as('head'), { pageSize: 1000 }), 'VALIDATION_FAILED', 'pageSize');
    await expectAppError(list(w.as('head'), { planId: 'x' }), 'VALIDATION_FAILED', 'planId');
    // Empty query-string fields mean "not given".
    expect((await list(w.as('head'), { status: '', planId: '', q: '' })).page).toBe(1);
  });
});

describe('GET /api/score-sheets', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp(t, { now: () => new Date(T.onTime) });
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers the list, 400 naming a bad field, 401 without a session', async () => {
    const w = await world(t);
    const sheet = await openSheet(w.as('head'), w.reg.id);
    const cookie = await loginCookie(app, w.users.head.username, w.users.head.password);
    const ok = await app.inject({ method: 'GET', url: '/api/score-sheets', headers: { cookie } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      total: 1,
      page: 1,
      pageSize: 20,
      items: [
        { id: sheet.id, waitingFor: 'unit', unitPath: [w.units.province.name, 'Xã Lương Điền'] },
      ],
    });
    const bad = await app.inject({
      method: 'GET',
      url: '/api/score-sheets?todo=mine&status=xong',
      headers: { cookie },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      error: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'status', label: 'Trạng thái' }] },
    });
    expect((await app.inject({ method: 'GET', url: '/api/score-sheets' })).statusCode).toBe(401);
  });
});
