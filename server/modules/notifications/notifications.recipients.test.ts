import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, type TestDb } from '../../test/db';
import { makeTree, makeUser, testCtx } from '../../test/factories';
import { actingUnits, notifyUnitSide } from './notifications.recipients';
import { listNotifications, markAllNotificationsRead, notifyUnit } from './notifications.service';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

describe('the unit side of a notification', () => {
  it('is the unit and its nearest ancestor where an active account may act for it', async () => {
    const sys = testCtx(t);
    const u = await makeTree(sys);
    // Nobody below the province yet: its officer acts for the one-stop section.
    await makeUser(sys, 'emulation_officer', u.province.id);
    // Staff and council members cannot act for a unit; they do not count.
    await makeUser(sys, 'staff', u.commune.id);
    let sides = await actingUnits(t.db, [u.oneStop.id, u.province.id]);
    expect(sides.get(u.oneStop.id)).toEqual([u.oneStop.id, u.province.id]);
    expect(sides.get(u.province.id)).toEqual([u.province.id]);
    const head = await makeUser(sys, 'unit_head', u.commune.id);
    sides = await actingUnits(t.db, [u.oneStop.id, u.commune.id]);
    expect(sides.get(u.oneStop.id)).toEqual([u.oneStop.id, u.commune.id]);
    expect(sides.get(u.commune.id)).toEqual([u.commune.id]);
    // A deactivated account no longer acts.
    await sql`UPDATE user_account SET active = false WHERE id = ${head.id}`.execute(t.db);
    expect((await actingUnits(t.db, [u.oneStop.id])).get(u.oneStop.id)).toEqual([
      u.oneStop.id,
      u.province.id,
    ]);
    expect(await actingUnits(t.db, [])).toEqual(new Map());
  });

  it('sends once per recipient; the acting head sees it', async () => {
    const sys = testCtx(t);
    const u = await makeTree(sys);
    const head = await makeUser(sys, 'unit_head', u.commune.id);
    const n = {
      unitId: u.oneStop.id,
      kind: 'test.event',
      title: 'Phiếu bị trả lại',
      body: 'Lý do: thiếu số liệu.',
      link: '/score-sheets/1',
      dueOn: null,
      dedupeKey: `test:${u.oneStop.id}:1`,
    };
    expect(await notifyUnitSide(sys, [n])).toBe(2);
    expect(await notifyUnitSide(sys, [n])).toBe(0);
    const rows = await t.db
      .selectFrom('notification')
      .select(['unitId', 'dedupeKey'])
      .where('kind', '=', 'test.event')
      .where('dedupeKey', 'like', `test:${u.oneStop.id}:%`)
      .orderBy('unitId')
      .execute();
    expect(rows.map((r) => r.unitId).sort()).toEqual([u.commune.id, u.oneStop.id].sort());
    const seen = await listNotifications(testCtx(t, head.actor), {});
    expect(seen.items.map((i) => [i.title, i.link])).toEqual([
      ['Phiếu bị trả lại', '/score-sheets/1'],
    ]);
  });

  it('is never shown to the user whose action caused it', async () => {
    const sys = testCtx(t);
    const u = await makeTree(sys);
    const officer = await makeUser(sys, 'emulation_officer', u.province.id);
    const colleague = await makeUser(sys, 'unit_head', u.province.id);
    const n = {
      unitId: u.oneStop.id,
      kind: 'test.own',
      title: 'Đăng ký đã được duyệt',
      body: '',
      link: null,
      dueOn: null,
      dedupeKey: `test-own:${u.oneStop.id}`,
    };
    // The section has no account: its side reaches the province, where the officer acted.
    expect(await notifyUnitSide(testCtx(t, officer.actor), [n])).toBe(2);
    await notifyUnit(testCtx(t, officer.actor), {
      ...n,
      unitId: u.province.id,
      dedupeKey: `${n.dedupeKey}:direct`,
    });
    const own = await listNotifications(testCtx(t, officer.actor), {});
    expect(own.items.filter((i) => i.kind === 'test.own')).toEqual([]);
    expect(await markAllNotificationsRead(testCtx(t, officer.actor))).toEqual({ marked: 0 });
    const seen = await listNotifications(testCtx(t, colleague.actor), {});
    expect(seen.items.filter((i) => i.kind === 'test.own')).toHaveLength(2);
    expect(seen.unread).toBe(2);
    // The system (reminders, jobs) is nobody: everyone sees what it sends.
    await notifyUnit(sys, { ...n, unitId: u.province.id, dedupeKey: `${n.dedupeKey}:system` });
    expect((await listNotifications(testCtx(t, officer.actor), {})).unread).toBe(1);
  });
});
