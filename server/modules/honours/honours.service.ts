import type { Ctx } from '../../platform/context';
import { actorId } from '../../platform/context';
import { AppError, fieldError, forbidden, notFound } from '../../platform/errors';
import { assertCan } from '../../platform/access';
import { recordAudit, type AuditInput } from '../../platform/audit';
import type { Executor } from '../../platform/db';
import { parseInput } from '../../platform/validation';
import { vietnamDate } from '../../../shared/dates';
import {
  HonourQuery,
  NewHonour,
  Removal,
  type HonourHistory,
  type HonourHistoryInput,
  type HonourRowInput,
} from '../../../shared/api/honours';
import type { HonourSource } from '../../../shared/honours';
import { getCatalogue } from '../awards/index';
import { getUnit } from '../organization/index';
import * as q from './honours.queries';
import { formMatcher, type FormMatcher } from './form-match';
import { suggestionsFromHistory, type HistoryEntry } from './honours.rules';
import { canManageHonours } from './honours.policy';

export const honourLabels: Record<string, string> = {
  personId: 'Cán bộ',
  unitId: 'Tập thể',
  formVersionId: 'Hình thức',
  formName: 'Hình thức',
  year: 'Năm',
  period: 'Giai đoạn',
  decisionNumber: 'Số quyết định',
  decisionDate: 'Ngày quyết định',
  issuer: 'Cơ quan ban hành',
  achievement: 'Thành tích',
  amount: 'Số tiền',
  reason: 'Lý do',
};

/** The award catalogue the actor sees, as a matcher of form names and versions. */
export async function loadFormMatcher(ctx: Ctx): Promise<FormMatcher> {
  const catalogue = await getCatalogue(ctx, {});
  return formMatcher(
    catalogue.forms.map((f) => ({
      code: f.code,
      versions: f.versions.map((v) => ({
        id: v.id,
        name: v.name,
        subject: v.subject,
        validFrom: v.validFrom,
        validTo: v.validTo,
      })),
    })),
  );
}

export function toHonourRow(r: q.HonourRecord): HonourRowInput {
  return {
    id: r.id,
    subject:
      r.personId !== null
        ? { kind: 'person', id: r.personId, name: r.subjectName }
        : { kind: 'unit', id: r.unitId ?? 0, name: r.subjectName },
    formVersionId: r.formVersionId,
    formCode: r.formCode,
    formName: r.formName,
    year: r.year,
    period: r.period,
    decisionNumber: r.decisionNumber,
    decisionDate: r.decisionDate,
    issuer: r.issuer,
    achievement: r.achievement,
    amount: r.amount,
    source: r.source,
    enteredBy: r.enteredBy,
    createdAt: r.createdAt,
  };
}

function history(
  subject: HonourHistory['subject'],
  items: q.HonourRecord[],
  year: number | undefined,
  canManage: boolean,
): HonourHistoryInput {
  const latest = items.reduce<number | null>(
    (m, h) => (m === null || h.year > m ? h.year : m),
    null,
  );
  const forYear = year ?? latest;
  return {
    subject,
    items: items.map(toHonourRow),
    year: forYear,
    suggestions: forYear === null ? [] : suggestionsFromHistory(items, forYear),
    canManage,
  };
}

async function getPersonSubject(ctx: Ctx, personId: number) {
  const person = await q.findPersonSubject(ctx.db, personId);
  if (person === undefined) throw notFound('cán bộ');
  return person;
}

/**
 * A person's award history, newest year first, with the suggestions it gives for the review of a
 * year (default: the latest year with an award) — e.g. 2 consecutive CSTĐCS → Bằng khen of the
 * provincial chairman; suggestions, never rules. Readable with person.view over the person's
 * unit. NOT_FOUND for an unknown person; FORBIDDEN outside the actor's scope.
 */
export async function getPersonHonours(
  ctx: Ctx,
  personId: number,
  input: unknown,
): Promise<HonourHistoryInput> {
  const query = parseInput(HonourQuery, input, honourLabels);
  const person = await getPersonSubject(ctx, personId);
  assertCan(ctx.actor, 'person.view', person.unitPath, 'Bạn không có quyền xem cán bộ này.');
  const items = await q.listHonours(ctx.db, { personId });
  return history(
    { kind: 'person', id: person.id, name: person.fullName },
    items,
    query.year,
    canManageHonours(ctx.actor, person.unitPath),
  );
}

/**
 * A collective's (unit's) award history with its suggestions (e.g. 2 consecutive TTLĐXS → Bằng
 * khen of the provincial chairman). Readable with unit.view over the unit. NOT_FOUND, FORBIDDEN.
 */
