import {
  Commitments,
  registrationFieldLabels,
  registrationStatuses,
  type Commitments as CommitmentsT,
  type RegistrationKind,
  type RegistrationStatus,
} from '../../../shared/registration';
import type { PersonCategory, UnitKind } from '../../../shared/org';
import { id, optionalText, page, pageSize, text, z } from '../../platform/validation';

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

/** Commitments with something in them: a title aimed at, or at least one target or task. */
const FilledCommitments = Commitments.refine(
  (c) =>
    c.targetTitle !== null || c.targets.length + c.keyTasks.length + c.breakthroughTasks.length > 0,
  { message: 'cần ghi danh hiệu phấn đấu hoặc ít nhất một chỉ tiêu, nhiệm vụ' },
);

const version = z.number().int().positive();
const lateReason = optionalText(1000);

export const CreateRegistration = z
  .object({
    kind: z.enum(['collective', 'individual']),
    unitId: id.optional(),
    personId: id.optional(),
    commitments: FilledCommitments,
    lateReason,
  })
  .superRefine((v, ctx) => {
    const field = v.kind === 'collective' ? 'unitId' : 'personId';
    if (v[field] === undefined)
      ctx.addIssue({ code: 'custom', path: [field], message: 'không được để trống' });
  });
export type CreateRegistration = z.infer<typeof CreateRegistration>;

export const BulkRegistration = z.object({
  unitId: id,
  personIds: z
    .array(id)
    .min(1)
    .max(500)
    .transform((ids) => [...new Set(ids)]),
  commitments: FilledCommitments,
  lateReason,
});

export const UpdateRegistration = z.object({ version, commitments: FilledCommitments });
export const ResubmitRegistration = z.object({
  version,
  commitments: FilledCommitments.optional(),
});
export const Decide = z.object({ version });
export const ReturnRegistration = z.object({ version, reason: text(1000) });

export const ListRegistrationsQuery = z.object({
  status: z.enum(registrationStatuses).optional(),
  kind: z.enum(['collective', 'individual']).optional(),
  unitId: id.optional(),
  search: z.string().trim().max(100).optional(),
  page,
  pageSize,
});
export type ListRegistrationsQuery = z.infer<typeof ListRegistrationsQuery>;

export const ProgressQuery = z.object({
  search: z.string().trim().max(100).optional(),
  page,
  pageSize,
});

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

export function toRegistrationResponse(r: RegistrationRecord) {
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
