import type { Ctx } from '../../platform/context';
import { fieldError } from '../../platform/errors';
import { parseInput } from '../../platform/validation';
import { thresholdForForm } from '../../../shared/councils';
import {
  AddNominations,
  type AgendaCandidates,
  type MeetingDetail,
} from '../../../shared/api/councils';
import { listNominationsReceivedAt, type ReceivedNomination } from '../nominations/index';
import * as q from './councils.queries';
import { assertManage, councilLabels, invalidState, loadMeeting } from './councils.access';
import { getMeeting, insertAgendaItem, itemRow } from './meetings.service';

/**
 * The agenda from nominations (decision 044): the nominations received at the council's unit are
 * put on a meeting's agenda, each under the threshold of its award form (CSTĐCS and Cờ thi đua
 * 80 %, provincial or national CSTĐ 90 %, majority otherwise — COUNCIL_SETTINGS.formThresholds).
 */

const labelOf = (n: ReceivedNomination) =>
  `${n.subjectName} (${n.proposingUnitName}) — ${n.formName}`;

/**
 * The nominations waiting at the council's unit (submitted, forwarded to it or accepted there),
 * each with the threshold it would be voted under and whether it is already on this agenda.
 * With council.manage over the unit (FORBIDDEN); NOT_FOUND for an unknown meeting.
 */
export async function listAgendaCandidates(ctx: Ctx, meetingId: number): Promise<AgendaCandidates> {
  const meeting = await loadMeeting(ctx.db, meetingId);
  assertManage(ctx, meeting.unitPath);
  const onAgenda = new Set(
    (await q.listItems(ctx.db, meetingId))
      .filter((i) => i.subjectKind === 'nomination')
      .map((i) => i.subjectId),
  );
  const received = await listNominationsReceivedAt(ctx.db, meeting.unitId);
  return {
    items: received.map((n) => ({
      nominationId: n.id,
      subjectKind: n.subjectKind,
      subjectName: n.subjectName,
      formCode: n.formCode,
      formName: n.formName,
      proposingUnitName: n.proposingUnitName,
      achievement: n.achievement,
      thresholdKind: thresholdForForm(n.formCode),
      onAgenda: onAgenda.has(n.id),
    })),
  };
}

/**
 * Puts nominations on the agenda while the meeting is scheduled or open, with council.manage:
 * each must be waiting at the council's unit (VALIDATION_FAILED naming it otherwise); those
 * already on the agenda are skipped; each is voted under its form's threshold, snapshotted.
 * Audited `council.item_added` per item. INVALID_STATE once closed.
 */
export async function addNominationsToAgenda(
  ctx: Ctx,
  meetingId: number,
  input: unknown,
): Promise<MeetingDetail> {
  const { nominationIds } = parseInput(AddNominations, input, {
    ...councilLabels,
    nominationIds: 'Hồ sơ đề nghị',
  });
  await ctx.db.transaction().execute(async (trx) => {
    const meeting = await loadMeeting(trx, meetingId, 'update');
    assertManage(ctx, meeting.unitPath);
    if (meeting.status === 'closed') throw invalidState('Phiên họp đã kết thúc.');
    const wanted = [...new Set(nominationIds)];
    const received = new Map(
      (await listNominationsReceivedAt(trx, meeting.unitId, wanted)).map((n) => [n.id, n]),
    );
    const missing = wanted.findIndex((id) => !received.has(id));
    if (missing >= 0)
      throw fieldError(
        `nominationIds.${missing}`,
        'Hồ sơ đề nghị',
        `#${wanted[missing]} không phải hồ sơ đơn vị của hội đồng đã nhận và đang chờ xét`,
      );
    const onAgenda = new Set(
      (await q.listItems(trx, meetingId))
        .filter((i) => i.subjectKind === 'nomination')
        .map((i) => i.subjectId),
    );
    for (const id of wanted) {
      const n = received.get(id);
      if (n === undefined || onAgenda.has(id)) continue;
      await insertAgendaItem(
        ctx,
        trx,
        meeting.unitPath,
        itemRow(meetingId, {
          subjectKind: 'nomination',
          subjectId: n.id,
          label: labelOf(n),
          thresholdKind: thresholdForForm(n.formCode),
          thresholdPercent: null,
        }),
      );
    }
  });
  return getMeeting(ctx, meetingId);
}
