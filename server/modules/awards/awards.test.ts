import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { createTestDb, type TestDb } from '../../test/db';
import { makeTree, makeUser, testCtx } from '../../test/factories';
import { expectAppError } from '../../test/errors';
import { buildTestApp, loginCookie } from '../../test/http';
import type { AwardCatalogue, VersionInput } from '../../../shared/api/awards';
import {
  addAwardForm,
  addAwardFormVersion,
  addBaseSalary,
  ensureNationalCatalogue,
  getCatalogue,
  linkPlanRewardsOn,
  quoteAward,
  setRounding,
} from './index';
import { seedRewards } from './plan-link.fixtures';
import { BASE_2026, decree152Table } from './awards.fixtures';

let t: TestDb;
let app: FastifyInstance;
beforeAll(async () => {
  t = await createTestDb();
  app = await buildTestApp(t);
  await ensureNationalCatalogue(testCtx(t));
});
afterAll(async () => {
  await app.close();
  await t.close();
});

/** A province with a commune; a system-wide admin, the province's admin, officers and staff. */
async function setup() {
  const sys = testCtx(t);
  const tree = await makeTree(sys);
  const admin = await makeUser(sys, 'admin', null);
  const provinceAdmin = await makeUser(sys, 'admin', tree.province.id);
  const officer = await makeUser(sys, 'emulation_officer', tree.province.id);
  const staff = await makeUser(sys, 'staff', tree.commune.id);
  return {
    tree,
    users: { admin, provinceAdmin, officer, staff },
    admin: testCtx(t, admin.actor),
    provinceAdmin: testCtx(t, provinceAdmin.actor),
    officer: testCtx(t, officer.actor),
    staff: testCtx(t, staff.actor),
  };
}

const byCode = (c: AwardCatalogue, code: string) => {
  const form = c.forms.find((f) => f.code === code);
  if (form === undefined) throw new Error(`no form ${code}`);
  return form;
};
const amountOf = (c: AwardCatalogue, code: string) => {
  const a = byCode(c, code).amount;
  return a?.ok ? a.amount : a;
};

const version = (over: Partial<VersionInput> = {}): VersionInput => ({
  name: 'Giấy khen thử nghiệm',
  kind: 'form',
  subject: 'individual',
  coefficient: 0.5,
  deciders: ['commune_chair'],
  legalBasis: 'Quyết định thử',
  validFrom: '2025-07-01',
  ...over,
});

let codeSeq = 0;
const newCode = () => `TEST_${Date.now().toString(36).toUpperCase()}_${++codeSeq}`;

