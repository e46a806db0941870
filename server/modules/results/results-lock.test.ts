import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { makeUser, testCtx } from '../../test/factories';
import { createUnit } from '../organization/index';
import { approveRegistration, registerForPlan } from '../registrations/index';
import { T, at, expectAppError, files, world, type World } from '../../test/evaluation';
import {
  bindPlanCriteria,
  getSheet,
  openSheet,
  removeEvidence,
  RESULTS_LOCKED_MESSAGE,
  returnSheet,
  saveSelfEntry,
  submitSheet,
  uploadEvidence,
} from '../assessment/index';
import {
  answerExplanation,
  completeAppraisal,
  importSurveyScores,
  requestExplanation,
  saveAppraisalEntry,
  sideBySide,
  submitExplanation,
} from '../appraisal/index';
import { getPlanEvaluation } from '../assessment/index';
import { computeResults, publishResults, reopenResults } from './results.service';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

async function publish(w: World) {
  await computeResults(w.as('officer'), w.plan.id);
  await publishResults(w.as('issuerHead'), w.plan.id);
}
async function reopen(w: World) {
  await reopenResults(w.as('council'), w.plan.id, { reason: 'Phúc tra điểm khảo sát' });
}
/** Refused because the results are published (not for another reason). */
async function locked(p: Promise<unknown>) {
  const e = await expectAppError(p, 'INVALID_STATE');
  expect(e.message).toBe(RESULTS_LOCKED_MESSAGE);
}

async function fill(w: World, id: number) {
  const ctx = w.as('head');
  await saveSelfEntry(ctx, id, 'l11', { input: { met: true }, note: 'Kế hoạch 05/KH' });
  await saveSelfEntry(ctx, id, 'l12', { input: { percent: 95 } });
  await saveSelfEntry(ctx, id, 'l21', { input: { points: 4 }, note: 'Có 12 tin bài' });
}

async function survey(unitId: number) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Điểm khảo sát');
  ws.addRow(['Mã đơn vị', 'Mã tiêu chí', 'Điểm khảo sát']);
  ws.addRow([unitId, '2.2', 80]);
  return { fileName: 'sipas.xlsx', data: Buffer.from(await wb.xlsx.writeBuffer()) };
}

/** A second one-stop unit registered and approved (no sheet yet). */
async function secondRegistration(w: World) {
  const unit = await createUnit(w.sys, {
    parentId: w.units.otherCommune.id,
    name: 'Bộ phận một cửa Ngọc Liên',
    kind: 'one_stop',
  });
  const head = await makeUser(w.sys, 'unit_head', w.units.otherCommune.id);
  const ctx = testCtx(t, head.actor, at(T.onTime));
  const reg = await registerForPlan(ctx, w.plan.id, {
    kind: 'collective',
    unitId: unit.id,
    commitments: { targetTitle: null, targets: ['Đúng hạn'], keyTasks: [], breakthroughTasks: [] },
  });
  return { ctx, reg };
}

