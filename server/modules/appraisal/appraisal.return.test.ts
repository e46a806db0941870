import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { openSheet, returnSheet, saveSelfEntry, submitSheet } from '../assessment/index';
import { expectAppError, world } from '../../test/evaluation';
import { completeAppraisal, requestExplanation, saveAppraisalEntry } from './appraisal.service';
import { acceptSelfScores } from './appraisal.bulk';
import { sideBySide } from './appraisal.compare';
import { countedRound1, isStaleEntry, needsRescore } from './appraisal.rules';

/**
 * A sheet returned to the unit during round 1 and sent again keeps its round-1 scores as history;
 * those older than the new submission are `stale`, and one whose leaf's self-score the unit
 * changed meanwhile no longer counts: the leaf must be scored again before round 1 can close.
 */

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

const d = (iso: string) => new Date(iso);

describe('stale round-1 entries (rules)', () => {
  const submittedAt = d('2020-08-10T00:00:00Z');
  const cases: {
    name: string;
    entry: string;
    self: string | null;
    submitted: Date | null;
    stale: boolean;
    rescore: boolean;
  }[] = [
    {
      name: 'never returned',
      entry: '2020-08-11',
      self: '2020-08-01',
      submitted: submittedAt,
      stale: false,
      rescore: false,
    },
    {
      name: 'no submission time',
      entry: '2020-08-05',
      self: '2020-08-06',
      submitted: null,
      stale: false,
      rescore: false,
    },
    {
      name: 'before, self unchanged',
      entry: '2020-08-05',
      self: '2020-08-01',
      submitted: submittedAt,
      stale: true,
      rescore: false,
    },
    {
      name: 'before, self changed after',
      entry: '2020-08-05',
      self: '2020-08-07',
      submitted: submittedAt,
      stale: true,
      rescore: true,
    },
    {
      name: 'before, no self entry',
      entry: '2020-08-05',
      self: null,
      submitted: submittedAt,
      stale: true,
      rescore: false,
    },
  ];
  it.each(cases)('$name', (c) => {
    const entry = { scoredAt: d(`${c.entry}T00:00:00Z`) };
    const self = c.self === null ? undefined : { scoredAt: d(`${c.self}T00:00:00Z`) };
    expect(isStaleEntry(entry, c.submitted)).toBe(c.stale);
    expect(needsRescore(entry, self, c.submitted)).toBe(c.rescore);
    const counted = countedRound1(
      new Map([['l', entry]]),
      new Map(self ? [['l', self]] : []),
      c.submitted,
    );
    expect(counted.has('l')).toBe(!c.rescore);
  });
});

describe('round 1 after a return', () => {
  it('marks old entries stale, asks to re-score changed leaves, then closes', async () => {
    const w = await world(t);
    const head = w.as('head', '2020-07-10T02:00:00Z');
    const sheet = await openSheet(head, w.reg.id);
    await saveSelfEntry(head, sheet.id, 'l11', { input: { met: true }, note: 'KH 12' });
    await saveSelfEntry(head, sheet.id, 'l12', { input: { percent: 95 } });
    await saveSelfEntry(head, sheet.id, 'l21', { input: { points: 4.5 }, note: 'Tin bài' });
    const sent = await submitSheet(head, sheet.id, { version: sheet.version });

    const council = w.as('council', '2020-07-20T02:00:00Z');
    await saveAppraisalEntry(council, sheet.id, 'l11', { round: 1, input: { met: true } });
    await saveAppraisalEntry(council, sheet.id, 'l12', {
      round: 1,
      input: { percent: 85 },
      note: 'Hệ thống ghi 85 %',
    });
    const old21 = await saveAppraisalEntry(council, sheet.id, 'l21', {
      round: 1,
      input: { points: 4 },
      note: 'Thiếu 1 tin bài',
    });
    const before = await sideBySide(council, sheet.id);
    expect(before.leaves.map((l) => l.appraisal1?.stale ?? null)).toEqual([
      false,
      false,
      false,
      null,
      null,
    ]);

    // The officer returns it; the unit changes 2.1 only and sends it again.
    const back = await returnSheet(w.as('officer', '2020-07-25T02:00:00Z'), sheet.id, {
      version: sent.version,
      reason: 'Bổ sung minh chứng tin bài',
    });
    const unit = w.as('head', '2020-07-28T02:00:00Z');
    await saveSelfEntry(unit, sheet.id, 'l21', {
      input: { points: 3 },
      note: 'Chỉ còn 6 tin bài hợp lệ',
      version: 1,
    });
    const again = await submitSheet(unit, sheet.id, { version: back.version });

    const later = w.as('council', '2020-08-01T02:00:00Z');
    const view = await sideBySide(later, sheet.id);
    const leaf = (id: string) => view.leaves.find((l) => l.nodeId === id);
    // History kept: every old round-1 entry is there, stale; only 2.1 needs scoring again.
    expect(leaf('l12')?.appraisal1).toMatchObject({ points: 2, stale: true });
    expect(leaf('l21')?.appraisal1).toMatchObject({ points: 4, stale: true });
    expect(view.leaves.map((l) => [l.code, l.needsRescore])).toEqual([
      ['1.1', false],
      ['1.2', false],
      ['2.1', true],
      ['2.2', false],
      ['3', false],
    ]);

    const closing = await expectAppError(
      completeAppraisal(later, sheet.id, { version: again.version }),
      'VALIDATION_FAILED',
    );
    expect(closing.details?.fields?.map((f) => f.field)).toEqual(['2.1']);
    const asking = await expectAppError(
      requestExplanation(later, sheet.id, { version: again.version, reason: 'Làm rõ' }),
      'VALIDATION_FAILED',
    );
    expect(asking.details?.fields?.map((f) => f.field)).toEqual(['2.1']);
    // Accepting the self-scores leaves it to the appraisers: the old score is not overwritten.
    const accepted = await acceptSelfScores(later, sheet.id, { version: again.version });
    expect(accepted.accepted).toBe(0);
    expect(accepted.leaves.find((l) => l.nodeId === 'l21')?.needsRescore).toBe(true);

    // Scored again after the new submission: counts, and round 1 closes.
    await saveAppraisalEntry(later, sheet.id, 'l21', {
      round: 1,
      input: { points: 3 },
      version: old21.version,
    });
    const rescored = await sideBySide(later, sheet.id);
    expect(rescored.leaves.find((l) => l.nodeId === 'l21')).toMatchObject({
      appraisal1: { points: 3, stale: false },
      needsRescore: false,
    });
    const done = await completeAppraisal(later, sheet.id, { version: again.version });
    expect(done.status).toBe('appraised');
    // 4 + 2 + 3 (+ no survey) = 9 / 20.
    expect(done.totals.final.total).toBe(9);
  });
});
