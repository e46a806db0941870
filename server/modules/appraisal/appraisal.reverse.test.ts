import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { makeUser, testCtx } from '../../test/factories';
import type { FileStorage } from '../../platform/storage';
import {
  getSheet,
  listScoreSheets,
  openSheet,
  removeEvidence,
  saveSelfEntry,
  submitSheet,
  uploadEvidence,
} from '../assessment/index';
import { T, at, expectAppError, files, world, type World } from '../../test/evaluation';
import {
  answerExplanation,
  requestExplanation,
  saveAppraisalEntry,
  submitExplanation,
} from './appraisal.service';
import { sideBySide } from './appraisal.compare';
import { ACTED_FOR_UNIT_REASON, APPRAISED_SHEET_REASON } from './appraisal.policy';

/**
 * The conflict rules both ways, and the reason the view gives. Whoever filled a sheet in for the
 * unit does not appraise it (`blockedReason` says so); whoever appraised it — scored round 1 or 2
 * or asked for the explanation — does not answer, add evidence to or send the explanation for the
 * unit. An officer of the issuing unit holds both roles over the units below it.
 */

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

const ROUND1 = '2020-08-01T02:00:00Z';
const EXPLAIN = '2020-08-02T02:00:00Z';

/** The unit's head fills in and submits the sheet (one file on 1.1). */
async function submitted(w: World) {
  const head = w.as('head');
  const sheet = await openSheet(head, w.reg.id);
  await saveSelfEntry(head, sheet.id, 'l11', { input: { met: true } });
  await saveSelfEntry(head, sheet.id, 'l12', { input: { percent: 95 } });
  await saveSelfEntry(head, sheet.id, 'l21', { input: { points: 4 }, note: 'Tin bài' });
  await uploadEvidence(head, sheet.id, { nodeId: 'l11', fileName: 'kh.pdf', data: files.pdf });
  return submitSheet(head, sheet.id, { version: sheet.version });
}

/** A storage that records what was stored. */
function recording(inner: FileStorage) {
  const puts: string[] = [];
  const storage: FileStorage = {
    put: async (data, hint) => {
      const r = await inner.put(data, hint);
      puts.push(r.key);
      return r;
    },
    get: (key) => inner.get(key),
    remove: (key) => inner.remove(key),
  };
  return { puts, storage };
}

describe('why an appraiser cannot appraise', () => {
  it('tells the appraiser who filled the sheet in for the unit; nobody else', async () => {
    const w = await world(t);
    const officer = w.as('officer');
    const sheet = await openSheet(officer, w.reg.id);
    await saveSelfEntry(officer, sheet.id, 'l11', { input: { met: true }, note: 'KH 12' });
    await saveSelfEntry(officer, sheet.id, 'l12', { input: { percent: 95 } });
    await saveSelfEntry(officer, sheet.id, 'l21', { input: { points: 4 }, note: 'Tin bài' });
    await submitSheet(officer, sheet.id, { version: sheet.version });

    const mine = await sideBySide(officer, sheet.id);
    expect(mine.permissions).toMatchObject({
      round: 1,
      canScore: false,
      canComplete: false,
      blockedReason: ACTED_FOR_UNIT_REASON,
    });
    expect(mine.permissions.blockedReason).toContain('thay đơn vị');
    // The council may appraise: no reason. The unit's head is no appraiser: no reason either.
    expect((await sideBySide(w.as('council'), sheet.id)).permissions).toMatchObject({
      canScore: true,
      blockedReason: null,
    });
    expect((await sideBySide(w.as('head'), sheet.id)).permissions.blockedReason).toBeNull();
  });
});

