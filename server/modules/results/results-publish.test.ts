import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { expectAppError, world, type World } from '../../test/evaluation';
import {
  bindPlanCriteria,
  getPlanEvaluation,
  openSheet,
  saveSelfEntry,
  submitSheet,
} from '../assessment/index';
import { completeAppraisal, saveAppraisalEntry } from '../appraisal/index';
import { computeResults, listResults, publishResults, reopenResults } from './results.service';

/**
 * Publishing announces exactly what was computed: a score or setting that changed after the last
 * computation makes the results stale, and the head may not publish them until they are
 * recomputed.
 */

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

/** The unit scores 1.1 met (4), 1.2 at 99 % (6), 2.1 manual 5 and submits: 15 / 20 = 75 %. */
async function submitted(w: World) {
  const ctx = w.as('head');
  const sheet = await openSheet(ctx, w.reg.id);
  await saveSelfEntry(ctx, sheet.id, 'l11', { input: { met: true }, note: 'KH 05' });
  await saveSelfEntry(ctx, sheet.id, 'l12', { input: { percent: 99 } });
  await saveSelfEntry(ctx, sheet.id, 'l21', { input: { points: 5 }, note: 'Tin bài' });
  const fresh = await openSheet(ctx, w.reg.id);
  return submitSheet(ctx, sheet.id, { version: fresh.version });
}

const stale = async (w: World) => {
  const e = await expectAppError(publishResults(w.as('issuerHead'), w.plan.id), 'INVALID_STATE');
  expect(e.message).toContain('tính lại');
};

describe('publishing results', () => {
  it('refuses results made stale by a later appraisal until they are recomputed', async () => {
    const w = await world(t);
    const sheet = await submitted(w);
    await computeResults(w.as('officer'), w.plan.id);
    // The council appraises after the computation: 1.1 not met (0 points) → 11 / 20.
    const council = w.as('council');
    await saveAppraisalEntry(council, sheet.id, 'l11', {
      round: 1,
      input: { met: false },
      note: 'Không có kế hoạch',
    });
    await saveAppraisalEntry(council, sheet.id, 'l12', { round: 1, input: { percent: 99 } });
    await saveAppraisalEntry(council, sheet.id, 'l21', { round: 1, input: { points: 5 } });
    await completeAppraisal(council, sheet.id, { version: sheet.version });

    await stale(w);
    expect((await listResults(w.as('officer'), w.plan.id, {})).status).toBe('computed');
    await computeResults(w.as('officer'), w.plan.id);
    expect(await publishResults(w.as('issuerHead'), w.plan.id)).toEqual({ status: 'published' });
    const table = await listResults(w.as('officer'), w.plan.id, {});
    expect(table.items.map((r) => [r.total, r.percent])).toEqual([[11, 55]]);
  });

  it('refuses to publish again after a reopening changed a score, and after new bands', async () => {
    const w = await world(t);
    const sheet = await submitted(w);
    await computeResults(w.as('officer'), w.plan.id);
    await publishResults(w.as('issuerHead'), w.plan.id);
    await reopenResults(w.as('council'), w.plan.id, { reason: 'Phúc tra tiêu chí 2.1' });
    await saveAppraisalEntry(w.as('council'), sheet.id, 'l21', {
      round: 1,
      input: { points: 3 },
      note: 'Chỉ có 6 tin bài',
    });
    await stale(w);
    await computeResults(w.as('officer'), w.plan.id);

    // New bands after the computation change the classification: stale as well.
    const plan = await t.db
      .selectFrom('campaignPlan')
      .select('version')
      .where('id', '=', w.plan.id)
      .executeTakeFirstOrThrow()
      .then(async (p) => ({ ...p, ...(await getPlanEvaluation(t.db, w.plan.id)) }));
    await bindPlanCriteria(w.as('officer'), w.plan.id, {
      version: plan.version,
      criteriaVersionId: plan.criteriaVersionId,
      bands: [
        { key: 'dat', label: 'Đạt', minPercent: 50 },
        { key: 'khong_dat', label: 'Không đạt', minPercent: 0 },
      ],
    });
    await stale(w);
    await computeResults(w.as('officer'), w.plan.id);
    expect(await publishResults(w.as('issuerHead'), w.plan.id)).toEqual({ status: 'published' });
    const table = await listResults(w.as('officer'), w.plan.id, {});
    expect(table.items.map((r) => [r.total, r.bandLabel])).toEqual([[13, 'Đạt']]);
  });
});
