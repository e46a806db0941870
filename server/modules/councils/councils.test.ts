import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BallotChoice, ThresholdKind } from '../../../shared/councils';
import type { Ctx } from '../../platform/context';
import { createTestDb, type TestDb } from '../../test/db';
import { makeTree, makeUser, testCtx } from '../../test/factories';
import { expectAppError } from '../../test/errors';
import {
  addMeetingItem,
  castVote,
  closeMeeting,
  createCouncil,
  enterPaperTally,
  getMeeting,
  listCouncils,
  openMeeting,
  recordAttendance,
  scheduleMeeting,
} from './index';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

/** A commune with an officer and a council of 5 members (users with council.vote there). */
async function setup(size = 5) {
  const sys = testCtx(t);
  const tree = await makeTree(sys);
  const officer = testCtx(t, (await makeUser(sys, 'emulation_officer', tree.commune.id)).actor);
  const members: { ctx: Ctx; userId: number }[] = [];
  for (let i = 0; i < size; i++) {
    const u = await makeUser(sys, 'council_member', tree.commune.id);
    members.push({ ctx: testCtx(t, u.actor), userId: u.id });
  }
  const roles = ['chair', 'vice_chair', 'secretary'] as const;
  const council = await createCouncil(officer, {
    unitId: tree.commune.id,
    name: 'Hội đồng Thi đua – Khen thưởng xã Lương Điền',
    termFrom: '2026-01-01',
    termTo: '2030-12-31',
    members: members.map((m, i) => ({
      userId: m.userId,
      fullName: `Thành viên ${i + 1}`,
      role: roles[i] ?? 'member',
    })),
  });
  const memberIds = members.map((m) => {
    const row = council.members.find((x) => x.userId === m.userId);
    if (row === undefined) throw new Error('member missing');
    return row.id;
  });
  const meeting = await scheduleMeeting(officer, council.id, {
    title: 'Họp xét khen thưởng năm 2026',
    heldOn: '2026-11-25',
  });
  return { sys, tree, officer, members, memberIds, council, meeting };
}

type Setup = Awaited<ReturnType<typeof setup>>;

const attend = (s: Setup, present: number, opinions = 0) =>
  recordAttendance(s.officer, s.meeting.id, {
    entries: s.memberIds.map((memberId, i) =>
      i < present
        ? { memberId, status: 'present' }
        : i < present + opinions
          ? { memberId, status: 'absent_with_opinion', opinion: 'Đồng ý với dự thảo.' }
          : { memberId, status: 'absent' },
    ),
  });

const addItem = async (s: Setup, subjectId: number, thresholdKind: ThresholdKind = 'cstdcs') => {
  const m = await addMeetingItem(s.officer, s.meeting.id, {
    subjectKind: 'nomination',
    subjectId,
    label: `Đề nghị CSTĐCS #${subjectId}`,
    thresholdKind,
  });
  const item = m.items.find((i) => i.subject.id === subjectId);
  if (item === undefined) throw new Error('item missing');
  return item.id;
};

describe('council and meeting', () => {
  it('refuses to open without the quorum (80 % of ALL members present), then opens', async () => {
    const s = await setup();
    expect(s.meeting.quorumPercent).toBe(80);
    await attend(s, 3, 2); // 3 of 5 present, 2 wrote opinions: 60 %
    const e = await expectAppError(openMeeting(s.officer, s.meeting.id), 'INVALID_STATE');
    expect(e.message).toContain('Không đủ');
    expect(e.message).toContain('3/5');
    const before = await getMeeting(s.officer, s.meeting.id);
    expect(before.status).toBe('scheduled');
    expect(before.members.filter((m) => m.opinion === 'Đồng ý với dự thảo.')).toHaveLength(2);
    await attend(s, 4, 1);
    const open = await openMeeting(s.officer, s.meeting.id);
    expect(open.status).toBe('open');
    expect(open.quorum.met).toBe(true);
    expect(open.memberCount).toBe(5);
    const audit = await t.db
      .selectFrom('auditEvent')
      .select('action')
      .where('entityType', '=', 'council_meeting')
      .where('entityId', '=', String(s.meeting.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'council.meeting_scheduled',
      'council.attendance',
      'council.attendance',
      'council.meeting_opened',
    ]);
  });

  it('lets only the unit’s officer create a council; requires one chair and an opinion text', async () => {
    const s = await setup(1);
    const staff = testCtx(t, (await makeUser(s.sys, 'staff', s.tree.commune.id)).actor);
    const other = testCtx(
      t,
      (await makeUser(s.sys, 'emulation_officer', s.tree.otherCommune.id)).actor,
    );
    const input = {
      unitId: s.tree.commune.id,
      name: 'Hội đồng',
      termFrom: '2026-01-01',
      termTo: '2030-12-31',
      members: [{ userId: s.members[0]?.userId, fullName: 'A', role: 'chair' }],
    };
    await expectAppError(createCouncil(staff, input), 'FORBIDDEN');
    await expectAppError(createCouncil(other, input), 'FORBIDDEN');
    await expectAppError(
      createCouncil(s.officer, { ...input, members: [{ ...input.members[0], role: 'member' }] }),
      'VALIDATION_FAILED',
      'members',
    );
    await expectAppError(
      recordAttendance(s.officer, s.meeting.id, {
        entries: [{ memberId: s.memberIds[0], status: 'absent_with_opinion' }],
      }),
      'VALIDATION_FAILED',
      'entries.0.opinion',
    );
  });
});

