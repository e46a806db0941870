import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/permissions';
import { createTestDb, type TestDb } from '../../test/db';
import { makeTree, makeUser, testCtx } from '../../test/factories';
import { samplePlanContent, samplePlanInput } from '../../test/plans';
import { createPlan, issuePlan, recordIssuedPlan, startChildPlan } from '../campaigns/index';
import { approveRegistration, registerForPlan, withdrawRegistration } from '../registrations/index';
import { getMyTodo } from './home.service';

/**
 * A province plan of 15/6/2026 that its communes must follow by 1/7 (cascade) and register to by
 * 10/7 (collectives: communes); a second province with its own officer sees none of it.
 */

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

const at = (iso: string) => () => new Date(iso);
/** 20/6/2026 10:00 in Vietnam. */
const NOW = '2026-06-20T03:00:00Z';
const commitments = {
  targetTitle: 'Tập thể lao động xuất sắc',
  targets: ['100% hồ sơ giải quyết đúng hạn'],
  keyTasks: [],
  breakthroughTasks: [],
};

async function world() {
  const sys = testCtx(t, undefined, at('2026-06-15T03:00:00Z'));
  const tree = await makeTree(sys);
  const outside = await makeTree(sys);
  const user = async (role: Role, unitId: number) => (await makeUser(sys, role, unitId)).actor;
  const users = {
    officer: await user('emulation_officer', tree.province.id),
    issuerHead: await user('unit_head', tree.province.id),
    communeOfficer: await user('emulation_officer', tree.commune.id),
    communeHead: await user('unit_head', tree.commune.id),
    otherOfficer: await user('emulation_officer', tree.otherCommune.id),
    outsideOfficer: await user('emulation_officer', outside.province.id),
    staff: await user('staff', tree.commune.id),
  };
  const as = (who: keyof typeof users, when = NOW) => testCtx(t, users[who], at(when));
  const draft = await createPlan(
    as('officer', '2026-06-15T03:00:00Z'),
    samplePlanInput(tree.province.id, {
      title: 'Phát động phong trào thi đua cải cách hành chính năm 2026',
      periodEnd: '2026-12-31',
      registrationDeadline: '2026-07-10',
      cascadeDeadline: '2026-07-01',
      cascadeUnitIds: [tree.commune.id, tree.otherCommune.id],
      content: samplePlanContent({
        participants: {
          collectiveUnitKinds: ['commune'],
          collectives: ['UBND các xã'],
          individualCategories: [],
          individuals: [],
        },
      }),
    }),
  );
  const plan = await recordIssuedPlan(as('issuerHead', '2026-06-15T03:00:00Z'), draft.id, {
    version: draft.version,
    documentNumber: '15/KH-UBND',
    issuedOn: '2026-06-15',
  });
  const todoOf = (who: keyof typeof users, when = NOW) => getMyTodo(as(who, when));
  const register = (who: keyof typeof users, unitId: number) =>
    registerForPlan(as(who), plan.id, { kind: 'collective', unitId, commitments });
  return { tree, users, as, plan, todoOf, register };
}

const kinds = (d: { kind: string; planId: number }[], planId: number) =>
  d.filter((x) => x.planId === planId).map((x) => x.kind);

describe('registrations waiting for review', () => {
  it("are the issuer's reviewer's, not another unit's or province's, and drop once approved", async () => {
    const w = await world();
    const reg = await w.register('communeHead', w.tree.commune.id);
    const mine = await w.todoOf('officer');
    expect(mine.todo.reviews).toMatchObject({ count: 1, planCount: 1 });
    expect(mine.todo.reviews.items).toEqual([
      {
        planId: w.plan.id,
        title: w.plan.title,
        documentNumber: '15/KH-UBND',
        issuerName: w.tree.province.name,
        count: 1,
        label: `15/KH-UBND (${w.tree.province.name}) — ${w.plan.title}`,
        link: `/plans/${w.plan.id}?tab=registrations`,
      },
    ]);
    // The commune's officer reviews only plans issued at or below the commune.
    expect((await w.todoOf('communeOfficer')).todo.reviews.count).toBe(0);
    expect((await w.todoOf('outsideOfficer')).todo.reviews.count).toBe(0);

    await w.register('otherOfficer', w.tree.otherCommune.id);
    expect((await w.todoOf('officer')).todo.reviews).toMatchObject({ count: 2, planCount: 1 });
    await approveRegistration(w.as('officer'), reg.id, { version: reg.version });
    const after = await w.todoOf('officer');
    expect(after.todo.reviews.count).toBe(1);
    expect(after.todo.reviews.items[0]?.count).toBe(1);
  });
});

