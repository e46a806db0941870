import {
  registrationFieldLabels,
  type Commitments as CommitmentsT,
  type RegistrationKind,
  type RegistrationStatus,
} from '../../../shared/registration';
import type { Registration } from '../../../shared/api/registrations';
import type { PersonCategory, UnitKind } from '../../../shared/org';

// The request and response schemas are in shared/api/registrations.ts (decision 027).

export const registrationLabels: Record<string, string> = {
  ...registrationFieldLabels,
  kind: 'Loại đăng ký',
  'personIds.*': 'Cán bộ',
  'items.*': 'Đăng ký',
  'items.*.id': 'Mã đăng ký',
  'items.*.version': 'Phiên bản đăng ký',
  status: 'Trạng thái',
  search: 'Tìm kiếm',
  page: 'Trang',
  pageSize: 'Số dòng mỗi trang',
};

export type RegistrationRecord = {
  id: number;
  planId: number;
  kind: RegistrationKind;
  unitId: number;
  unitPath: string;
  unitName: string;
  unitKind: UnitKind;
  personId: number | null;
  personName: string | null;
  personPosition: string | null;
  personCategory: PersonCategory | null;
  status: RegistrationStatus;
  commitments: CommitmentsT;
  submittedAt: Date;
  submittedBy: number | null;
  submittedByName: string | null;
  late: boolean;
  lateReason: string | null;
  decidedAt: Date | null;
  decidedByName: string | null;
  returnReason: string | null;
  version: number;
  updatedAt: Date;
};

/** The registration as the API returns it (shared/api/registrations.ts's `Registration`). */
export function toRegistrationResponse(r: RegistrationRecord): Registration {
  return {
    id: r.id,
    planId: r.planId,
    kind: r.kind,
    status: r.status,
    unit: { id: r.unitId, name: r.unitName, kind: r.unitKind },
    person:
      r.personId === null
        ? null
        : {
            id: r.personId,
            fullName: r.personName ?? '',
            position: r.personPosition,
            category: r.personCategory,
          },
    commitments: r.commitments,
    submittedAt: r.submittedAt.toISOString(),
    submittedByName: r.submittedByName,
    late: r.late,
    lateReason: r.lateReason,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decidedByName: r.decidedByName,
    returnReason: r.returnReason,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** What the audit trail keeps of a registration. */
export function auditView(r: RegistrationRecord) {
  return {
    planId: r.planId,
    kind: r.kind,
    unitId: r.unitId,
    personId: r.personId,
    status: r.status,
    commitments: r.commitments,
    late: r.late,
    lateReason: r.lateReason,
    returnReason: r.returnReason,
  };
}
