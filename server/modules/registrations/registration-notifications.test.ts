import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { commitments, world } from './registrations.fixtures';
import { registerForPlan, registerStaffInBulk } from './registrations.service';
import { approveRegistration, resubmitRegistration, returnRegistration } from './review.service';
import { getRegistration } from './registrations.queries';
import { notifyRegistrationEvent } from './registration-notifications';

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
});
