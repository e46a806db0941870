import type { Ctx } from '../../platform/context';
import { vietnamDate } from '../../platform/time';
import { fieldError, staleVersion } from '../../platform/errors';
import { changedFields, recordAudit } from '../../platform/audit';
import { assertCan, can, scopeFor } from '../../platform/access';
import { parseInput } from '../../platform/validation';
import { nfc, squish } from '../../platform/text';
import { birthYearBounds, normalisePhone } from './organization.rules';
import {
  CreatePerson,
  ListPeopleQuery,
  MovePerson,
  UpdatePerson,
  personLabels,
  toPersonResponse,
} from './organization.schemas';
import * as uq from './units.queries';
import * as q from './people.queries';

const label = (f: string) => personLabels[f] ?? f;

/** Checks the rules Zod cannot know: birth year against today, phone format. Returns cleaned values. */
export function checkPersonFields<
  T extends { birthYear?: number | null; phone?: string | null; fullName?: string },
>(ctx: Ctx, data: T): T {
  const out = { ...data };
  if (out.fullName !== undefined) out.fullName = squish(nfc(out.fullName));
  if (out.birthYear !== undefined && out.birthYear !== null) {
    const { min, max } = birthYearBounds(ctx.now().getFullYear());
    if (out.birthYear < min || out.birthYear > max) {
      throw fieldError('birthYear', label('birthYear'), `phải trong khoảng ${min}–${max}`);
    }
  }
  if (out.phone !== undefined && out.phone !== null) {
    const phone = normalisePhone(out.phone);
    if (phone === null)
      throw fieldError('phone', label('phone'), 'không đúng định dạng (ví dụ 0912345678)');
    out.phone = phone;
  }
  return out;
}

function auditView(p: q.PersonRecord) {
  return {
    fullName: p.fullName,
    gender: p.gender,
    birthYear: p.birthYear,
    category: p.category,
    position: p.position,
    unitId: p.unitId,
    unitName: p.unitName,
    email: p.email,
    phone: p.phone,
    active: p.active,
  };
}

/**
 * Lists people the actor may see (person.view), filtered in SQL by the actor's subtrees and
 * optionally by a unit (with its subunits), category, active flag and an accent-insensitive name search.
 */
export async function listPeople(ctx: Ctx, input: unknown) {
  const query = parseInput(ListPeopleQuery, input, personLabels);
  const scope = scopeFor(ctx.actor, 'person.view');
  const unit = query.unitId === undefined ? undefined : await uq.getUnit(ctx.db, query.unitId);
  const where = q.peopleWhere({
    scope,
    unitPath: unit?.path,
    search: query.search,
    category: query.category,
    active: query.active,
  });
  const page = await q.listPeople(ctx.db, where, query.page, query.pageSize);
  return {
    items: page.items.map((p) => toPersonResponse(p)),
    total: page.total,
    totalCapped: page.totalCapped,
  };
}

/** One person with their unit path, assignment history and the actor's permissions. */
export async function getPersonDetail(ctx: Ctx, id: number) {
  const person = await q.getPerson(ctx.db, id);
  assertCan(ctx.actor, 'person.view', person.unitPath);
  const [assignments, unitPath] = await Promise.all([
    q.listAssignments(ctx.db, id),
    q.unitPathNames(ctx.db, person.unitPath),
  ]);
  return {
    ...toPersonResponse(person, unitPath),
    assignments,
    permissions: {
      canEdit: can(ctx.actor, 'person.manage', person.unitPath),
      canMove: can(ctx.actor, 'person.manage', person.unitPath),
    },
  };
}

