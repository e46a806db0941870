import { expectAppError } from '../../test/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, type TestDb } from '../../test/db';
import { makeTree, makeUser, testCtx } from '../../test/factories';
import { createUnit } from '../organization/index';
import { samplePlanInput } from '../../test/plans';
import { entityHistory } from '../audit/index';
import {
  amendPlan,
  cancelPlan,
  closePlan,
  createPlan,
  getPlanDetail,
  listPlanVersions,
  updateDraft,
} from './plans.service';
import { listPlanIssuingUnits, listPlans } from './plan-list.service';
import { advancePlanStatuses } from './cascade.service';
import { issuePlan, recordIssuedPlan } from './issue-plan';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

/** A commune with its officer and head, plus outsiders. */
async function setup() {
  const sys = testCtx(t);
  const tree = await makeTree(sys);
  const officer = await makeUser(sys, 'emulation_officer', tree.commune.id);
  const head = await makeUser(sys, 'unit_head', tree.commune.id);
  const provinceOfficer = await makeUser(sys, 'emulation_officer', tree.province.id);
  const otherOfficer = await makeUser(sys, 'emulation_officer', tree.otherCommune.id);
  const admin = await makeUser(sys, 'admin', null);
  return {
    tree,
    sys,
    officer: testCtx(t, officer.actor),
    head: testCtx(t, head.actor),
    provinceOfficer: testCtx(t, provinceOfficer.actor),
    otherOfficer: testCtx(t, otherOfficer.actor),
    admin: testCtx(t, admin.actor),
  };
}

const planCount = async () =>
  Number(
    (await sql<{ n: number }>`SELECT count(*)::int AS n FROM campaign_plan`.execute(t.db)).rows[0]
      ?.n,
  );