export async function getUnitHonours(
  ctx: Ctx,
  unitId: number,
  input: unknown,
): Promise<HonourHistoryInput> {
  const query = parseInput(HonourQuery, input, honourLabels);
  const unit = await getUnit(ctx.db, unitId);
  assertCan(ctx.actor, 'unit.view', unit.path, 'Bạn không có quyền xem đơn vị này.');
  const items = await q.listHonours(ctx.db, { unitId });
  return history(
    { kind: 'unit', id: unit.id, name: unit.displayName },
    items,
    query.year,
    canManageHonours(ctx.actor, unit.path),
  );
}

/**
 * Records an award a person or a collective received, entered by hand (source 'manual'), with
 * honour.manage over the subject's unit; audited as `honour.recorded`. The form is a catalogue
 * version (its code and name are copied, and its subject must be the record's: an individual's
 * form for a person, a collective's for a unit) or a name: a name the catalogue knows for that
 * subject is linked to its form, any other is kept as text. VALIDATION_FAILED naming the field:
 * neither or both of person and unit, no form, a version not in the catalogue or for the other
 * subject, a year after the current one. NOT_FOUND for an unknown subject; FORBIDDEN.
 */
export async function addHonour(ctx: Ctx, input: unknown): Promise<HonourRowInput> {
  const data = parseInput(NewHonour, input, honourLabels);
  if ((data.personId === null) === (data.unitId === null))
    throw fieldError(
      'personId',
      honourLabels.personId ?? '',
      'chọn đúng một cán bộ hoặc một tập thể',
    );
  const thisYear = Number(vietnamDate(ctx.now()).slice(0, 4));
  if (data.year > thisYear)
    throw fieldError('year', honourLabels.year ?? '', `không được sau năm ${thisYear}`);
  let path: string;
  if (data.personId !== null) path = (await getPersonSubject(ctx, data.personId)).unitPath;
  else path = (await getUnit(ctx.db, data.unitId ?? 0)).path;
  if (!canManageHonours(ctx.actor, path))
    throw forbidden('Bạn không có quyền ghi khen thưởng cho cán bộ, tập thể này.');
  const subject = data.personId !== null ? 'individual' : 'collective';
  const matcher = await loadFormMatcher(ctx);
  let form: { versionId: number | null; code: string | null; name: string };
  if (data.formVersionId !== null) {
    const v = matcher.version(data.formVersionId);
    if (v === undefined)
      throw fieldError('formVersionId', 'Hình thức', 'không có trong danh mục khen thưởng');
    if (v.subject !== subject)
      throw fieldError(
        'formVersionId',
        'Hình thức',
        subject === 'individual'
          ? 'là hình thức dành cho tập thể'
          : 'là hình thức dành cho cá nhân',
      );
    form = { versionId: data.formVersionId, code: v.code, name: v.name };
  } else {
    if (data.formName === null) throw fieldError('formName', 'Hình thức', 'không được để trống');
    const m = matcher.match(data.formName, subject, data.decisionDate ?? `${data.year}-12-31`);
    form =
      m.kind === 'catalogue'
        ? { versionId: m.versionId, code: m.code, name: m.name }
        : { versionId: null, code: null, name: data.formName };
  }
  const row: q.NewHonourRow = {
    personId: data.personId,
    unitId: data.unitId,
    formVersionId: form.versionId,
    formCode: form.code,
    formName: form.name,
    year: data.year,
    period: data.period,
    decisionNumber: data.decisionNumber,
    decisionDate: data.decisionDate,
    issuer: data.issuer,
    achievement: data.achievement,
    amount: data.amount,
    source: 'manual',
    sourceRef: null,
    enteredBy: actorId(ctx.actor),
    createdAt: ctx.now(),
  };
  const id = await ctx.db.transaction().execute(async (trx) => {
    const [inserted] = await q.insertHonours(trx, [row]);
    if (inserted === undefined) throw new Error('honour not inserted');
    await recordAudit(trx, ctx, {
      action: 'honour.recorded',
      entityType: 'honour',
      entityId: inserted.id,
      unitPath: path,
      after: auditValues(row),
    });
    return inserted.id;
  });
  const saved = await q.findHonour(ctx.db, id);
  if (saved === undefined) throw notFound('khen thưởng');
  return toHonourRow(saved);
}

/** The fields of an award record an audit event keeps. */
export function auditValues(r: q.NewHonourRow) {
  const { enteredBy: _e, createdAt: _c, ...rest } = r;
  return rest;
}

