import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { listNotifications } from '../notifications/index';
import { expectAppError, world, type World } from '../../test/evaluation';
import { openSheet, returnSheet, saveSelfEntry, submitSheet } from './assessment.service';
import { findSheet } from './assessment.queries';
import {
  answerExplanation,
  completeAppraisal,
  requestExplanation,
  saveAppraisalEntry,
  submitExplanation,
} from '../appraisal/index';
import { computeResults, publishResults, reopenResults } from '../results/index';
import { notifySheetEvent } from './sheet-notifications';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

async function sent(kind: string, link: string) {
  return t.db
    .selectFrom('notification')
    .select(['unitId', 'title', 'body', 'dedupeKey'])
    .where('kind', '=', kind)
    .where('link', '=', link)
    .orderBy('id')
    .execute();
}

/** The one-stop section and its commune (whose head acts for it), sorted. */
const unitSide = (w: World) => [w.units.oneStop.id, w.units.commune.id].sort((a, b) => a - b);
const unitsOf = (rows: { unitId: number }[]) => rows.map((r) => r.unitId).sort((a, b) => a - b);

describe('score sheet notifications', () => {
  it('reach whoever acts next at each step, once per step', async () => {
    const w = await world(t);
    const head = w.as('head');
    const { id } = await openSheet(head, w.reg.id);
    const link = `/score-sheets/${id}`;
    await saveSelfEntry(head, id, 'l11', { input: { met: true }, note: 'Kế hoạch 05/KH' });
    await saveSelfEntry(head, id, 'l12', { input: { percent: 95 } });
    await saveSelfEntry(head, id, 'l21', { input: { points: 4 }, note: 'Tin bài' });
    const first = await submitSheet(head, id, { version: 1 });
    let rows = await sent('score_sheet.submitted', link);
    expect(rows).toMatchObject([
      { unitId: w.units.province.id, title: 'Bộ phận một cửa đã nộp bản tự chấm điểm' },
    ]);

    const returned = await returnSheet(w.as('officer'), id, {
      version: first.version,
      reason: 'Thiếu số liệu mục 1.2.',
    });
    rows = await sent('score_sheet.returned', link);
    expect(unitsOf(rows)).toEqual(unitSide(w));
    expect(rows[0]?.body).toContain('Lý do: Thiếu số liệu mục 1.2.');
    // The commune's head sees it in the bell.
    const bell = await listNotifications(head, { unreadOnly: 'true' });
    expect(bell.items.some((n) => n.link === link && n.title.includes('bị trả lại'))).toBe(true);

    const again = await submitSheet(head, id, { version: returned.version });
    rows = await sent('score_sheet.submitted', link);
    expect(rows.map((r) => r.title)).toEqual([
      'Bộ phận một cửa đã nộp bản tự chấm điểm',
      'Bộ phận một cửa nộp lại bản tự chấm điểm',
    ]);

    const council = w.as('council');
    await saveAppraisalEntry(council, id, 'l11', { round: 1, input: { met: true } });
    await saveAppraisalEntry(council, id, 'l12', { round: 1, input: { percent: 85 }, note: '85' });
    await saveAppraisalEntry(council, id, 'l21', { round: 1, input: { points: 4 } });
    const asked = await requestExplanation(council, id, {
      version: again.version,
      reason: 'Số liệu mục 1.2 khác hệ thống.',
    });
    rows = await sent('score_sheet.explanation_requested', link);
    expect(unitsOf(rows)).toEqual(unitSide(w));
    expect(rows[0]?.body).toContain('Giải trình 1 tiêu chí. Lý do: Số liệu mục 1.2 khác hệ thống.');

    await answerExplanation(head, id, 'l12', { note: 'Theo sổ theo dõi' });
    const explained = await submitExplanation(head, id, { version: asked.version });
    rows = await sent('score_sheet.explanation_submitted', link);
    expect(rows.map((r) => r.unitId)).toEqual([w.units.province.id]);

    await completeAppraisal(council, id, { version: explained.version });
    rows = await sent('score_sheet.appraised', link);
    expect(unitsOf(rows)).toEqual(unitSide(w));
    expect(rows[0]?.body).toContain('%');

    // Replaying an event (same sheet version) sends nothing more.
    const before = await findSheet(t.db, id);
    if (before === undefined) throw new Error('sheet not found');
    await notifySheetEvent(
      council,
      t.db,
      { ...before, version: before.version - 1 },
      {
        kind: 'appraised',
        percent: 50,
      },
    );
    expect(await sent('score_sheet.appraised', link)).toHaveLength(2);
    // A refused step sends nothing.
    await expectAppError(
      returnSheet(w.as('officer'), id, { version: before.version, reason: 'Trả lại' }),
      'INVALID_STATE',
    );
    expect(await sent('score_sheet.returned', link)).toHaveLength(2);
  });

  it('announce published results to each unit side, and a reopening to the issuer', async () => {
    const w = await world(t);
    const head = w.as('head');
    const { id } = await openSheet(head, w.reg.id);
    await saveSelfEntry(head, id, 'l11', { input: { met: true }, note: 'Kế hoạch 05/KH' });
    await saveSelfEntry(head, id, 'l12', { input: { percent: 95 } });
    await saveSelfEntry(head, id, 'l21', { input: { points: 4 }, note: 'Tin bài' });
    await submitSheet(head, id, { version: 1 });
    const link = `/plans/${w.plan.id}?tab=results`;
    await computeResults(w.as('officer'), w.plan.id);
    await publishResults(w.as('issuerHead'), w.plan.id);
    let rows = await sent('results.published', link);
    expect(unitsOf(rows)).toEqual(unitSide(w));
    expect(rows[0]?.body).toMatch(/^Bộ phận một cửa: xếp loại .+, xếp hạng 1\/1\.$/);

    await reopenResults(w.as('council'), w.plan.id, { reason: 'Phúc tra điểm' });
    const reopened = await sent('results.reopened', link);
    expect(reopened).toMatchObject([{ unitId: w.units.province.id }]);
    expect(reopened[0]?.body).toContain('Phúc tra điểm');
    // Publishing again is a new event; a refused publication sends nothing.
    await publishResults(w.as('issuerHead'), w.plan.id);
    await expectAppError(publishResults(w.as('issuerHead'), w.plan.id), 'INVALID_STATE');
    rows = await sent('results.published', link);
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((r) => r.dedupeKey)).size).toBe(4);
  });
});
