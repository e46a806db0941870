import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, type TestDb } from '../../test/db';
import { entityHistory } from '../audit/index';
import { registerForPlan, registerStaffInBulk } from './registrations.service';
import {
  approveRegistration,
  getRegistrationDetail,
  resubmitRegistration,
  returnRegistration,
  reviewRegistrationsInBulk,
  updateRegistration,
  withdrawRegistration,
} from './review.service';
import { T, commitments, expectAppError, world, type World } from './registrations.fixtures';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

const registerOneStop = (w: World) =>
  registerForPlan(w.as('head'), w.plan.id, {
    kind: 'collective',
    unitId: w.tree.oneStop.id,
    commitments,
  });

const actions = async (w: World, id: number) =>
  (await entityHistory(w.sys, 'registration', id, {})).items.map((e) => e.action);

describe('review', () => {
  it('lets only the reviewer over the issuing unit approve, with the current version', async () => {
    const w = await world(t);
    const r = await registerOneStop(w);
    for (const who of ['head', 'communeOfficer', 'otherHead', 'staffAn'] as const)
      await expectAppError(
        approveRegistration(w.as(who), r.id, { version: r.version }),
        'FORBIDDEN',
      );
    await expectAppError(
      approveRegistration(w.as('officer'), r.id, { version: r.version + 1 }),
      'CONFLICT',
    );
    const approved = await approveRegistration(w.as('officer'), r.id, { version: r.version });
    expect(approved).toMatchObject({ status: 'approved', version: 2 });
    expect(approved.decidedByName).toContain('Người dùng');
    await expectAppError(
      approveRegistration(w.as('officer'), r.id, { version: approved.version }),
      'INVALID_STATE',
    );
    await expectAppError(
      withdrawRegistration(w.as('head'), r.id, { version: approved.version }),
      'INVALID_STATE',
    );
    const history = await entityHistory(w.sys, 'registration', r.id, {});
    expect(history.items[0]).toMatchObject({
      action: 'registration.approved',
      before: { status: 'submitted' },
      after: { status: 'approved' },
    });
    const paths = await sql<{ unitPath: string }>`SELECT unit_path AS "unitPath" FROM audit_event
      WHERE entity_type = 'registration' AND entity_id = ${String(r.id)}`.execute(t.db);
    const unit = await sql<{ path: string }>`SELECT path::text AS path FROM org_unit
      WHERE id = ${w.tree.oneStop.id}`.execute(t.db);
    expect(new Set(paths.rows.map((p) => p.unitPath))).toEqual(new Set([unit.rows[0]?.path]));
  });

  it('returns with a reason; the registrant edits and resubmits after the deadline', async () => {
    const w = await world(t);
    const r = await registerOneStop(w);
    const missing = await expectAppError(
      returnRegistration(w.as('officer'), r.id, { version: r.version, reason: '  ' }),
      'VALIDATION_FAILED',
      'reason',
    );
    expect(missing.message).toContain('Lý do');
    const reason = 'Chỉ tiêu chưa lượng hóa được, đề nghị bổ sung tỷ lệ cụ thể';
    const returned = await returnRegistration(w.as('officer', T.later), r.id, {
      version: r.version,
      reason,
    });
    expect(returned).toMatchObject({ status: 'returned', returnReason: reason, version: 2 });
    await expectAppError(
      approveRegistration(w.as('officer'), r.id, { version: returned.version }),
      'INVALID_STATE',
    );
    const targets = ['100% hồ sơ đúng hạn', 'Tỷ lệ hài lòng đạt 95%'];
    await expectAppError(
      updateRegistration(w.as('otherHead', T.later), r.id, {
        version: returned.version,
        commitments: { ...commitments, targets },
      }),
      'FORBIDDEN',
    );
    const edited = await updateRegistration(w.as('head', T.later), r.id, {
      version: returned.version,
      commitments: { ...commitments, targets },
    });
    expect(edited).toMatchObject({ status: 'returned', version: 3 });
    expect(edited.commitments.targets).toEqual(targets);
    await expectAppError(
      resubmitRegistration(w.as('head', T.later), r.id, { version: returned.version }),
      'CONFLICT',
    );
    const again = await resubmitRegistration(w.as('head', T.later), r.id, {
      version: edited.version,
    });
    expect(again).toMatchObject({ status: 'submitted', returnReason: null, late: false });
    await expectAppError(
      resubmitRegistration(w.as('head', T.later), r.id, { version: again.version }),
      'INVALID_STATE',
    );
    const history = await entityHistory(w.sys, 'registration', r.id, {});
    expect(await actions(w, r.id)).toEqual([
      'registration.resubmitted',
      'registration.updated',
      'registration.returned',
      'registration.submitted',
    ]);
    expect(history.items[2]?.after).toMatchObject({ status: 'returned', reason });
    expect(history.items[1]?.after).toMatchObject({ commitments: { targets } });
  });

  it('withdraws a registration not yet approved, so the unit may register again', async () => {
    const w = await world(t);
    const r = await registerOneStop(w);
    await expectAppError(
      withdrawRegistration(w.as('otherHead'), r.id, { version: r.version }),
      'FORBIDDEN',
    );
    const withdrawn = await withdrawRegistration(w.as('head'), r.id, { version: r.version });
    expect(withdrawn.status).toBe('withdrawn');
    await expectAppError(
      updateRegistration(w.as('head'), r.id, { version: withdrawn.version, commitments }),
      'INVALID_STATE',
    );
    const second = await registerOneStop(w);
    expect(second.id).not.toBe(r.id);
  });

  it('lets a person change their own registration, and no one after the plan is cancelled', async () => {
    const w = await world(t);
    const own = await registerForPlan(w.as('lonelyEm'), w.plan.id, {
      kind: 'individual',
      personId: w.people.em.id,
      commitments,
    });
    const edited = await updateRegistration(w.as('lonelyEm'), own.id, {
      version: own.version,
      commitments: { ...commitments, targetTitle: 'Lao động tiên tiến' },
    });
    expect(edited.commitments.targetTitle).toBe('Lao động tiên tiến');
    await expectAppError(
      updateRegistration(w.as('staffAn'), own.id, { version: edited.version, commitments }),
      'FORBIDDEN',
    );
    await sql`UPDATE campaign_plan SET status = 'cancelled' WHERE id = ${w.plan.id}`.execute(t.db);
    await expectAppError(
      withdrawRegistration(w.as('lonelyEm'), own.id, { version: edited.version }),
      'INVALID_STATE',
    );
    await expectAppError(
      approveRegistration(w.as('officer'), own.id, { version: edited.version }),
      'INVALID_STATE',
    );
  });

  it('lets two reviewers race: one decision wins, the other gets CONFLICT', async () => {
    const w = await world(t);
    const r = await registerOneStop(w);
    const results = await Promise.allSettled([
      approveRegistration(w.as('officer'), r.id, { version: r.version }),
      returnRegistration(w.as('admin'), r.id, { version: r.version, reason: 'Thiếu chỉ tiêu' }),
    ]);
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((x) => x.status === 'rejected');
    expect((failed?.reason as { code?: string }).code).toBe('CONFLICT');
    expect(await actions(w, r.id)).toHaveLength(2);
  });
});

