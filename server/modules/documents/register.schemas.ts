import { page, pageSize, z } from '../../platform/validation';
import type { Actor } from '../../platform/context';
import type { RegisterRow } from '../../../shared/documents';
import type { RegisterRowRecord } from './register.queries';
import { formatDocumentNumber } from './register.rules';
import { canCancelNumber } from './register.policy';

export const ListRegisterQuery = z.object({
  year: z.coerce.number().int().min(1900).max(9999).optional(),
  docType: z.string().trim().min(1).max(10).optional(),
  q: z.string().trim().max(200).optional(),
  page,
  pageSize,
});

export const registerLabels = {
  year: 'Năm',
  docType: 'Loại văn bản',
  q: 'Tìm kiếm',
  page: 'Trang',
  pageSize: 'Số dòng mỗi trang',
  reason: 'Lý do',
};

export const CancelNumber = z.object({
  reason: z.string().trim().min(1, 'không được để trống').max(1000),
});

export function toRegisterRow(
  r: RegisterRowRecord,
  year: number,
  actor: Actor,
  unit: { id: number; path: string },
): RegisterRow {
  return {
    id: r.id,
    year,
    docType: r.docType,
    issuerSymbol: r.issuerSymbol,
    number: r.number,
    documentNumber: formatDocumentNumber(r.number, r.docType, r.issuerSymbol),
    status: r.status,
    gap: r.id === null,
    subjectKind: r.subjectKind,
    subjectId: r.subjectId,
    summary: r.summary,
    issuedOn: r.issuedOn,
    reason: r.reason,
    cancelledAt: r.cancelledAt === null ? null : new Date(r.cancelledAt).toISOString(),
    canCancel: r.status !== null && canCancelNumber(actor, { status: r.status, unit }),
  };
}