describe('listing councils', () => {
  it('shows a council to its unit’s officer and its members, filtered in SQL by scope', async () => {
    const s = await setup(1);
    const other = testCtx(
      t,
      (await makeUser(s.sys, 'emulation_officer', s.tree.otherCommune.id)).actor,
    );
    const staff = testCtx(t, (await makeUser(s.sys, 'staff', s.tree.commune.id)).actor);
    const ids = async (ctx: Ctx, input: object = {}) =>
      (await listCouncils(ctx, input)).items.map((c) => c.id);
    expect(await ids(s.officer)).toContain(s.council.id);
    expect(await ids(s.members[0]?.ctx ?? s.officer)).toContain(s.council.id);
    expect(await ids(other)).not.toContain(s.council.id);
    expect(await ids(staff)).not.toContain(s.council.id);
    expect(await ids(s.officer, { unitId: s.tree.commune.id })).toEqual([s.council.id]);
    expect(await ids(s.officer, { unitId: s.tree.office.id })).toEqual([]);
  });
});

describe('secret ballot in the app', () => {
  it('counts each member once, on the whole membership, and keeps no member→choice link', async () => {
    const s = await setup(6);
    await attend(s, 5); // 5 of 6 present
    const itemId = await addItem(s, 101, 'majority');
    await openMeeting(s.officer, s.meeting.id);
    const choices: BallotChoice[] = ['yes', 'no', 'yes', 'abstain', 'yes'];
    for (const [i, choice] of choices.entries())
      await castVote(s.members[i]?.ctx ?? s.officer, itemId, { choice });

    // Twice: 409. Absent member, non-member: refused.
    await expectAppError(
      castVote(s.members[0]?.ctx ?? s.officer, itemId, { choice: 'no' }),
      'CONFLICT',
    );
    await expectAppError(
      castVote(s.members[5]?.ctx ?? s.officer, itemId, { choice: 'no' }),
      'INVALID_STATE',
    );
    await expectAppError(castVote(s.officer, itemId, { choice: 'no' }), 'FORBIDDEN');

    // While open, the counts are hidden from everyone; who has voted is known.
    const open = await getMeeting(s.members[0]?.ctx ?? s.officer, s.meeting.id);
    expect(open.items[0]?.tally).toBeNull();
    expect(open.items[0]?.ballotsCast).toBe(5);
    expect(open.items[0]?.voted).toBe(true);

    // The tables: ballot_vote has no member and no time; ballot_cast has no choice.
    const columns = async (table: string) =>
      (
        await sql<{ c: string }>`
          SELECT column_name AS c FROM information_schema.columns
          WHERE table_name = ${table} ORDER BY column_name`.execute(t.db)
      ).rows.map((r) => r.c);
    expect(await columns('ballot_vote')).toEqual(['choice', 'id', 'meeting_item_id']);
    expect(await columns('ballot_cast')).toEqual(['meeting_item_id', 'member_id']);

    // No transaction id ties a vote to its cast: every vote row of the item was (re)written by
    // the last cast's transaction, so the first four voters share no xmin with any vote.
    const votes = await sql<{ id: string; choice: string; xmin: string }>`
      SELECT id::text, choice, xmin::text FROM ballot_vote WHERE meeting_item_id = ${itemId}`.execute(
      t.db,
    );
    expect(votes.rows).toHaveLength(5);
    expect(new Set(votes.rows.map((r) => r.xmin)).size).toBe(1);
    const casts = await sql<{ memberId: number; xmin: string }>`
      SELECT member_id AS "memberId", xmin::text FROM ballot_cast
      WHERE meeting_item_id = ${itemId}`.execute(t.db);
    const voteXmin = votes.rows[0]?.xmin;
    const linked = casts.rows.filter((c) => c.xmin === voteXmin);
    expect(linked.length).toBeLessThanOrEqual(1);
    for (const v of votes.rows) expect(v.id).toMatch(/^[0-9a-f-]{36}$/);

    // The audit says a vote was cast on the item, by whom — never the choice.
    const audit = await t.db
      .selectFrom('auditEvent')
      .select(['action', 'actorId', 'before', 'after', 'entityType', 'entityId'])
      .where('action', '=', 'council.ballot_cast')
      .where('entityId', '=', String(itemId))
      .execute();
    expect(audit).toHaveLength(5);
    for (const a of audit) {
      expect(a.entityType).toBe('meeting_item');
      expect(a.before).toBeNull();
      expect(a.after).toBeNull();
    }
    const allAudit = JSON.stringify(
      await t.db
        .selectFrom('auditEvent')
        .select(['before', 'after'])
        .where('entityId', '=', String(itemId))
        .execute(),
    );
    expect(allAudit).not.toMatch(/yes|abstain|choice|"no"/);
    for (const v of votes.rows) expect(allAudit).not.toContain(v.id);

    const vacuums = async () =>
      Number(
        (
          await sql<{ n: string }>`
            SELECT vacuum_count::text AS n FROM pg_stat_user_tables
            WHERE relname = 'ballot_vote'`.execute(t.db)
        ).rows[0]?.n ?? 0,
      );
    const vacuumedBefore = await vacuums();

    // Closed: 3 yes of 6 members is not a majority of the WHOLE membership (3 of 5 cast would be).
    const closed = await closeMeeting(s.officer, s.meeting.id);
    const item = closed.items[0];
    expect(item?.tally).toEqual({ yes: 3, no: 1, abstain: 1 });
    expect(item?.passed).toBe(false);
    expect(item?.explanation).toContain('3/6');
    // The dead versions of the rewritten votes are vacuumed at once.
    await expect.poll(vacuums, { timeout: 3000 }).toBeGreaterThan(vacuumedBefore);
    await expectAppError(
      castVote(s.members[5]?.ctx ?? s.officer, itemId, { choice: 'yes' }),
      'INVALID_STATE',
    );
  });
});

