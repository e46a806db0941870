import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { entityHistory } from '../audit/index';
import { getSheet, openSheet, returnSheet, saveSelfEntry, submitSheet } from './assessment.service';
import { T, expectAppError, world, type World } from '../../test/evaluation';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

/** Scores every self-scored leaf, with explanations where evidence would be needed. */
async function fillAll(w: World, sheetId: number, when = T.onTime) {
  const ctx = w.as('head', when);
  await saveSelfEntry(ctx, sheetId, 'l11', { input: { met: true }, note: 'Đã ban hành KH 12' });
  await saveSelfEntry(ctx, sheetId, 'l12', { input: { percent: 95 } });
  await saveSelfEntry(ctx, sheetId, 'l21', { input: { points: 4.5 }, note: 'Có 12 tin bài' });
}

describe('opening a sheet', () => {
  it('opens once per approved registration, for the unit side or the plan officer', async () => {
    const w = await world(t);
    await expectAppError(openSheet(w.as('staff'), w.reg.id), 'FORBIDDEN');
    await expectAppError(openSheet(w.as('otherOfficer'), w.reg.id), 'NOT_FOUND');
    const a = await openSheet(w.as('head'), w.reg.id);
    const b = await openSheet(w.as('officer'), w.reg.id);
    expect(b.id).toBe(a.id);
    expect(a).toMatchObject({ status: 'self_draft', registrationId: w.reg.id, version: 1 });
    expect(a.self.missing.map((m) => m.code)).toEqual(['1.1', '1.2', '2.1']);
    const history = await entityHistory(w.sys, 'score_sheet', a.id, {});
    expect(history.items.map((e) => e.action)).toEqual(['score_sheet.opened']);
  });
});

describe('self-scoring', () => {
  it('computes points by each method and rolls the totals up live', async () => {
    const w = await world(t);
    const { id } = await openSheet(w.as('head'), w.reg.id);
    const ctx = w.as('head');
    expect((await saveSelfEntry(ctx, id, 'l11', { input: { met: true } })).points).toBe(4);
    expect((await saveSelfEntry(ctx, id, 'l12', { input: { percent: 91.5 } })).points).toBe(4);
    const partial = await getSheet(ctx, id);
    expect(partial.self).toMatchObject({ total: 8, fieldTotals: [8, 0] });
    expect(partial.self.missing.map((m) => m.code)).toEqual(['2.1']);
    expect(partial.self.totals.f1).toBe(8);
    expect((await saveSelfEntry(ctx, id, 'l21', { input: { points: 3.25 } })).points).toBe(3.25);
    expect((await saveSelfEntry(ctx, id, 'b3', { input: { points: -1 } })).points).toBe(-1);
    const full = await getSheet(ctx, id);
    expect(full.self).toMatchObject({ base: 11.25, adjustments: -1, total: 10.25, missing: [] });
    expect(full.self.percent).toBe(51.25);
    expect(full.entries.find((e) => e.nodeId === 'l12')).toMatchObject({
      stage: 'self',
      input: { percent: 91.5 },
      points: 4,
      version: 1,
    });
  });

  it('refuses survey leaves, parents, unknown leaves and out-of-range figures by code', async () => {
    const w = await world(t);
    const { id } = await openSheet(w.as('head'), w.reg.id);
    const ctx = w.as('head');
    const survey = await expectAppError(
      saveSelfEntry(ctx, id, 'l22', { input: { surveyScore: 80 } }),
      'VALIDATION_FAILED',
    );
    expect(survey.message).toContain('2.2');
    expect(survey.message).toContain('không tự chấm');
    const parent = await expectAppError(
      saveSelfEntry(ctx, id, 'f1', { input: {} }),
      'VALIDATION_FAILED',
    );
    expect(parent.message).toContain('Mục 1');
    await expectAppError(saveSelfEntry(ctx, id, 'nope', { input: {} }), 'VALIDATION_FAILED');
    const range = await expectAppError(
      saveSelfEntry(ctx, id, 'l21', { input: { points: 6 } }),
      'VALIDATION_FAILED',
    );
    expect(range.message).toMatch(/Mục 2\.1: Điểm phải trong khoảng 0 – 5/);
    const pct = await expectAppError(
      saveSelfEntry(ctx, id, 'l12', { input: { percent: 120 } }),
      'VALIDATION_FAILED',
    );
    expect(pct.details?.fields?.[0]?.label).toBe('Mục 1.2');
    // An explanation alone is saved without points.
    const note = await saveSelfEntry(ctx, id, 'l21', { note: 'Đang tổng hợp số liệu' });
    expect(note).toMatchObject({ points: null, note: 'Đang tổng hợp số liệu' });
  });

  it('never overwrites another scorer silently: per-entry versions', async () => {
    const w = await world(t);
    const { id } = await openSheet(w.as('head'), w.reg.id);
    const first = await saveSelfEntry(w.as('head'), id, 'l12', { input: { percent: 99 } });
    // A second editor who loaded the empty leaf.
    await expectAppError(
      saveSelfEntry(w.as('officer'), id, 'l12', { input: { percent: 80 } }),
      'CONFLICT',
    );
    await expectAppError(
      saveSelfEntry(w.as('officer'), id, 'l12', { input: { percent: 80 }, version: 5 }),
      'CONFLICT',
    );
    await expectAppError(
      saveSelfEntry(w.as('officer'), id, 'l11', { input: { met: true }, version: 1 }),
      'CONFLICT',
    );
    const second = await saveSelfEntry(w.as('officer'), id, 'l12', {
      input: { percent: 80 },
      version: first.version,
    });
    expect(second).toMatchObject({ points: 2, version: 2 });
    // Other leaves are independent: no sheet-wide conflict.
    expect((await saveSelfEntry(w.as('head'), id, 'l11', { input: { met: false } })).points).toBe(
      0,
    );
  });
});

