import type { Actor } from '../../platform/context';
import type { RegisterRow } from '../../../shared/api/documents';
import type { RegisterRowRecord } from './register.queries';
import { formatDocumentNumber } from './register.rules';
import { canCancelNumber } from './register.policy';

// The request schemas are the contract's (shared/api/documents.ts); these are their labels.
export const registerLabels = {
  year: 'Năm',
  docType: 'Loại văn bản',
  q: 'Tìm kiếm',
  page: 'Trang',
  pageSize: 'Số dòng mỗi trang',
  reason: 'Lý do',
};

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