describe('drafting', () => {
  it('lets only the issuing unit’s officer draft; others are refused and nothing is written', async () => {
    const s = await setup();
    const before = await planCount();
    await expectAppError(createPlan(s.head, samplePlanInput(s.tree.commune.id)), 'FORBIDDEN');
    await expectAppError(
      createPlan(s.provinceOfficer, samplePlanInput(s.tree.commune.id)),
      'FORBIDDEN',
    );
    await expectAppError(
      createPlan(s.otherOfficer, samplePlanInput(s.tree.commune.id)),
      'FORBIDDEN',
    );
    await expectAppError(createPlan(s.admin, samplePlanInput(s.tree.commune.id)), 'FORBIDDEN');
    expect(await planCount()).toBe(before);
    const input = samplePlanInput(s.tree.commune.id);
    (input.content as { participants: Record<string, unknown> }).participants = {
      collectiveUnitIds: [s.tree.commune.id, s.tree.oneStop.id],
    };
    const plan = await createPlan(s.officer, input);
    expect(plan.content.participants.collectiveUnitIds).toEqual([
      s.tree.commune.id,
      s.tree.oneStop.id,
    ]);
    expect(plan.status).toBe('draft');
    expect(plan.documentNumber).toBeNull();
    expect(plan.content.rewards[0]?.coefficient).toBe(0.6);
    expect(await planCount()).toBe(before + 1);
  });

  it('names the bad field in Vietnamese and changes nothing', async () => {
    const s = await setup();
    const before = await planCount();
    const e = await expectAppError(
      createPlan(
        s.officer,
        samplePlanInput(s.tree.commune.id, { periodStart: '2027-01-01', periodEnd: '2026-01-01' }),
      ),
      'VALIDATION_FAILED',
      'periodEnd',
    );
    expect(e.message).toContain('Thời gian kết thúc');
    const bad = samplePlanInput(s.tree.commune.id);
    (bad.content as { rewards: unknown[] }).rewards = [{ form: 'Giấy khen', amountVnd: -5 }];
    const e2 = await expectAppError(
      createPlan(s.officer, bad),
      'VALIDATION_FAILED',
      'content.rewards.0.amountVnd',
    );
    expect(e2.message).toContain('Hình thức khen thưởng');
    await expectAppError(
      createPlan(s.officer, samplePlanInput(s.tree.commune.id, { issuerSymbol: 'ub nd/x' })),
      'VALIDATION_FAILED',
      'issuerSymbol',
    );
    await expectAppError(
      createPlan(
        s.officer,
        samplePlanInput(s.tree.commune.id, { cascadeUnitIds: [s.tree.otherCommune.id] }),
      ),
      'VALIDATION_FAILED',
      'cascadeUnitIds',
    );
    const outsider = samplePlanInput(s.tree.commune.id);
    (outsider.content as { participants: Record<string, unknown> }).participants = {
      collectiveUnitIds: [s.tree.otherOffice.id],
    };
    const e3 = await expectAppError(
      createPlan(s.officer, outsider),
      'VALIDATION_FAILED',
      'content.participants.collectiveUnitIds',
    );
    expect(e3.message).toContain('đơn vị tham gia');
    expect(await planCount()).toBe(before);
  });

  it('edits a draft with optimistic concurrency and audits before/after', async () => {
    const s = await setup();
    const plan = await createPlan(s.officer, samplePlanInput(s.tree.commune.id));
    const updated = await updateDraft(s.officer, plan.id, {
      version: plan.version,
      title: 'Kế hoạch đã sửa',
    });
    expect(updated.title).toBe('Kế hoạch đã sửa');
    await expectAppError(
      updateDraft(s.officer, plan.id, { version: plan.version, title: 'cũ' }),
      'CONFLICT',
    );
    await expectAppError(
      updateDraft(s.head, plan.id, { version: updated.version, title: 'x' }),
      'FORBIDDEN',
    );
    const history = await entityHistory(s.officer, 'campaign_plan', plan.id, {});
    const edit = history.items.find((h) => h.action === 'plan.updated');
    expect(edit?.before).toMatchObject({ title: plan.title });
    expect(edit?.after).toMatchObject({ title: 'Kế hoạch đã sửa' });
  });

  it('shows drafts only inside the subtree; issued plans to everyone; search ignores accents', async () => {
    const s = await setup();
    const draft = await createPlan(
      s.officer,
      samplePlanInput(s.tree.commune.id, { title: 'Thi đua cải cách hành chính xã' }),
    );
    const seen = await listPlans(s.provinceOfficer, { search: 'cai cach hanh chinh xa' });
    expect(seen.items.map((p) => p.id)).toContain(draft.id);
    const outside = await listPlans(s.otherOfficer, { search: 'cai cach hanh chinh xa' });
    expect(outside.items.map((p) => p.id)).not.toContain(draft.id);
    await expectAppError(getPlanDetail(s.otherOfficer, draft.id), 'FORBIDDEN');
    const issued = await issuePlan(s.head, draft.id, { version: draft.version });
    const nowSeen = await listPlans(s.otherOfficer, { search: 'cai cach hanh chinh xa' });
    expect(nowSeen.items.map((p) => p.id)).toContain(issued.id);
  });
});