describe('concurrent votes', () => {
  it('counts every member voting at once, and one of two simultaneous votes of a member', async () => {
    const s = await setup(5);
    await attend(s, 5);
    const itemId = await addItem(s, 301, 'majority');
    await openMeeting(s.officer, s.meeting.id);
    const results = await Promise.allSettled([
      ...s.members.map((m) => castVote(m.ctx, itemId, { choice: 'yes' })),
      castVote(s.members[0]?.ctx ?? s.officer, itemId, { choice: 'no' }),
    ]);
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
    const closed = await closeMeeting(s.officer, s.meeting.id);
    const tally = closed.items[0]?.tally;
    expect((tally?.yes ?? 0) + (tally?.no ?? 0)).toBe(5);
    expect(closed.items[0]?.ballotsCast).toBe(5);
  });
});

describe('paper tally', () => {
  it('applies the threshold to the whole membership and refuses more ballots than members', async () => {
    const s = await setup(5);
    await attend(s, 4, 1);
    const passes = await addItem(s, 201);
    const fails = await addItem(s, 202);
    const undecided = await addItem(s, 203, 'majority');
    await expectAppError(
      enterPaperTally(s.officer, passes, { yes: 4, no: 0, abstain: 0 }),
      'INVALID_STATE',
    ); // not open yet
    await openMeeting(s.officer, s.meeting.id);
    await expectAppError(
      enterPaperTally(s.officer, passes, { yes: 4, no: 2, abstain: 0 }),
      'VALIDATION_FAILED',
      'yes',
    );
    // The secretary (member 3) may enter the count; a plain member may not.
    await enterPaperTally(s.members[2]?.ctx ?? s.officer, passes, { yes: 4, no: 0, abstain: 0 });
    await expectAppError(
      enterPaperTally(s.members[3]?.ctx ?? s.officer, fails, { yes: 3, no: 1, abstain: 0 }),
      'FORBIDDEN',
    );
    // 3 of 4 present is 75 % of those present, but 60 % of the 5 members: below 80 %.
    const m = await enterPaperTally(s.officer, fails, { yes: 3, no: 1, abstain: 0 });
    expect(m.items.find((i) => i.id === fails)?.tally).toEqual({ yes: 3, no: 1, abstain: 0 });
    // An item with a paper tally takes no in-app vote.
    await expectAppError(
      castVote(s.members[0]?.ctx ?? s.officer, fails, { choice: 'yes' }),
      'INVALID_STATE',
    );
    const closed = await closeMeeting(s.officer, s.meeting.id);
    const byId = new Map(closed.items.map((i) => [i.id, i]));
    expect(byId.get(passes)?.passed).toBe(true);
    expect(byId.get(fails)?.passed).toBe(false);
    expect(byId.get(fails)?.explanation).toContain('cần ít nhất 4 phiếu đồng ý');
    expect(byId.get(undecided)?.passed).toBeNull();
    expect(byId.get(undecided)?.explanation).toBe('Chưa biểu quyết.');
    await expectAppError(closeMeeting(s.officer, s.meeting.id), 'INVALID_STATE');
  });
});
