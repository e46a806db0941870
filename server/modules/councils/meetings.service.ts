import type { Ctx } from '../../platform/context';
import { AppError, fieldError } from '../../platform/errors';
import { recordAudit } from '../../platform/audit';
import { isUniqueViolation, type Executor } from '../../platform/db';
import { parseInput } from '../../platform/validation';
import { COUNCIL_SETTINGS, type ThresholdKind } from '../../../shared/councils';
import {
  AttendanceFields,
  NewMeeting,
  NewMeetingItem,
  type MeetingDetail,
} from '../../../shared/api/councils';
import * as q from './councils.queries';
import { ballotOutcome, canMoveMeeting, quorumMet, type Tally } from './councils.rules';
import { canManageCouncil, canVote } from './councils.policy';
import {
  assertCanRead,
  assertManage,
  councilLabels,
  invalidState,
  loadCouncil,
  loadMeeting,
  memberOf,
} from './councils.access';

/** Review meetings: schedule, attendance and quorum, agenda, open, close (decision 039). */

/** The meeting as the actor sees it: quorum, attendance, agenda, results once closed. */
export async function getMeeting(ctx: Ctx, id: number): Promise<MeetingDetail> {
  const meeting = await loadMeeting(ctx.db, id);
  const members = await q.listMembers(ctx.db, meeting.councilId);
  const me = memberOf(ctx, members);
  assertCanRead(ctx, meeting.unitPath, me !== undefined);
  const attendance = new Map((await q.listAttendance(ctx.db, id)).map((a) => [a.memberId, a]));
  const items = await q.listItems(ctx.db, id);
  const voted = me === undefined ? new Set<number>() : await q.listVotedItems(ctx.db, id, me.id);
  const memberCount = meeting.memberCount ?? members.length;
  const present = [...attendance.values()].filter((a) => a.status === 'present').length;
  return {
    id: meeting.id,
    councilId: meeting.councilId,
    councilName: meeting.councilName,
    title: meeting.title,
    heldOn: meeting.heldOn,
    status: meeting.status,
    place: meeting.place,
    startsAt: meeting.startsAt,
    quorumPercent: meeting.quorumPercent,
    memberCount,
    quorum: quorumMet(memberCount, present, meeting.quorumPercent),
    members: members.map((m) => ({
      ...m,
      attendance: attendance.get(m.id)?.status ?? null,
      opinion: attendance.get(m.id)?.opinion ?? null,
    })),
    items: items.map((i) => ({
      id: i.id,
      position: i.position,
      subject: { kind: i.subjectKind, id: i.subjectId, label: i.label },
      threshold: {
        kind: i.thresholdKind,
        comparison: i.thresholdComparison,
        percent: i.thresholdPercent,
        label: i.thresholdLabel,
      },
      tallySource: i.tallySource,
      ballotsCast: Number(i.ballotsCast ?? 0),
      // In-app counts are hidden until the meeting closes: watching them change would tell
      // how each member just voted.
      tally:
        i.tallyYes !== null && (i.tallySource === 'paper' || meeting.status === 'closed')
          ? { yes: i.tallyYes, no: i.tallyNo ?? 0, abstain: i.tallyAbstain ?? 0 }
          : null,
      passed: i.passed,
      explanation: i.explanation,
      voted: voted.has(i.id),
    })),
    permissions: {
      manage: canManageCouncil(ctx.actor, meeting.unitPath) && meeting.status !== 'closed',
      vote: meeting.status === 'open' && canVote(ctx.actor, meeting.unitPath, me !== undefined),
    },
  };
}

/**
 * Schedules a review meeting of the council, with council.manage over its unit; the quorum is the
 * setting (80 % present) unless given, snapshotted on the meeting. Audited `council.meeting_scheduled`.
 * VALIDATION_FAILED, NOT_FOUND, FORBIDDEN.
 */
export async function scheduleMeeting(
  ctx: Ctx,
  councilId: number,
  input: unknown,
): Promise<MeetingDetail> {
  const data = parseInput(NewMeeting, input, councilLabels);
  const council = await loadCouncil(ctx, councilId);
  assertManage(ctx, council.unitPath);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await q.insertMeeting(trx, {
      councilId,
      title: data.title,
      heldOn: data.heldOn,
      place: data.place,
      startsAt: data.startsAt,
      quorumPercent: data.quorumPercent ?? COUNCIL_SETTINGS.quorumPercent,
    });
    await recordAudit(trx, ctx, {
      action: 'council.meeting_scheduled',
      entityType: 'council_meeting',
      entityId: row.id,
      unitPath: council.unitPath,
      after: { ...data, quorumPercent: row.quorumPercent },
    });
    return row.id;
  });
  return getMeeting(ctx, id);
}

