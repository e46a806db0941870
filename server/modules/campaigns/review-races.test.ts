import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, type TestDb } from '../../test/db';
import { makeTree, makeUser, testCtx } from '../../test/factories';
import { samplePlanInput } from '../../test/plans';
import { AppError } from '../../platform/errors';
import type { Executor } from '../../platform/db';
import { createPlan } from './plans.service';
import { issuePlan } from './issue-plan';
import { startChildPlan } from './cascade.service';
import * as q from './campaigns.queries';
import { takeNumber } from '../documents/index';

/** Review findings about concurrent requests: another transaction holds a lock meanwhile. */

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

/**
 * Runs `hold` in a transaction that stays open until `during` has either finished or is waiting
 * on a lock, then commits it and returns what `during` settled to.
 */
async function whileHeld(
  hold: (trx: Executor) => Promise<void>,
  during: () => Promise<unknown>,
): Promise<unknown> {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let held!: () => void;
  const ready = new Promise<void>((r) => (held = r));
  const holder = t.db.transaction().execute(async (trx) => {
    await hold(trx);
    held();
    await gate;
  });
  await ready;
  let settled = false;
  const result = during().then(
    (v) => v,
    (e: unknown) => e,
  );
  void result.finally(() => (settled = true));
  for (let i = 0; i < 200 && !settled; i++) {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock'`.execute(t.db);
    if ((rows[0]?.n ?? 0) > 0) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  release();
  await holder;
  return result;
}

async function setup() {
  const sys = testCtx(t);
  const tree = await makeTree(sys);
  const ctxOf = async (role: 'emulation_officer' | 'unit_head', unitId: number) =>
    testCtx(t, (await makeUser(sys, role, unitId)).actor);
  return {
    tree,
    officer: await ctxOf('emulation_officer', tree.commune.id),
    head: await ctxOf('unit_head', tree.commune.id),
    officeOfficer: await ctxOf('emulation_officer', tree.office.id),
  };
}

describe('review: races', () => {
  it('does not create a child plan of a parent cancelled at the same moment', async () => {
    const s = await setup();
    const d = await createPlan(
      s.officer,
      samplePlanInput(s.tree.commune.id, { cascadeUnitIds: [s.tree.office.id] }),
    );
    const parent = await issuePlan(s.head, d.id, { version: d.version });
    // The head's cancel (row locked FOR UPDATE, as cancelPlan does) commits while the child starts.
    const result = await whileHeld(
      async (trx) => {
        await q.getPlan(trx, parent.id, true);
        await sql`UPDATE campaign_plan SET status = 'cancelled', cancelled_reason = 'Hủy',
          version = version + 1 WHERE id = ${parent.id}`.execute(trx);
      },
      () => startChildPlan(s.officeOfficer, parent.id, { unitId: s.tree.office.id }),
    );
    expect(result).toBeInstanceOf(AppError);
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM campaign_plan
      WHERE parent_plan_id = ${parent.id}`.execute(t.db);
    expect(rows[0]?.n).toBe(0);
  });

  it('keeps numbers in date order when another issue of the series commits meanwhile', async () => {
    const s = await setup();
    const first = await createPlan(s.officer, samplePlanInput(s.tree.commune.id));
    const second = await createPlan(s.officer, samplePlanInput(s.tree.commune.id));
    // Another head issues `first` today (2026-11-22) and holds the series until it commits …
    const result = await whileHeld(
      async (trx) => {
        const key = { unitId: s.tree.commune.id, docType: 'KH', issuerSymbol: 'UBND', year: 2026 };
        const { number: n } = await takeNumber(
          s.head,
          trx,
          key,
          { kind: 'plan', id: first.id },
          { issuedOn: '2026-11-22' },
        );
        await sql`UPDATE campaign_plan SET status = 'in_progress', number = ${n}, number_year = 2026,
          document_number = ${`0${n}/KH-UBND`}, issued_on = '2026-11-22',
          period_start = '2026-11-22' WHERE id = ${first.id}`.execute(trx);
      },
      // … while `second` is issued back-dated to 2026-11-20: it would get the later number.
      () => issuePlan(s.head, second.id, { version: second.version, issuedOn: '2026-11-20' }),
    );
    expect(result).toBeInstanceOf(AppError);
    expect((result as AppError).details?.fields?.[0]?.field).toBe('issuedOn');
  });
});
