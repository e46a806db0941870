import type { Participants } from '../../../shared/campaign';
import type { PersonCategory, UnitKind } from '../../../shared/org';
import {
  registrationStatusLabels,
  type RegistrationKind,
  type ReviewDecision,
  type RegistrationStatus,
} from '../../../shared/registration';
import { isWithin } from '../../platform/access';

/**
 * Pure rules of registration (đăng ký thi đua): when a plan takes registrations, who is eligible,
 * the deadline, and the registration's own state transitions.
 */

// When a plan takes registrations and review: shared with the web (shared/registration.ts).
export { acceptsRegistrations, allowsReview } from '../../../shared/registration';

/** "31/07/2020": the deadline as users read it in messages. */
export function formatDate(iso: string): string {
  const [y = '', m = '', d = ''] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** The deadline is a Vietnam calendar date, inclusive: registering on that day is on time. */
export function isPastDeadline(deadline: string | null, today: string): boolean {
  return deadline !== null && today > deadline;
}

export type DeadlineOutcome = 'on_time' | 'late' | 'refused';

/**
 * On time before or on the deadline; after it only late-accepted, when the actor may accept late
 * registrations (the reviewer over the plan's issuing unit) and gives a reason; refused otherwise.
 */
export function deadlineOutcome(
  deadline: string | null,
  today: string,
  mayAcceptLate: boolean,
  lateReason: string | null,
): DeadlineOutcome {
  if (!isPastDeadline(deadline, today)) return 'on_time';
  return mayAcceptLate && lateReason !== null ? 'late' : 'refused';
}

export type UnitFacts = { id: number; path: string; kind: UnitKind; active: boolean };
export type PersonFacts = { active: boolean; category: PersonCategory; unitPath: string };

/** Whether the plan names collectives at all (by kind or by picked unit). */
export function namesCollectives(p: Participants): boolean {
  return p.collectiveUnitKinds.length > 0 || p.collectiveUnitIds.length > 0;
}

/**
 * Why a unit may not register as a collective under a plan issued at `issuerPath`, or null when
 * it may: it must be active, the issuer or below it, and named by kind or by id.
 */
export function unitIneligibility(
  unit: UnitFacts,
  issuerPath: string,
  participants: Participants,
): string | null {
  if (!namesCollectives(participants)) return 'kế hoạch không có đối tượng thi đua là tập thể';
  if (!isWithin(unit.path, issuerPath)) return 'đơn vị không thuộc phạm vi của đơn vị ban hành';
  if (!unit.active) return 'đơn vị đã ngừng hoạt động';
  const named =
    participants.collectiveUnitKinds.includes(unit.kind) ||
    participants.collectiveUnitIds.includes(unit.id);
  return named ? null : 'loại đơn vị này không thuộc đối tượng thi đua của kế hoạch';
}

/**
 * Why a person may not register as an individual, or null: they must be working (active), in a
 * unit at or below the issuer, and of a category the plan names.
 */
export function personIneligibility(
  person: PersonFacts,
  issuerPath: string,
  participants: Participants,
): string | null {
  if (participants.individualCategories.length === 0)
    return 'kế hoạch không có đối tượng thi đua là cá nhân';
  if (!person.active) return 'cán bộ đã nghỉ công tác';
  if (!isWithin(person.unitPath, issuerPath))
    return 'cán bộ không thuộc phạm vi của đơn vị ban hành';
  return participants.individualCategories.includes(person.category)
    ? null
    : 'đối tượng (cán bộ, công chức, …) này không thuộc đối tượng thi đua của kế hoạch';
}

export type RegistrationChange = 'edit' | 'approve' | 'return' | 'withdraw' | 'resubmit';

/**
 * The status a change leads to, or null when the registration's status does not allow it.
 * Only submitted registrations are reviewed; the registrant edits a submitted or returned one,
 * resubmits a returned one and may withdraw until it is approved.
 */
export function nextStatus(
  from: RegistrationStatus,
  change: RegistrationChange,
): RegistrationStatus | null {
  switch (change) {
    case 'edit':
      return from === 'submitted' || from === 'returned' ? from : null;
    case 'approve':
      return from === 'submitted' ? 'approved' : null;
    case 'return':
      return from === 'submitted' ? 'returned' : null;
    case 'withdraw':
      return from === 'submitted' || from === 'returned' ? 'withdrawn' : null;
    case 'resubmit':
      return from === 'returned' ? 'submitted' : null;
  }
}

/** Why a change is refused by the registration's status (the message of INVALID_STATE). */
export const statusRefusals: Record<RegistrationChange, string> = {
  edit: 'Chỉ sửa được đăng ký đang chờ duyệt hoặc bị trả lại.',
  approve: 'Chỉ duyệt được đăng ký đang chờ duyệt.',
  return: 'Chỉ trả lại được đăng ký đang chờ duyệt.',
  withdraw: 'Đăng ký đã được duyệt hoặc đã rút: không rút được nữa.',
  resubmit: 'Chỉ gửi lại được đăng ký đã bị trả lại.',
};

/** "Bộ phận một cửa", or "Nguyễn Văn An (Bộ phận một cửa)" for an individual. */
export function registrantName(r: {
  kind: RegistrationKind;
  unitName: string;
  personName: string | null;
}): string {
  return r.kind === 'individual' ? `${r.personName ?? 'Cá nhân'} (${r.unitName})` : r.unitName;
}

/** "duyệt", "trả lại": the decision as a verb in messages. */
export const reviewVerbs: Record<ReviewDecision, string> = { approve: 'duyệt', return: 'trả lại' };

export type BulkRefusal = { code: 'NOT_FOUND' | 'CONFLICT' | 'INVALID_STATE'; reason: string };

/**
 * Why one registration of a bulk review cannot take `decision`, or null when it can: it must be
 * a registration of this plan (an unknown id and another plan's read alike, revealing nothing),
 * still at the version the reviewer saw, and in a status the state machine (`nextStatus`) lets
 * the decision leave. Who reviews and the plan's state are checked once for the whole request.
 */
export function bulkReviewRefusal(
  r: { planId: number; status: RegistrationStatus; version: number } | undefined,
  want: { planId: number; version: number },
  decision: ReviewDecision,
): BulkRefusal | null {
  if (r === undefined || r.planId !== want.planId)
    return { code: 'NOT_FOUND', reason: 'không có trong kế hoạch này' };
  if (r.version !== want.version)
    return { code: 'CONFLICT', reason: 'vừa được người khác thay đổi, hãy tải lại danh sách' };
  if (nextStatus(r.status, decision) === null)
    return {
      code: 'INVALID_STATE',
      reason: `đang ở trạng thái "${registrationStatusLabels[r.status]}", chỉ ${reviewVerbs[decision]} được đăng ký đang chờ duyệt`,
    };
  return null;
}
