import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { makeTree, makeUser, testCtx } from '../../test/factories';
import { samplePlanInput } from '../../test/plans';
import { AppError } from '../../platform/errors';
import { createUnit } from '../organization/index';
import { listNotifications } from '../notifications/index';
import { createPlan, getPlanDetail } from './plans.service';
import { issuePlan } from './issue-plan';
import { cascadeBoard, planTree, sendCascadeReminders, startChildPlan } from './cascade.service';
import { reviewCarriedSection } from './carried-sections';
import { samplePlanContent } from '../../test/plans';
import { expectAppError } from '../../test/errors';
import { entityHistory } from '../audit/index';
import { sendPlanDeadlineReminders } from './deadline-reminders';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

const at = (actor: Parameters<typeof testCtx>[1], iso: string) =>
  testCtx(t, actor, () => new Date(`${iso}T02:00:00Z`));

/** A district with three communes; the district issues a plan requiring two of them to follow. */
async function setup() {
  const sys = testCtx(t);
  const tree = await makeTree(sys);
  const district = await createUnit(sys, {
    parentId: tree.province.id,
    name: `Huyện Châu Thành ${tree.province.id}`,
    kind: 'district',
  });
  const [a, b, c] = await Promise.all(
    ['Xã Thái Bình', 'Xã Hảo Đước', 'Xã An Bình'].map((name) =>
      createUnit(sys, { parentId: district.id, name, kind: 'commune' }),
    ),
  );
  if (!a || !b || !c) throw new Error('units');
  const districtOfficer = await makeUser(sys, 'emulation_officer', district.id);
  const districtHead = await makeUser(sys, 'unit_head', district.id);
  const officerA = await makeUser(sys, 'emulation_officer', a.id);
  const headA = await makeUser(sys, 'unit_head', a.id);
  const officerB = await makeUser(sys, 'emulation_officer', b.id);
  const draft = await createPlan(
    at(districtOfficer.actor, '2026-02-18'),
    samplePlanInput(district.id, {
      periodEnd: '2026-12-31',
      cascadeDeadline: '2026-02-28',
      cascadeUnitIds: [a.id, b.id],
    }),
  );
  const parent = await issuePlan(at(districtHead.actor, '2026-02-18'), draft.id, {
    version: draft.version,
  });
  return {
    sys,
    tree,
    district,
    a,
    b,
    c,
    districtOfficer,
    districtHead,
    officerA,
    headA,
    officerB,
    parent,
  };
}

