import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { makeTree, makeUser, testCtx } from '../../test/factories';
import { buildTestApp, loginCookie } from '../../test/http';
import { samplePlanInput } from '../../test/plans';
import { createPlan, getVisiblePlan } from '../campaigns/index';
import { entityHistory } from '../audit/index';
import { T, at, expectAppError, world } from '../../test/evaluation';
import {
  assertResultsOpen,
  bindPlanCriteria,
  getPlanEvaluation,
  getPlanEvaluationAndResults,
  getResultsState,
  noPlanEvaluation,
} from '../assessment/index';
import { computeResults, publishResults, reopenResults } from './results.service';

/**
 * The plan's evaluation settings and results state live in evaluation's own tables
 * (`plan_evaluation`, `results_state`, migration 0017); campaigns shows them with the plan
 * through `PlanContributions` without importing evaluation.
 */

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

describe('plan evaluation settings', () => {
  it('are the defaults for a new plan, and every plan response carries them', async () => {
    const sys = testCtx(t, undefined, at(T.issued));
    const units = await makeTree(sys);
    const officer = await makeUser(sys, 'emulation_officer', units.province.id);
    const draft = await createPlan(
      testCtx(t, officer.actor, at(T.issued)),
      samplePlanInput(units.province.id),
    );
    expect(await getPlanEvaluation(t.db, draft.id)).toEqual(noPlanEvaluation);
    expect(await getResultsState(t.db, draft.id)).toEqual({
      resultsStatus: 'none',
      resultsComputedAt: null,
      resultsPublishedAt: null,
    });
    // The dashboard's one-round-trip read gives the same defaults.
    expect(await getPlanEvaluationAndResults(t.db, draft.id)).toEqual({
      settings: noPlanEvaluation,
      results: { resultsStatus: 'none', resultsComputedAt: null, resultsPublishedAt: null },
    });
    // The plan page tells "not set" (null) from "the server did not say" (absent).
    const app = await buildTestApp(t);
    try {
      const headers = { cookie: await loginCookie(app, officer.username, officer.password) };
      const got = await app.inject({ method: 'GET', url: `/api/plans/${draft.id}`, headers });
      expect(got.statusCode).toBe(200);
      expect(got.json()).toMatchObject({ ...noPlanEvaluation, id: draft.id });
      const patched = await app.inject({
        method: 'PATCH',
        url: `/api/plans/${draft.id}`,
        headers,
        payload: { version: draft.version, title: 'Kế hoạch đổi tên' },
      });
      expect(patched.statusCode).toBe(200);
      expect(patched.json()).toMatchObject({ ...noPlanEvaluation, title: 'Kế hoạch đổi tên' });
    } finally {
      await app.close();
    }
  });

  it('are written to plan_evaluation, bump the plan version and are audited on the plan', async () => {
    const w = await world(t);
    const before = await getVisiblePlan(w.sys, t.db, w.plan.id);
    const saved = await bindPlanCriteria(w.as('officer'), w.plan.id, {
      version: before.version,
      criteriaVersionId: null,
      bands: [
        { key: 'dat', label: 'Đạt', minPercent: 0 },
        { key: 'gioi', label: 'Giỏi', minPercent: 80 },
      ],
      assessmentDeadline: '2020-12-20',
      tieBreak: ['missing'],
      qualifyingBandKeys: ['gioi'],
    });
    const settings = {
      criteriaVersionId: null,
      bands: [
        { key: 'gioi', label: 'Giỏi', minPercent: 80 },
        { key: 'dat', label: 'Đạt', minPercent: 0 },
      ],
      assessmentDeadline: '2020-12-20',
      tieBreak: ['missing'],
      qualifyingBandKeys: ['gioi'],
    };
    expect(saved).toEqual({ planId: w.plan.id, ...settings, version: before.version + 1 });
    expect(await getPlanEvaluation(t.db, w.plan.id)).toEqual(settings);
    expect((await getVisiblePlan(w.sys, t.db, w.plan.id)).version).toBe(before.version + 1);
    const row = await t.db
      .selectFrom('planEvaluation')
      .select(['updatedBy', 'updatedAt'])
      .where('planId', '=', w.plan.id)
      .executeTakeFirstOrThrow();
    expect(row.updatedBy).toBe(w.users.officer.actor.userId);
    expect(row.updatedAt).toEqual(new Date(T.onTime));
    const history = await entityHistory(w.as('officer'), 'campaign_plan', w.plan.id, {});
    const set = history.items.find((e) => e.action === 'plan.evaluation_set');
    expect(set?.after).toMatchObject(settings);
    expect(set?.before).toMatchObject({ assessmentDeadline: '2020-12-15', bands: null });

    // A stale version is refused and changes nothing.
    await expectAppError(
      bindPlanCriteria(w.as('officer'), w.plan.id, { ...settings, version: before.version }),
      'CONFLICT',
    );
    expect(await getPlanEvaluation(t.db, w.plan.id)).toEqual(settings);
  });
});

describe('results state', () => {
  it('moves none → computed → published → computed with its times', async () => {
    const w = await world(t);
    expect((await getResultsState(t.db, w.plan.id)).resultsStatus).toBe('none');
    await computeResults(w.as('officer', T.justLate), w.plan.id);
    expect(await getResultsState(t.db, w.plan.id)).toEqual({
      resultsStatus: 'computed',
      resultsComputedAt: new Date(T.justLate),
      resultsPublishedAt: null,
    });
    await publishResults(w.as('issuerHead', T.justLate), w.plan.id);
    expect(await getResultsState(t.db, w.plan.id)).toMatchObject({
      resultsStatus: 'published',
      resultsPublishedAt: new Date(T.justLate),
    });
    // One round trip: the same state, and the settings getPlanEvaluation reads.
    expect(await getPlanEvaluationAndResults(t.db, w.plan.id)).toEqual({
      settings: await getPlanEvaluation(t.db, w.plan.id),
      results: await getResultsState(t.db, w.plan.id),
    });
    await reopenResults(w.as('council'), w.plan.id, { reason: 'Sai điểm' });
    expect(await getResultsState(t.db, w.plan.id)).toMatchObject({
      resultsStatus: 'computed',
      resultsComputedAt: new Date(T.justLate),
      resultsPublishedAt: null,
    });
  });

  it('holds a writer and a publication apart even before the results were ever computed', async () => {
    const w = await world(t);
    // A plan whose results state has no row yet (e.g. no criteria were ever bound).
    await t.db.deleteFrom('resultsState').where('planId', '=', w.plan.id).execute();
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    let locked = () => {};
    const isLocked = new Promise<void>((r) => (locked = r));
    // A writer checks the lock (which creates the row) and keeps its transaction open …
    const writer = t.db.transaction().execute(async (trx) => {
      await assertResultsOpen(trx, w.plan.id);
      locked();
      await held;
    });
    await isLocked;
    // … so a publication cannot take the row FOR UPDATE until the writer commits.
    await expect(
      t.db.transaction().execute(async (trx) => {
        await sql`SET LOCAL lock_timeout = '300ms'`.execute(trx);
        await getResultsState(trx, w.plan.id, 'update');
      }),
    ).rejects.toThrow(/lock timeout/);
    release();
    await writer;
    expect((await getResultsState(t.db, w.plan.id, 'update')).resultsStatus).toBe('none');
  });
});
