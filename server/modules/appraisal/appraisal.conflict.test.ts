import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { makeUser, testCtx } from '../../test/factories';
import {
  listScoreSheets,
  openSheet,
  saveSelfEntry,
  submitSheet,
  uploadEvidence,
} from '../assessment/index';
import { T, at, expectAppError, files, world } from '../../test/evaluation';
import { completeAppraisal, requestExplanation, saveAppraisalEntry } from './appraisal.service';
import { acceptSelfScores } from './appraisal.bulk';
import { sideBySide } from './appraisal.compare';

/**
 * Nobody appraises their own work. An officer of the issuing unit is an appraiser of its plan and
 * also acts for every unit below it (registration.submit covers the subtree): the district's
 * emulation officer fills in the district's own one-stop section's sheet. Whoever scored,
 * explained, attached evidence to or submitted a sheet for the unit may not appraise that sheet;
 * the council and the other officers do.
 */

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

describe('an appraiser who acted for the unit', () => {
  it('may not appraise that sheet; other appraisers may', async () => {
    const w = await world(t);
    // The issuer's officer fills in and submits the unit's sheet on its behalf.
    const officer = w.as('officer');
    const sheet = await openSheet(officer, w.reg.id);
    await saveSelfEntry(officer, sheet.id, 'l11', { input: { met: true }, note: 'KH 12' });
    await saveSelfEntry(officer, sheet.id, 'l12', { input: { percent: 95 } });
    await saveSelfEntry(officer, sheet.id, 'l21', { input: { points: 4 }, note: 'Tin bài' });
    const sent = await submitSheet(officer, sheet.id, { version: sheet.version });

    const view = await sideBySide(officer, sheet.id);
    expect(view.permissions).toMatchObject({
      round: 1,
      canScore: false,
      canRequestExplanation: false,
      canComplete: false,
    });
    const refused = await expectAppError(
      saveAppraisalEntry(officer, sheet.id, 'l11', { round: 1, input: { met: true } }),
      'FORBIDDEN',
    );
    expect(refused.message).toContain('tự thẩm định');
    await expectAppError(
      acceptSelfScores(officer, sheet.id, { version: sent.version }),
      'FORBIDDEN',
    );
    await expectAppError(
      requestExplanation(officer, sheet.id, { version: sent.version, reason: 'Làm rõ' }),
      'FORBIDDEN',
    );
    await expectAppError(
      completeAppraisal(officer, sheet.id, { version: sent.version }),
      'FORBIDDEN',
    );
    // Not in the officer's "waiting for me" list; still readable in the full list.
    expect((await listScoreSheets(officer, {})).total).toBe(0);
    expect((await listScoreSheets(officer, { todo: 'all' })).items[0]).toMatchObject({
      id: sheet.id,
      waitingForMe: false,
    });

    // A second officer of the issuer, who did nothing for the unit, appraises it.
    const other = await makeUser(w.sys, 'emulation_officer', w.units.province.id);
    const otherCtx = testCtx(t, other.actor, at(T.onTime));
    expect((await sideBySide(otherCtx, sheet.id)).permissions).toMatchObject({ canScore: true });
    expect((await listScoreSheets(otherCtx, {})).items.map((i) => i.id)).toEqual([sheet.id]);
    const accepted = await acceptSelfScores(otherCtx, sheet.id, { version: sent.version });
    expect(accepted.accepted).toBe(3);
    expect((await completeAppraisal(otherCtx, sheet.id, accepted)).status).toBe('appraised');
  });

  it('counts attaching evidence as acting for the unit', async () => {
    const w = await world(t);
    const sheet = await openSheet(w.as('head'), w.reg.id);
    await saveSelfEntry(w.as('head'), sheet.id, 'l11', { input: { met: true } });
    await saveSelfEntry(w.as('head'), sheet.id, 'l12', { input: { percent: 95 } });
    await saveSelfEntry(w.as('head'), sheet.id, 'l21', { input: { points: 4 }, note: 'Tin bài' });
    await uploadEvidence(w.as('officer'), sheet.id, {
      nodeId: 'l11',
      fileName: 'ke-hoach.pdf',
      data: files.pdf,
    });
    await submitSheet(w.as('head'), sheet.id, { version: sheet.version });
    await expectAppError(
      saveAppraisalEntry(w.as('officer'), sheet.id, 'l11', { round: 1, input: { met: true } }),
      'FORBIDDEN',
    );
    const council = await saveAppraisalEntry(w.as('council'), sheet.id, 'l11', {
      round: 1,
      input: { met: true },
    });
    expect(council.points).toBe(4);
  });
});