/** Adds a person to a unit the actor manages (person.manage); opens their first assignment. */
export async function createPerson(ctx: Ctx, input: unknown) {
  const data = checkPersonFields(ctx, parseInput(CreatePerson, input, personLabels));
  if (data.startedOn !== undefined && data.startedOn > vietnamDate(ctx.now())) {
    throw fieldError('startedOn', label('startedOn'), 'không được sau ngày hôm nay');
  }
  return ctx.db.transaction().execute(async (trx) => {
    const unit = await uq.getUnit(trx, data.unitId);
    assertCan(ctx.actor, 'person.manage', unit.path);
    const now = ctx.now();
    const row = await q.insertPerson(trx, {
      unitId: unit.id,
      provinceId: unit.provinceId,
      fullName: data.fullName,
      gender: data.gender,
      birthYear: data.birthYear,
      category: data.category,
      position: data.position,
      email: data.email,
      phone: data.phone,
      createdAt: now,
      updatedAt: now,
    });
    await q.insertAssignment(trx, {
      personId: row.id,
      unitId: unit.id,
      position: data.position,
      startedOn: data.startedOn ?? vietnamDate(now),
    });
    const created = await q.getPerson(trx, row.id);
    await recordAudit(trx, ctx, {
      action: 'person.created',
      entityType: 'person',
      entityId: row.id,
      unitPath: unit.path,
      after: auditView(created),
    });
    return toPersonResponse(created);
  });
}

/** Edits a person (person.manage) with optimistic concurrency on `version`; CONFLICT when stale. */
export async function updatePerson(ctx: Ctx, id: number, input: unknown) {
  const data = checkPersonFields(ctx, parseInput(UpdatePerson, input, personLabels));
  return ctx.db.transaction().execute(async (trx) => {
    const before = await q.getPerson(trx, id);
    assertCan(ctx.actor, 'person.manage', before.unitPath);
    const { version, ...changes } = data;
    if (!(await q.updatePersonIfVersion(trx, id, version, { ...changes, updatedAt: ctx.now() })))
      throw staleVersion();
    if (changes.position !== undefined && changes.position !== before.position) {
      await q.setOpenAssignmentPosition(trx, id, changes.position);
    }
    const after = await q.getPerson(trx, id);
    const diff = changedFields(auditView(before), auditView(after));
    await recordAudit(trx, ctx, {
      action: 'person.updated',
      entityType: 'person',
      entityId: id,
      unitPath: after.unitPath,
      ...diff,
    });
    return toPersonResponse(after);
  });
}

/**
 * Moves a person to another unit from `effectiveDate`: the current assignment ends the day before
 * and a new one starts, so the history is kept. The actor must manage both units.
 */
export async function movePerson(ctx: Ctx, id: number, input: unknown) {
  const data = parseInput(MovePerson, input, personLabels);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await q.getPerson(trx, id);
    assertCan(ctx.actor, 'person.manage', before.unitPath);
    const target = await uq.getUnit(trx, data.unitId);
    assertCan(
      ctx.actor,
      'person.manage',
      target.path,
      'Bạn không có quyền điều chuyển cán bộ tới đơn vị này.',
    );
    if (target.id === before.unitId)
      throw fieldError('unitId', label('unitId'), 'trùng với đơn vị hiện tại');
    const current = await q.findOpenAssignment(trx, id);
    if (current !== undefined && data.effectiveDate <= current.startedOn) {
      throw fieldError(
        'effectiveDate',
        label('effectiveDate'),
        `phải sau ngày bắt đầu công tác hiện tại (${current.startedOn})`,
      );
    }
    const position = data.position === undefined ? before.position : data.position;
    const updated = await q.updatePersonIfVersion(trx, id, data.version, {
      unitId: target.id,
      provinceId: target.provinceId,
      position,
      updatedAt: ctx.now(),
    });
    if (!updated) throw staleVersion();
    if (current !== undefined) await q.endAssignmentBefore(trx, current.id, data.effectiveDate);
    await q.insertAssignment(trx, {
      personId: id,
      unitId: target.id,
      position,
      startedOn: data.effectiveDate,
    });
    const after = await q.getPerson(trx, id);
    await recordAudit(trx, ctx, {
      action: 'person.moved',
      entityType: 'person',
      entityId: id,
      unitPath: after.unitPath,
      before: { unitId: before.unitId, unitName: before.unitName, position: before.position },
      after: {
        unitId: after.unitId,
        unitName: after.unitName,
        position: after.position,
        effectiveDate: data.effectiveDate,
      },
    });
    return toPersonResponse(after);
  });
}
