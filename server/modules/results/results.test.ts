import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, type TestDb } from '../../test/db';
import { testCtx } from '../../test/factories';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../../test/http';
import { expectAppError, scoreAndSubmit, secondUnit, world } from '../../test/evaluation';
import { bindPlanCriteria, getSheet } from '../assessment/index';
import { listQualifyingUnits } from './commendation';
import { computeResults, listResults, publishResults, reopenResults } from './results.service';

let t: TestDb;
let app: FastifyInstance;
beforeAll(async () => {
  t = await createTestDb();
  app = await buildTestApp(t);
});
afterAll(async () => {
  await app.close();
  await t.close();
});

/** The plan as the portal gets it (anonymous): evaluation adds `resultsPublished` to it. */
async function publicPlan(planId: number) {
  const res = await app.inject({ method: 'GET', url: `/api/public/plans/${planId}` });
  expect(res.statusCode).toBe(200);
  return res.json<{ resultsPublished: boolean; assessmentDeadline: string | null }>();
}

describe('results', () => {
  it('computes totals from the latest stage, classifies by the bands, ranks, publishes and reopens', async () => {
    const w = await world(t);
    const other = await secondUnit(t, w);
    await scoreAndSubmit(w, w.as('head'), w.reg.id, { percent: 99, manual: 5 }); // 4 + 6 + 5 = 15 / 20
    const otherSheet = await scoreAndSubmit(w, other.ctx, other.reg.id, { percent: 85, manual: 5 }); // 4 + 2 + 5 = 11
    // An appraisal score overrides the unit's own for that leaf.
    await sql`INSERT INTO score_entry (sheet_id, node_id, stage, input, points, scored_at)
      VALUES (${otherSheet}, 'l21', 'appraisal1', '{}'::jsonb, 3, now())`.execute(t.db);
    // A unit's explanation of a leaf carries no points and must not hide its score.
    await sql`INSERT INTO score_entry (sheet_id, node_id, stage, input, points, note, scored_at)
      VALUES (${otherSheet}, 'l12', 'explanation', '{}'::jsonb, NULL, 'Giải trình', now())`.execute(
      t.db,
    );

    await expectAppError(computeResults(w.as('head'), w.plan.id), 'FORBIDDEN');
    const computed = await computeResults(w.as('officer'), w.plan.id);
    expect(computed.units).toBe(2);
    const table = await listResults(w.as('officer'), w.plan.id, {});
    expect(table.status).toBe('computed');
    expect(table.items.map((r) => [r.unitName, r.total, r.percent, r.bandLabel, r.rank])).toEqual([
      ['Bộ phận một cửa', 15, 75, 'Khá', 1],
      ['Bộ phận một cửa Ngọc Liên', 9, 45, 'Yếu', 2],
    ]);
    expect(computed.counts).toMatchObject({ kha: 1, yeu: 1, xuat_sac: 0 });
    // Each unit carries where it sits below the issuer: one-stop units share their name.
    expect(table.items.map((r) => r.unitPath)).toEqual([['Xã Lương Điền'], ['Xã Ngọc Liên']]);

    // Not public before publication; the head of the issuing unit publishes; then it is locked.
    // The public plan says so, and the portal asks for the ranking only once it is published.
    const citizen = testCtx(t, { kind: 'public' });
    await expectAppError(listResults(citizen, w.plan.id, {}), 'NOT_FOUND');
    expect(await publicPlan(w.plan.id)).toMatchObject({
      resultsPublished: false,
      assessmentDeadline: '2020-12-15',
    });
    await expectAppError(publishResults(w.as('officer'), w.plan.id), 'FORBIDDEN');
    expect(await publishResults(w.as('issuerHead'), w.plan.id)).toEqual({ status: 'published' });
    expect((await publicPlan(w.plan.id)).resultsPublished).toBe(true);
    const published = await listResults(citizen, w.plan.id, {});
    expect(published.items).toHaveLength(2);
    await expectAppError(computeResults(w.as('officer'), w.plan.id), 'INVALID_STATE');
    await expectAppError(
      reopenResults(w.as('officer'), w.plan.id, { reason: 'Sai điểm' }),
      'FORBIDDEN',
    );
    await expectAppError(reopenResults(w.as('council'), w.plan.id, {}), 'VALIDATION_FAILED');
    expect(
      await reopenResults(w.as('council'), w.plan.id, { reason: 'Khiếu nại về điểm khảo sát' }),
    ).toEqual({ status: 'computed' });
    const audit = await sql<{
      action: string;
    }>`SELECT action FROM audit_event WHERE entity_type = 'campaign_plan'
      AND entity_id = ${String(w.plan.id)} AND action LIKE 'results.%' ORDER BY id`.execute(t.db);
    expect(audit.rows.map((r) => r.action)).toEqual([
      'results.computed',
      'results.published',
      'results.reopened',
    ]);
  });

  it('lists the qualifying units of published results for commendation, in rank order', async () => {
    const w = await world(t);
    const other = await secondUnit(t, w);
    const sheetId = await scoreAndSubmit(w, w.as('head'), w.reg.id, { percent: 99, manual: 5 }); // 15 / 20 = 75 % Khá
    await scoreAndSubmit(w, other.ctx, other.reg.id, { percent: 85, manual: 3 }); // 4 + 2 + 3 = 9 = 45 % Yếu
    const { criteriaVersionId } = await getSheet(w.as('officer'), sheetId);
    await bindPlanCriteria(w.as('officer'), w.plan.id, {
      version: w.plan.version,
      criteriaVersionId,
      qualifyingBandKeys: ['xuat_sac', 'tot', 'kha'],
    });
    await computeResults(w.as('officer'), w.plan.id);
    // Computed but not published: nothing to commend yet.
    await expectAppError(listQualifyingUnits(w.as('officer'), w.plan.id), 'INVALID_STATE');
    await publishResults(w.as('issuerHead'), w.plan.id);
    expect(await listQualifyingUnits(w.as('officer'), w.plan.id)).toEqual([
      {
        unitId: w.units.oneStop.id,
        unitName: 'Bộ phận một cửa',
        score: 15,
        percent: 75,
        band: 'kha',
        bandLabel: 'Khá',
        rank: 1,
      },
    ]);
    // Readable only by those who see the plan.
    const stranger = testCtx(t, { kind: 'public' });
    await expectAppError(listQualifyingUnits(stranger, 987_654), 'NOT_FOUND');
  });
});
