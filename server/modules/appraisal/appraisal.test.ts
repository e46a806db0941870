import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { makeUser, testCtx } from '../../test/factories';
import { entityHistory } from '../audit/index';
import { openSheet, saveSelfEntry, submitSheet } from '../assessment/index';
import { T, at, expectAppError, world, type World } from '../../test/evaluation';
import {
  answerExplanation,
  completeAppraisal,
  requestExplanation,
  saveAppraisalEntry,
  submitExplanation,
} from './appraisal.service';
import { sideBySide } from './appraisal.compare';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

/** A world with a submitted sheet: self 1.1 = 4, 1.2 = 4 (95 %), 2.1 = 4.5; no bonus claimed. */
async function submitted(bonus?: number) {
  const w = await world(t);
  const sheet = await openSheet(w.as('head'), w.reg.id);
  const ctx = w.as('head');
  await saveSelfEntry(ctx, sheet.id, 'l11', { input: { met: true }, note: 'Đã ban hành KH 12' });
  await saveSelfEntry(ctx, sheet.id, 'l12', { input: { percent: 95 } });
  await saveSelfEntry(ctx, sheet.id, 'l21', { input: { points: 4.5 }, note: 'Có 12 tin bài' });
  if (bonus !== undefined)
    await saveSelfEntry(ctx, sheet.id, 'b3', { input: { points: bonus }, note: 'Sáng kiến' });
  const sent = await submitSheet(ctx, sheet.id, { version: sheet.version });
  const council2 = await makeUser(w.sys, 'council_member', w.units.province.id);
  const as2 = testCtx(t, council2.actor, at(T.onTime));
  return { w, id: sent.id, version: sent.version, as2 };
}

async function round1(w: World, id: number) {
  const c = w.as('council');
  await saveAppraisalEntry(c, id, 'l11', { round: 1, input: { met: true } });
  await saveAppraisalEntry(c, id, 'l12', {
    round: 1,
    input: { percent: 85 },
    note: 'Chỉ 85 % hồ sơ đúng hạn theo hệ thống',
  });
  await saveAppraisalEntry(c, id, 'l21', { round: 1, input: { points: 4.5 } });
}

describe('appraisal round 1', () => {
  it('computes points by the leaf method, requires a comment when they differ', async () => {
    const { w, id } = await submitted();
    const c = w.as('council');
    const a = await saveAppraisalEntry(c, id, 'l12', {
      round: 1,
      input: { percent: 91 },
      note: 'Số liệu hệ thống 91 %',
    });
    expect(a).toMatchObject({ stage: 'appraisal1', points: 4, version: 1 });
    const e = await expectAppError(
      saveAppraisalEntry(c, id, 'l21', { round: 1, input: { points: 3 } }),
      'VALIDATION_FAILED',
    );
    expect(e.details?.fields?.[0]?.field).toBe('note');
    // Same points as self: no comment needed.
    expect(
      (await saveAppraisalEntry(c, id, 'l11', { round: 1, input: { met: true } })).points,
    ).toBe(4);
    await expectAppError(
      saveAppraisalEntry(c, id, 'l22', { round: 1, input: { surveyScore: 80 } }),
      'VALIDATION_FAILED',
    );
    await expectAppError(
      saveAppraisalEntry(c, id, 'f1', { round: 1, input: { points: 1 } }),
      'VALIDATION_FAILED',
    );
    await expectAppError(
      saveAppraisalEntry(c, id, 'l11', { round: 2, input: { met: true } }),
      'INVALID_STATE',
    );
  });

  it('two appraisers on the same leaf: the stale one gets CONFLICT, nothing overwritten', async () => {
    const { w, id, as2 } = await submitted();
    const first = await saveAppraisalEntry(w.as('council'), id, 'l21', {
      round: 1,
      input: { points: 4 },
      note: 'Thiếu 1 tin bài',
    });
    // The second appraiser loaded the sheet before the first saved (no entry = version 0).
    await expectAppError(
      saveAppraisalEntry(as2, id, 'l21', { round: 1, input: { points: 3 }, note: 'Thiếu 3' }),
      'CONFLICT',
    );
    await expectAppError(
      saveAppraisalEntry(as2, id, 'l21', { round: 1, input: { points: 3 }, note: 'x', version: 7 }),
      'CONFLICT',
    );
    const ok = await saveAppraisalEntry(as2, id, 'l21', {
      round: 1,
      input: { points: 3.5 },
      note: 'Sau khi xem lại',
      version: first.version,
    });
    expect(ok).toMatchObject({ points: 3.5, version: 2 });
    const view = await sideBySide(w.as('officer'), id);
    expect(view.leaves.find((l) => l.nodeId === 'l21')?.appraisal1).toMatchObject({
      points: 3.5,
      version: 2,
    });
  });

  it('only the issuer’s council and officers appraise; others are refused', async () => {
    const { w, id } = await submitted();
    const body = { round: 1, input: { met: true } };
    await expectAppError(saveAppraisalEntry(w.as('head'), id, 'l11', body), 'FORBIDDEN');
    await expectAppError(saveAppraisalEntry(w.as('issuerHead'), id, 'l11', body), 'FORBIDDEN');
    await expectAppError(saveAppraisalEntry(w.as('otherOfficer'), id, 'l11', body), 'NOT_FOUND');
    expect((await saveAppraisalEntry(w.as('officer'), id, 'l11', body)).points).toBe(4);
  });
});

