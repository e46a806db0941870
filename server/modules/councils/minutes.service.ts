import type { Ctx } from '../../platform/context';
import { parseInput } from '../../platform/validation';
import { MinutesQuery } from '../../../shared/api/councils';
import { findUnit, getUnit } from '../organization/index';
import { getMeeting } from './meetings.service';
import { loadCouncil } from './councils.access';
import { renderMinutesDocx } from './minutes-docx';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The minutes of a meeting as .docx (decision 044): `kind` review (biên bản họp xét) or tally
 * (biên bản kiểm phiếu), for whoever may read the meeting (FORBIDDEN, NOT_FOUND otherwise).
 * Final once the meeting is closed; before that marked DỰ THẢO, without in-app counts (hidden
 * until closing) and without a conclusion. Rendered from the stored meeting each time:
 * byte-identical while nothing changes, so nothing is stored.
 */
export async function meetingMinutes(
  ctx: Ctx,
  meetingId: number,
  query: unknown,
): Promise<{ data: Buffer; fileName: string; contentType: string }> {
  const { kind } = parseInput(MinutesQuery, query, { kind: 'Loại biên bản' });
  const meeting = await getMeeting(ctx, meetingId);
  const council = await getUnitOfCouncil(ctx, meeting.councilId);
  const data = await renderMinutesDocx({ kind, meeting, ...council });
  const name = kind === 'review' ? 'bien-ban-hop-xet' : 'bien-ban-kiem-phieu';
  const draft = meeting.status === 'closed' ? '' : '-du-thao';
  return {
    data,
    fileName: `${name}-${meeting.heldOn}-${meeting.id}${draft}.docx`,
    contentType: DOCX,
  };
}

async function getUnitOfCouncil(ctx: Ctx, councilId: number) {
  const council = await loadCouncil(ctx, councilId);
  const unit = await getUnit(ctx.db, council.unitId);
  const parent = unit.parentId === null ? undefined : await findUnit(ctx.db, unit.parentId);
  return { unitName: unit.displayName, parentUnitName: parent?.displayName ?? null };
}
