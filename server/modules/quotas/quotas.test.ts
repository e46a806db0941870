import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { createTestDb, type TestDb } from '../../test/db';
import { makePerson } from '../../test/factories';
import { buildTestApp, loginCookie } from '../../test/http';
import { expectAppError, scoreAndSubmit, secondUnit, world } from '../../test/evaluation';
import { bindPlanCriteria, getSheet } from '../assessment/index';
import { createUnit } from '../organization/index';
import { computeResults, publishResults } from '../results/index';
import { whatIfQuota } from './quotas.service';
import { claimQuota, listQuotaUse, releaseQuota } from './quota-use';

/**
 * The what-if on a real plan with published results (two one-stop units with equal scores: the
 * one with ≥ 70 % women goes first under Decree 152 Art. 4(6)), and the enforcement primitive
 * under two concurrent transactions.
 */

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

/** Both units score 15 / 20 (75 %, Khá, a qualifying band); the second is 3 women of 4. */
async function publishedTie() {
  const w = await world(t);
  const other = await secondUnit(t, w);
  const sheetId = await scoreAndSubmit(w, w.as('head'), w.reg.id, { percent: 99, manual: 5 });
  await scoreAndSubmit(w, other.ctx, other.reg.id, { percent: 99, manual: 5 });
  await makePerson(w.sys, w.units.oneStop.id, 'Trần Văn Hùng');
  await makePerson(w.sys, w.units.oneStop.id, 'Lê Thị Mai', { gender: 'female' });
  for (const name of ['Nguyễn Thị Lan', 'Phạm Thị Hoa', 'Đỗ Thị Hạnh'])
    await makePerson(w.sys, other.unit.id, name, { gender: 'female' });
  await makePerson(w.sys, other.unit.id, 'Vũ Văn Nam');
  const { criteriaVersionId } = await getSheet(w.as('officer'), sheetId);
  await bindPlanCriteria(w.as('officer'), w.plan.id, {
    version: w.plan.version,
    criteriaVersionId,
    qualifyingBandKeys: ['xuat_sac', 'tot', 'kha'],
  });
  await computeResults(w.as('officer'), w.plan.id);
  return { w, other };
}