const auditCount = async (action: string, entityId: number | string) => {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_event
    WHERE action = ${action} AND entity_id = ${String(entityId)}`.execute(t.db);
  return rows[0]?.n;
};

describe('the seeded national catalogue', () => {
  it('is installed once: a second start adds nothing and audits nothing', async () => {
    expect(await ensureNationalCatalogue(testCtx(t))).toEqual({
      forms: 0,
      baseSalary: false,
      rounding: false,
    });
    expect(await auditCount('award_catalogue.installed', 'national')).toBe(1);
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM award_form
      WHERE scope = 'national'`.execute(t.db);
    expect(rows[0]?.n).toBe(decree152Table.length + 2);
  });

  it('gives every row of the Decree 152 table its amount at 2.340.000đ, with deciders after 1/7/2025', async () => {
    const s = await setup();
    const c = await getCatalogue(s.staff, { date: '2025-09-01' });
    for (const [code, coefficient, at2340] of decree152Table) {
      expect(byCode(c, code).current?.coefficient, code).toBe(coefficient);
      expect(amountOf(c, code), code).toBe(at2340);
    }
    expect(byCode(c, 'LDTT').amount).toEqual({
      ok: true,
      amount: 710_000,
      explanation: '0,3 × 2.340.000đ = 702.000đ, làm tròn lên 710.000đ',
    });
    expect(byCode(c, 'GK_TT').current).toMatchObject({
      name: 'Giấy khen',
      subject: 'collective',
      deciders: ['commune_chair', 'department_head'],
      validFrom: '2025-07-01',
      effectiveTo: null,
    });
    expect(c.baseSalaries).toEqual([
      expect.objectContaining({
        amount: 2_340_000,
        effectiveFrom: '2024-07-01',
        effectiveTo: null,
      }),
    ]);
    expect(c.roundings).toEqual([
      expect.objectContaining({ mode: 'up', step: 10_000, effectiveFrom: '2024-01-01' }),
    ]);
    expect(c.canManageNational).toBe(false);
    expect(byCode(c, 'GK_CN').canAddVersion).toBe(false);
    // Before Decree 152 took effect, no version is in force (no amount).
    const before = await getCatalogue(s.staff, { date: '2025-06-30' });
    expect(byCode(before, 'GK_CN')).toMatchObject({ current: null, amount: null });
  });

  it('refuses to change or delete a version, a base salary or a rounding rule in the database', async () => {
    await expect(sql`UPDATE award_form_version SET coefficient = 9`.execute(t.db)).rejects.toThrow(
      /never changed/,
    );
    await expect(sql`DELETE FROM base_salary`.execute(t.db)).rejects.toThrow(/never changed/);
    await expect(sql`UPDATE award_rounding SET step = 1`.execute(t.db)).rejects.toThrow(
      /never changed/,
    );
  });
});

describe('base salary and rounding as dated values', () => {
  it('adds 2.530.000đ from 1/7/2026: amounts change from that day, not the day before', async () => {
    const s = await setup();
    await expectAppError(addBaseSalary(s.officer, BASE_2026), 'FORBIDDEN');
    await expectAppError(addBaseSalary(s.provinceAdmin, BASE_2026), 'FORBIDDEN');
    await expectAppError(
      addBaseSalary(s.admin, { ...BASE_2026, amount: -5 }),
      'VALIDATION_FAILED',
      'amount',
    );
    const added = await addBaseSalary(s.admin, BASE_2026);
    expect(added).toMatchObject({ amount: 2_530_000, effectiveFrom: '2026-07-01' });
    expect(await auditCount('base_salary.added', added.id)).toBe(1);
    const again = await expectAppError(
      addBaseSalary(s.admin, { ...BASE_2026, effectiveFrom: '2026-07-01' }),
      'VALIDATION_FAILED',
      'effectiveFrom',
    );
    expect(again.message).toContain('Áp dụng từ ngày');
    expect(again.message).toContain('01/07/2026');

    const dayBefore = await getCatalogue(s.staff, { date: '2026-06-30' });
    const onTheDay = await getCatalogue(s.staff, { date: '2026-07-01' });
    for (const [code, , at2340, at2530] of decree152Table) {
      expect(amountOf(dayBefore, code), code).toBe(at2340);
      expect(amountOf(onTheDay, code), code).toBe(at2530);
    }
    expect(onTheDay.baseSalaries.map((b) => [b.amount, b.effectiveTo])).toEqual([
      [2_340_000, '2026-06-30'],
      [2_530_000, null],
    ]);
  });

  it('applies a new rounding rule from its date, audited; only system administrators set it', async () => {
    const s = await setup();
    const rule = { mode: 'none', step: 1, effectiveFrom: '2027-01-01', legalBasis: 'Thử' } as const;
    await expectAppError(setRounding(s.officer, rule), 'FORBIDDEN');
    await expectAppError(
      setRounding(s.admin, { ...rule, effectiveFrom: '2023-01-01' }),
      'VALIDATION_FAILED',
      'effectiveFrom',
    );
    const set = await setRounding(s.admin, rule);
    expect(await auditCount('award_rounding.set', set.id)).toBe(1);
    const c = await getCatalogue(s.staff, { date: '2027-01-01' });
    expect(byCode(c, 'LDTT').amount).toEqual({
      ok: true,
      amount: 759_000,
      explanation: '0,3 × 2.530.000đ = 759.000đ',
    });
    expect(amountOf(await getCatalogue(s.staff, { date: '2026-12-31' }), 'LDTT')).toBe(760_000);
  });
});