describe('submission', () => {
  it('lists every unscored leaf and every evidence-less leaf without explanation', async () => {
    const w = await world(t);
    const sheet = await openSheet(w.as('head'), w.reg.id);
    await saveSelfEntry(w.as('head'), sheet.id, 'l11', { input: { met: true } });
    await saveSelfEntry(w.as('head'), sheet.id, 'b3', { input: { points: 2 } });
    const e = await expectAppError(
      submitSheet(w.as('head'), sheet.id, { version: sheet.version }),
      'VALIDATION_FAILED',
    );
    expect(e.details?.fields?.map((f) => `${f.label} ${f.message}`)).toEqual([
      'Mục 1.1 chưa có tài liệu kiểm chứng nên cần ghi giải trình',
      'Mục 1.2 chưa chấm điểm',
      'Mục 2.1 chưa chấm điểm',
      'Mục 2.1 chưa có tài liệu kiểm chứng nên cần ghi giải trình',
      'Mục 3 chưa có tài liệu kiểm chứng nên cần ghi giải trình',
    ]);
    expect((await getSheet(w.as('head'), sheet.id)).problems).toHaveLength(5);
  });

  it('is due by the deadline day inclusive, then locks until returned', async () => {
    const late = await world(t);
    const lateSheet = await openSheet(late.as('head'), late.reg.id);
    await fillAll(late, lateSheet.id);
    await expectAppError(
      submitSheet(late.as('head', T.justLate), lateSheet.id, { version: 1 }),
      'DEADLINE_PASSED',
    );

    const w = await world(t);
    const sheet = await openSheet(w.as('head'), w.reg.id);
    await fillAll(w, sheet.id);
    await expectAppError(submitSheet(w.as('staff'), sheet.id, { version: 1 }), 'FORBIDDEN');
    await expectAppError(submitSheet(w.as('head'), sheet.id, { version: 2 }), 'CONFLICT');
    const submitted = await submitSheet(w.as('head', T.lastMinute), sheet.id, { version: 1 });
    expect(submitted).toMatchObject({ status: 'submitted', version: 2 });
    expect(submitted.self.total).toBe(12.5);
    expect(submitted.permissions).toEqual({
      canEdit: false,
      canSubmit: false,
      canReturn: false,
      canAddEvidence: false,
      evidenceNodeIds: null,
    });
    await expectAppError(
      saveSelfEntry(w.as('head'), sheet.id, 'l12', { input: { percent: 99 }, version: 1 }),
      'INVALID_STATE',
    );
    await expectAppError(submitSheet(w.as('head'), sheet.id, { version: 2 }), 'INVALID_STATE');

    // Returning: the plan's officer only, with a reason.
    await expectAppError(
      returnSheet(w.as('head'), sheet.id, { version: 2, reason: 'Bổ sung' }),
      'FORBIDDEN',
    );
    await expectAppError(
      returnSheet(w.as('officer'), sheet.id, { version: 2, reason: ' ' }),
      'VALIDATION_FAILED',
    );
    expect((await getSheet(w.as('officer'), sheet.id)).permissions.canReturn).toBe(true);
    const returned = await returnSheet(w.as('officer', T.justLate), sheet.id, {
      version: 2,
      reason: 'Mục 1.2 chưa có số liệu kiểm chứng',
    });
    expect(returned).toMatchObject({ status: 'returned', version: 3 });
    await expectAppError(
      returnSheet(w.as('officer'), sheet.id, { version: 3, reason: 'Lần nữa' }),
      'INVALID_STATE',
    );

    // Reopened: the unit corrects and resubmits, even after the deadline.
    const fixed = await saveSelfEntry(w.as('head', T.justLate), sheet.id, 'l12', {
      input: { percent: 99 },
      version: 1,
    });
    expect(fixed.points).toBe(6);
    const again = await submitSheet(w.as('head', T.justLate), sheet.id, { version: 3 });
    expect(again).toMatchObject({ status: 'submitted', version: 4 });
    expect(again.self.total).toBe(14.5);
    const history = await entityHistory(w.sys, 'score_sheet', sheet.id, {});
    expect(history.items.map((e) => e.action)).toContain('score_sheet.returned');
    expect(history.items.filter((e) => e.action === 'score_sheet.submitted')).toHaveLength(2);
  });
});

describe('who sees a sheet', () => {
  it('shows it to the unit and the issuer; hides it from another commune', async () => {
    const w = await world(t);
    const { id } = await openSheet(w.as('head'), w.reg.id);
    expect((await getSheet(w.as('council'), id)).permissions.canEdit).toBe(false);
    const staff = await getSheet(w.as('staff'), id);
    expect(staff.permissions).toEqual({
      canEdit: false,
      canSubmit: false,
      canReturn: false,
      canAddEvidence: false,
      evidenceNodeIds: null,
    });
    await expectAppError(
      saveSelfEntry(w.as('staff'), id, 'l11', { input: { met: true } }),
      'FORBIDDEN',
    );
    expect((await getSheet(w.as('head'), id)).permissions.canEdit).toBe(true);
    await expectAppError(getSheet(w.as('otherOfficer'), id), 'NOT_FOUND');
    await expectAppError(
      saveSelfEntry(w.as('otherOfficer'), id, 'l11', { input: { met: true } }),
      'NOT_FOUND',
    );
    await expectAppError(submitSheet(w.as('otherOfficer'), id, { version: 1 }), 'NOT_FOUND');
  });
});