describe('searching plans (issue 9 item 4)', () => {
  /** In a tree of its own: an issued plan of Xã Lương Điền, a draft of Phường Tiền Thành. */
  async function searchSetup() {
    const s = await setup();
    const ward = await createUnit(s.sys, {
      parentId: s.tree.province.id,
      name: 'Phường Tiền Thành',
      kind: 'ward',
    });
    const wardOfficer = testCtx(t, (await makeUser(s.sys, 'emulation_officer', ward.id)).actor);
    const draft = await createPlan(s.officer, samplePlanInput(s.tree.commune.id));
    const communePlan = await issuePlan(s.head, draft.id, { version: draft.version });
    const wardPlan = await createPlan(
      wardOfficer,
      samplePlanInput(ward.id, { title: 'Tổ chức hội thi tìm hiểu pháp luật năm 2026' }),
    );
    const officeOfficer = await makeUser(s.sys, 'emulation_officer', s.tree.office.id);
    const officePlan = await createPlan(
      testCtx(t, officeOfficer.actor),
      samplePlanInput(s.tree.office.id, { title: 'Thi đua chuyên đề của văn phòng' }),
    );
    const find = async (ctx: typeof s.officer, search: string, unitId = s.tree.province.id) =>
      (await listPlans(ctx, { search, unitId })).items.map((p) => p.id);
    return { ...s, ward, communePlan, wardPlan, officePlan, find };
  }

  it('matches issuing unit, number and title words in any order, without accents', async () => {
    const s = await searchSetup();
    expect(s.communePlan.documentNumber).toBe('01/KH-UBND');
    // Unit name (and the parent's name for a unit below it).
    expect(await s.find(s.provinceOfficer, 'luong dien')).toEqual(
      expect.arrayContaining([s.communePlan.id, s.officePlan.id]),
    );
    expect(await s.find(s.provinceOfficer, 'luong dien')).not.toContain(s.wardPlan.id);
    expect(await s.find(s.provinceOfficer, 'tien thanh')).toEqual([s.wardPlan.id]);
    expect(await s.find(s.provinceOfficer, 'TIỀN   thành')).toEqual([s.wardPlan.id]);
    // Title words out of order: "phong trào thi đua ... cải cách hành chính".
    expect(await s.find(s.provinceOfficer, 'thi dua cai cach')).toEqual([s.communePlan.id]);
    expect(await s.find(s.provinceOfficer, 'cai cach thi dua luong dien')).toEqual([
      s.communePlan.id,
    ]);
    // Number and symbol, as written and as in file names; "UBND" for a People's Committee.
    expect(await s.find(s.provinceOfficer, '01/KH-UBND')).toEqual([s.communePlan.id]);
    expect(await s.find(s.provinceOfficer, '01-kh-ubnd')).toEqual([s.communePlan.id]);
    expect(await s.find(s.provinceOfficer, 'ubnd tien thanh')).toEqual([s.wardPlan.id]);
    expect(await s.find(s.provinceOfficer, 'tien thanh cai cach')).toEqual([]);
    // LIKE wildcards are literal.
    expect(await s.find(s.provinceOfficer, '%')).toEqual([]);
  });

  it('filters in SQL by the actor’s scope and by the issuing unit’s subtree', async () => {
    const s = await searchSetup();
    // Ngọc Liên's officer sees the issued plan but not the other units' drafts.
    expect(await s.find(s.otherOfficer, 'luong dien')).toEqual([s.communePlan.id]);
    expect(await s.find(s.otherOfficer, 'tien thanh')).toEqual([]);
    const communeOnly = await listPlans(s.provinceOfficer, { unitId: s.tree.commune.id });
    expect(communeOnly.items.map((p) => p.id).sort()).toEqual(
      [s.communePlan.id, s.officePlan.id].sort(),
    );
    const officeOnly = await listPlans(s.provinceOfficer, { unitId: s.tree.office.id });
    expect(officeOnly.items.map((p) => p.id)).toEqual([s.officePlan.id]);
    await expectAppError(listPlans(s.provinceOfficer, { unitId: 999999 }), 'NOT_FOUND');
  });

  it('finds a renamed unit by its new name at once', async () => {
    const s = await searchSetup();
    await sql`UPDATE org_unit SET name = 'Phường Tiền Thành Mới' WHERE id = ${s.ward.id}`.execute(
      t.db,
    );
    expect(await s.find(s.provinceOfficer, 'tien thanh moi')).toEqual([s.wardPlan.id]);
  });

  it('offers the issuing units (and their ancestors) of visible plans for the unit filter', async () => {
    const s = await searchSetup();
    const units = await listPlanIssuingUnits(s.provinceOfficer, { search: 'tien thanh' });
    expect(units.items).toContainEqual(
      expect.objectContaining({ id: s.ward.id, parentName: s.tree.province.name }),
    );
    const outsider = await listPlanIssuingUnits(s.otherOfficer, { search: 'tien thanh' });
    expect(outsider.items.map((u) => u.id)).not.toContain(s.ward.id);
    const byId = await listPlanIssuingUnits(s.provinceOfficer, { id: s.ward.id });
    expect(byId.items.map((u) => u.id)).toEqual([s.ward.id]);
    const all = await listPlanIssuingUnits(s.provinceOfficer, {});
    expect(all.items.length).toBeLessThanOrEqual(20);
  });
});

