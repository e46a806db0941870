import type { Ctx } from '../../platform/context';
import { actorId } from '../../platform/context';
import { AppError, fieldError } from '../../platform/errors';
import { isUniqueViolation, type Executor } from '../../platform/db';
import type { CouncilRole } from '../../../shared/councils';
import { recordAudit } from '../../platform/audit';
import { isWithin, minimalPaths, scopeFor, type Scope } from '../../platform/access';
import { parseInput } from '../../platform/validation';
import {
  CouncilMembersFields,
  CouncilQuery,
  NewCouncil,
  type CouncilDetail,
  type CouncilList,
} from '../../../shared/api/councils';
import { getUnit } from '../organization/index';
import * as q from './councils.queries';
import { canManageCouncil } from './councils.policy';
import {
  assertCanRead,
  assertManage,
  councilLabels,
  invalidState,
  loadCouncil,
  memberOf,
} from './councils.access';

/** Councils (Hội đồng TĐKT) of a unit and term, and their membership (decision 039). */

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

type MemberFields = {
  personId: number | null;
  userId: number | null;
  fullName: string;
  role: CouncilRole;
};

/**
 * A membership's rules: exactly one chair, at most one secretary, each person or account once,
 * each member a person of the unit's subtree and/or an existing account. VALIDATION_FAILED.
 */
async function checkMembers(db: Executor, unitPath: string, members: MemberFields[]) {
  const chairs = members.filter((m) => m.role === 'chair').length;
  if (chairs !== 1) throw fieldError('members', 'Thành viên', 'hội đồng phải có đúng một Chủ tịch');
  if (members.filter((m) => m.role === 'secretary').length > 1)
    throw fieldError('members', 'Thành viên', 'hội đồng có nhiều nhất một Thư ký');
  const personIds = members.flatMap((m) => (m.personId === null ? [] : [m.personId]));
  const userIds = members.flatMap((m) => (m.userId === null ? [] : [m.userId]));
  if (new Set(personIds).size !== personIds.length || new Set(userIds).size !== userIds.length)
    throw fieldError('members', 'Thành viên', 'một người chỉ được ghi một lần');
  members.forEach((m, i) => {
    if (m.personId === null && m.userId === null)
      throw fieldError(`members.${i}.personId`, 'Cán bộ', 'chọn cán bộ hoặc tài khoản');
  });
  const people = await q.listPeoplePaths(db, personIds);
  for (const id of personIds) {
    const p = people.find((x) => x.id === id);
    if (p === undefined || !isWithin(p.path, unitPath))
      throw fieldError('members', 'Thành viên', `cán bộ #${id} không thuộc đơn vị`);
  }
  const users = await q.listExistingUsers(db, userIds);
  for (const id of userIds)
    if (!users.includes(id)) throw fieldError('members', 'Thành viên', `không có tài khoản #${id}`);
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
  await checkMembers(ctx.db, unit.path, data.members);

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

/**
 * Replaces a council's membership, with council.manage over its unit: members listed with their
 * `id` are kept (name, role, person, account updated), those without are added, the rest removed —
 * unless they have an attendance or ballot record, which keeps them (CONFLICT naming them). The
 * membership rules of createCouncil apply (VALIDATION_FAILED). INVALID_STATE while a meeting is
 * open (its membership was counted at opening). Audited `council.members_changed`.
 */
export async function updateCouncilMembers(
  ctx: Ctx,
  councilId: number,
  input: unknown,
): Promise<CouncilDetail> {
  const data = parseInput(CouncilMembersFields, input, councilLabels);
  const council = await loadCouncil(ctx, councilId);
  assertManage(ctx, council.unitPath);
  await checkMembers(ctx.db, council.unitPath, data.members);
  await ctx.db.transaction().execute(async (trx) => {
    if (await q.hasOpenMeeting(trx, councilId))
      throw invalidState('Không sửa thành viên khi hội đồng đang họp.');
    const before = await q.listMembers(trx, councilId);
    const known = new Set(before.map((m) => m.id));
    data.members.forEach((m, i) => {
      if (m.id !== null && !known.has(m.id))
        throw fieldError(`members.${i}.id`, 'Thành viên', 'không thuộc hội đồng');
    });
    const kept = new Set(data.members.flatMap((m) => (m.id === null ? [] : [m.id])));
    const removed = before.filter((m) => !kept.has(m.id));
    const used = await q.listMembersWithRecords(
      trx,
      removed.map((m) => m.id),
    );
    if (used.length > 0)
      throw new AppError(
        'CONFLICT',
        `Không xóa được thành viên đã có tên trong phiên họp: ${before
          .filter((m) => used.includes(m.id))
          .map((m) => m.fullName)
          .join(', ')}.`,
      );
    // Removed first, then updates and inserts: the one-chair and one-secretary indexes hold at
    // each statement only if roles move in a safe order, so roles are cleared to 'member' first.
    await q.deleteMembers(
      trx,
      removed.map((m) => m.id),
    );
    await q.resetRoles(trx, councilId);
    try {
      for (const m of data.members) {
        const fields = {
          personId: m.personId,
          userId: m.userId,
          fullName: m.fullName,
          role: m.role,
        };
        if (m.id === null) await q.insertMember(trx, { councilId, ...fields });
        else await q.updateMember(trx, m.id, fields);
      }
    } catch (e) {
      if (isUniqueViolation(e))
        throw new AppError('CONFLICT', 'Một người chỉ được ghi một lần trong hội đồng.');
      throw e;
    }
    await recordAudit(trx, ctx, {
      action: 'council.members_changed',
      entityType: 'council',
      entityId: councilId,
      unitPath: council.unitPath,
      before,
      after: data.members,
    });
  });
  return getCouncil(ctx, councilId);
}
