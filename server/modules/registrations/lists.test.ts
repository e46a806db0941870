import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { registerForPlan, registerStaffInBulk } from './registrations.service';
import { approveRegistration, withdrawRegistration } from './review.service';
import { listPlanRegistrations, registrationProgress } from './lists.service';
import { commitments, world, type World } from './registrations.fixtures';

let t: TestDb;
let w: World;
let ids: { oneStop: number; binh: number };

/** One plan with registrations in two communes: the commune's unit and staff, the other's. */
beforeAll(async () => {
  t = await createTestDb();
  w = await world(t);
  const oneStop = await registerForPlan(w.as('head'), w.plan.id, {
    kind: 'collective',
    unitId: w.tree.oneStop.id,
    commitments,
  });
  const staff = await registerStaffInBulk(w.as('head'), w.plan.id, {
    unitId: w.tree.oneStop.id,
    personIds: [w.people.an.id, w.people.binh.id],
    commitments,
  });
  await registerForPlan(w.as('otherHead'), w.plan.id, {
    kind: 'collective',
    unitId: w.otherOneStop.id,
    commitments,
  });
  await registerForPlan(w.as('lonelyEm'), w.plan.id, {
    kind: 'individual',
    personId: w.people.em.id,
    commitments,
  });
  await approveRegistration(w.as('officer'), oneStop.id, { version: oneStop.version });
  const binh = staff.items.find((r) => r.person?.id === w.people.binh.id);
  ids = { oneStop: oneStop.id, binh: binh?.id ?? 0 };
});
afterAll(async () => {
  await t.close();
});

const names = (items: { unit: { name: string }; person: { fullName: string } | null }[]) =>
  items.map((r) => r.person?.fullName ?? r.unit.name);

describe('registration list', () => {
  it('shows everything to the plan’s tree, the actor’s subtree to others, and own ones', async () => {
    const all = await listPlanRegistrations(w.as('officer'), w.plan.id, {});
    expect(all.total).toBe(5);
    // Collectives first, then people by given name.
    expect(names(all.items)).toEqual([
      'Bộ phận một cửa',
      'Bộ phận một cửa Ngọc Liên',
      'Nguyễn Văn An',
      'Trần Thị Bình',
      'Hoàng Thị Em',
    ]);
    const commune = await listPlanRegistrations(w.as('head'), w.plan.id, {});
    expect(names(commune.items)).toEqual(['Bộ phận một cửa', 'Nguyễn Văn An', 'Trần Thị Bình']);
    // Each row carries the actor's permissions: the officer reviews, the head acts as registrant.
    expect(all.items.every((r) => r.permissions.canApprove === (r.status === 'submitted'))).toBe(
      true,
    );
    expect(commune.items.map((r) => r.permissions.canApprove)).toEqual([false, false, false]);
    expect(commune.items.some((r) => r.permissions.canWithdraw || r.permissions.canResubmit)).toBe(
      true,
    );
    const other = await listPlanRegistrations(w.as('otherHead'), w.plan.id, {});
    expect(names(other.items)).toEqual(['Bộ phận một cửa Ngọc Liên', 'Hoàng Thị Em']);
    const own = await listPlanRegistrations(w.as('lonelyEm'), w.plan.id, {});
    expect(names(own.items)).toEqual(['Hoàng Thị Em']);
  });

  it('filters by status, kind, unit subtree and accent-insensitive name, and pages', async () => {
    const list = (q: object) => listPlanRegistrations(w.as('officer'), w.plan.id, q);
    expect(names((await list({ status: 'approved' })).items)).toEqual(['Bộ phận một cửa']);
    expect((await list({ kind: 'individual' })).total).toBe(3);
    expect(names((await list({ unitId: w.tree.otherCommune.id })).items)).toEqual([
      'Bộ phận một cửa Ngọc Liên',
      'Hoàng Thị Em',
    ]);
    expect(names((await list({ search: 'nguyen van AN' })).items)).toEqual(['Nguyễn Văn An']);
    expect((await list({ search: 'ngọc liên' })).total).toBe(2);
    expect((await list({ search: '100%' })).total).toBe(0);
    const page = await list({ page: 2, pageSize: 2 });
    expect(page.total).toBe(5);
    expect(names(page.items)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình']);
  });
});

describe('progress by unit', () => {
  it('counts eligible units and staff, registered ones, for the whole plan', async () => {
    const p = await registrationProgress(w.as('officer'), w.plan.id, {});
    expect(p).toMatchObject({
      unitsEligible: 2,
      unitsRegistered: 2,
      peopleEligible: 3,
      peopleRegistered: 3,
      total: 2,
    });
    expect(p.items).toMatchObject([
      {
        unitName: 'Bộ phận một cửa',
        parentName: 'Xã Lương Điền',
        status: 'approved',
        peopleRegistered: 2,
        peopleEligible: 2,
      },
      {
        unitName: 'Bộ phận một cửa Ngọc Liên',
        status: 'submitted',
        peopleRegistered: 1,
        peopleEligible: 1,
      },
    ]);
  });

  it('keeps to the actor’s subtree, leaves withdrawn registrations out and searches', async () => {
    const bin = (await listPlanRegistrations(w.as('head'), w.plan.id, { search: 'binh' })).items;
    await withdrawRegistration(w.as('head'), ids.binh, { version: bin[0]?.version ?? 0 });
    const p = await registrationProgress(w.as('head'), w.plan.id, {});
    expect(p).toMatchObject({
      unitsEligible: 1,
      unitsRegistered: 1,
      peopleEligible: 2,
      peopleRegistered: 1,
    });
    expect(p.items).toMatchObject([{ unitName: 'Bộ phận một cửa', peopleRegistered: 1 }]);
    const searched = await registrationProgress(w.as('officer'), w.plan.id, {
      search: 'ngoc lien',
    });
    expect(searched.items.map((r) => r.unitName)).toEqual(['Bộ phận một cửa Ngọc Liên']);
    expect(searched.unitsEligible).toBe(2);
  });
});