describe('detail', () => {
  it('shows a registration to its side and the plan’s tree, with the actor’s permissions', async () => {
    const w = await world(t);
    const r = await registerOneStop(w);
    const forHead = await getRegistrationDetail(w.as('head'), r.id);
    expect(forHead.permissions).toEqual({
      canEdit: true,
      canResubmit: false,
      canWithdraw: true,
      canApprove: false,
      canReturn: false,
    });
    expect(forHead.plan).toMatchObject({ documentNumber: '62/KH-UBND' });
    const forOfficer = await getRegistrationDetail(w.as('officer'), r.id);
    expect(forOfficer.permissions).toMatchObject({ canApprove: true, canReturn: true });
    await expectAppError(getRegistrationDetail(w.as('otherHead'), r.id), 'FORBIDDEN');
    await expectAppError(getRegistrationDetail(w.as('lonelyEm'), r.id), 'FORBIDDEN');
    await expectAppError(getRegistrationDetail(w.as('head'), 2_000_000), 'NOT_FOUND');
  });
});

describe('bulk review', () => {
  const three = async (w: World) => {
    const one = await registerOneStop(w);
    const staff = await registerStaffInBulk(w.as('head'), w.plan.id, {
      unitId: w.tree.oneStop.id,
      personIds: [w.people.an.id, w.people.binh.id],
      commitments,
    });
    return [one, ...staff.items];
  };
  const pick = (rs: { id: number; version: number }[]) =>
    rs.map((r) => ({ id: r.id, version: r.version }));
  const statuses = async (ids: number[]) =>
    (
      await t.db
        .selectFrom('registration')
        .select(['id', 'status'])
        .where('id', 'in', ids)
        .execute()
    )
      .sort((a, b) => a.id - b.id)
      .map((r) => r.status);

  it('approves many at once: each audited and moved by the same state machine', async () => {
    const w = await world(t);
    const rs = await three(w);
    const ids = rs.map((r) => r.id);
    for (const who of ['head', 'communeOfficer', 'staffAn'] as const)
      await expectAppError(
        reviewRegistrationsInBulk(w.as(who), w.plan.id, { decision: 'approve', items: pick(rs) }),
        'FORBIDDEN',
      );
    const done = await reviewRegistrationsInBulk(w.as('officer'), w.plan.id, {
      decision: 'approve',
      items: pick(rs),
    });
    expect(done).toMatchObject({ decision: 'approve', count: 3 });
    expect(done.items.map((i) => [i.status, i.version])).toEqual(rs.map(() => ['approved', 2]));
    expect(await statuses(ids)).toEqual(['approved', 'approved', 'approved']);
    for (const id of ids) expect((await actions(w, id))[0]).toBe('registration.approved');
    const detail = await getRegistrationDetail(w.as('officer'), ids[1] ?? 0);
    expect(detail.decidedByName).toContain('Người dùng');
  });

  it('changes nothing when one cannot be decided, and names it and why', async () => {
    const w = await world(t);
    const rs = await three(w);
    const [first, second, third] = rs;
    if (!first || !second || !third) throw new Error('three registrations expected');
    // Approved meanwhile, and the reviewer's list already shows it so (the current version).
    const approved = await approveRegistration(w.as('officer'), second.id, {
      version: second.version,
    });
    const other = await registerForPlan(w.as('otherHead'), w.plan.id, {
      kind: 'collective',
      unitId: w.otherOneStop.id,
      commitments,
    });
    const e = await expectAppError(
      reviewRegistrationsInBulk(w.as('officer'), w.plan.id, {
        decision: 'return',
        reason: 'Chỉ tiêu chưa cụ thể',
        items: [...pick([first, approved, third]), { id: 2_000_000, version: 1 }],
      }),
      'INVALID_STATE',
    );
    expect(e.message).toBe(
      'Chưa trả lại đăng ký nào: 2/4 đăng ký không trả lại được — ' +
        `${second.person?.fullName ?? ''} (Bộ phận một cửa) đang ở trạng thái "Đã duyệt", chỉ trả lại được đăng ký đang chờ duyệt; ` +
        'đăng ký số 2000000 không có trong kế hoạch này. ' +
        'Hãy bỏ chọn các đăng ký này (hoặc tải lại danh sách) rồi thực hiện lại.',
    );
    expect(e.details?.failures).toEqual([
      expect.objectContaining({ id: second.id }),
      { id: 2_000_000, registrant: null, message: 'không có trong kế hoạch này' },
    ]);
    expect(await statuses([first.id, third.id, other.id])).toEqual([
      'submitted',
      'submitted',
      'submitted',
    ]);
    expect(await actions(w, first.id)).toEqual(['registration.submitted']);
    // Only stale versions: CONFLICT, reload.
    await expectAppError(
      reviewRegistrationsInBulk(w.as('officer'), w.plan.id, {
        decision: 'approve',
        items: [{ id: first.id, version: first.version + 1 }],
      }),
      'CONFLICT',
    );
  });

  it('returns many with one required reason', async () => {
    const w = await world(t);
    const rs = await three(w);
    const missing = await expectAppError(
      reviewRegistrationsInBulk(w.as('officer'), w.plan.id, {
        decision: 'return',
        reason: '  ',
        items: pick(rs),
      }),
      'VALIDATION_FAILED',
      'reason',
    );
    expect(missing.message).toContain('Lý do: không được để trống');
    await expectAppError(
      reviewRegistrationsInBulk(w.as('officer'), w.plan.id, {
        decision: 'approve',
        items: [...pick(rs), ...pick(rs.slice(0, 1))],
      }),
      'VALIDATION_FAILED',
      'items',
    );
    const reason = 'Đề nghị lượng hóa chỉ tiêu';
    await reviewRegistrationsInBulk(w.as('officer'), w.plan.id, {
      decision: 'return',
      reason,
      items: pick(rs),
    });
    for (const r of rs) {
      const d = await getRegistrationDetail(w.as('head'), r.id);
      expect(d).toMatchObject({ status: 'returned', returnReason: reason });
      const history = await entityHistory(w.sys, 'registration', r.id, {});
      expect(history.items[0]).toMatchObject({
        action: 'registration.returned',
        after: { status: 'returned', reason },
      });
    }
    await sql`UPDATE campaign_plan SET status = 'closed' WHERE id = ${w.plan.id}`.execute(t.db);
    await expectAppError(
      reviewRegistrationsInBulk(w.as('officer'), w.plan.id, {
        decision: 'approve',
        items: pick(rs),
      }),
      'INVALID_STATE',
    );
  });
});
