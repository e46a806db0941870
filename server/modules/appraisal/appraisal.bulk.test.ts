import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { buildTestApp, loginCookie } from '../../test/http';
import { entityHistory } from '../audit/index';
import { openSheet, saveSelfEntry, submitSheet } from '../assessment/index';
import { T, expectAppError, world } from '../../test/evaluation';
import { completeAppraisal, requestExplanation, saveAppraisalEntry } from './appraisal.service';
import { sideBySide } from './appraisal.compare';
import { acceptSelfScores } from './appraisal.bulk';
import { updateResultsState } from '../assessment/index';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

/** A submitted sheet: self 1.1 = 4, 1.2 = 4 (95 %), 2.1 = 4.5; bonus 3 when given. */
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
  return { w, id: sent.id, version: sent.version };
}

const leaf = (view: Awaited<ReturnType<typeof sideBySide>>, code: string) =>
  view.leaves.find((l) => l.code === code);

describe('accepting the self-scores in round 1', () => {
  it('copies the self figures and points of the leaves not yet appraised, once', async () => {
    const { w, id, version } = await submitted(1);
    const c = w.as('council');
    await saveAppraisalEntry(c, id, 'l12', {
      round: 1,
      input: { percent: 85 },
      note: 'Chỉ 85 % hồ sơ đúng hạn',
    });
    const view = await acceptSelfScores(c, id, { version });
    expect(view.accepted).toBe(3);
    expect(view.version).toBe(version + 1);
    expect(leaf(view, '1.1')?.appraisal1).toMatchObject({
      points: 4,
      input: { met: true },
      note: null,
      scoredByName: w.users.council.actor.displayName,
    });
    expect(leaf(view, '2.1')?.appraisal1).toMatchObject({ points: 4.5, input: { points: 4.5 } });
    expect(leaf(view, '3')?.appraisal1).toMatchObject({ points: 1 });
    // The appraiser's own score stays; survey leaves are never appraised.
    expect(leaf(view, '1.2')?.appraisal1).toMatchObject({
      points: 2,
      note: 'Chỉ 85 % hồ sơ đúng hạn',
    });
    expect(leaf(view, '2.2')?.appraisal1).toBeNull();
    expect(view.totals.appraisal1.total).toBe(11.5);

    const history = await entityHistory(w.sys, 'score_sheet', id, {});
    const event = history.items.find((e) => e.action === 'score_sheet.appraisal_self_accepted');
    expect(event?.after).toMatchObject({
      stage: 'appraisal1',
      leaves: [
        { nodeId: 'l11', code: '1.1', points: 4 },
        { nodeId: 'l21', code: '2.1', points: 4.5 },
        { nodeId: 'b3', code: '3', points: 1 },
      ],
    });
    // Nothing left: no write, no new version; round 1 is complete.
    const again = await acceptSelfScores(c, id, { version: view.version });
    expect(again).toMatchObject({ accepted: 0, version: view.version });
    const done = await completeAppraisal(c, id, { version: view.version });
    expect(done.status).toBe('appraised');
  });

  it('needs no entry for an adjustment leaf without a claim', async () => {
    const { w, id, version } = await submitted();
    const view = await acceptSelfScores(w.as('officer'), id, { version });
    expect(view.accepted).toBe(3);
    expect(leaf(view, '3')?.appraisal1).toBeNull();
    expect(view.totals.appraisal1.total).toBe(12.5);
  });

  it('refuses non-appraisers, other rounds, stale versions and published results', async () => {
    const { w, id, version } = await submitted();
    await expectAppError(acceptSelfScores(w.as('head'), id, { version }), 'FORBIDDEN');
    await expectAppError(acceptSelfScores(w.as('otherOfficer'), id, { version }), 'NOT_FOUND');
    await expectAppError(acceptSelfScores(w.as('council'), id, {}), 'VALIDATION_FAILED', 'version');
    await expectAppError(
      acceptSelfScores(w.as('council'), id, { version: version - 1 }),
      'CONFLICT',
    );
    const unchanged = await sideBySide(w.as('council'), id);
    expect(unchanged.leaves.every((l) => l.appraisal1 === null)).toBe(true);

    await updateResultsState(t.db, w.plan.id, 'published', {}, new Date());
    const published = await expectAppError(
      acceptSelfScores(w.as('council'), id, { version }),
      'INVALID_STATE',
    );
    expect(published.message).toContain('đã công bố');
    await updateResultsState(t.db, w.plan.id, 'none', {}, new Date());

    const accepted = await acceptSelfScores(w.as('council'), id, { version });
    const asked = await requestExplanation(w.as('council'), id, {
      version: accepted.version,
      reason: 'Làm rõ số liệu',
      nodeIds: ['l21'],
    });
    const round2 = await expectAppError(
      acceptSelfScores(w.as('council'), id, { version: asked.version }),
      'INVALID_STATE',
    );
    expect(round2.message).toContain('lần 1');

    const draft = await world(t);
    const open = await openSheet(draft.as('head'), draft.reg.id);
    await expectAppError(
      acceptSelfScores(draft.as('council'), open.id, { version: open.version }),
      'INVALID_STATE',
    );
  });
});

describe('POST /api/score-sheets/:id/appraisal/accept-self', () => {
  it('accepts for an appraiser, 403 for the unit, 400 for a bad body', async () => {
    const app = await buildTestApp(t, { now: () => new Date(T.onTime) });
    try {
      const { w, id, version } = await submitted();
      const url = `/api/score-sheets/${id}/appraisal/accept-self`;
      const as = async (who: 'head' | 'council') =>
        loginCookie(app, w.users[who].username, w.users[who].password);
      const unit = await app.inject({
        method: 'POST',
        url,
        payload: { version },
        headers: { cookie: await as('head') },
      });
      expect(unit.statusCode).toBe(403);
      const council = await as('council');
      const bad = await app.inject({
        method: 'POST',
        url,
        payload: { version: 'mới nhất' },
        headers: { cookie: council },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().details.fields[0]).toMatchObject({ field: 'version' });
      const ok = await app.inject({
        method: 'POST',
        url,
        payload: { version },
        headers: { cookie: council },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ accepted: 3, version: version + 1, status: 'submitted' });
      const stale = await app.inject({
        method: 'POST',
        url,
        payload: { version },
        headers: { cookie: council },
      });
      expect(stale.statusCode).toBe(409);
    } finally {
      await app.close();
    }
  });
});