describe('an appraiser does not explain for the unit', () => {
  it('refuses answering, evidence and sending to whoever scored round 1 or asked', async () => {
    const w = await world(t);
    const sent = await submitted(w);
    // The issuer's officer scores one leaf of round 1; the council the others.
    const officer = w.as('officer', ROUND1);
    const council = w.as('council', ROUND1);
    await saveAppraisalEntry(officer, sent.id, 'l11', { round: 1, input: { met: true } });
    await saveAppraisalEntry(council, sent.id, 'l12', {
      round: 1,
      input: { percent: 85 },
      note: '85 %',
    });
    await saveAppraisalEntry(council, sent.id, 'l21', { round: 1, input: { points: 4 } });
    // A second officer, who scored nothing, asks for the explanation.
    const asker = await makeUser(w.sys, 'emulation_officer', w.units.province.id);
    const askerCtx = testCtx(t, asker.actor, at(ROUND1));
    const asked = await requestExplanation(askerCtx, sent.id, {
      version: sent.version,
      reason: 'Làm rõ tỷ lệ đúng hạn',
      nodeIds: ['l12'],
    });

    const blocked = [w.as('officer', EXPLAIN), testCtx(t, asker.actor, at(EXPLAIN))];
    for (const ctx of blocked) {
      expect((await sideBySide(ctx, sent.id)).permissions).toMatchObject({
        canAnswer: false,
        canSubmitExplanation: false,
        blockedReason: APPRAISED_SHEET_REASON,
      });
      const e = await expectAppError(
        answerExplanation(ctx, sent.id, 'l12', { note: 'Số liệu hệ thống' }),
        'FORBIDDEN',
      );
      expect(e.message).toBe(APPRAISED_SHEET_REASON);
      await expectAppError(
        submitExplanation(ctx, sent.id, { version: asked.version }),
        'FORBIDDEN',
      );
      // Refused before any byte is stored.
      const rec = recording(t.storage);
      const e2 = await expectAppError(
        uploadEvidence({ ...ctx, storage: rec.storage }, sent.id, {
          nodeId: 'l12',
          fileName: 'so-lieu.pdf',
          data: files.pdf,
        }),
        'FORBIDDEN',
      );
      expect(e2.message).toBe(APPRAISED_SHEET_REASON);
      expect(rec.puts).toEqual([]);
      // The sheet page offers no upload, and the work list does not say it is their move.
      expect((await getSheet(ctx, sent.id)).permissions.canAddEvidence).toBe(false);
      const waiting = await listScoreSheets(ctx, { todo: 'mine' });
      expect(waiting.items.map((i) => i.id)).not.toContain(sent.id);
    }
    // The unit's head is offered both.
    expect((await getSheet(w.as('head', EXPLAIN), sent.id)).permissions.canAddEvidence).toBe(true);
    const headList = await listScoreSheets(w.as('head', EXPLAIN), { todo: 'mine' });
    expect(headList.items.map((i) => i.id)).toContain(sent.id);

    // The unit's head explains; the officers cannot take the round's file back either.
    const head = w.as('head', EXPLAIN);
    expect((await sideBySide(head, sent.id)).permissions).toMatchObject({
      canAnswer: true,
      canSubmitExplanation: true,
      blockedReason: null,
    });
    const file = await uploadEvidence(head, sent.id, {
      nodeId: 'l12',
      fileName: 'so-lieu.pdf',
      data: files.pdf,
    });
    await expectAppError(removeEvidence(w.as('officer', EXPLAIN), sent.id, file.id), 'FORBIDDEN');
    await answerExplanation(head, sent.id, 'l12', { note: 'Số liệu hệ thống một cửa' });
    const done = await submitExplanation(head, sent.id, { version: asked.version });
    expect(done.status).toBe('explained');
    // Once explained, the officer's side is appraising again: nothing to tell the officer then.
    expect((await sideBySide(w.as('officer', EXPLAIN), sent.id)).permissions).toMatchObject({
      round: 2,
      canScore: true,
      blockedReason: null,
    });
    expect((await getSheet(head, sent.id)).evidence.map((f) => f.fileName)).toEqual([
      'kh.pdf',
      'so-lieu.pdf',
    ]);
  });

  it('lets an officer who did not appraise explain for the unit', async () => {
    const w = await world(t);
    const sent = await submitted(w);
    const council = w.as('council', ROUND1);
    await saveAppraisalEntry(council, sent.id, 'l11', { round: 1, input: { met: true } });
    await saveAppraisalEntry(council, sent.id, 'l12', { round: 1, input: { percent: 95 } });
    await saveAppraisalEntry(council, sent.id, 'l21', {
      round: 1,
      input: { points: 3 },
      note: 'Thiếu tin bài',
    });
    const asked = await requestExplanation(council, sent.id, {
      version: sent.version,
      reason: 'Làm rõ',
    });
    const officer = testCtx(t, w.users.officer.actor, at(T.lastMinute));
    expect((await sideBySide(officer, sent.id)).permissions).toMatchObject({
      canAnswer: true,
      blockedReason: null,
    });
    await answerExplanation(officer, sent.id, 'l21', { note: 'Bổ sung 3 tin bài' });
    expect((await submitExplanation(officer, sent.id, { version: asked.version })).status).toBe(
      'explained',
    );
  });
});