describe('cascade', () => {
  it('pre-fills a commune plan from its parent and lists every required unit on the board', async () => {
    const s = await setup();
    const day = '2026-02-20';
    const board0 = await cascadeBoard(at(s.districtOfficer.actor, day), s.parent.id);
    expect(board0.counts).toEqual({ issued: 0, late: 0, draft: 0, missing: 2 });
    expect(board0.daysLeft).toBe(8);

    const child = await startChildPlan(at(s.officerA.actor, day), s.parent.id, { unitId: s.a.id });
    expect(child.parentPlanId).toBe(s.parent.id);
    expect(child.place).toBe('Thái Bình');
    expect(child.content.legalBases[0]).toMatchObject({
      number: s.parent.documentNumber,
      date: '2026-02-18',
      planId: s.parent.id,
    });
    expect(child.content.legalBases[0]?.text).toContain(
      `Kế hoạch số ${s.parent.documentNumber} ngày 18/02/2026`,
    );
    expect(child.content.contents).toEqual(s.parent.content.contents);
    expect(child.content.signer).toEqual({
      authority: 'TM. ỦY BAN NHÂN DÂN',
      title: 'CHỦ TỊCH',
      name: null,
    });

    const board1 = await cascadeBoard(at(s.districtOfficer.actor, day), s.parent.id);
    expect(board1.counts).toEqual({ issued: 0, late: 0, draft: 1, missing: 1 });
    expect(board1.units.find((u) => u.unit.id === s.a.id)?.plan).toMatchObject({ id: child.id });
    // Another commune sees that A is drafting, but not the draft itself.
    const seenByB = await cascadeBoard(at(s.officerB.actor, day), s.parent.id);
    expect(seenByB.units.find((u) => u.unit.id === s.a.id)?.plan).toMatchObject({
      id: null,
      status: 'draft',
      linked: false,
    });

    // A second child for the same unit is refused; another unit's officer cannot start it.
    await expect(
      startChildPlan(at(s.officerA.actor, day), s.parent.id, { unitId: s.a.id }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      startChildPlan(at(s.officerB.actor, day), s.parent.id, { unitId: s.a.id }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const withSigner = await getPlanDetail(at(s.officerA.actor, day), child.id);
    const issued = await issuePlan(at(s.headA.actor, '2026-02-25'), child.id, {
      version: withSigner.version,
      acknowledgeUnreviewed: true,
    });
    expect(issued.documentNumber).toBe('01/KH-UBND');
    const board2 = await cascadeBoard(at(s.districtOfficer.actor, '2026-03-02'), s.parent.id);
    const byUnit = Object.fromEntries(board2.units.map((u) => [u.unit.id, u]));
    expect(byUnit[s.a.id]?.state).toBe('issued');
    expect(byUnit[s.a.id]?.plan).toMatchObject({
      id: child.id,
      documentNumber: '01/KH-UBND',
      linked: true,
    });
    expect(byUnit[s.b.id]?.state).toBe('late');
    expect(board2.counts).toEqual({ issued: 1, late: 1, draft: 0, missing: 0 });
  });

  it('marks a plan issued after the deadline as late', async () => {
    const s = await setup();
    const child = await startChildPlan(at(s.officerA.actor, '2026-02-20'), s.parent.id, {
      unitId: s.a.id,
    });
    await issuePlan(at(s.headA.actor, '2026-03-03'), child.id, {
      version: child.version,
      acknowledgeUnreviewed: true,
    });
    const board = await cascadeBoard(at(s.districtOfficer.actor, '2026-03-05'), s.parent.id);
    expect(board.units.find((u) => u.unit.id === s.a.id)?.state).toBe('late');
  });

  it('refuses a child plan for a unit outside the parent issuer and for a draft parent', async () => {
    const s = await setup();
    const outsider = await makeUser(s.sys, 'emulation_officer', s.tree.commune.id);
    const e = await startChildPlan(at(outsider.actor, '2026-02-20'), s.parent.id, {
      unitId: s.tree.commune.id,
    }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('VALIDATION_FAILED');
    // Naming a parent directly goes through the same checks.
    await expect(
      createPlan(
        at(outsider.actor, '2026-02-20'),
        samplePlanInput(s.tree.commune.id, { parentPlanId: s.parent.id }),
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const draft = await createPlan(
      at(s.districtOfficer.actor, '2026-02-20'),
      samplePlanInput(s.district.id),
    );
    await expect(
      startChildPlan(at(s.officerA.actor, '2026-02-20'), draft.id, { unitId: s.a.id }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('reminds required units that have not issued, once per stage, and not those that have', async () => {
    const s = await setup();
    const child = await startChildPlan(at(s.officerB.actor, '2026-02-20'), s.parent.id, {
      unitId: s.b.id,
    });
    expect(child.status).toBe('draft');
    // Other tests' plans share the database: count this plan's units' notifications only.
    const mine = async () =>
      (await listNotifications(testCtx(t, s.officerA.actor), {})).total +
      (await listNotifications(testCtx(t, s.officerB.actor), {})).total;
    const job = async (iso: string) => {
      const before = await mine();
      await sendCascadeReminders(at(s.sys.actor, iso));
      return (await mine()) - before;
    };
    expect(await job('2026-02-20')).toBe(0); // 8 days left: too early
    expect(await job('2026-02-21')).toBe(2); // 7 days: both units
    expect(await job('2026-02-21')).toBe(0); // the same stage is not sent twice
    const childA = await startChildPlan(at(s.officerA.actor, '2026-02-22'), s.parent.id, {
      unitId: s.a.id,
    });
    await issuePlan(at(s.headA.actor, '2026-02-22'), childA.id, {
      version: childA.version,
      acknowledgeUnreviewed: true,
    });
    expect(await job('2026-02-25')).toBe(1); // 3 days: only B, A has issued
    expect(await job('2026-03-01')).toBe(1); // overdue notice for B
    const forB = await listNotifications(testCtx(t, s.officerB.actor), {});
    expect(forB.items.map((n) => n.title)).toEqual([
      expect.stringContaining('Quá hạn'),
      expect.stringContaining('Còn 3 ngày'),
      expect.stringContaining('Còn 7 ngày'),
    ]);
    expect(forB.unread).toBe(3);
    const pastTheEnd = await listNotifications(testCtx(t, s.officerB.actor), { page: 9 });
    expect(pastTheEnd).toMatchObject({ items: [], total: 3, unread: 3 });
    const forA = await listNotifications(testCtx(t, s.officerA.actor), {});
    expect(forA.items).toHaveLength(1);
  });

  it('browses the plan tree both ways', async () => {
    const s = await setup();
    const child = await startChildPlan(at(s.officerA.actor, '2026-02-20'), s.parent.id, {
      unitId: s.a.id,
    });
    const up = await planTree(at(s.officerA.actor, '2026-02-20'), child.id);
    expect(up.ancestors.map((p) => p.id)).toEqual([s.parent.id]);
    const down = await planTree(at(s.districtOfficer.actor, '2026-02-20'), s.parent.id);
    expect(down.children.map((p) => p.id)).toEqual([child.id]);
    // Another commune's officer sees the issued parent but not A's draft below it.
    const other = await planTree(at(s.officerB.actor, '2026-02-20'), s.parent.id);
    expect(other.children).toEqual([]);
  });

  it('reminds the issuing unit of its registration deadline and other deadlines', async () => {
    const s = await setup();
    const head = testCtx(t, s.districtHead.actor);
    const before = (await listNotifications(head, {})).total;
    // The parent's registration deadline is 2026-12-31 (sample plan): three days before it …
    await sendPlanDeadlineReminders(at(s.sys.actor, '2026-12-28'));
    await sendPlanDeadlineReminders(at(s.sys.actor, '2026-12-28'));
    const after = await listNotifications(head, {});
    expect(after.total - before).toBe(1);
    expect(after.items[0]?.title).toBe('Hạn đăng ký thi đua: còn 3 ngày (31/12/2026)');
  });

  it('says the days actually left in Vietnam, not the stage, when a stage is first sent late', async () => {
    const s = await setup();
    const head = testCtx(t, s.districtHead.actor);
    const officerB = testCtx(t, s.officerB.actor);
    // 17:00 UTC on 25/12 is midnight in Vietnam: 26/12, five days before the 31/12 deadline.
    // The 7-day stage was never sent, so it goes now — saying 5 days, not 7.
    await sendPlanDeadlineReminders(
      testCtx(t, s.sys.actor, () => new Date('2026-12-25T17:00:00Z')),
    );
    expect((await listNotifications(head, {})).items[0]?.title).toBe(
      'Hạn đăng ký thi đua: còn 5 ngày (31/12/2026)',
    );
    // The cascade deadline is 28/02/2026: at 16:59 UTC on 22/02 it is 23:59 in Vietnam, 6 days.
    await sendCascadeReminders(testCtx(t, s.sys.actor, () => new Date('2026-02-22T16:59:00Z')));
    expect((await listNotifications(officerB, {})).items[0]?.title).toMatch(/^Còn 6 ngày/);
    const board = await cascadeBoard(
      testCtx(t, s.districtOfficer.actor, () => new Date('2026-02-22T17:00:00Z')),
      s.parent.id,
    );
    expect(board.daysLeft).toBe(5);
  });

  it('adapts the district wording to the commune and has the officer review each carried section', async () => {
    const s = await setup();
    const sys = s.sys;
    // Hảo Đước (B) has its own offices: they, not the district departments, are its collectives.
    for (const [name, kind] of [
      ['Văn phòng HĐND và UBND', 'department'],
      ['Bộ phận tiếp nhận và trả kết quả', 'one_stop'],
    ] as const)
      await createUnit(sys, { parentId: s.b.id, name, kind });
    const short = s.district.name.replace(/^Huyện /u, '');
    // Seed 001's wording, as the district wrote it.
    const draft = await createPlan(
      at(s.districtOfficer.actor, '2026-02-18'),
      samplePlanInput(s.district.id, {
        title: `Phát động phong trào thi đua thực hiện nhiệm vụ cải cách hành chính trên địa bàn huyện ${short} từ nay đến năm 2027`,
        periodEnd: '2027-12-31',
        registrationDeadline: '2026-12-31',
        cascadeUnitIds: [s.b.id],
        content: samplePlanContent({
          goals: [
            'Duy trì, cải thiện, nâng cao điểm số và vị trí xếp hạng đối với chỉ số cải cách hành chính của huyện qua từng năm.',
          ],
          contents: [
            'Xác định công tác cải cách hành chính thực sự là nhiệm vụ trọng tâm, thường xuyên và là khâu đột phá của huyện.',
            'Góp phần thực hiện Quyết định số 1012/QĐ-UBND ngày 05/5/2021 của UBND huyện về cải cách hành chính.',
          ],
        }),
      }),
    );
    const parent = await issuePlan(at(s.districtHead.actor, '2026-02-18'), draft.id, {
      version: draft.version,
    });
    const day = '2026-02-20';
    const child = await startChildPlan(at(s.officerB.actor, day), parent.id, { unitId: s.b.id });
    expect(child.title).toBe(
      'Phát động phong trào thi đua thực hiện nhiệm vụ cải cách hành chính trên địa bàn xã Hảo Đước từ nay đến năm 2027',
    );
    expect(child.content.goals[0]).toContain('chỉ số cải cách hành chính của xã qua từng năm');
    expect(child.content.contents).toEqual([
      'Xác định công tác cải cách hành chính thực sự là nhiệm vụ trọng tâm, thường xuyên và là khâu đột phá của xã.',
      // A citation of the district's decision stays the district's.
      'Góp phần thực hiện Quyết định số 1012/QĐ-UBND ngày 05/5/2021 của UBND huyện về cải cách hành chính.',
    ]);
    expect(child.content.rewards[0]?.issuerTitle).toBe('Chủ tịch UBND xã');
    expect(child.content.participants).toMatchObject({
      collectiveUnitKinds: ['department', 'one_stop'],
      collectives: ['Bộ phận tiếp nhận và trả kết quả', 'Văn phòng HĐND và UBND'],
      individualCategories: ['can_bo', 'cong_chuc'],
    });
    expect(child.content.legalBases[0]?.text).toContain(`của UBND huyện ${short} về việc`);
    expect(child.content.recipients[0]).toBe(`UBND huyện ${short} (b/c)`);

    const detail = await getPlanDetail(at(s.officerB.actor, day), child.id);
    expect(detail.carriedSections.map((c) => [c.section, c.adapted, c.reviewedAt])).toEqual([
      ['general', true, null],
      ['aims', true, null],
      ['contents', true, null],
      ['participants', true, null],
      ['criteria', false, null],
      ['time', false, null],
      ['rewards', true, null],
    ]);

    // Only the unit's officer reviews; a section the plan did not carry is not found.
    const headB = await makeUser(s.sys, 'unit_head', s.b.id);
    await expectAppError(
      reviewCarriedSection(at(headB.actor, day), child.id, 'contents'),
      'FORBIDDEN',
    );
    await expectAppError(
      reviewCarriedSection(at(s.officerB.actor, day), child.id, 'contest'),
      'NOT_FOUND',
    );
    await expectAppError(
      reviewCarriedSection(at(s.officerB.actor, day), child.id, 'quotas'),
      'VALIDATION_FAILED',
    );
    const reviewed = await reviewCarriedSection(at(s.officerB.actor, day), child.id, 'contents');
    expect(reviewed.items.find((c) => c.section === 'contents')).toMatchObject({
      reviewedAt: '2026-02-20T02:00:00.000Z',
      reviewedByName: expect.any(String),
    });
    // Reviewing does not move the draft's version: an open editor can still save.
    expect((await getPlanDetail(at(s.officerB.actor, day), child.id)).version).toBe(child.version);

    // The head cannot issue with six sections unreviewed unless acknowledged …
    const e = await expectAppError(
      issuePlan(at(headB.actor, day), child.id, { version: child.version }),
      'INVALID_STATE',
    );
    expect(e.message).toContain('còn 6 phần mang sang từ kế hoạch cấp trên chưa được xem lại');
    expect(e.message).toContain('Khen thưởng');
    expect(e.details).toMatchObject({ acknowledge: 'acknowledgeUnreviewed' });
    // … and issues without a word once all are reviewed.
    for (const c of detail.carriedSections)
      await reviewCarriedSection(at(s.officerB.actor, day), child.id, c.section);
    const issued = await issuePlan(at(headB.actor, day), child.id, { version: child.version });
    expect(issued.status).toBe('in_progress');
    const history = await entityHistory(at(s.officerB.actor, day), 'campaign_plan', child.id, {});
    expect(history.items.filter((h) => h.action === 'plan.section_reviewed')).toHaveLength(7);
    await expectAppError(
      reviewCarriedSection(at(s.officerB.actor, day), child.id, 'contents'),
      'INVALID_STATE',
    );
  });

  it('keeps the acknowledgement of unreviewed sections in the audit event', async () => {
    const s = await setup();
    const child = await startChildPlan(at(s.officerA.actor, '2026-02-20'), s.parent.id, {
      unitId: s.a.id,
    });
    await issuePlan(at(s.headA.actor, '2026-02-20'), child.id, {
      version: child.version,
      acknowledgeUnreviewed: true,
    });
    const history = await entityHistory(
      at(s.officerA.actor, '2026-02-20'),
      'campaign_plan',
      child.id,
      {},
    );
    expect(history.items.find((h) => h.action === 'plan.issued')?.after).toMatchObject({
      acknowledgedUnreviewed: expect.arrayContaining(['general', 'contents', 'rewards']),
    });
  });
});
