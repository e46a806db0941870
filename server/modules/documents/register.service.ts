import type { Ctx } from '../../platform/context';
import { actorId } from '../../platform/context';
import { AppError, forbidden, notFound } from '../../platform/errors';
import { isUniqueViolation, type Executor } from '../../platform/db';
import { recordAudit } from '../../platform/audit';
import { scopeFor } from '../../platform/access';
import { parseInput } from '../../platform/validation';
import { escapeLike, foldVietnamese } from '../../platform/text';
import { vietnamDate } from '../../platform/time';
import type { SubjectKind } from '../../../shared/documents';
import {
  CancelNumber,
  ExportRegisterQuery,
  ListRegisterQuery,
  type RegisterPage,
} from '../../../shared/api/documents';
import { getUnit } from '../organization/index';
import * as q from './register.queries';
import { registerSheet } from './register-xlsx';
import { formatDocumentNumber, nextRegisterStatus, type Series } from './register.rules';
import { canCancelNumber, canViewRegister } from './register.policy';
import { registerLabels, toRegisterRow } from './register.schemas';

/** What a number is for: the subject's kind and id, and its summary (trích yếu) for the register. */
export type Subject = { kind: SubjectKind; id: number; summary?: string | null };

/** A taken or recorded number and the register entry that holds it. */
export type TakenNumber = { entryId: number; number: number };

/**
 * Takes the next number of a series (issuing unit, year, document type, issuer symbol) for a
 * subject, inside the caller's transaction: the series row stays locked until the caller commits,
 * so concurrent takers get consecutive numbers and never the same one; the series continues after
 * the highest number in the register (numbers recorded from paper included). The entry is
 * `issued` on `issuedOn` when given, otherwise `reserved`. The caller has already decided the
 * actor may issue the subject; nothing is checked here.
 */
export async function takeNumber(
  ctx: Ctx,
  trx: Executor,
  series: Series,
  subject: Subject,
  options: { issuedOn?: string } = {},
): Promise<TakenNumber> {
  const number = await q.takeSeriesNumber(trx, series);
  const entry = await q.insertEntry(trx, {
    ...series,
    number,
    subjectKind: subject.kind,
    subjectId: subject.id,
    summary: subject.summary ?? null,
    status: options.issuedOn === undefined ? 'reserved' : 'issued',
    issuedOn: options.issuedOn ?? null,
    createdBy: actorId(ctx.actor),
    createdAt: ctx.now(),
  });
  return { entryId: entry.id, number };
}

/**
 * Records a number issued on paper (a document signed before it was entered here) as an `issued`
 * entry of its series on its date; the series continues after the highest number, and the numbers
 * skipped below it show as gaps. CONFLICT naming "Số văn bản" (field `documentNumber`) when the
 * number is already in the register, cancelled numbers included (a number is never reused). The
 * caller has already decided the actor may record the subject.
 */
export async function recordPaperNumber(
  ctx: Ctx,
  trx: Executor,
  series: Series,
  subject: Subject,
  paper: { number: number; issuedOn: string },
): Promise<TakenNumber> {
  // The series row first, as takeNumber does: the two never wait on each other in reverse order.
  await q.raiseSeries(trx, series, paper.number);
  const entry = await q
    .insertEntry(trx, {
      ...series,
      number: paper.number,
      subjectKind: subject.kind,
      subjectId: subject.id,
      summary: subject.summary ?? null,
      status: 'issued',
      issuedOn: paper.issuedOn,
      createdBy: actorId(ctx.actor),
      createdAt: ctx.now(),
    })
    .catch((e: unknown) => {
      if (isUniqueViolation(e, 'document_register_number')) {
        const written = formatDocumentNumber(paper.number, series.docType, series.issuerSymbol);
        const message = `${written} đã có trong sổ văn bản đi năm ${series.year} của đơn vị`;
        throw new AppError('CONFLICT', `Số văn bản: ${message}.`, {
          fields: [{ field: 'documentNumber', label: 'Số văn bản', message }],
        });
      }
      throw e;
    });
  return { entryId: entry.id, number: paper.number };
}

/** The latest date of an issued document of the series (a new one may not be dated earlier). */
export async function latestIssuedOn(trx: Executor, series: Series): Promise<string | null> {
  return q.latestIssuedOn(trx, series);
}

/**
 * Cancels a number inside the caller's transaction: the entry keeps its number with status
 * `cancelled`, the reason, who and when (the number is never given out again), audited as
 * `document_number.cancelled`. The subject itself is not changed. VALIDATION_FAILED naming
 * "Lý do" when the reason is empty; NOT_FOUND for an entry outside the actor's view; FORBIDDEN
 * without `document_register.manage` at the entry's unit; INVALID_STATE when already cancelled.
 */
