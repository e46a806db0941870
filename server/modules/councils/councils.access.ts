import type { Ctx } from '../../platform/context';
import { AppError, forbidden, notFound } from '../../platform/errors';
import type { Executor } from '../../platform/db';
import * as q from './councils.queries';
import { canManageCouncil, canVote } from './councils.policy';

/** What every council use case shares: field labels, loading, membership and permission checks. */

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

export const invalidState = (message: string, details?: Record<string, unknown>) =>
  new AppError('INVALID_STATE', message, details);

/** The member the actor is in the council (by user account, or the account's person), if any. */
export function memberOf<M extends { id: number; userId: number | null; personId: number | null }>(
  ctx: Ctx,
  members: M[],
): M | undefined {
  if (ctx.actor.kind !== 'user') return undefined;
  const { userId, personId } = ctx.actor;
  return members.find((m) => m.userId === userId || (personId != null && m.personId === personId));
}

export async function loadCouncil(ctx: Ctx, id: number) {
  const council = await q.findCouncil(ctx.db, id);
  if (council === undefined) throw notFound('hội đồng');
  return council;
}

export async function loadMeeting(db: Executor, id: number, lock?: 'update' | 'share') {
  const meeting = await q.findMeeting(db, id, lock);
  if (meeting === undefined) throw notFound('phiên họp');
  return meeting;
}

/** Readable by those who manage it or vote in it, and by its members. */
export function assertCanRead(ctx: Ctx, unitPath: string, isMember: boolean) {
  if (isMember || canManageCouncil(ctx.actor, unitPath) || canVote(ctx.actor, unitPath, true))
    return;
  throw forbidden('Bạn không có quyền xem hội đồng này.');
}

export function assertManage(ctx: Ctx, unitPath: string) {
  if (!canManageCouncil(ctx.actor, unitPath))
    throw forbidden('Bạn không có quyền quản lý hội đồng thi đua – khen thưởng của đơn vị này.');
}