describe('issuing', () => {
  it('needs the unit head, numbers per unit, type and year with a leading zero, and records version 1', async () => {
    const s = await setup();
    const a = await createPlan(s.officer, samplePlanInput(s.tree.commune.id));
    await expectAppError(issuePlan(s.officer, a.id, { version: a.version }), 'FORBIDDEN');
    const first = await issuePlan(s.head, a.id, { version: a.version });
    expect(first.documentNumber).toBe('01/KH-UBND');
    expect(first.issuedOn).toBe('2026-11-22');
    expect(first.periodStart).toBe('2026-11-22');
    expect(first.status).toBe('in_progress');
    await expectAppError(issuePlan(s.head, a.id, { version: first.version }), 'INVALID_STATE');
    const b = await createPlan(s.officer, samplePlanInput(s.tree.commune.id));
    expect((await issuePlan(s.head, b.id, { version: b.version })).documentNumber).toBe(
      '02/KH-UBND',
    );
    const guide = await createPlan(
      s.officer,
      samplePlanInput(s.tree.commune.id, { docType: 'HD' }),
    );
    expect((await issuePlan(s.head, guide.id, { version: guide.version })).documentNumber).toBe(
      '01/HD-UBND',
    );
    const versions = await listPlanVersions(s.officer, a.id);
    expect(versions.items.map((v) => v.version)).toEqual([1]);
    expect(versions.items[0]?.reason).toBe('Ban hành');
  });

  it('refuses an incomplete draft, a future date and a date before the series’ last one', async () => {
    const s = await setup();
    const incomplete = await createPlan(
      s.officer,
      samplePlanInput(s.tree.commune.id, { periodEnd: null }),
    );
    const e = await expectAppError(
      issuePlan(s.head, incomplete.id, { version: incomplete.version }),
      'VALIDATION_FAILED',
      'periodEnd',
    );
    expect(e.message).toContain('Thời gian kết thúc');
    const ok = await createPlan(s.officer, samplePlanInput(s.tree.commune.id));
    await expectAppError(
      issuePlan(s.head, ok.id, { version: ok.version, issuedOn: '2026-11-23' }),
      'VALIDATION_FAILED',
      'issuedOn',
    );
    await issuePlan(s.head, ok.id, { version: ok.version, issuedOn: '2026-11-20' });
    const next = await createPlan(s.officer, samplePlanInput(s.tree.commune.id));
    await expectAppError(
      issuePlan(s.head, next.id, { version: next.version, issuedOn: '2026-11-19' }),
      'VALIDATION_FAILED',
      'issuedOn',
    );
    const still = await getPlanDetail(s.officer, next.id);
    expect(still.status).toBe('draft');
    expect(still.documentNumber).toBeNull();
  });

  it('gives distinct numbers to plans issued at the same moment', async () => {
    const s = await setup();
    const drafts = await Promise.all(
      Array.from({ length: 6 }, () => createPlan(s.officer, samplePlanInput(s.tree.commune.id))),
    );
    const issued = await Promise.all(
      drafts.map((d) => issuePlan(s.head, d.id, { version: d.version })),
    );
    const numbers = issued.map((p) => p.documentNumber).sort();
    expect(new Set(numbers).size).toBe(6);
    expect(numbers).toEqual([
      '01/KH-UBND',
      '02/KH-UBND',
      '03/KH-UBND',
      '04/KH-UBND',
      '05/KH-UBND',
      '06/KH-UBND',
    ]);
  });
  it('records a plan issued on paper with its own number; the series continues after it', async () => {
    const s = await setup();
    const d = await createPlan(s.officer, samplePlanInput(s.tree.commune.id));
    await expectAppError(
      recordIssuedPlan(s.officer, d.id, {
        version: d.version,
        documentNumber: '47/KH-UBND',
        issuedOn: '2026-02-18',
      }),
      'FORBIDDEN',
    );
    await expectAppError(
      recordIssuedPlan(s.head, d.id, {
        version: d.version,
        documentNumber: '47/QĐ-UBND',
        issuedOn: '2026-02-18',
      }),
      'VALIDATION_FAILED',
      'documentNumber',
    );
    const recorded = await recordIssuedPlan(s.head, d.id, {
      version: d.version,
      documentNumber: '47 / KH - UBND',
      issuedOn: '2026-02-18',
    });
    expect(recorded.documentNumber).toBe('47/KH-UBND');
    expect(recorded.issuedOn).toBe('2026-02-18');
    const dup = await createPlan(s.officer, samplePlanInput(s.tree.commune.id));
    await expectAppError(
      recordIssuedPlan(s.head, dup.id, {
        version: dup.version,
        documentNumber: '47/KH-UBND',
        issuedOn: '2026-03-01',
      }),
      'CONFLICT',
      'documentNumber',
    );
    const next = await issuePlan(s.head, dup.id, { version: dup.version });
    expect(next.documentNumber).toBe('48/KH-UBND');
  });
});