/**
 * Records attendance (present, absent with a written opinion — its text required — or absent)
 * while the meeting is scheduled or open, with council.manage; audited `council.attendance`.
 * VALIDATION_FAILED (a member of another council, an opinion missing), INVALID_STATE once closed.
 */
export async function recordAttendance(
  ctx: Ctx,
  meetingId: number,
  input: unknown,
): Promise<MeetingDetail> {
  const data = parseInput(AttendanceFields, input, councilLabels);
  await ctx.db.transaction().execute(async (trx) => {
    const meeting = await loadMeeting(trx, meetingId, 'update');
    assertManage(ctx, meeting.unitPath);
    if (meeting.status === 'closed') throw invalidState('Phiên họp đã kết thúc.');
    const memberIds = new Set((await q.listMembers(trx, meeting.councilId)).map((m) => m.id));
    const seen = new Set<number>();
    const rows = data.entries.map((e, i) => {
      if (!memberIds.has(e.memberId) || seen.has(e.memberId))
        throw fieldError(`entries.${i}.memberId`, 'Thành viên', 'không thuộc hội đồng hoặc bị lặp');
      seen.add(e.memberId);
      if (e.status === 'absent_with_opinion' && e.opinion === null)
        throw fieldError(`entries.${i}.opinion`, 'Ý kiến bằng văn bản', 'không được để trống');
      return {
        meetingId,
        memberId: e.memberId,
        status: e.status,
        opinion: e.status === 'absent_with_opinion' ? e.opinion : null,
      };
    });
    const before = await q.listAttendance(trx, meetingId);
    await q.replaceAttendance(trx, meetingId, rows);
    await recordAudit(trx, ctx, {
      action: 'council.attendance',
      entityType: 'council_meeting',
      entityId: meetingId,
      unitPath: meeting.unitPath,
      before,
      after: rows.map(({ memberId, status, opinion }) => ({ memberId, status, opinion })),
    });
  });
  return getMeeting(ctx, meetingId);
}

/** An agenda row: the subject and its threshold snapshotted (the setting, or the percent given). */
export function itemRow(
  meetingId: number,
  data: {
    subjectKind: string;
    subjectId: number;
    label: string;
    thresholdKind: ThresholdKind;
    thresholdPercent: number | null;
  },
) {
  const rule = COUNCIL_SETTINGS.thresholds[data.thresholdKind];
  return {
    meetingId,
    subjectKind: data.subjectKind,
    subjectId: data.subjectId,
    label: data.label,
    thresholdKind: data.thresholdKind,
    thresholdComparison: rule.comparison,
    thresholdPercent: data.thresholdPercent ?? rule.percent,
    thresholdLabel:
      data.thresholdPercent === null || data.thresholdPercent === rule.percent
        ? rule.label
        : `${rule.label}; theo cài đặt: ${data.thresholdPercent} %`,
  };
}

/** Appends the row to the agenda, audited `council.item_added`; CONFLICT when already on it. */
export async function insertAgendaItem(
  ctx: Ctx,
  trx: Executor,
  unitPath: string,
  row: ReturnType<typeof itemRow>,
): Promise<number> {
  try {
    const insertedId = await q.insertItem(trx, row);
    await recordAudit(trx, ctx, {
      action: 'council.item_added',
      entityType: 'meeting_item',
      entityId: insertedId,
      unitPath,
      after: row,
    });
    return insertedId;
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError('CONFLICT', `"${row.label}" đã có trong chương trình phiên họp.`);
    throw e;
  }
}

/**
 * Adds a subject to vote on (a generic reference: kind, id, label) with its threshold — the
 * setting for its kind (80 % CSTĐCS, 90 % provincial CSTĐ, majority) or the percent given —
 * snapshotted; with council.manage while scheduled or open. CONFLICT when the subject is already
 * on the agenda; INVALID_STATE once closed. Audited `council.item_added`.
 */
export async function addMeetingItem(
  ctx: Ctx,
  meetingId: number,
  input: unknown,
): Promise<MeetingDetail> {
  const data = parseInput(NewMeetingItem, input, councilLabels);
  await ctx.db.transaction().execute(async (trx) => {
    const meeting = await loadMeeting(trx, meetingId, 'update');
    assertManage(ctx, meeting.unitPath);
    if (meeting.status === 'closed') throw invalidState('Phiên họp đã kết thúc.');
    await insertAgendaItem(ctx, trx, meeting.unitPath, itemRow(meetingId, data));
  });
  return getMeeting(ctx, meetingId);
}

