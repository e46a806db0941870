import { randomInt } from 'node:crypto';
import type { Ctx } from '../../platform/context';
import { actorId } from '../../platform/context';
import { AppError, fieldError, forbidden, notFound } from '../../platform/errors';
import { recordAudit } from '../../platform/audit';
import { isUniqueViolation, type Executor } from '../../platform/db';
import { isWithin, minimalPaths, scopeFor, type Scope } from '../../platform/access';
import { parseInput } from '../../platform/validation';
import { COUNCIL_SETTINGS, type BallotChoice } from '../../../shared/councils';
import {
  AttendanceFields,
  CastVote,
  CouncilQuery,
  NewCouncil,
  NewMeeting,
  NewMeetingItem,
  PaperTally,
  type CouncilDetail,
  type CouncilList,
  type MeetingDetail,
} from '../../../shared/api/councils';
import { getUnit } from '../organization/index';
import * as q from './councils.queries';
import { ballotOutcome, canMoveMeeting, quorumMet, type Tally } from './councils.rules';
import { canManageCouncil, canVote } from './councils.policy';

export const councilLabels: Record<string, string> = {
  unitId: 'Đơn vị',
  name: 'Tên hội đồng',
  termFrom: 'Nhiệm kỳ từ ngày',
  termTo: 'Nhiệm kỳ đến ngày',
  members: 'Thành viên',
  fullName: 'Họ và tên',
  personId: 'Cán bộ',
  userId: 'Tài khoản',
  role: 'Chức danh trong hội đồng',
  title: 'Tên phiên họp',
  heldOn: 'Ngày họp',
  quorumPercent: 'Tỷ lệ có mặt tối thiểu',
  entries: 'Điểm danh',
  memberId: 'Thành viên',
  status: 'Tình trạng',
  opinion: 'Ý kiến bằng văn bản',
  subjectKind: 'Loại đối tượng',
  subjectId: 'Mã đối tượng',
  label: 'Nội dung biểu quyết',
  thresholdKind: 'Ngưỡng biểu quyết',
  thresholdPercent: 'Tỷ lệ đồng ý tối thiểu',
  yes: 'Số phiếu đồng ý',
  no: 'Số phiếu không đồng ý',
  abstain: 'Số phiếu không biểu quyết',
  choice: 'Lựa chọn',
};

const invalidState = (message: string, details?: Record<string, unknown>) =>
  new AppError('INVALID_STATE', message, details);

/** The member the actor is in the council (by user account, or the account's person), if any. */
function memberOf<M extends { id: number; userId: number | null; personId: number | null }>(
  ctx: Ctx,
  members: M[],
): M | undefined {
  if (ctx.actor.kind !== 'user') return undefined;
  const { userId, personId } = ctx.actor;
  return members.find((m) => m.userId === userId || (personId != null && m.personId === personId));
}

async function loadCouncil(ctx: Ctx, id: number) {
  const council = await q.findCouncil(ctx.db, id);
  if (council === undefined) throw notFound('hội đồng');
  return council;
}

async function loadMeeting(db: Executor, id: number, lock?: 'update' | 'share') {
  const meeting = await q.findMeeting(db, id, lock);
  if (meeting === undefined) throw notFound('phiên họp');
  return meeting;
}

/** Readable by those who manage it or vote in it, and by its members. */
function assertCanRead(ctx: Ctx, unitPath: string, isMember: boolean) {
  if (isMember || canManageCouncil(ctx.actor, unitPath) || canVote(ctx.actor, unitPath, true))
    return;
  throw forbidden('Bạn không có quyền xem hội đồng này.');
}

function assertManage(ctx: Ctx, unitPath: string) {
  if (!canManageCouncil(ctx.actor, unitPath))
    throw forbidden('Bạn không có quyền quản lý hội đồng thi đua – khen thưởng của đơn vị này.');
}

/**
 * The councils the actor may see: those of units where it holds council.manage or council.vote,
 * and those it sits on; only of `unitId`'s subtree when given. Filtered in SQL. NOT_FOUND for an
 * unknown unit.
 */
export async function listCouncils(ctx: Ctx, input: unknown): Promise<CouncilList> {
  const query = parseInput(CouncilQuery, input, councilLabels);
  const manage = scopeFor(ctx.actor, 'council.manage');
  const vote = scopeFor(ctx.actor, 'council.vote');
  const scope: Scope =
    manage.all || vote.all
      ? { all: true }
      : { all: false, paths: minimalPaths([...manage.paths, ...vote.paths]) };
  const unitPath = query.unitId === undefined ? null : (await getUnit(ctx.db, query.unitId)).path;
  const member =
    ctx.actor.kind === 'user'
      ? { userId: ctx.actor.userId, personId: ctx.actor.personId ?? null }
      : { userId: null, personId: null };
  return { items: await q.listCouncils(ctx.db, scope, member, unitPath) };
}

