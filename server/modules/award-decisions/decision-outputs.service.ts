import type { Readable } from 'node:stream';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { fileName } from '../../platform/file-name';
import { parseInput } from '../../platform/validation';
import type { UnitKind } from '../../../shared/org';
import { DecisionCertificatesQuery } from '../../../shared/api/award-decisions';
import { kindsOfVersions } from '../awards/index';
import { issuingBodyName, placeOf } from '../campaigns/index';
import {
  certificatesPdfReadable,
  layoutFor,
  renderPaymentListXlsx,
  STANDARD_LAYOUT,
  templateLayout,
  type CertificateLayout,
  type CertificateRow,
  type PaymentRow,
} from '../certificates/index';
import * as q from './award-decisions.queries';
import { visibleDecision } from './award-decisions.service';

/**
 * What an issued decision hands out (decision 043): the certificates of its awardees as one PDF
 * and the payment list per funding source. Built from the decision's frozen snapshot (names,
 * amounts, số sổ vàng as issued), rendered by the certificates module.
 */

const labels = { templateId: 'Mẫu in giấy khen' };

/** The decision, visible to the actor and issued (CONFLICT naming what is missing otherwise). */
async function issuedDecision(ctx: Ctx, id: number, what: string) {
  const d = await visibleDecision(ctx, ctx.db, id);
  if (d.status === 'draft' || d.documentNumber === null)
    throw new AppError(
      'CONFLICT',
      `Quyết định chưa ban hành (chưa có số, chưa có số sổ vàng): chưa thể tải ${what}.`,
    );
  // A cancelled or corrected decision no longer awards anything: nothing to print or pay.
  if (d.status === 'cancelled' || d.status === 'corrected')
    throw new AppError(
      'CONFLICT',
      `Quyết định đã bị ${d.status === 'cancelled' ? 'hủy bỏ' : 'đính chính'} bằng một quyết định khác: không tải ${what}.`,
    );
  return d;
}

/** One certificate per row of the decision, as it was issued. */
export function certificateRows(
  d: q.DecisionRecord,
  rows: readonly q.RowRecord[],
  kinds: ReadonlyMap<number, 'title' | 'form'>,
): CertificateRow[] {
  const issuerName = issuingBodyName(d.unitKind as UnitKind, d.unitName);
  const detail = (t: string) => (t.trim() === '' ? null : t.trim());
  return rows.map((r) => ({
    recipientKind: r.personId === null ? 'collective' : 'individual',
    name: r.name,
    position: r.personId === null ? null : detail(r.positionText),
    unit: r.personId === null ? detail(r.positionText) : null,
    achievement: r.achievement,
    formName: r.formName,
    awardKind: kinds.get(r.formVersionId) ?? 'form',
    decisionNumber: d.documentNumber ?? '',
    decisionDate: d.decisionDate,
    goldenBookNo: r.goldenBookNumber,
    place: placeOf(d.unitName),
    signDate: d.decisionDate,
    signerTitle: d.signerTitle.trim() || 'Chủ tịch',
    signerName: d.signerName,
    issuerName,
  }));
}

/**
 * All certificates of an issued (or since cancelled/corrected, for the record) decision as one
 * A4 landscape PDF, one page per annex row, streamed. Each form is printed with the unit's
 * template for it (certificates' layoutFor), or every page with `templateId` (a template of the
 * decision's unit) when given. Anyone who sees the decision (NOT_FOUND otherwise); CONFLICT for a
 * draft; NOT_FOUND for a template of another unit; VALIDATION_FAILED for a bad templateId.
 */
export async function decisionCertificates(
  ctx: Ctx,
  id: number,
  query: unknown,
): Promise<{ stream: Readable; fileName: string; pages: number }> {
  const { templateId } = parseInput(DecisionCertificatesQuery, query, labels);
  const d = await issuedDecision(ctx, id, 'giấy khen');
  const rows = await q.listRows(ctx.db, d.id);
  const kinds = await kindsOfVersions(ctx.db, [...new Set(rows.map((r) => r.formVersionId))]);
  const certificates = certificateRows(d, rows, kinds);
  let layout: CertificateLayout | ((row: CertificateRow) => CertificateLayout);
  if (templateId !== undefined) layout = await templateLayout(ctx.db, d.unitId, templateId);
  else {
    const byCode = new Map<string, CertificateLayout>();
    for (const code of new Set(rows.map((r) => r.formCode)))
      byCode.set(code, await layoutFor(ctx.db, d.unitId, code));
    const byRow = new Map(
      certificates.map((c, i) => [c, byCode.get(rows[i]?.formCode ?? '') ?? STANDARD_LAYOUT]),
    );
    layout = (row) => byRow.get(row) ?? STANDARD_LAYOUT;
  }
  const title = `Giấy khen theo Quyết định ${d.documentNumber ?? ''}`;
  return {
    stream: certificatesPdfReadable(layout, certificates, { title }),
    fileName: fileName([`Giấy khen ${d.documentNumber ?? ''}`, d.unitName], 'pdf'),
    pages: certificates.length,
  };
}

/** The payment rows of a decision: one per annex row, the decision's funding source. */
export function paymentRows(rows: readonly q.RowRecord[]): PaymentRow[] {
  return rows.map((r) => ({
    recipientKind: r.personId === null ? 'collective' : 'individual',
    name: r.name,
    unit: r.positionText.trim() === '' ? null : r.positionText.trim(),
    formName: r.formName,
    amount: r.amount,
  }));
}

/**
 * The payment list (danh sách chi tiền thưởng) of an issued decision as .xlsx: rows grouped by
 * funding source with subtotals, the grand total (equal to the decision's total) and in words.
 * Anyone who sees the decision (NOT_FOUND otherwise); CONFLICT for a draft.
 */
export async function decisionPaymentList(
  ctx: Ctx,
  id: number,
): Promise<{ data: Buffer; fileName: string }> {
  const d = await issuedDecision(ctx, id, 'danh sách chi tiền thưởng');
  const rows = await q.listRows(ctx.db, d.id);
  const data = await renderPaymentListXlsx(paymentRows(rows), {
    decision: {
      number: d.documentNumber ?? '',
      date: d.decisionDate,
      issuerName: issuingBodyName(d.unitKind as UnitKind, d.unitName),
    },
    fundingSource: d.fundingSource.trim() || 'Ngân sách nhà nước',
  });
  return {
    data,
    fileName: fileName([`Danh sách chi thưởng ${d.documentNumber ?? ''}`, d.unitName], 'xlsx'),
  };
}
