import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, type TestDb } from '../../test/db';
import { testCtx } from '../../test/factories';
import { entityHistory } from '../audit/index';
import { registerForPlan, registerStaffInBulk } from './registrations.service';
import { T, at, commitments, expectAppError, issuedPlan, world } from './registrations.fixtures';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

const count = async (planId: number) =>
  Number(
    (
      await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM registration WHERE plan_id = ${planId}`.execute(t.db)
    ).rows[0]?.n,
  );

const unitBody = (unitId: number, extra: object = {}) => ({
  kind: 'collective',
  unitId,
  commitments,
  ...extra,
});
const personBody = (personId: number, extra: object = {}) => ({
  kind: 'individual',
  personId,
  commitments: { ...commitments, targetTitle: 'Hoàn thành xuất sắc nhiệm vụ' },
  ...extra,
});

describe('which plans take registrations', () => {
  it('refuses drafts and cancelled or closed plans with INVALID_STATE', async () => {
    const w = await world(t);
    const draft = await sql<{ id: number }>`
      INSERT INTO campaign_plan (issuing_unit_id, kind, place, title, content)
      VALUES (${w.tree.province.id}, 'campaign', 'An Biên', 'Dự thảo', '{}') RETURNING id`.execute(
      t.db,
    );
    const draftId = draft.rows[0]?.id ?? 0;
    await expectAppError(
      registerForPlan(w.as('officer'), draftId, unitBody(w.tree.oneStop.id)),
      'INVALID_STATE',
    );
    for (const status of ['cancelled', 'closed', 'in_review']) {
      await sql`UPDATE campaign_plan SET status = ${status} WHERE id = ${w.plan.id}`.execute(t.db);
      await expectAppError(
        registerForPlan(w.as('head'), w.plan.id, unitBody(w.tree.oneStop.id)),
        'INVALID_STATE',
      );
    }
    expect(await count(w.plan.id)).toBe(0);
  });
});

describe('collective registration', () => {
  it('lets the unit head register an eligible unit, audited, and only once', async () => {
    const w = await world(t);
    const r = await registerForPlan(w.as('head'), w.plan.id, unitBody(w.tree.oneStop.id));
    expect(r).toMatchObject({
      kind: 'collective',
      status: 'submitted',
      late: false,
      lateReason: null,
      version: 1,
      unit: { id: w.tree.oneStop.id, name: 'Bộ phận một cửa' },
      person: null,
    });
    expect(r.commitments.targets).toEqual(commitments.targets);
    const history = await entityHistory(w.sys, 'registration', r.id, {});
    expect(history.items[0]).toMatchObject({ action: 'registration.submitted' });
    const e = await expectAppError(
      registerForPlan(w.as('officer'), w.plan.id, unitBody(w.tree.oneStop.id)),
      'CONFLICT',
    );
    expect(e.message).toContain('đã đăng ký');
  });

  it('refuses units the plan does not name, by kind, by id and outside the issuer', async () => {
    const w = await world(t);
    const e = await expectAppError(
      registerForPlan(w.as('head'), w.plan.id, unitBody(w.tree.office.id)),
      'VALIDATION_FAILED',
      'unitId',
    );
    expect(e.message).toBe('Đơn vị: loại đơn vị này không thuộc đối tượng thi đua của kế hoạch');
    const outside = await expectAppError(
      registerForPlan(w.as('admin'), w.plan.id, unitBody(w.outside.oneStop.id)),
      'VALIDATION_FAILED',
      'unitId',
    );
    expect(outside.message).toContain('không thuộc phạm vi của đơn vị ban hành');
    // A plan naming units by id: the issuer itself and one commune, no kinds.
    const byIds = await issuedPlan(
      t,
      w.users.officer.actor,
      w.users.issuerHead.actor,
      w.tree.province.id,
      { collectiveUnitIds: [w.tree.province.id, w.tree.commune.id] },
      63,
    );
    await registerForPlan(w.as('head'), byIds.id, unitBody(w.tree.commune.id));
    await registerForPlan(w.as('officer'), byIds.id, unitBody(w.tree.province.id));
    await expectAppError(
      registerForPlan(w.as('otherHead'), byIds.id, unitBody(w.tree.otherCommune.id)),
      'VALIDATION_FAILED',
      'unitId',
    );
    await expectAppError(
      registerForPlan(w.as('head'), byIds.id, unitBody(w.tree.oneStop.id)),
      'VALIDATION_FAILED',
      'unitId',
    );
    // A plan naming no collectives at all.
    const none = await issuedPlan(
      t,
      w.users.officer.actor,
      w.users.issuerHead.actor,
      w.tree.province.id,
      { individualCategories: ['cong_chuc'] },
      64,
    );
    const e2 = await expectAppError(
      registerForPlan(w.as('head'), none.id, unitBody(w.tree.oneStop.id)),
      'VALIDATION_FAILED',
      'unitId',
    );
    expect(e2.message).toContain('không có đối tượng thi đua là tập thể');
    expect(await count(w.plan.id)).toBe(0);
  });

  it('needs registration.submit over the unit', async () => {
    const w = await world(t);
    for (const who of ['otherHead', 'staffAn', 'lonelyEm'] as const)
      await expectAppError(
        registerForPlan(w.as(who), w.plan.id, unitBody(w.tree.oneStop.id)),
        'FORBIDDEN',
      );
    await registerForPlan(w.as('otherHead'), w.plan.id, unitBody(w.otherOneStop.id));
    expect(await count(w.plan.id)).toBe(1);
  });

  it('lets exactly one of two simultaneous registrations of a unit through', async () => {
    const w = await world(t);
    const results = await Promise.allSettled([
      registerForPlan(w.as('head'), w.plan.id, unitBody(w.tree.oneStop.id)),
      registerForPlan(w.as('officer'), w.plan.id, unitBody(w.tree.oneStop.id)),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected');
    expect((failed?.reason as { code?: string }).code).toBe('CONFLICT');
    expect(await count(w.plan.id)).toBe(1);
  });

  it('names the bad field in Vietnamese', async () => {
    const w = await world(t);
    const e = await expectAppError(
      registerForPlan(w.as('head'), w.plan.id, { kind: 'collective', commitments }),
      'VALIDATION_FAILED',
      'unitId',
    );
    expect(e.message).toContain('Đơn vị: không được để trống');
    const empty = await expectAppError(
      registerForPlan(w.as('head'), w.plan.id, {
        kind: 'collective',
        unitId: w.tree.oneStop.id,
        commitments: { targets: [] },
      }),
      'VALIDATION_FAILED',
      'commitments',
    );
    expect(empty.message).toContain('Nội dung đăng ký');
  });
});

describe('individual registration', () => {
  it('registers eligible staff, lets a person register themself and refuses the rest', async () => {
    const w = await world(t);
    const an = await registerForPlan(w.as('staffAn'), w.plan.id, personBody(w.people.an.id));
    expect(an).toMatchObject({
      kind: 'individual',
      person: { id: w.people.an.id, fullName: 'Nguyễn Văn An' },
      unit: { id: w.tree.oneStop.id },
    });
    // A person without any role registers themself.
    await registerForPlan(w.as('lonelyEm'), w.plan.id, personBody(w.people.em.id));
    await expectAppError(
      registerForPlan(w.as('staffAn'), w.plan.id, personBody(w.people.binh.id)),
      'FORBIDDEN',
    );
    await registerForPlan(w.as('head'), w.plan.id, personBody(w.people.binh.id));
    const cat = await expectAppError(
      registerForPlan(w.as('head'), w.plan.id, personBody(w.people.cuong.id)),
      'VALIDATION_FAILED',
      'personId',
    );
    expect(cat.message).toContain('Cán bộ: đối tượng');
    const gone = await expectAppError(
      registerForPlan(w.as('head'), w.plan.id, personBody(w.people.dung.id)),
      'VALIDATION_FAILED',
      'personId',
    );
    expect(gone.message).toContain('nghỉ công tác');
    const outside = await expectAppError(
      registerForPlan(w.as('admin'), w.plan.id, personBody(w.people.giang.id)),
      'VALIDATION_FAILED',
      'personId',
    );
    expect(outside.message).toContain('không thuộc phạm vi');
    await expectAppError(
      registerForPlan(w.as('head'), w.plan.id, personBody(w.people.an.id)),
      'CONFLICT',
    );
    const collectivesOnly = await issuedPlan(
      t,
      w.users.officer.actor,
      w.users.issuerHead.actor,
      w.tree.province.id,
      { collectiveUnitKinds: ['one_stop'] },
      65,
    );
    const none = await expectAppError(
      registerForPlan(w.as('staffAn'), collectivesOnly.id, personBody(w.people.an.id)),
      'VALIDATION_FAILED',
      'personId',
    );
    expect(none.message).toContain('không có đối tượng thi đua là cá nhân');
    expect(await count(w.plan.id)).toBe(3);
  });
});

describe('registration deadline', () => {
  it('accepts on the deadline day until midnight in Vietnam, refuses a minute later', async () => {
    const w = await world(t);
    const ok = await registerForPlan(
      w.as('head', T.lastMinute),
      w.plan.id,
      unitBody(w.tree.oneStop.id),
    );
    expect(ok.late).toBe(false);
    const e = await expectAppError(
      registerForPlan(w.as('otherHead', T.justLate), w.plan.id, unitBody(w.otherOneStop.id)),
      'DEADLINE_PASSED',
    );
    expect(e.message).toContain('Đã quá hạn đăng ký thi đua (31/07/2020)');
    // Self-registration is held to the deadline as well.
    await expectAppError(
      registerForPlan(w.as('lonelyEm', T.justLate), w.plan.id, personBody(w.people.em.id)),
      'DEADLINE_PASSED',
    );
  });

  it('lets only the reviewer over the issuing unit accept late, with a reason, audited', async () => {
    const w = await world(t);
    const reason = 'Đơn vị bị ảnh hưởng bởi bão số 2, gửi văn bản chậm';
    for (const who of ['otherHead', 'communeOfficer'] as const)
      await expectAppError(
        registerForPlan(
          w.as(who, T.later),
          w.plan.id,
          unitBody(w.otherOneStop.id, { lateReason: reason }),
        ),
        who === 'otherHead' ? 'DEADLINE_PASSED' : 'FORBIDDEN',
      );
    // The commune's officer reviews the commune, not the district's plan: no late acceptance.
    await expectAppError(
      registerForPlan(
        w.as('communeOfficer', T.later),
        w.plan.id,
        unitBody(w.tree.oneStop.id, { lateReason: reason }),
      ),
      'DEADLINE_PASSED',
    );
    const noReason = await expectAppError(
      registerForPlan(w.as('officer', T.later), w.plan.id, unitBody(w.otherOneStop.id)),
      'DEADLINE_PASSED',
    );
    expect(noReason.details).toMatchObject({ canAcceptLate: true });
    const late = await registerForPlan(
      w.as('officer', T.later),
      w.plan.id,
      unitBody(w.otherOneStop.id, { lateReason: reason }),
    );
    expect(late).toMatchObject({ late: true, lateReason: reason, status: 'submitted' });
    const history = await entityHistory(w.sys, 'registration', late.id, {});
    expect(history.items[0]).toMatchObject({
      action: 'registration.accepted_late',
      after: { late: true, lateReason: reason },
    });
    // A reason given before the deadline changes nothing: the registration is on time.
    const onTime = await registerForPlan(
      w.as('head'),
      w.plan.id,
      unitBody(w.tree.oneStop.id, { lateReason: reason }),
    );
    expect(onTime).toMatchObject({ late: false, lateReason: null });
  });
});

describe('bulk registration of staff', () => {
  it('registers every listed person with the same commitments', async () => {
    const w = await world(t);
    const res = await registerStaffInBulk(w.as('head'), w.plan.id, {
      unitId: w.tree.commune.id,
      personIds: [w.people.an.id, w.people.binh.id, w.people.an.id],
      commitments,
    });
    expect(res.count).toBe(2);
    expect(res.items.map((r) => r.person?.fullName).sort()).toEqual([
      'Nguyễn Văn An',
      'Trần Thị Bình',
    ]);
    expect(res.items.every((r) => r.unit.id === w.tree.oneStop.id)).toBe(true);
    const history = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_event
      WHERE entity_type = 'registration' AND entity_id = ANY(${res.items.map((r) => String(r.id))}::text[])`.execute(
      t.db,
    );
    expect(history.rows[0]?.n).toBe(2);
  });

  it('is all or nothing, listing every person that fails', async () => {
    const w = await world(t);
    await registerForPlan(w.as('staffAn'), w.plan.id, personBody(w.people.an.id));
    const e = await expectAppError(
      registerStaffInBulk(w.as('head'), w.plan.id, {
        unitId: w.tree.commune.id,
        personIds: [w.people.binh.id, w.people.an.id, w.people.cuong.id, w.people.em.id, 2_000_000],
        commitments,
      }),
      'VALIDATION_FAILED',
    );
    expect(e.details?.fields?.map((f) => [f.field, f.label])).toEqual([
      ['personIds.1', 'Cán bộ Nguyễn Văn An'],
      ['personIds.2', 'Cán bộ Lê Văn Cường'],
      ['personIds.3', 'Cán bộ Hoàng Thị Em'],
      ['personIds.4', 'Cán bộ mã 2000000'],
    ]);
    expect(e.message).toContain('Nguyễn Văn An: đã đăng ký');
    expect(e.message).toContain('Hoàng Thị Em: không thuộc Xã Lương Điền');
    expect(await count(w.plan.id)).toBe(1);
    await expectAppError(
      registerStaffInBulk(w.as('otherHead'), w.plan.id, {
        unitId: w.tree.commune.id,
        personIds: [w.people.binh.id],
        commitments,
      }),
      'FORBIDDEN',
    );
    await expectAppError(
      registerStaffInBulk(testCtx(t, w.users.head.actor, at(T.later)), w.plan.id, {
        unitId: w.tree.commune.id,
        personIds: [w.people.binh.id],
        commitments,
      }),
      'DEADLINE_PASSED',
    );
    expect(await count(w.plan.id)).toBe(1);
  });
});
