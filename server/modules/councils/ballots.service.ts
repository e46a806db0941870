import { randomInt } from 'node:crypto';
import type { Ctx } from '../../platform/context';
import { AppError, fieldError, forbidden, notFound } from '../../platform/errors';
import { recordAudit } from '../../platform/audit';
import { isUniqueViolation, type Executor } from '../../platform/db';
import { parseInput } from '../../platform/validation';
import type { BallotChoice } from '../../../shared/councils';
import { CastVote, PaperTally, type MeetingDetail } from '../../../shared/api/councils';
import * as q from './councils.queries';
import { canManageCouncil, canVote } from './councils.policy';
import { councilLabels, invalidState, loadMeeting, memberOf } from './councils.access';
import { getMeeting } from './meetings.service';

/** The secret ballot of an item: the paper tally, or in-app votes kept apart from who voted. */

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
