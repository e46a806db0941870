import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { commitments, world } from './registrations.fixtures';
import { registerForPlan, registerStaffInBulk } from './registrations.service';
import { approveRegistration, resubmitRegistration, returnRegistration } from './review.service';
import { getRegistration } from './registrations.queries';
import { notifyRegistrationEvent } from './registration-notifications';
import { listNotifications } from '../notifications/index';
import { createUnit } from '../organization/index';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

async function sent(kind: string, link: string) {
  return t.db
    .selectFrom('notification')
    .select(['unitId', 'title', 'body', 'link', 'dedupeKey'])
    .where('kind', '=', kind)
    .where('link', '=', link)
    .orderBy('id')
    .execute();
}

describe('registration notifications', () => {
  it('tell the issuing unit of new and resubmitted ones, the unit side of decisions', async () => {
    const w = await world(t);
    const link = `/plans/${w.plan.id}?tab=registrations`;
    const reg = await registerForPlan(w.as('head'), w.plan.id, {
      kind: 'collective',
      unitId: w.tree.oneStop.id,
      commitments,
    });
    const submitted = await sent('registration.submitted', link);
    expect(submitted).toHaveLength(1);
    expect(submitted[0]).toMatchObject({
      unitId: w.tree.province.id,
      title: 'Bộ phận một cửa đăng ký thi đua',
    });
    expect(submitted[0]?.body).toContain('62/KH-UBND');

    const returned = await returnRegistration(w.as('officer'), reg.id, {
      version: reg.version,
      reason: 'Chỉ tiêu chưa cụ thể.',
    });
    // The one-stop section and the commune whose head and officer act for it.
    const back = await sent('registration.returned', link);
    expect(back.map((n) => n.unitId).sort()).toEqual([w.tree.commune.id, w.tree.oneStop.id].sort());
    expect(back[0]?.body).toContain('Lý do: Chỉ tiêu chưa cụ thể.');

    const again = await resubmitRegistration(w.as('head'), reg.id, { version: returned.version });
    const resent = await sent('registration.resubmitted', link);
    expect(resent.map((n) => n.unitId)).toEqual([w.tree.province.id]);

    await approveRegistration(w.as('officer'), reg.id, { version: again.version });
    const approved = await sent('registration.approved', link);
    expect(approved.map((n) => n.unitId).sort()).toEqual(
      [w.tree.commune.id, w.tree.oneStop.id].sort(),
    );
    // The same event again (a retried step) sends nothing more.
    const plan = {
      id: w.plan.id,
      issuingUnitId: w.tree.province.id,
      documentNumber: w.plan.documentNumber,
      title: w.plan.title,
    };
    const record = await getRegistration(t.db, reg.id);
    await notifyRegistrationEvent(w.as('officer'), t.db, plan, record, { kind: 'approved' });
    expect(await sent('registration.approved', link)).toHaveLength(2);
  });

  it('sends one notification for a bulk registration', async () => {
    const w = await world(t);
    const link = `/plans/${w.plan.id}?tab=registrations`;
    await registerStaffInBulk(w.as('head'), w.plan.id, {
      unitId: w.tree.oneStop.id,
      personIds: [w.people.an.id, w.people.binh.id],
      commitments,
    });
    const rows = await sent('registration.submitted', link);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      unitId: w.tree.province.id,
      title: 'Bộ phận một cửa đăng ký thi đua cho 2 cá nhân',
    });
  });

  it('never reach the user who caused them; others at the same unit still see them', async () => {
    const w = await world(t);
    // A one-stop section right under the issuer, without accounts of its own: the issuer's
    // officer and head act for it, so decisions about it reach the issuer's own unit.
    const section = await createUnit(w.sys, {
      parentId: w.tree.province.id,
      name: 'Bộ phận một cửa của huyện',
      kind: 'one_stop',
    });
    const reg = await registerForPlan(w.as('officer'), w.plan.id, {
      kind: 'collective',
      unitId: section.id,
      commitments,
    });
    await approveRegistration(w.as('officer'), reg.id, { version: reg.version });
    const titles = async (who: 'officer' | 'issuerHead') =>
      (await listNotifications(w.as(who), {})).items
        .filter((n) => n.link === `/plans/${w.plan.id}?tab=registrations`)
        .map((n) => n.title);
    expect(await titles('officer')).toEqual([]);
    expect(await titles('issuerHead')).toEqual([
      'Đăng ký thi đua của Bộ phận một cửa của huyện đã được duyệt',
      'Bộ phận một cửa của huyện đăng ký thi đua',
    ]);
    const officerBell = await listNotifications(w.as('officer'), { unreadOnly: 'true' });
    expect(officerBell.unread).toBe(0);
    const rows = await t.db
      .selectFrom('notification')
      .select(['kind', 'actorUserId'])
      .where('link', '=', `/plans/${w.plan.id}?tab=registrations`)
      .execute();
    expect(rows.map((r) => r.actorUserId)).toEqual(rows.map(() => w.users.officer.actor.userId));
  });
});