describe('quota what-if', () => {
  it('explains who is in and out, with the Art. 4(6) tie-break, and saves nothing', async () => {
    const { w, other } = await publishedTie();
    const body = { override: { subject: 'collective', maxCount: 1 } };
    // Not before the results are published.
    await expectAppError(whatIfQuota(w.as('officer'), w.plan.id, body), 'INVALID_STATE');
    await publishResults(w.as('issuerHead'), w.plan.id);

    const one = await whatIfQuota(w.as('officer'), w.plan.id, body);
    expect(one).toMatchObject({ base: 2, cap: 1, selected: 1, tie: null });
    expect(one.rows.map((r) => [r.key, r.status, r.priority])).toEqual([
      [`unit:${other.unit.id}`, 'in', true],
      [`unit:${w.units.oneStop.id}`, 'out', false],
    ]);
    expect(one.rows[0]?.explanation).toBe(
      'Xếp thứ 1/2, trong hạn mức 1 (số lượng tối đa); bằng điểm với Bộ phận một cửa; ưu tiên tập thể có từ 70% nữ trở lên theo Điều 4 khoản 6 Nghị định 152/2025/NĐ-CP',
    );
    expect(one.rows[1]?.band).toBe('Khá');

    // The plan's own quota: Giấy khen for at most 20 % of collectives → 20 % of 2 = 0.4 → 0.
    const quotaId = one.planQuotas[0]?.id ?? null;
    const plan20 = await whatIfQuota(w.as('issuerHead'), w.plan.id, { quotaId });
    expect(plan20).toMatchObject({ cap: 0, selected: 0, capReason: '0 (20% của 2)' });
    expect(plan20.quota).toMatchObject({ quotaId, subject: 'collective', maxPercent: 20 });
    expect(plan20.rows.every((r) => r.status === 'out')).toBe(true);
    // Overridden to 50 % with rounding up: 1 seat; and to 2 seats: both in.
    const half = await whatIfQuota(w.as('officer'), w.plan.id, {
      quotaId,
      override: { maxPercent: 50, rounding: 'ceil' },
    });
    expect(half.selected).toBe(1);
    const two = await whatIfQuota(w.as('officer'), w.plan.id, {
      quotaId,
      override: { maxPercent: null, maxCount: 2 },
    });
    expect(two.selected).toBe(2);
    // Other bases: the plan's participating one-stop units (3: one never registered) and the
    // registered ones (2), from registrations' progress; or the officer's own figure.
    await createUnit(w.sys, {
      parentId: w.units.commune.id,
      name: 'Bộ phận một cửa chưa đăng ký',
      kind: 'one_stop',
    });
    const byBase = async (base: 'participating' | 'registered') =>
      (
        await whatIfQuota(w.as('officer'), w.plan.id, {
          quotaId,
          override: { base, maxPercent: 50 },
        })
      ).capReason;
    expect(await byBase('participating')).toBe('1 (50% của 3)');
    expect(await byBase('registered')).toBe('1 (50% của 2)');
    const ofTen = await whatIfQuota(w.as('officer'), w.plan.id, {
      quotaId,
      override: { base: 'participating' },
      baseCount: 10,
    });
    expect(ofTen.capReason).toBe('2 (20% của 10)');
    // Counted per unit subtree: under the first commune only its own one-stop unit competes.
    const perUnit = await whatIfQuota(w.as('officer'), w.plan.id, {
      override: {
        subject: 'collective',
        maxCount: 1,
        scope: { kind: 'unit', unitId: w.units.commune.id },
      },
    });
    expect(perUnit.rows.map((r) => [r.key, r.status])).toEqual([
      [`unit:${w.units.oneStop.id}`, 'in'],
    ]);
    // Individuals: none eligible here (no checklist confirmed) → nothing to select.
    const people = await whatIfQuota(w.as('officer'), w.plan.id, {
      override: { subject: 'individual', maxCount: 2 },
    });
    expect(people.rows).toEqual([]);
    // Nothing saved: the plan's quota is as it was, no counter row.
    const again = await whatIfQuota(w.as('officer'), w.plan.id, { quotaId });
    expect(again.quota.maxPercent).toBe(20);
    expect((await listQuotaUse(t.db, w.plan.id)).size).toBe(0);

    // Only the issuer's officers and head.
    await expectAppError(whatIfQuota(w.as('head'), w.plan.id, body), 'FORBIDDEN');
    await expectAppError(whatIfQuota(w.as('council'), w.plan.id, body), 'FORBIDDEN');
    await expectAppError(whatIfQuota(w.as('otherOfficer'), w.plan.id, body), 'FORBIDDEN');
    await expectAppError(
      whatIfQuota(w.as('officer'), w.plan.id, { quotaId: 'q-00000000' }),
      'VALIDATION_FAILED',
    );
    await expectAppError(
      whatIfQuota(w.as('officer'), w.plan.id, { override: { maxCount: 1 } }),
      'VALIDATION_FAILED',
    );
  });

  it('POST /api/plans/:id/quota-what-if: 401 without a session, 200 for the officer', async () => {
    const { w } = await publishedTie();
    await publishResults(w.as('issuerHead'), w.plan.id);
    const url = `/api/plans/${w.plan.id}/quota-what-if`;
    const payload = { override: { subject: 'collective', maxCount: 1 } };
    expect((await app.inject({ method: 'POST', url, payload })).statusCode).toBe(401);
    const cookie = await loginCookie(app, w.users.officer.username, w.users.officer.password);
    const res = await app.inject({ method: 'POST', url, payload, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ selected: number }>().selected).toBe(1);
    const bad = await app.inject({
      method: 'POST',
      url,
      payload: { override: { subject: 'collective', maxPercent: 120 } },
      headers: { cookie },
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('claimQuota', () => {
  it('two officers approving at once under a cap of 1: exactly one wins, the other gets 409', async () => {
    const { w } = await publishedTie();
    const claim = {
      planId: w.plan.id,
      quotaKey: 'q-test0001',
      cap: 1,
      label: 'không quá 01 tập thể',
    };
    const approve = () =>
      t.db.transaction().execute(async (trx) => {
        const used = await claimQuota(trx, claim);
        // Hold the lock a moment, as an approval writing its rows would.
        await sql`SELECT pg_sleep(0.2)`.execute(trx);
        return used;
      });
    const results = await Promise.allSettled([approve(), approve()]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const reason = (lost[0] as PromiseRejectedResult).reason as { code: string; message: string };
    expect(reason.code).toBe('CONFLICT');
    expect(reason.message).toBe(
      'Vượt hạn mức: không quá 01 tập thể (đã duyệt 1/1, không thể duyệt thêm 1).',
    );
    expect((await listQuotaUse(t.db, w.plan.id)).get('q-test0001')).toBe(1);

    // A rolled-back approval gives its count back; a release frees a seat.
    await expect(
      t.db.transaction().execute(async (trx) => {
        await releaseQuota(trx, w.plan.id, 'q-test0001');
        await claimQuota(trx, claim);
        throw new Error('approval failed later');
      }),
    ).rejects.toThrow('approval failed later');
    expect((await listQuotaUse(t.db, w.plan.id)).get('q-test0001')).toBe(1);
    await t.db.transaction().execute((trx) => releaseQuota(trx, w.plan.id, 'q-test0001'));
    await t.db.transaction().execute((trx) => claimQuota(trx, { ...claim, cap: 2, count: 2 }));
    expect((await listQuotaUse(t.db, w.plan.id)).get('q-test0001')).toBe(2);
  });
});