/**
 * Removes an award record entered by hand or imported, with a reason (honour.manage over the
 * subject's unit); the row stays, marked removed, and leaves the history; audited as
 * `honour.removed` with the record and the reason. An award recorded by an issued decision is
 * corrected or cancelled only by a new decision: INVALID_STATE. NOT_FOUND (also when already
 * removed), FORBIDDEN, VALIDATION_FAILED naming "Lý do".
 */
export async function removeHonour(ctx: Ctx, id: number, input: unknown): Promise<void> {
  const { reason } = parseInput(Removal, input, honourLabels);
  const found = await q.findHonour(ctx.db, id);
  if (found === undefined) throw notFound('khen thưởng');
  if (!canManageHonours(ctx.actor, found.scopePath))
    throw forbidden('Bạn không có quyền xóa khen thưởng của cán bộ, tập thể này.');
  if (found.source === 'decision')
    throw new AppError(
      'INVALID_STATE',
      'Khen thưởng theo quyết định đã ban hành trên hệ thống chỉ được đính chính hoặc hủy bằng một quyết định mới.',
    );
  await ctx.db.transaction().execute(async (trx) => {
    const removed = await q.markHonourRemoved(trx, id, {
      userId: actorId(ctx.actor),
      reason,
      at: ctx.now(),
    });
    if (!removed) throw notFound('khen thưởng');
    const { scopePath: _s, ...before } = found;
    await recordAudit(trx, ctx, {
      action: 'honour.removed',
      entityType: 'honour',
      entityId: id,
      unitPath: found.scopePath,
      before,
      after: { reason },
    });
  });
}

/** An award an issued decision gives, as the award-decisions module hands it over. */
export type DecidedHonour = {
  personId: number | null;
  unitId: number | null;
  formVersionId: number;
  formCode: string;
  formName: string;
  year: number;
  period: string | null;
  decisionNumber: string;
  decisionDate: string;
  issuer: string;
  achievement: string | null;
  amount: number | null;
  /** The issuing decision's reference (e.g. "award_decision:42"): one record per subject and decision. */
  sourceRef: string;
};

/**
 * Records the awards of an issued decision (source 'decision') inside the caller's transaction:
 * the award-decisions module writes award history through this function, never the table. The
 * caller has authorised the decision; this writes and audits (`honour.recorded`) only. Idempotent:
 * an award already recorded for a subject by that decision is skipped. Returns how many were new.
 */
export async function recordHonours(
  trx: Executor,
  ctx: Ctx,
  awards: readonly DecidedHonour[],
): Promise<number> {
  const source: HonourSource = 'decision';
  const rows: q.NewHonourRow[] = awards.map((a) => ({
    ...a,
    source,
    enteredBy: actorId(ctx.actor),
    createdAt: ctx.now(),
  }));
  const inserted = await q.insertHonours(trx, rows);
  const paths = await q.subjectPaths(
    trx,
    inserted.flatMap((r) => (r.personId === null ? [] : [r.personId])),
    inserted.flatMap((r) => (r.unitId === null ? [] : [r.unitId])),
  );
  const audits: AuditInput[] = inserted.map((r) => {
    const row = rows.find((x) => x.personId === r.personId && x.unitId === r.unitId);
    return {
      action: 'honour.recorded',
      entityType: 'honour',
      entityId: r.id,
      unitPath:
        (r.personId !== null ? paths.people.get(r.personId) : paths.units.get(r.unitId ?? 0)) ??
        null,
      after: row === undefined ? { source } : auditValues(row),
    };
  });
  await recordAudit(trx, ctx, audits);
  return inserted.length;
}

/**
 * The award history of people, for eligibility checks and suggestions (nominations call it):
 * person id → their awards' (year, form code).
 */
export async function historyOfPeople(
  db: Executor,
  personIds: readonly number[],
): Promise<Map<number, HistoryEntry[]>> {
  const rows = await q.listHistoryOfPeople(db, personIds);
  const out = new Map<number, HistoryEntry[]>();
  for (const r of rows) {
    if (r.personId === null) continue;
    out.set(r.personId, [...(out.get(r.personId) ?? []), { year: r.year, formCode: r.formCode }]);
  }
  return out;
}

/** The award history of collectives (units): unit id → their awards' (year, form code). */
export async function historyOfUnits(
  db: Executor,
  unitIds: readonly number[],
): Promise<Map<number, HistoryEntry[]>> {
  const rows = await q.listHistoryOfUnits(db, unitIds);
  const out = new Map<number, HistoryEntry[]>();
  for (const r of rows) {
    if (r.unitId === null) continue;
    out.set(r.unitId, [...(out.get(r.unitId) ?? []), { year: r.year, formCode: r.formCode }]);
  }
  return out;
}