export async function cancelNumber(ctx: Ctx, trx: Executor, entryId: number, reason: string) {
  const { reason: why } = parseInput(CancelNumber, { reason }, registerLabels);
  const entry = await q.findEntry(trx, entryId, true);
  const unit = entry && { id: entry.unitId, path: entry.unitPath };
  if (entry === undefined || unit === undefined || !canViewRegister(ctx.actor, unit))
    throw notFound('số văn bản trong sổ');
  const next = nextRegisterStatus(entry.status, 'cancel');
  if (next === null) throw new AppError('INVALID_STATE', 'Số văn bản này đã được hủy trước đó.');
  if (!canCancelNumber(ctx.actor, { status: entry.status, unit }))
    throw forbidden('Chỉ cán bộ quản lý sổ văn bản của đơn vị mới được hủy số.');
  await q.updateEntryStatus(trx, entry.id, {
    status: next,
    reason: why,
    cancelledBy: actorId(ctx.actor),
    cancelledAt: ctx.now(),
  });
  await recordAudit(trx, ctx, {
    action: 'document_number.cancelled',
    entityType: 'document_register_entry',
    entityId: entry.id,
    unitPath: entry.unitPath,
    before: { status: entry.status },
    after: {
      status: next,
      reason: why,
      documentNumber: formatDocumentNumber(entry.number, entry.docType, entry.issuerSymbol),
      year: entry.year,
    },
  });
  return { ...entry, status: next, reason: why };
}

/** The HTTP use case: cancels a register entry (see cancelNumber) in its own transaction. */
export async function cancelRegisterEntry(ctx: Ctx, entryId: number, input: unknown) {
  const { reason } = parseInput(CancelNumber, input, registerLabels);
  const entry = await ctx.db
    .transaction()
    .execute((trx) => cancelNumber(ctx, trx, entryId, reason));
  return { id: entry.id, status: entry.status, reason: entry.reason };
}

async function visibleUnit(ctx: Ctx, unitId: number) {
  const unit = await getUnit(ctx.db, unitId);
  if (!canViewRegister(ctx.actor, unit))
    throw forbidden('Bạn không có quyền xem sổ văn bản đi của đơn vị này.');
  return unit;
}

function registerFilter(
  ctx: Ctx,
  unitId: number,
  year: number,
  query: typeof ExportRegisterQuery._output,
) {
  return {
    unitId,
    year,
    docType: query.docType,
    pattern:
      query.q === undefined || query.q === ''
        ? undefined
        : `%${escapeLike(foldVietnamese(query.q))}%`,
    scope: scopeFor(ctx.actor, 'campaign.view'),
  };
}

/**
 * The register of outgoing documents of a unit for a year (default: this year), read-only: every
 * number from 1 to the highest of each series, gaps ("số bỏ trống") as rows of their own,
 * cancelled numbers with their reason; filtered by document type and by text folded for accents
 * (summary or written number), paged. Scoped in SQL to the actor's `campaign.view` subtree;
 * FORBIDDEN outside it, NOT_FOUND for an unknown unit.
 */
export async function listRegister(
  ctx: Ctx,
  unitId: number,
  input: unknown,
): Promise<RegisterPage> {
  const query = parseInput(ListRegisterQuery, input, registerLabels);
  const unit = await visibleUnit(ctx, unitId);
  const year = query.year ?? Number(vietnamDate(ctx.now()).slice(0, 4));
  const filter = registerFilter(ctx, unit.id, year, query);
  const [page, outline] = await Promise.all([
    q.listRegisterRows(ctx.db, filter, { page: query.page, pageSize: query.pageSize }),
    q.registerOutline(ctx.db, unit.id, year, filter.scope),
  ]);
  return {
    unit: { id: unit.id, name: unit.name },
    year,
    years: outline.years,
    docTypes: outline.docTypes,
    items: page.items.map((r) => toRegisterRow(r, year, ctx.actor, unit)),
    total: page.total,
    gapCount: outline.gapCount,
  };
}

/**
 * The register of a unit and year as .xlsx, with the same rows, filters and access as
 * listRegister, unpaged.
 */
export async function exportRegister(ctx: Ctx, unitId: number, input: unknown) {
  const query = parseInput(ExportRegisterQuery, input, registerLabels);
  const unit = await visibleUnit(ctx, unitId);
  const year = query.year ?? Number(vietnamDate(ctx.now()).slice(0, 4));
  const { items } = await q.listRegisterRows(
    ctx.db,
    registerFilter(ctx, unit.id, year, query),
    null,
  );
  const data = await registerSheet(year, items);
  return { data, fileName: `Sổ văn bản đi ${year} - ${unit.name}.xlsx` };
}
