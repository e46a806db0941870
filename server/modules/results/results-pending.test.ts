import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { makeUser, testCtx } from '../../test/factories';
import { createUnit } from '../organization/index';
import { approveRegistration, registerForPlan } from '../registrations/index';
import { T, at, expectAppError, world, type World } from '../../test/evaluation';
import { openSheet, returnSheet, saveSelfEntry, submitSheet } from '../assessment/index';
import {
  acceptSelfScores,
  completeAppraisal,
  requestExplanation,
  saveAppraisalEntry,
} from '../appraisal/index';
import { computeResults, listResults, publishResults } from './results.service';
import { STALE_RESULTS } from './results-publish';

/**
 * Results may rank sheets that are not final: still being appraised (ranked on the self or
 * round-1 scores) or returned to the unit. The plan's viewers see how many and which; publishing
 * still works; the public sees neither.
 */

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

/** Another one-stop unit of the world, registered and approved; its head's context. */
async function unit(w: World, name: string) {
  const oneStop = await createUnit(w.sys, {
    parentId: w.units.otherCommune.id,
    name,
    kind: 'one_stop',
  });
  const head = await makeUser(w.sys, 'unit_head', oneStop.id);
  const ctx = testCtx(t, head.actor, at(T.onTime));
  const reg = await registerForPlan(ctx, w.plan.id, {
    kind: 'collective',
    unitId: oneStop.id,
    commitments: { targetTitle: null, targets: ['Đúng hạn'], keyTasks: [], breakthroughTasks: [] },
  });
  await approveRegistration(w.as('officer'), reg.id, { version: reg.version });
  return { ctx, regId: reg.id };
}

/** Scores 1.1, 1.2 and 2.1 and submits; returns the submitted sheet. */
async function submit(ctx: ReturnType<World['as']>, regId: number, percent: number) {
  const sheet = await openSheet(ctx, regId);
  await saveSelfEntry(ctx, sheet.id, 'l11', { input: { met: true }, note: 'KH 05' });
  await saveSelfEntry(ctx, sheet.id, 'l12', { input: { percent } });
  await saveSelfEntry(ctx, sheet.id, 'l21', { input: { points: 4 }, note: 'Tin bài' });
  const fresh = await openSheet(ctx, regId);
  return submitSheet(ctx, sheet.id, { version: fresh.version });
}

describe('results with unfinished sheets', () => {
  it('counts not-appraised and returned sheets, tags each row, and still publishes', async () => {
    const w = await world(t);
    const council = w.as('council');
    // Appraised: the council accepts the self-scores and closes.
    const done = await submit(w.as('head'), w.reg.id, 99);
    const accepted = await acceptSelfScores(council, done.id, { version: done.version });
    await completeAppraisal(council, done.id, { version: accepted.version });
    // Submitted, not appraised.
    const b = await unit(w, 'Một cửa B');
    const submitted = await submit(b.ctx, b.regId, 95);
    // Round 1 done, explanation asked: still not appraised.
    const c = await unit(w, 'Một cửa C');
    const explaining = await submit(c.ctx, c.regId, 85);
    const c1 = await acceptSelfScores(council, explaining.id, { version: explaining.version });
    await requestExplanation(council, explaining.id, { version: c1.version, reason: 'Làm rõ' });
    // Returned to the unit for correction.
    const d = await unit(w, 'Một cửa D');
    const returned = await submit(d.ctx, d.regId, 80);
    await returnSheet(w.as('officer'), returned.id, {
      version: returned.version,
      reason: 'Thiếu tài liệu',
    });

    expect((await computeResults(w.as('officer'), w.plan.id)).units).toBe(4);
    const table = await listResults(w.as('officer'), w.plan.id, {});
    expect(table.pending).toEqual({ notAppraised: 2, returned: 1 });
    // Who does what with them: the officer computes, the issuer's head publishes.
    expect(table.permissions).toEqual({ canCompute: true, canPublish: false, canReopen: false });
    expect((await listResults(w.as('issuerHead'), w.plan.id, {})).permissions).toEqual({
      canCompute: false,
      canPublish: true,
      canReopen: false,
    });
    expect((await listResults(w.as('council'), w.plan.id, {})).permissions).toEqual({
      canCompute: true,
      canPublish: false,
      canReopen: true,
    });
    const statusOf = new Map(table.items.map((r) => [r.sheetId, r.sheetStatus]));
    expect(Object.fromEntries(statusOf)).toEqual({
      [done.id]: 'appraised',
      [submitted.id]: 'submitted',
      [explaining.id]: 'explaining',
      [returned.id]: 'returned',
    });
    // The counts cover the whole results, whatever page or band is shown.
    const onePage = await listResults(w.as('officer'), w.plan.id, { page: 2, pageSize: 1 });
    expect(onePage.items).toHaveLength(1);
    expect(onePage.pending).toEqual({ notAppraised: 2, returned: 1 });
    const band = table.items[0]?.bandKey ?? '';
    const filtered = await listResults(w.as('officer'), w.plan.id, { bandKey: band });
    expect(filtered.pending).toEqual({ notAppraised: 2, returned: 1 });

    // Publishing is not refused for it.
    expect(await publishResults(w.as('issuerHead'), w.plan.id)).toEqual({ status: 'published' });
    const internal = await listResults(w.as('officer'), w.plan.id, {});
    expect(internal.pending).toEqual({ notAppraised: 2, returned: 1 });
    // The public ranking carries neither the counts nor the sheets' steps.
    const pub = await listResults(testCtx(t, { kind: 'public' }), w.plan.id, {});
    expect(pub.items).toHaveLength(4);
    expect(pub).not.toHaveProperty('pending');
    expect(pub).not.toHaveProperty('permissions');
    expect(pub.items.some((r) => 'sheetStatus' in r)).toBe(false);
  });

  it('counts nothing when every ranked sheet is appraised', async () => {
    const w = await world(t);
    const sheet = await submit(w.as('head'), w.reg.id, 99);
    const accepted = await acceptSelfScores(w.as('council'), sheet.id, { version: sheet.version });
    await completeAppraisal(w.as('council'), sheet.id, { version: accepted.version });
    await computeResults(w.as('officer'), w.plan.id);
    const table = await listResults(w.as('officer'), w.plan.id, {});
    expect(table.pending).toEqual({ notAppraised: 0, returned: 0 });
    expect(table.items.map((r) => r.sheetStatus)).toEqual(['appraised']);
  });

  it('refuses to publish stale results with a reason the web recognises', async () => {
    const w = await world(t);
    const sheet = await submit(w.as('head'), w.reg.id, 99);
    await computeResults(w.as('officer'), w.plan.id);
    await saveAppraisalEntry(w.as('council'), sheet.id, 'l21', {
      round: 1,
      input: { points: 2 },
      note: 'Chỉ có 4 tin bài',
    });
    const e = await expectAppError(publishResults(w.as('issuerHead'), w.plan.id), 'INVALID_STATE');
    expect(e.message).toContain('cần tính lại kết quả trước khi công bố');
    expect(e.details).toEqual({ reason: STALE_RESULTS });
    // Not yet computed at all: the other refusal carries no such reason.
    const w2 = await world(t);
    const other = await expectAppError(
      publishResults(w2.as('issuerHead'), w2.plan.id),
      'INVALID_STATE',
    );
    expect(other.details?.reason).toBeUndefined();
  });
});