describe('published results lock the sheets', () => {
  it("refuses the unit's self-scores, evidence, submission and a new sheet until reopened", async () => {
    const w = await world(t);
    const sheet = await openSheet(w.as('head'), w.reg.id);
    await fill(w, sheet.id);
    const pdf = await uploadEvidence(w.as('head'), sheet.id, {
      nodeId: 'l11',
      fileName: 'ke-hoach.pdf',
      data: files.pdf,
    });
    const submitted = await secondRegistration(w);
    await publish(w);
    // Approved while the results are published: no sheet is provided, and none opens.
    const second = {
      ctx: submitted.ctx,
      reg: await approveRegistration(w.as('officer'), submitted.reg.id, {
        version: submitted.reg.version,
      }),
    };

    const view = await getSheet(w.as('head'), sheet.id);
    expect(view.resultsPublished).toBe(true);
    expect(view.permissions).toEqual({
      canEdit: false,
      canSubmit: false,
      canReturn: false,
      canAddEvidence: false,
      evidenceNodeIds: null,
    });
    expect(view.evidence[0]?.canDelete).toBe(false);
    const ctx = w.as('head');
    await locked(saveSelfEntry(ctx, sheet.id, 'l12', { input: { percent: 99 }, version: 1 }));
    await locked(
      uploadEvidence(ctx, sheet.id, { nodeId: 'l21', fileName: 'tin-bai.pdf', data: files.pdf }),
    );
    await locked(removeEvidence(ctx, sheet.id, pdf.id));
    await locked(submitSheet(ctx, sheet.id, { version: view.version }));
    await locked(openSheet(second.ctx, second.reg.id));
    // Nothing changed meanwhile.
    const still = await getSheet(w.as('head'), sheet.id);
    expect(still.entries.find((e) => e.nodeId === 'l12')).toMatchObject({ version: 1 });
    expect(still.evidence).toHaveLength(1);
    expect(still.status).toBe('self_draft');
    // An already open sheet is still returned (reading, not opening).
    expect((await openSheet(w.as('head'), w.reg.id)).id).toBe(sheet.id);

    await reopen(w);
    const open = await getSheet(w.as('head'), sheet.id);
    expect(open).toMatchObject({ resultsPublished: false, status: 'self_draft' });
    expect(open.permissions).toMatchObject({ canEdit: true, canAddEvidence: true });
    expect(open.evidence[0]?.canDelete).toBe(true);
    await saveSelfEntry(ctx, sheet.id, 'l12', { input: { percent: 99 }, version: 1 });
    await removeEvidence(ctx, sheet.id, pdf.id);
    expect((await submitSheet(ctx, sheet.id, { version: open.version })).status).toBe('submitted');
    expect((await openSheet(second.ctx, second.reg.id)).status).toBe('self_draft');
  });

  it('refuses appraisal, return, explanation and survey import; each sheet keeps its step', async () => {
    const w = await world(t);
    const { id } = await openSheet(w.as('head'), w.reg.id);
    await fill(w, id);
    let version = (await submitSheet(w.as('head'), id, { version: 1 })).version;
    const council = w.as('council');
    const round1 = { round: 1 as const, input: { met: true } };
    await publish(w);

    const view = await sideBySide(council, id);
    expect(view.resultsPublished).toBe(true);
    expect(view.permissions).toMatchObject({
      round: 1,
      canScore: false,
      canRequestExplanation: false,
      canComplete: false,
    });
    await locked(saveAppraisalEntry(council, id, 'l11', round1));
    await locked(returnSheet(w.as('officer'), id, { version, reason: 'Thiếu số liệu' }));
    await locked(requestExplanation(council, id, { version, reason: 'Giải trình', nodeIds: [] }));
    await locked(completeAppraisal(council, id, { version }));
    await locked(importSurveyScores(w.as('officer'), w.plan.id, await survey(view.unitId)));

    await reopen(w);
    expect((await sideBySide(council, id)).permissions).toMatchObject({ canScore: true });
    await saveAppraisalEntry(council, id, 'l11', round1);
    await saveAppraisalEntry(council, id, 'l12', { round: 1, input: { percent: 95 } });
    await saveAppraisalEntry(council, id, 'l21', { round: 1, input: { points: 4 } });
    await importSurveyScores(w.as('officer'), w.plan.id, await survey(view.unitId));
    const asked = await requestExplanation(council, id, {
      version,
      reason: 'Làm rõ số liệu',
      nodeIds: ['l12'],
    });
    expect(asked.status).toBe('explaining');
    version = asked.version;

    await publish(w);
    const unit = w.as('head');
    expect((await sideBySide(unit, id)).permissions).toMatchObject({
      canAnswer: false,
      canSubmitExplanation: false,
    });
    await locked(answerExplanation(unit, id, 'l12', { note: 'Số liệu từ hệ thống một cửa' }));
    await locked(submitExplanation(unit, id, { version }));
    await locked(
      uploadEvidence(unit, id, { nodeId: 'l12', fileName: 'so-lieu.pdf', data: files.pdf }),
    );

    await reopen(w);
    await answerExplanation(unit, id, 'l12', { note: 'Số liệu từ hệ thống một cửa' });
    version = (await submitExplanation(unit, id, { version })).version;

    await publish(w);
    await locked(completeAppraisal(council, id, { version }));
    await reopen(w);
    expect((await completeAppraisal(council, id, { version })).status).toBe('appraised');
  });

  it('keeps the ranking settings while published, but not the deadline', async () => {
    const w = await world(t);
    await publish(w);
    const plan = await t.db
      .selectFrom('campaignPlan')
      .select('version')
      .where('id', '=', w.plan.id)
      .executeTakeFirstOrThrow()
      .then(async (p) => ({ ...p, ...(await getPlanEvaluation(t.db, w.plan.id)) }));
    const same = { version: plan.version, criteriaVersionId: plan.criteriaVersionId, bands: null };
    await locked(
      bindPlanCriteria(w.as('officer'), w.plan.id, { ...same, tieBreak: ['submittedAt'] }),
    );
    const saved = await bindPlanCriteria(w.as('officer'), w.plan.id, {
      ...same,
      assessmentDeadline: '2020-12-20',
    });
    expect(saved.assessmentDeadline).toBe('2020-12-20');
  });
});
