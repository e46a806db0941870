import { z } from 'zod';
import { refId, version } from './api/fields';
import type { PlanStatus } from './campaign';

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

/** A plan takes (and lets registrants change) registrations once issued and while it runs. */
export function acceptsRegistrations(status: PlanStatus): boolean {
  return status === 'issued' || status === 'in_progress';
}

/** Review may go on into the plan's review period, but not once it is closed or cancelled. */
export function allowsReview(status: PlanStatus): boolean {
  return status === 'issued' || status === 'in_progress' || status === 'in_review';
}

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
  decision: 'Quyết định',
  items: 'Danh sách đăng ký',
};

/** The reviewer's decision on a submitted registration. */
export const ReviewDecision = { approve: 'approve', return: 'return' } as const;
export type ReviewDecision = (typeof ReviewDecision)[keyof typeof ReviewDecision];

/** At most this many registrations in one bulk review (a page of "select all pending"). */
export const BULK_REVIEW_MAX = 500;

/**
 * POST /api/plans/:id/registrations/review: one decision on many submitted registrations of the
 * plan, each at the version the reviewer saw; a return needs one reason for all.
 */
export const BulkReview = z
  .object({
    decision: z.enum(['approve', 'return']),
    items: z
      .array(z.object({ id: refId, version }))
      .min(1)
      .max(BULK_REVIEW_MAX)
      .refine((items) => new Set(items.map((i) => i.id)).size === items.length, {
        message: 'có đăng ký bị chọn hai lần',
      }),
    reason: z
      .string()
      .trim()
      .max(1000)
      .nullish()
      .transform((v) => (v ? v : null)),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'return' && v.reason === null)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'không được để trống' });
  });
export type BulkReviewInput = z.input<typeof BulkReview>;

/** One registration a bulk review could not take, named for the reviewer. */
export type BulkReviewFailure = { id: number; registrant: string | null; message: string };
