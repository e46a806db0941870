import type { Ctx } from '../../platform/context';
import { actorId } from '../../platform/context';
import { fieldError, forbidden, notFound, staleVersion } from '../../platform/errors';
import { changedFields, recordAudit } from '../../platform/audit';
import type { Executor } from '../../platform/db';
import { parseInput } from '../../platform/validation';
import { vietnamDate } from '../../../shared/dates';
import {
  DisciplineFields,
  DisciplineUpdate,
  Removal,
  type DisciplineListInput,
  type DisciplineRowInput,
} from '../../../shared/api/honours';
import * as q from './honours.queries';
import { blockingRecords, type DisciplineFacts } from './discipline.rules';
import { canManageDiscipline, canViewDiscipline } from './honours.policy';

const labels: Record<string, string> = {
  kind: 'Loại',
  level: 'Hình thức kỷ luật',
  fromDate: 'Từ ngày',
  toDate: 'Đến ngày',
  reason: 'Lý do',
  decisionRef: 'Số quyết định, văn bản',
  version: 'Phiên bản',
};

const NO_VIEW = 'Bạn không có quyền xem kỷ luật, điều tra, khiếu nại của cán bộ này.';
const NO_MANAGE = 'Bạn không có quyền ghi kỷ luật, điều tra, khiếu nại của cán bộ này.';

async function personOf(ctx: Ctx, personId: number) {
  const person = await q.findPersonSubject(ctx.db, personId);
  if (person === undefined) throw notFound('cán bộ');
  return person;
}

function toRow(r: q.DisciplineRecord, today: string): DisciplineRowInput {
  const [block] = blockingRecords({ records: [r] }, today);
  return { ...r, blocksToday: block?.explanation ?? null };
}

/** The values of a record after the checks the schema cannot make (level, date order). */
function checkedValues(data: q.DisciplineValues): q.DisciplineValues {
  if (data.kind !== 'discipline' && data.level !== null)
    throw fieldError('level', labels.level ?? '', 'chỉ ghi cho hồ sơ kỷ luật');
  if (data.toDate !== null && data.toDate < data.fromDate)
    throw fieldError('toDate', labels.toDate ?? '', 'không được trước Từ ngày');
  return data;
}

/**
 * A person's discipline, investigation, inspection and complaint records (removed ones left out),
 * newest first, each saying why it blocks an award today, if it does (Decree 152 Art. 4(4)).
 * discipline.view over the person's unit (FORBIDDEN otherwise); NOT_FOUND for an unknown person.
 */
export async function listDiscipline(ctx: Ctx, personId: number): Promise<DisciplineListInput> {
  const person = await personOf(ctx, personId);
  if (!canViewDiscipline(ctx.actor, person.unitPath)) throw forbidden(NO_VIEW);
  const today = vietnamDate(ctx.now());
  const rows = await q.listDisciplineRecords(ctx.db, [personId]);
  return {
    items: rows.map((r) => toRow(r, today)),
    canManage: canManageDiscipline(ctx.actor, person.unitPath),
  };
}

/**
 * Records a discipline (with its form and period), an investigation, inspection or complaint
 * (pending while it has no end date) concerning a person; discipline.manage over the person's
 * unit; audited as `discipline_record.created`. VALIDATION_FAILED naming the field: a level on a
 * record that is not a discipline, an end before the start. NOT_FOUND, FORBIDDEN.
 */
export async function addDiscipline(
  ctx: Ctx,
  personId: number,
  input: unknown,
): Promise<DisciplineRowInput> {
  const values = checkedValues(parseInput(DisciplineFields, input, labels));
  const person = await personOf(ctx, personId);
  if (!canManageDiscipline(ctx.actor, person.unitPath)) throw forbidden(NO_MANAGE);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await q.insertDisciplineRecord(trx, personId, values, {
      userId: actorId(ctx.actor),
      at: ctx.now(),
    });
    await recordAudit(trx, ctx, {
      action: 'discipline_record.created',
      entityType: 'discipline_record',
      entityId: newId,
      unitPath: person.unitPath,
      after: { personId, ...values },
    });
    return newId;
  });
  const saved = await q.findDisciplineRecord(ctx.db, id);
  if (saved === undefined) throw notFound('hồ sơ kỷ luật');
  return toRow(saved, vietnamDate(ctx.now()));
}

