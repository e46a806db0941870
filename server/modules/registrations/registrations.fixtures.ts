import { sql } from 'kysely';
import type { PlanContentInput } from '../../../shared/campaign';
import type { Role } from '../../../shared/permissions';
import type { Actor, Ctx } from '../../platform/context';
import type { TestDb } from '../../test/db';
import { makePerson, makeTree, testCtx } from '../../test/factories';
import { samplePlanContent, samplePlanInput } from '../../test/plans';
import { createAccount, grantRole, loadUserActor } from '../auth/index';
import { createPlan, recordIssuedPlan } from '../campaigns/index';
import { createUnit } from '../organization/index';

/**
 * A seed-002-like world for registration tests: a "district" (the test tree's province) issues a
 * plan on 15/6/2020 whose participants are the one-stop units and the civil servants (công chức)
 * below it, registration deadline 31/7/2020.
 */

export const at = (iso: string) => () => new Date(iso);
/** Instants around the deadline, in UTC: Vietnam is UTC+7. */
export const T = {
  issued: '2020-06-15T03:00:00Z',
  onTime: '2020-07-15T02:00:00Z',
  /** 31/7/2020 23:59 in Vietnam: still the deadline day. */
  lastMinute: '2020-07-31T16:59:00Z',
  /** 1/8/2020 00:00 in Vietnam: one minute late. */
  justLate: '2020-07-31T17:00:00Z',
  later: '2020-08-20T02:00:00Z',
};

export const commitments = {
  targetTitle: 'Tập thể lao động xuất sắc',
  targets: ['100% hồ sơ giải quyết đúng hạn', 'Tỷ lệ hồ sơ trực tuyến đạt 80%'],
  keyTasks: ['Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính'],
  breakthroughTasks: ['Triển khai thanh toán trực tuyến phí, lệ phí'],
};

let seq = 0;

export { expectAppError } from '../../test/errors';

/** An account with a role at a unit (or none) and optionally linked to a person. */
export async function makeActor(
  sys: Ctx,
  role: Role | null,
  unitId: number | null,
  personId: number | null = null,
) {
  const username = `reg${Date.now().toString(36)}${(++seq).toString(36)}`;
  const account = await createAccount(sys, {
    username,
    displayName: `Người dùng ${username}`,
    password: 'mat-khau-thu-1',
    personId,
  });
  if (role !== null) await grantRole(sys, account.id, { role, unitId });
  return { username, password: 'mat-khau-thu-1', actor: await loadUserActor(sys.db, account.id) };
}

/** Issues a plan of `issuerId` (recorded as 62/KH-UBND of 15/6/2020) with these participants. */
export async function issuedPlan(
  t: TestDb,
  officer: Actor,
  head: Actor,
  issuerId: number,
  participants: PlanContentInput['participants'],
  number = 62,
) {
  const draft = await createPlan(
    testCtx(t, officer, at(T.issued)),
    samplePlanInput(issuerId, {
      title: 'Phát động phong trào thi đua thực hiện nhiệm vụ cải cách hành chính năm 2020',
      place: 'An Biên',
      periodStart: null,
      periodEnd: '2020-12-31',
      registrationDeadline: '2020-07-31',
      content: samplePlanContent({ participants }),
    }),
  );
  return recordIssuedPlan(testCtx(t, head, at(T.issued)), draft.id, {
    version: draft.version,
    documentNumber: `${number}/KH-UBND`,
    issuedOn: '2020-06-15',
  });
}

export async function world(t: TestDb) {
  const sys = testCtx(t, undefined, at(T.issued));
  const tree = await makeTree(sys);
  const outside = await makeTree(sys);
  const otherOneStop = await createUnit(sys, {
    parentId: tree.otherCommune.id,
    name: 'Bộ phận một cửa Ngọc Liên',
    kind: 'one_stop',
  });
  const people = {
    an: await makePerson(sys, tree.oneStop.id, 'Nguyễn Văn An', { position: 'Công chức Tư pháp' }),
    binh: await makePerson(sys, tree.oneStop.id, 'Trần Thị Bình', { gender: 'female' }),
    cuong: await makePerson(sys, tree.office.id, 'Lê Văn Cường', { category: 'can_bo' }),
    dung: await makePerson(sys, tree.office.id, 'Phạm Văn Dũng'),
    em: await makePerson(sys, otherOneStop.id, 'Hoàng Thị Em', { gender: 'female' }),
    giang: await makePerson(sys, outside.oneStop.id, 'Đỗ Văn Giang'),
  };
  // No longer working: people are created active, so set it directly.
  await sql`UPDATE person SET active = false WHERE id = ${people.dung.id}`.execute(t.db);
  const users = {
    officer: await makeActor(sys, 'emulation_officer', tree.province.id),
    issuerHead: await makeActor(sys, 'unit_head', tree.province.id),
    head: await makeActor(sys, 'unit_head', tree.commune.id),
    communeOfficer: await makeActor(sys, 'emulation_officer', tree.commune.id),
    otherHead: await makeActor(sys, 'unit_head', tree.otherCommune.id),
    staffAn: await makeActor(sys, 'staff', tree.commune.id, people.an.id),
    lonelyEm: await makeActor(sys, null, null, people.em.id),
    admin: await makeActor(sys, 'admin', null),
  };
  const plan = await issuedPlan(t, users.officer.actor, users.issuerHead.actor, tree.province.id, {
    collectiveUnitKinds: ['one_stop'],
    individualCategories: ['cong_chuc'],
  });
  /** The service context of a user at an instant (default: on time). */
  const as = (who: keyof typeof users, when: string = T.onTime) =>
    testCtx(t, users[who].actor, at(when));
  return { sys, tree, outside, otherOneStop, people, users, plan, as };
}
export type World = Awaited<ReturnType<typeof world>>;
