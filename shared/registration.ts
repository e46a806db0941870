import { z } from 'zod';

/**
 * Registration (đăng ký thi đua) as both sides see it: who registers for a campaign plan, with
 * what commitments, and where the registration stands.
 */

export const RegistrationKind = { collective: 'collective', individual: 'individual' } as const;
export type RegistrationKind = (typeof RegistrationKind)[keyof typeof RegistrationKind];
export const registrationKindLabels: Record<RegistrationKind, string> = {
  collective: 'Tập thể',
  individual: 'Cá nhân',
};

export const RegistrationStatus = {
  submitted: 'submitted',
  approved: 'approved',
  returned: 'returned',
  withdrawn: 'withdrawn',
} as const;
export type RegistrationStatus = (typeof RegistrationStatus)[keyof typeof RegistrationStatus];
export const registrationStatuses = Object.values(RegistrationStatus) as [
  RegistrationStatus,
  ...RegistrationStatus[],
];
export const registrationStatusLabels: Record<RegistrationStatus, string> = {
  submitted: 'Chờ duyệt',
  approved: 'Đã duyệt',
  returned: 'Trả lại',
  withdrawn: 'Đã rút',
};

const items = (max: number) => z.array(z.string().trim().min(1).max(2000)).max(max).default([]);

/** What the registrant commits to: targets, key tasks and breakthrough tasks (việc trọng tâm, đột phá). */
export const Commitments = z.object({
  /** The title or result aimed at, e.g. "Tập thể lao động xuất sắc", "Hoàn thành xuất sắc nhiệm vụ". */
  targetTitle: z
    .string()
    .trim()
    .max(300)
    .nullish()
    .transform((v) => (v ? v : null)),
  targets: items(30),
  keyTasks: items(30),
  breakthroughTasks: items(30),
});
export type Commitments = z.infer<typeof Commitments>;

export const registrationFieldLabels: Record<string, string> = {
  planId: 'Kế hoạch thi đua',
  unitId: 'Đơn vị',
  personId: 'Cán bộ',
  personIds: 'Danh sách cán bộ',
  commitments: 'Nội dung đăng ký',
  'commitments.targetTitle': 'Danh hiệu, kết quả phấn đấu',
  'commitments.targets': 'Chỉ tiêu',
  'commitments.keyTasks': 'Nhiệm vụ trọng tâm',
  'commitments.breakthroughTasks': 'Nhiệm vụ đột phá',
  lateReason: 'Lý do nhận đăng ký muộn',
  reason: 'Lý do',
  version: 'Phiên bản',
};