describe('after issue', () => {
  it('amends as a new version, keeps the number and the history, and cannot edit as a draft', async () => {
    const s = await setup();
    const d = await createPlan(s.officer, samplePlanInput(s.tree.commune.id));
    const issued = await issuePlan(s.head, d.id, { version: d.version });
    await expectAppError(
      updateDraft(s.officer, d.id, { version: issued.version, title: 'x' }),
      'INVALID_STATE',
    );
    await expectAppError(
      amendPlan(s.officer, d.id, { version: issued.version, title: 'x' }),
      'VALIDATION_FAILED',
      'reason',
    );
    const amended = await amendPlan(s.officer, d.id, {
      version: issued.version,
      reason: 'Gia hạn thời gian thi đua',
      periodEnd: '2028-12-31',
    });
    expect(amended.documentNumber).toBe(issued.documentNumber);
    expect(amended.documentVersion).toBe(2);
    expect(amended.periodEnd).toBe('2028-12-31');
    const versions = await listPlanVersions(s.officer, d.id);
    expect(versions.items.map((v) => [v.version, v.reason])).toEqual([
      [2, 'Gia hạn thời gian thi đua'],
      [1, 'Ban hành'],
    ]);
    const history = await entityHistory(s.officer, 'campaign_plan', d.id, {});
    expect(history.items.map((h) => h.action)).toEqual(
      expect.arrayContaining(['plan.created', 'plan.issued', 'plan.amended']),
    );
  });

  it('moves along its dates by the calendar job, then closes and cannot be cancelled', async () => {
    const s = await setup();
    const d = await createPlan(
      s.officer,
      samplePlanInput(s.tree.commune.id, { periodStart: '2026-12-01', periodEnd: '2026-12-20' }),
    );
    const issued = await issuePlan(s.head, d.id, { version: d.version });
    expect(issued.status).toBe('issued');
    const at = (iso: string) => testCtx(t, s.sys.actor, () => new Date(`${iso}T01:00:00Z`));
    await advancePlanStatuses(at('2026-11-30'));
    expect((await getPlanDetail(s.officer, d.id)).status).toBe('issued');
    await advancePlanStatuses(at('2026-12-01'));
    expect((await getPlanDetail(s.officer, d.id)).status).toBe('in_progress');
    await advancePlanStatuses(at('2026-12-21'));
    const inReview = await getPlanDetail(s.officer, d.id);
    expect(inReview.status).toBe('in_review');
    expect(inReview.permissions.canClose).toBe(true);
    const history = await entityHistory(s.officer, 'campaign_plan', d.id, {});
    expect(history.items.filter((h) => h.action === 'plan.status_changed')).toHaveLength(2);
    const closed = await closePlan(s.head, d.id, { version: inReview.version });
    expect(closed.status).toBe('closed');
    await expectAppError(
      cancelPlan(s.head, d.id, { version: closed.version, reason: 'x' }),
      'INVALID_STATE',
    );
  });

  it('cancels a live plan only by the head, with a reason', async () => {
    const s = await setup();
    const d = await createPlan(s.officer, samplePlanInput(s.tree.commune.id));
    const issued = await issuePlan(s.head, d.id, { version: d.version });
    await expectAppError(
      cancelPlan(s.officer, d.id, { version: issued.version, reason: 'Sai sót' }),
      'FORBIDDEN',
    );
    await expectAppError(
      cancelPlan(s.head, d.id, { version: issued.version }),
      'VALIDATION_FAILED',
      'reason',
    );
    const cancelled = await cancelPlan(s.head, d.id, {
      version: issued.version,
      reason: 'Ban hành nhầm',
    });
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.cancelledReason).toBe('Ban hành nhầm');
  });
});
