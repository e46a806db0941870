import type { Role } from '../../shared/permissions';
import { systemActor, silentLogger, type Actor, type Ctx } from '../platform/context';
import type { TestDb } from './db';
import { createAccount, grantRole, loadUserActor } from '../modules/auth/index';
import { createPerson, createUnit } from '../modules/organization/index';

export const FIXED_NOW = new Date('2026-11-22T03:00:00.000Z');

export function testCtx(
  t: TestDb,
  actor: Actor = systemActor('test'),
  now: () => Date = () => FIXED_NOW,
): Ctx {
  return { db: t.db, actor, log: silentLogger, now, storage: t.storage };
}

let seq = 0;
const uniq = () => `${Date.now().toString(36)}${(++seq).toString(36)}`;

/** A small tree of its own for a test: province › commune › (office, one-stop) and a second commune. */
export async function makeTree(ctx: Ctx) {
  const tag = uniq();
  const province = await createUnit(ctx, {
    parentId: null,
    name: `Tỉnh Thử ${tag}`,
    kind: 'province',
  });
  const commune = await createUnit(ctx, {
    parentId: province.id,
    name: 'Xã Lương Điền',
    kind: 'commune',
  });
  const office = await createUnit(ctx, {
    parentId: commune.id,
    name: 'Văn phòng HĐND và UBND',
    kind: 'department',
  });
  const oneStop = await createUnit(ctx, {
    parentId: commune.id,
    name: 'Bộ phận một cửa',
    kind: 'one_stop',
  });
  const otherCommune = await createUnit(ctx, {
    parentId: province.id,
    name: 'Xã Ngọc Liên',
    kind: 'commune',
  });
  const otherOffice = await createUnit(ctx, {
    parentId: otherCommune.id,
    name: 'Văn phòng HĐND và UBND',
    kind: 'department',
  });
  return { province, commune, office, oneStop, otherCommune, otherOffice };
}

export async function makePerson(
  ctx: Ctx,
  unitId: number,
  fullName: string,
  extra: Record<string, unknown> = {},
) {
  return createPerson(ctx, {
    fullName,
    category: 'cong_chuc',
    unitId,
    gender: 'male',
    birthYear: 1985,
    ...extra,
  });
}

/** A user with one role at a unit (null = system-wide admin), returned as an actor. */
export async function makeUser(
  ctx: Ctx,
  role: Role,
  unitId: number | null,
  password = 'mat-khau-thu-1',
) {
  const username = `u${uniq()}`;
  const account = await createAccount(ctx, {
    username,
    displayName: `Người dùng ${username}`,
    password,
  });
  await grantRole(ctx, account.id, { role, unitId });
  return { username, password, actor: await loadUserActor(ctx.db, account.id), id: account.id };
}