describe('versions of a form', () => {
  it('adds a version from a date; history keeps the old one; the amount follows the date', async () => {
    const s = await setup();
    const code = newCode();
    await expectAppError(
      addAwardForm(s.officer, { ...version(), code, scope: 'national' }),
      'FORBIDDEN',
    );
    const form = await addAwardForm(s.admin, { ...version(), code, scope: 'national' });
    expect(await auditCount('award_form.created', form.id)).toBe(1);
    const next = await addAwardFormVersion(
      s.admin,
      form.id,
      version({ coefficient: 0.7, validFrom: '2026-01-01' }),
    );
    expect(next.versions.map((v) => [v.coefficient, v.validFrom, v.effectiveTo])).toEqual([
      [0.5, '2025-07-01', '2025-12-31'],
      [0.7, '2026-01-01', null],
    ]);
    const audit = await t.db
      .selectFrom('auditEvent')
      .select(['before', 'after'])
      .where('action', '=', 'award_form.version_added')
      .where('entityId', '=', String(form.id))
      .executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({ coefficient: 0.5, validFrom: '2025-07-01' });
    expect(audit.after).toMatchObject({ coefficient: 0.7, validFrom: '2026-01-01' });
    const old = await getCatalogue(s.staff, { date: '2025-12-31' });
    expect(byCode(old, code).current?.coefficient).toBe(0.5);
    expect(amountOf(old, code)).toBe(1_170_000);
    const now = await getCatalogue(s.staff, { date: '2026-01-01' });
    expect(byCode(now, code).current?.coefficient).toBe(0.7);
    expect(amountOf(now, code)).toBe(1_640_000);
  });

  it('refuses overlapping dates, valid_to before valid_from, a negative coefficient, a changed subject, a taken code', async () => {
    const s = await setup();
    const code = newCode();
    const form = await addAwardForm(s.admin, {
      ...version({ validTo: '2026-06-30' }),
      code,
      scope: 'national',
    });
    const refused = async (input: VersionInput, field: string) =>
      expectAppError(addAwardFormVersion(s.admin, form.id, input), 'VALIDATION_FAILED', field);
    const overlap = await refused(version({ validFrom: '2026-03-01' }), 'validFrom');
    expect(overlap.message).toContain('Hiệu lực từ ngày');
    expect(overlap.message).toContain('30/06/2026');
    await refused(version({ validFrom: '2025-01-01' }), 'validFrom');
    const backwards = await refused(
      version({ validFrom: '2026-08-01', validTo: '2026-07-31' }),
      'validTo',
    );
    expect(backwards.message).toContain('Hiệu lực đến hết ngày');
    const negative = await refused(
      version({ validFrom: '2026-08-01', coefficient: -0.3 }),
      'coefficient',
    );
    expect(negative.message).toContain('Hệ số');
    await refused(version({ validFrom: '2026-08-01', subject: 'collective' }), 'subject');
    await refused(version({ validFrom: '2026-08-01', fixedAmount: 100_000 }), 'fixedAmount');
    await expectAppError(
      addAwardForm(s.admin, { ...version(), code, scope: 'national' }),
      'CONFLICT',
      'code',
    );
    await expectAppError(
      addAwardFormVersion(s.officer, form.id, version({ validFrom: '2026-08-01' })),
      'FORBIDDEN',
    );
    await expectAppError(addAwardFormVersion(s.admin, 2_000_000_000, version()), 'NOT_FOUND');
    // The day after the closed version is free.
    const ok = await addAwardFormVersion(s.admin, form.id, version({ validFrom: '2026-07-01' }));
    expect(ok.versions).toHaveLength(2);
  });

  it('adds versions one at a time: two at once for the same date, one is refused', async () => {
    const s = await setup();
    const form = await addAwardForm(s.admin, { ...version(), code: newCode(), scope: 'national' });
    const results = await Promise.allSettled([
      addAwardFormVersion(s.admin, form.id, version({ validFrom: '2027-01-01', coefficient: 0.6 })),
      addAwardFormVersion(s.admin, form.id, version({ validFrom: '2027-01-01', coefficient: 0.8 })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const failed = results.find((r) => r.status === 'rejected');
    expect((failed as PromiseRejectedResult).reason).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe("a province's own forms", () => {
  it("are added by the province's administrator and seen only by units of that province", async () => {
    const s = await setup();
    const other = await setup();
    const code = newCode();
    const own = { ...version({ fixedAmount: 500_000, coefficient: null }), code };
    await expectAppError(addAwardForm(s.provinceAdmin, { ...own, scope: 'national' }), 'FORBIDDEN');
    await expectAppError(
      addAwardForm(other.provinceAdmin, {
        ...own,
        scope: 'province',
        provinceUnitId: s.tree.province.id,
      }),
      'FORBIDDEN',
    );
    await expectAppError(
      addAwardForm(s.provinceAdmin, {
        ...own,
        scope: 'province',
        provinceUnitId: s.tree.commune.id,
      }),
      'VALIDATION_FAILED',
      'provinceUnitId',
    );
    const form = await addAwardForm(s.provinceAdmin, {
      ...own,
      scope: 'province',
      provinceUnitId: s.tree.province.id,
    });
    expect(form).toMatchObject({ scope: 'province', canAddVersion: true });
    expect(form.amount).toEqual({
      ok: true,
      amount: 500_000,
      explanation: 'Mức cố định theo danh mục: 500.000đ',
    });
    const seen = await getCatalogue(s.staff, { date: '2025-09-01' });
    expect(byCode(seen, code).province?.id).toBe(s.tree.province.id);
    const unseen = await getCatalogue(other.staff, { date: '2025-09-01' });
    expect(unseen.forms.some((f) => f.code === code)).toBe(false);
    const provinceView = await getCatalogue(s.provinceAdmin, {});
    expect(provinceView.manageableProvinces).toEqual([
      { id: s.tree.province.id, name: s.tree.province.name },
    ]);
    expect(byCode(provinceView, 'GK_CN').canAddVersion).toBe(false);
    await expectAppError(
      addAwardFormVersion(s.provinceAdmin, byCode(provinceView, 'GK_CN').id, version()),
      'FORBIDDEN',
    );
  });
});

describe('quoting an award for a decision', () => {
  it('gives the version, amount and explanation of the decision date, or refuses in Vietnamese', async () => {
    const s = await setup();
    const c = await getCatalogue(s.staff, { date: '2025-09-01' });
    const gk = byCode(c, 'GK_TT');
    expect(await quoteAward(t.db, { formId: gk.id, decisionDate: '2025-09-01' })).toMatchObject({
      code: 'GK_TT',
      versionId: gk.current?.id,
      subject: 'collective',
      amount: 1_410_000,
      explanation: '0,6 × 2.340.000đ = 1.404.000đ, làm tròn lên 1.410.000đ',
      coefficient: 0.6,
      baseSalary: 2_340_000,
    });
    expect(
      await quoteAward(t.db, { formId: gk.id, decisionDate: '2025-09-01', fixedAmount: 300_000 }),
    ).toMatchObject({ amount: 300_000, baseSalary: null });
    const early = await expectAppError(
      quoteAward(t.db, { formId: gk.id, decisionDate: '2025-06-30' }),
      'INVALID_STATE',
    );
    expect(early.message).toBe('GK_TT không có phiên bản hiệu lực ngày 30/06/2025.');
    await expectAppError(
      quoteAward(t.db, { formId: 2_000_000_000, decisionDate: '2025-09-01' }),
      'NOT_FOUND',
    );
  });
});

describe('plan link on the real catalogue', () => {
  it("links seed 003's two Giấy khen to the seeded Giấy khen forms and seed 000's gift to its amount", async () => {
    const s = await setup();
    const rewards = seedRewards.flatMap((r) => r.rewards);
    const links = await linkPlanRewardsOn(s.staff, rewards, '2025-09-01');
    expect(
      links.map((l) => [l.rewardId, l.forms.map((f) => f.code), l.decider, l.fixedAmount]),
    ).toEqual([
      ['r-seed0000', [], 'commune_chair', 300_000],
      ['r-seed0020', ['GK_CN', 'GK_TT'], 'district_chair', null],
      ['r-seed0030', ['GK_CN', 'GK_TT'], 'district_chair', null],
      ['r-seed0031', ['GK_CN', 'GK_TT'], 'commune_chair', null],
      ['r-seed0040', [], null, null],
    ]);
    // Before the national catalogue's versions are in force, nothing links.
    const early = await linkPlanRewardsOn(s.staff, rewards, '2024-01-01');
    expect(early.every((l) => l.forms.length === 0)).toBe(true);
  });
});

describe('HTTP', () => {
  it('answers 401 without a session, 200 to staff, 403 to an officer, 400 naming the field, 201 to the admin', async () => {
    const s = await setup();
    const unauth = await app.inject({ method: 'GET', url: '/api/award-catalogue' });
    expect(unauth.statusCode).toBe(401);
    const staff = await loginCookie(app, s.users.staff.username, s.users.staff.password);
    const officer = await loginCookie(app, s.users.officer.username, s.users.officer.password);
    const admin = await loginCookie(app, s.users.admin.username, s.users.admin.password);
    const list = await app.inject({
      method: 'GET',
      url: '/api/award-catalogue?date=2025-09-01',
      headers: { cookie: staff },
    });
    expect(list.statusCode).toBe(200);
    expect(amountOf(list.json<AwardCatalogue>(), 'GK_HGD')).toBe(1_060_000);
    const badDate = await app.inject({
      method: 'GET',
      url: '/api/award-catalogue?date=31/12/2025',
      headers: { cookie: staff },
    });
    expect(badDate.statusCode).toBe(400);
    const refused = await app.inject({
      method: 'POST',
      url: '/api/award-catalogue/base-salaries',
      headers: { cookie: officer },
      payload: { amount: 3_000_000, effectiveFrom: '2030-01-01', legalBasis: 'Thử' },
    });
    expect(refused.statusCode).toBe(403);
    const form = await app.inject({
      method: 'POST',
      url: '/api/award-catalogue/forms',
      headers: { cookie: admin },
      payload: { ...version(), code: newCode(), scope: 'national' },
    });
    expect(form.statusCode).toBe(201);
    const negative = await app.inject({
      method: 'POST',
      url: `/api/award-catalogue/forms/${form.json<{ id: number }>().id}/versions`,
      headers: { cookie: admin },
      payload: version({ coefficient: -1, validFrom: '2026-01-01' }),
    });
    expect(negative.statusCode).toBe(400);
    expect(negative.json<{ message: string }>().message).toContain('Hệ số');
    const added = await app.inject({
      method: 'POST',
      url: `/api/award-catalogue/forms/${form.json<{ id: number }>().id}/versions`,
      headers: { cookie: admin },
      payload: version({ coefficient: 0.9, validFrom: '2026-01-01' }),
    });
    expect(added.statusCode).toBe(201);
    const rounding = await app.inject({
      method: 'POST',
      url: '/api/award-catalogue/roundings',
      headers: { cookie: admin },
      payload: { mode: 'up', step: 10_000, effectiveFrom: '2031-01-01', legalBasis: null },
    });
    expect(rounding.statusCode).toBe(201);
  });
});