async function recordWithPerson(ctx: Ctx, id: number) {
  const record = await q.findDisciplineRecord(ctx.db, id);
  if (record === undefined) throw notFound('hồ sơ kỷ luật, điều tra, khiếu nại');
  const person = await personOf(ctx, record.personId);
  return { record, person };
}

/**
 * Changes a record (typically: the end date once a discipline ends or a complaint is settled),
 * at the version the client read (CONFLICT when someone changed it meanwhile); discipline.manage;
 * audited as `discipline_record.updated` with the changed fields. NOT_FOUND, FORBIDDEN,
 * VALIDATION_FAILED as for adding.
 */
export async function updateDiscipline(
  ctx: Ctx,
  id: number,
  input: unknown,
): Promise<DisciplineRowInput> {
  const { version, ...rest } = parseInput(DisciplineUpdate, input, labels);
  const values = checkedValues(rest);
  const { record, person } = await recordWithPerson(ctx, id);
  if (!canManageDiscipline(ctx.actor, person.unitPath)) throw forbidden(NO_MANAGE);
  await ctx.db.transaction().execute(async (trx) => {
    const ok = await q.updateDisciplineRecord(trx, id, version, values, ctx.now());
    if (!ok) throw staleVersion();
    const before = {
      kind: record.kind,
      level: record.level,
      fromDate: record.fromDate,
      toDate: record.toDate,
      reason: record.reason,
      decisionRef: record.decisionRef,
    };
    const changed = changedFields(before, values);
    await recordAudit(trx, ctx, {
      action: 'discipline_record.updated',
      entityType: 'discipline_record',
      entityId: id,
      unitPath: person.unitPath,
      ...changed,
    });
  });
  const saved = await q.findDisciplineRecord(ctx.db, id);
  if (saved === undefined) throw notFound('hồ sơ kỷ luật');
  return toRow(saved, vietnamDate(ctx.now()));
}

/**
 * Removes a record entered in error, with a reason (the row stays, marked removed); a discipline
 * that ended is closed with its end date instead. discipline.manage; audited as
 * `discipline_record.removed`. NOT_FOUND, FORBIDDEN, VALIDATION_FAILED naming "Lý do".
 */
export async function removeDiscipline(ctx: Ctx, id: number, input: unknown): Promise<void> {
  const { reason } = parseInput(Removal, input, labels);
  const { record, person } = await recordWithPerson(ctx, id);
  if (!canManageDiscipline(ctx.actor, person.unitPath)) throw forbidden(NO_MANAGE);
  await ctx.db.transaction().execute(async (trx) => {
    const ok = await q.markDisciplineRemoved(trx, id, {
      userId: actorId(ctx.actor),
      reason,
      at: ctx.now(),
    });
    if (!ok) throw notFound('hồ sơ kỷ luật, điều tra, khiếu nại');
    await recordAudit(trx, ctx, {
      action: 'discipline_record.removed',
      entityType: 'discipline_record',
      entityId: id,
      unitPath: person.unitPath,
      before: record,
      after: { reason },
    });
  });
}

/**
 * The discipline facts of people, for eligibility checks (nominations pass them to
 * `blockingRecords`): person id → their records.
 */
export async function disciplineOfPeople(
  db: Executor,
  personIds: readonly number[],
): Promise<Map<number, DisciplineFacts[]>> {
  const rows = await q.listDisciplineRecords(db, personIds);
  const out = new Map<number, DisciplineFacts[]>();
  for (const r of rows) out.set(r.personId, [...(out.get(r.personId) ?? []), r]);
  return out;
}