/**
 * Opens a scheduled meeting when the quorum is met: at least the meeting's quorum percent of ALL
 * members present (absent members with a written opinion are not present); the membership is
 * counted then and kept for the thresholds. INVALID_STATE (not scheduled, or no quorum, with the
 * explanation in `details.quorum`). Audited `council.meeting_opened`.
 */
export async function openMeeting(ctx: Ctx, meetingId: number): Promise<MeetingDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const meeting = await loadMeeting(trx, meetingId, 'update');
    assertManage(ctx, meeting.unitPath);
    if (!canMoveMeeting(meeting.status, 'open'))
      throw invalidState('Chỉ mở được phiên họp đã lên lịch, chưa họp.');
    const members = await q.countMembers(trx, meeting.councilId);
    const present = (await q.listAttendance(trx, meetingId)).filter(
      (a) => a.status === 'present',
    ).length;
    const quorum = quorumMet(members, present, meeting.quorumPercent);
    if (!quorum.met) throw invalidState(quorum.explanation, { quorum });
    await q.setMeetingStatus(trx, meetingId, 'open', { memberCount: members, openedAt: ctx.now() });
    await recordAudit(trx, ctx, {
      action: 'council.meeting_opened',
      entityType: 'council_meeting',
      entityId: meetingId,
      unitPath: meeting.unitPath,
      after: { memberCount: members, present, quorumPercent: meeting.quorumPercent },
    });
  });
  return getMeeting(ctx, meetingId);
}

/**
 * Closes an open meeting and computes each item's result on the WHOLE membership counted at
 * opening (ballotOutcome): the paper tally, or the in-app votes counted; an item without either is
 * left undecided. With council.manage; INVALID_STATE unless open. Audited `council.meeting_closed`
 * with the results (counts only). Then vacuums the vote table (best effort).
 */
export async function closeMeeting(ctx: Ctx, meetingId: number): Promise<MeetingDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const meeting = await loadMeeting(trx, meetingId, 'update');
    assertManage(ctx, meeting.unitPath);
    if (!canMoveMeeting(meeting.status, 'closed'))
      throw invalidState('Chỉ kết thúc được phiên họp đang diễn ra.');
    const total = meeting.memberCount ?? (await q.countMembers(trx, meeting.councilId));
    const results = [];
    for (const item of await q.listItems(trx, meetingId)) {
      let tally: Tally | null = null;
      if (item.tallySource === 'paper')
        tally = { yes: item.tallyYes ?? 0, no: item.tallyNo ?? 0, abstain: item.tallyAbstain ?? 0 };
      else if (item.tallySource === 'app') {
        const choices = await q.listVoteChoices(trx, item.id);
        tally = {
          yes: choices.filter((c) => c === 'yes').length,
          no: choices.filter((c) => c === 'no').length,
          abstain: choices.filter((c) => c === 'abstain').length,
        };
      }
      const outcome =
        tally === null
          ? null
          : ballotOutcome(total, tally, {
              comparison: item.thresholdComparison,
              percent: item.thresholdPercent,
              label: item.thresholdLabel,
            });
      await q.updateItem(trx, item.id, {
        tallyYes: tally?.yes ?? null,
        tallyNo: tally?.no ?? null,
        tallyAbstain: tally?.abstain ?? null,
        passed: outcome?.passed ?? null,
        explanation: outcome?.explanation ?? 'Chưa biểu quyết.',
      });
      results.push({ itemId: item.id, ...tally, passed: outcome?.passed ?? null });
    }
    await q.setMeetingStatus(trx, meetingId, 'closed', { closedAt: ctx.now() });
    await recordAudit(trx, ctx, {
      action: 'council.meeting_closed',
      entityType: 'council_meeting',
      entityId: meetingId,
      unitPath: meeting.unitPath,
      after: { memberCount: total, results },
    });
  });
  // Best effort: the earlier states of each item's votes (dead row versions) go now rather
  // than whenever autovacuum visits this small table (decision 039).
  await q.vacuumVotes(ctx.db).catch((e: unknown) => {
    ctx.log.warn({ err: e }, 'VACUUM ballot_vote failed');
  });
  return getMeeting(ctx, meetingId);
}