describe('plans open for registration', () => {
  it('list plans where a unit the actor registers is eligible and not registered yet', async () => {
    const w = await world();
    const head = await w.todoOf('communeHead');
    expect(head.todo.registrations.count).toBe(1);
    expect(head.todo.registrations.items[0]).toMatchObject({
      planId: w.plan.id,
      deadline: '2026-07-10',
      daysLeft: 20,
      unitsNotRegistered: 1,
      link: `/plans/${w.plan.id}?tab=registrations`,
    });
    expect(head.deadlines.find((d) => d.kind === 'registration')).toMatchObject({
      planId: w.plan.id,
      date: '2026-07-10',
      daysLeft: 20,
      link: `/plans/${w.plan.id}?tab=registrations`,
    });
    // The province officer may register both communes; another province sees nothing.
    expect((await w.todoOf('officer')).todo.registrations.items[0]?.unitsNotRegistered).toBe(2);
    const outside = await w.todoOf('outsideOfficer');
    expect(outside.todo.registrations.count).toBe(0);
    expect(kinds(outside.deadlines, w.plan.id)).toEqual([]);
    expect((await w.todoOf('staff')).todo.registrations.count).toBe(0);

    const reg = await w.register('communeHead', w.tree.commune.id);
    const registered = await w.todoOf('communeHead');
    expect(registered.todo.registrations.count).toBe(0);
    expect(kinds(registered.deadlines, w.plan.id)).toEqual([]);
    expect((await w.todoOf('officer')).todo.registrations.items[0]?.unitsNotRegistered).toBe(1);
    expect((await w.todoOf('otherOfficer')).todo.registrations.count).toBe(1);
    // A withdrawn registration no longer counts as registered.
    await withdrawRegistration(w.as('communeHead'), reg.id, { version: reg.version });
    expect((await w.todoOf('communeHead')).todo.registrations.count).toBe(1);
  });

  it('stop after the registration deadline, a Vietnam date', async () => {
    const w = await world();
    const lastMinute = await w.todoOf('otherOfficer', '2026-07-10T16:59:00Z');
    expect(lastMinute.today).toBe('2026-07-10');
    expect(lastMinute.todo.registrations.items[0]?.daysLeft).toBe(0);
    expect(lastMinute.deadlines.find((d) => d.kind === 'registration')?.daysLeft).toBe(0);
    const late = await w.todoOf('otherOfficer', '2026-07-10T17:00:00Z');
    expect(late.today).toBe('2026-07-11');
    expect(late.todo.registrations.count).toBe(0);
    expect(late.deadlines.filter((d) => d.kind === 'registration')).toEqual([]);
  });
});

describe('cascade: units that must issue their own plan', () => {
  it("are the required unit's drafters', with the deadline, until the unit issues", async () => {
    const w = await world();
    const mine = await w.todoOf('communeOfficer');
    expect(mine.todo.cascade.count).toBe(1);
    expect(mine.todo.cascade.items[0]).toMatchObject({
      parentPlanId: w.plan.id,
      unitId: w.tree.commune.id,
      childPlanId: null,
      deadline: '2026-07-01',
      daysLeft: 11,
      overdue: false,
      link: `/plans/${w.plan.id}?tab=cascade`,
    });
    expect(mine.deadlines.find((d) => d.kind === 'cascade')).toMatchObject({
      planId: w.plan.id,
      daysLeft: 11,
    });
    // Drafting is held at the unit itself: not the head, not the province officer above it.
    expect((await w.todoOf('communeHead')).todo.cascade.count).toBe(0);
    expect((await w.todoOf('officer')).todo.cascade.count).toBe(0);
    expect((await w.todoOf('outsideOfficer')).todo.cascade.count).toBe(0);
    expect((await w.todoOf('otherOfficer')).todo.cascade.items[0]?.unitId).toBe(
      w.tree.otherCommune.id,
    );
    // The issuer follows its lower units' deadline.
    const issuer = await w.todoOf('officer');
    expect(issuer.deadlines.find((d) => d.kind === 'cascade')?.label).toContain(
      '2 đơn vị chưa ban hành',
    );

    const child = await startChildPlan(w.as('communeOfficer'), w.plan.id, {
      unitId: w.tree.commune.id,
    });
    const drafting = await w.todoOf('communeOfficer');
    expect(drafting.todo.cascade.items[0]?.childPlanId).toBe(child.id);
    expect(drafting.todo.cascade.items[0]?.label).toContain('đã có dự thảo');
    await issuePlan(w.as('communeHead'), child.id, {
      version: child.version,
      acknowledgeUnreviewed: true,
    });
    const issued = await w.todoOf('communeOfficer');
    expect(issued.todo.cascade.count).toBe(0);
    expect(kinds(issued.deadlines, w.plan.id)).not.toContain('cascade');
    expect(
      (await w.todoOf('officer')).deadlines.find((d) => d.kind === 'cascade')?.label,
    ).toContain('1 đơn vị chưa ban hành');
  });

  it('shows a passed deadline as overdue, and not among the upcoming ones', async () => {
    const w = await world();
    const late = await w.todoOf('otherOfficer', '2026-07-05T03:00:00Z');
    expect(late.todo.cascade.items[0]).toMatchObject({ daysLeft: -4, overdue: true });
    expect(kinds(late.deadlines, w.plan.id)).toEqual(['registration']);
    expect(late.deadlines.every((d) => d.daysLeft >= 0 && d.daysLeft <= 30)).toBe(true);
  });
});

describe('upcoming deadlines', () => {
  it('cover the next 30 days only, soonest first', async () => {
    const w = await world();
    const soon = await w.todoOf('otherOfficer');
    expect(kinds(soon.deadlines, w.plan.id)).toEqual(['cascade', 'registration']);
    expect(soon.deadlines.map((d) => d.date)).toEqual(['2026-07-01', '2026-07-10']);
    // 9/6 is 31 days before 10/7 and 22 before 1/7.
    const early = await w.todoOf('otherOfficer', '2026-06-09T03:00:00Z');
    expect(kinds(early.deadlines, w.plan.id)).toEqual(['cascade']);
    expect(early.horizonDays).toBe(30);
  });

  it('are empty for a user with nothing to do', async () => {
    const w = await world();
    const none = await w.todoOf('staff');
    expect(none).toMatchObject({ total: 0, deadlines: [] });
    expect(none.todo.sheets).toEqual({
      count: 0,
      label: 'Phiếu chấm điểm chờ bạn xử lý',
      link: '/evaluation',
    });
  });
});