describe('explanation and round 2', () => {
  it('request → unit answers → round 2 → complete, with carry-over and audit', async () => {
    const { w, id, version } = await submitted();
    const c = w.as('council');
    await expectAppError(completeAppraisal(c, id, { version: version + 5 }), 'CONFLICT');
    await expectAppError(
      requestExplanation(c, id, { version, reason: 'Giải trình 1.2' }),
      'VALIDATION_FAILED',
    );
    await round1(w, id);
    await expectAppError(
      requestExplanation(w.as('head'), id, { version, reason: 'x' }),
      'FORBIDDEN',
    );
    const asked = await requestExplanation(c, id, {
      version,
      reason: 'Đề nghị giải trình tỷ lệ hồ sơ đúng hạn',
    });
    expect(asked.status).toBe('explaining');
    expect(asked.explanation.nodeIds).toEqual(['l12']);
    expect(asked.permissions).toMatchObject({ canScore: false, canAnswer: false });
    expect((await sideBySide(w.as('head'), id)).permissions.canAnswer).toBe(true);

    await expectAppError(
      saveAppraisalEntry(c, id, 'l12', { round: 2, input: { percent: 95 } }),
      'INVALID_STATE',
    );
    await expectAppError(
      answerExplanation(w.as('head'), id, 'l21', { note: 'không được hỏi' }),
      'VALIDATION_FAILED',
    );
    await expectAppError(answerExplanation(c, id, 'l12', { note: 'x' }), 'FORBIDDEN');
    await expectAppError(
      submitExplanation(w.as('head'), id, { version: asked.version }),
      'VALIDATION_FAILED',
    );
    const ans = await answerExplanation(w.as('head'), id, 'l12', {
      note: 'Hệ thống tính cả hồ sơ rút; thực tế 95 %, kèm báo cáo',
    });
    expect(ans.version).toBe(1);
    const explained = await submitExplanation(w.as('head'), id, { version: asked.version });
    expect(explained.status).toBe('explained');
    expect(explained.leaves.find((l) => l.nodeId === 'l12')?.explanation?.note).toMatch(/95 %/);

    const r2 = await saveAppraisalEntry(c, id, 'l12', {
      round: 2,
      input: { percent: 95 },
    });
    expect(r2).toMatchObject({ stage: 'appraisal2', points: 4 });
    const done = await completeAppraisal(c, id, { version: explained.version });
    expect(done.status).toBe('appraised');
    const l12 = done.leaves.find((l) => l.nodeId === 'l12');
    expect(l12).toMatchObject({ diff1: -2, diff2: 0, changed: true, final: 4 });
    // Round-1 scores not re-scored were carried into round 2.
    expect(done.leaves.find((l) => l.nodeId === 'l21')?.appraisal2).toMatchObject({
      points: 4.5,
    });
    expect(done.totals.self.total).toBe(12.5);
    expect(done.totals.appraisal1).toMatchObject({ total: 10.5, fieldTotals: [6, 4.5] });
    expect(done.totals.final).toMatchObject({ total: 12.5, missing: ['l22'] });
    await expectAppError(completeAppraisal(c, id, { version: done.version }), 'INVALID_STATE');
    const history = await entityHistory(w.sys, 'score_sheet', id, {});
    const actions = history.items.map((e) => e.action);
    for (const a of [
      'score_sheet.appraisal_scored',
      'score_sheet.explanation_requested',
      'score_sheet.explanation_answered',
      'score_sheet.explanation_submitted',
      'score_sheet.appraised',
    ])
      expect(actions).toContain(a);
  });

  it('closes after round 1 when no explanation is needed; a claimed bonus must be decided', async () => {
    const { w, id, version } = await submitted(1);
    const c = w.as('council');
    await round1(w, id);
    const e = await expectAppError(completeAppraisal(c, id, { version }), 'VALIDATION_FAILED');
    expect(e.message).toMatch(/mục 3 chưa có điểm thẩm định/);
    await saveAppraisalEntry(c, id, 'b3', {
      round: 1,
      input: { points: 0 },
      note: 'Sáng kiến chưa được công nhận',
    });
    const view = await sideBySide(w.as('staff'), id);
    expect(view.leaves.find((l) => l.nodeId === 'l12')).toMatchObject({
      self: { points: 4 },
      appraisal1: { points: 2 },
      appraisal2: null,
      diff1: -2,
      diff2: null,
    });
    expect(view.permissions.canScore).toBe(false);
    const done = await completeAppraisal(c, id, { version: view.version });
    expect(done).toMatchObject({ status: 'appraised', totals: { final: { total: 10.5 } } });
    expect(done.leaves.every((l) => l.appraisal2 === null)).toBe(true);
  });
});