/**
 * A council's detail: members (chair first) and meetings. Readable with council.manage or
 * council.vote over its unit, or as a member. NOT_FOUND, FORBIDDEN.
 */
export async function getCouncil(ctx: Ctx, id: number): Promise<CouncilDetail> {
  const council = await loadCouncil(ctx, id);
  const members = await q.listMembers(ctx.db, id);
  assertCanRead(ctx, council.unitPath, memberOf(ctx, members) !== undefined);
  return {
    id: council.id,
    unitId: council.unitId,
    name: council.name,
    termFrom: council.termFrom,
    termTo: council.termTo,
    members,
    meetings: await q.listMeetings(ctx.db, id),
    canManage: canManageCouncil(ctx.actor, council.unitPath),
  };
}

/**
 * Creates the council (Hội đồng TĐKT) of a unit for a term with its members, with council.manage
 * over the unit; audited as `council.created`. Exactly one chair, at most one secretary; a member
 * is a person of the unit's subtree and/or a user account, each at most once. VALIDATION_FAILED
 * naming the field; NOT_FOUND for an unknown unit; FORBIDDEN.
 */
export async function createCouncil(ctx: Ctx, input: unknown): Promise<CouncilDetail> {
  const data = parseInput(NewCouncil, input, councilLabels);
  if (data.termTo < data.termFrom)
    throw fieldError('termTo', councilLabels.termTo ?? '', 'phải từ ngày bắt đầu nhiệm kỳ trở đi');
  const unit = await getUnit(ctx.db, data.unitId);
  assertManage(ctx, unit.path);
  const chairs = data.members.filter((m) => m.role === 'chair').length;
  if (chairs !== 1) throw fieldError('members', 'Thành viên', 'hội đồng phải có đúng một Chủ tịch');
  if (data.members.filter((m) => m.role === 'secretary').length > 1)
    throw fieldError('members', 'Thành viên', 'hội đồng có nhiều nhất một Thư ký');
  const personIds = data.members.flatMap((m) => (m.personId === null ? [] : [m.personId]));
  const userIds = data.members.flatMap((m) => (m.userId === null ? [] : [m.userId]));
  if (new Set(personIds).size !== personIds.length || new Set(userIds).size !== userIds.length)
    throw fieldError('members', 'Thành viên', 'một người chỉ được ghi một lần');
  data.members.forEach((m, i) => {
    if (m.personId === null && m.userId === null)
      throw fieldError(`members.${i}.personId`, 'Cán bộ', 'chọn cán bộ hoặc tài khoản');
  });
  const people = await q.listPeoplePaths(ctx.db, personIds);
  for (const id of personIds) {
    const p = people.find((x) => x.id === id);
    if (p === undefined || !isWithin(p.path, unit.path))
      throw fieldError('members', 'Thành viên', `cán bộ #${id} không thuộc đơn vị`);
  }
  const users = await q.listExistingUsers(ctx.db, userIds);
  for (const id of userIds)
    if (!users.includes(id)) throw fieldError('members', 'Thành viên', `không có tài khoản #${id}`);

  const id = await ctx.db.transaction().execute(async (trx) => {
    const councilId = await q.insertCouncil(
      trx,
      {
        unitId: unit.id,
        name: data.name,
        termFrom: data.termFrom,
        termTo: data.termTo,
        createdBy: actorId(ctx.actor),
      },
      data.members,
    );
    await recordAudit(trx, ctx, {
      action: 'council.created',
      entityType: 'council',
      entityId: councilId,
      unitPath: unit.path,
      after: data,
    });
    return councilId;
  });
  return getCouncil(ctx, id);
}

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
  const rule = COUNCIL_SETTINGS.thresholds[data.thresholdKind];
  await ctx.db.transaction().execute(async (trx) => {
    const meeting = await loadMeeting(trx, meetingId, 'update');
    assertManage(ctx, meeting.unitPath);
    if (meeting.status === 'closed') throw invalidState('Phiên họp đã kết thúc.');
    const row = {
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
    try {
      const insertedId = await q.insertItem(trx, row);
      await recordAudit(trx, ctx, {
        action: 'council.item_added',
        entityType: 'meeting_item',
        entityId: insertedId,
        unitPath: meeting.unitPath,
        after: row,
      });
    } catch (e) {
      if (isUniqueViolation(e))
        throw new AppError('CONFLICT', 'Nội dung này đã có trong chương trình phiên họp.');
      throw e;
    }
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

async function lockOpenItem(trx: Executor, itemId: number) {
  const ref = await q.findItemMeetingId(trx, itemId);
  if (ref === undefined) throw notFound('nội dung biểu quyết');
  // The meeting first (FOR SHARE: closing waits for votes in flight), then the item.
  const meeting = await loadMeeting(trx, ref.meetingId, 'share');
  const item = await q.lockItem(trx, itemId);
  if (item === undefined) throw notFound('nội dung biểu quyết');
  return { meeting, item };
}

/**
 * Enters the paper ballot count of an item (yes, no, abstain) while the meeting is open, by
 * council.manage or the council's secretary; a later entry corrects the earlier (audited
 * `council.tally_entered` with before and after). VALIDATION_FAILED when the total exceeds the
 * membership; INVALID_STATE when the meeting is not open or members already voted in the app.
 */
export async function enterPaperTally(
  ctx: Ctx,
  itemId: number,
  input: unknown,
): Promise<MeetingDetail> {
  const tally = parseInput(PaperTally, input, councilLabels);
  const meetingId = await ctx.db.transaction().execute(async (trx) => {
    const { meeting, item } = await lockOpenItem(trx, itemId);
    const members = await q.listMembers(trx, meeting.councilId);
    const isSecretary = memberOf(ctx, members)?.role === 'secretary';
    if (!isSecretary && !canManageCouncil(ctx.actor, meeting.unitPath))
      throw forbidden('Chỉ Thư ký hội đồng hoặc cán bộ thi đua được nhập kết quả kiểm phiếu.');
    if (meeting.status !== 'open')
      throw invalidState('Chỉ nhập kết quả kiểm phiếu khi phiên họp đang diễn ra.');
    if (item.tallySource === 'app')
      throw invalidState('Thành viên đã bỏ phiếu trên phần mềm cho nội dung này.');
    const total = tally.yes + tally.no + tally.abstain;
    const memberCount = meeting.memberCount ?? members.length;
    if (total > memberCount)
      throw fieldError(
        'yes',
        'Kết quả kiểm phiếu',
        `tổng số phiếu (${total}) vượt quá số thành viên hội đồng (${memberCount})`,
      );
    await q.updateItem(trx, itemId, {
      tallySource: 'paper',
      tallyYes: tally.yes,
      tallyNo: tally.no,
      tallyAbstain: tally.abstain,
    });
    await recordAudit(trx, ctx, {
      action: 'council.tally_entered',
      entityType: 'meeting_item',
      entityId: itemId,
      unitPath: meeting.unitPath,
      before:
        item.tallySource === 'paper'
          ? { yes: item.tallyYes, no: item.tallyNo, abstain: item.tallyAbstain }
          : null,
      after: tally,
    });
    return meeting.id;
  });
  return getMeeting(ctx, meetingId);
}

/** Fisher–Yates with a cryptographic source. */
function shuffled<T>(list: T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * A member's secret vote on an item (yes, no, abstain) while the meeting is open: a present member
 * of the council holding council.vote over its unit, once per item. One transaction writes WHO
 * voted (`ballot_cast`) and rewrites the item's choices (`ballot_vote`: no member, no time, new
 * random ids, shuffled), and audits `council.ballot_cast` — "a vote was cast on item X", never the
 * choice (decision 039). CONFLICT on a second vote; FORBIDDEN for a non-member; INVALID_STATE when
 * the meeting is not open, the member is not present, or a paper tally was entered.
 */
export async function castVote(ctx: Ctx, itemId: number, input: unknown): Promise<void> {
  const { choice } = parseInput(CastVote, input, councilLabels);
  await ctx.db.transaction().execute(async (trx) => {
    const { meeting, item } = await lockOpenItem(trx, itemId);
    const me = memberOf(ctx, await q.listMembers(trx, meeting.councilId));
    if (!canVote(ctx.actor, meeting.unitPath, me !== undefined) || me === undefined)
      throw forbidden('Chỉ thành viên hội đồng được bỏ phiếu.');
    if (meeting.status !== 'open') throw invalidState('Chỉ bỏ phiếu khi phiên họp đang diễn ra.');
    if (item.tallySource === 'paper') throw invalidState('Nội dung này đã được kiểm phiếu giấy.');
    const presence = (await q.listAttendance(trx, meeting.id)).find((a) => a.memberId === me.id);
    if (presence?.status !== 'present')
      throw invalidState('Chỉ thành viên có mặt tại phiên họp được bỏ phiếu.');
    if (await q.hasCast(trx, itemId, me.id))
      throw new AppError('CONFLICT', 'Bạn đã bỏ phiếu cho nội dung này.');
    try {
      await q.insertCast(trx, itemId, me.id);
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('CONFLICT', 'Bạn đã bỏ phiếu cho nội dung này.');
      throw e;
    }
    const choices: BallotChoice[] = [...(await q.listVoteChoices(trx, itemId)), choice];
    await q.rewriteVotes(trx, itemId, shuffled(choices));
    if (item.tallySource === null) await q.updateItem(trx, itemId, { tallySource: 'app' });
    await recordAudit(trx, ctx, {
      action: 'council.ballot_cast',
      entityType: 'meeting_item',
      entityId: itemId,
      unitPath: meeting.unitPath,
    });
  });
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
