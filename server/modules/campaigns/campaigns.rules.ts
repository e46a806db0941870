import type { IssueOutlook, PastDate, PlanContent, PlanStatus } from '../../../shared/campaign';

export type { IssueOutlook, PastDate };
import type { UnitKind } from '../../../shared/org';
import { daysLeft } from '../../../shared/dates';

/** Pure rules of the plan lifecycle: numbering, date-driven status, cascade states, reminders. */

/** "Số: 47/KH-UBND" per Decree 30/2020: the register's rule, one home (documents). */
export { documentSymbol, formatDocumentNumber } from '../documents/index';

/** Statuses a job may move a plan out of as its dates pass, and manual ones. */
const live: readonly PlanStatus[] = ['issued', 'in_progress', 'in_review'];

export function isLive(status: PlanStatus): boolean {
  return live.includes(status);
}

/**
 * The status a plan's dates call for on `today` (Vietnam calendar date, YYYY-MM-DD). Issued plans
 * start when the period starts and go to review once it has ended; review ends only by a person
 * closing it (the final review is a meeting, not a date). Drafts, closed and cancelled plans stay.
 */
export function statusByDate(
  status: PlanStatus,
  periodStart: string | null,
  periodEnd: string | null,
  today: string,
): PlanStatus {
  if (!live.includes(status) || status === 'in_review') return status;
  if (periodEnd !== null && periodEnd < today) return 'in_review';
  if (status === 'issued' && (periodStart === null || periodStart <= today)) return 'in_progress';
  return status;
}

/** Allowed manual transitions (issuing and date moves are separate use cases). */
export function canTransition(from: PlanStatus, to: PlanStatus): boolean {
  switch (to) {
    case 'cancelled':
      return from === 'draft' || live.includes(from);
    case 'closed':
      // Normally after the final review; a plan still running may be closed early.
      return from === 'in_review' || from === 'in_progress';
    case 'issued':
      return from === 'draft';
    default:
      return false;
  }
}

export const CascadeState = {
  issued: 'issued',
  late: 'late',
  draft: 'draft',
  missing: 'missing',
} as const;
export type CascadeState = (typeof CascadeState)[keyof typeof CascadeState];

/**
 * Where a required unit stands: issued on time (issued), issued after the deadline or still not
 * issued once it has passed (late), a draft in progress (draft), nothing yet (missing).
 */
export function cascadeState(
  child: { status: PlanStatus; issuedOn: string | null } | null,
  deadline: string | null,
  today: string,
): CascadeState {
  const issued = child !== null && child.status !== 'draft' && child.status !== 'cancelled';
  if (issued) {
    return deadline !== null && child.issuedOn !== null && child.issuedOn > deadline
      ? 'late'
      : 'issued';
  }
  if (deadline !== null && today > deadline) return 'late';
  return child !== null && child.status === 'draft' ? 'draft' : 'missing';
}

/** Days before a deadline when required units are reminded; -1 = the day after (overdue). */
export const reminderDays = [7, 3, 1, 0, -1] as const;

/**
 * The reminder due on `today`, if any: the smallest stage not yet passed. Stages are idempotent
 * (one notification per stage), so a job that missed a day still sends the current stage once.
 * A stage only names the notification: its text says the real days left (`daysLeft`), so a
 * stage-7 reminder first sent five days before the deadline says "còn 5 ngày".
 */
export function reminderStage(deadline: string, today: string): number | null {
  const left = daysLeft(deadline, today);
  if (left > reminderDays[0]) return null;
  if (left < 0) return -1;
  const due = reminderDays.filter((d) => d >= 0 && d >= left);
  return due.length === 0 ? null : Math.min(...due);
}

/** Who signs a plan of a unit of this kind, by default (Decree 30/2020 authority line). */
export function defaultSigner(kind: UnitKind): PlanContent['signer'] {
  const government = ['province', 'district', 'commune', 'ward', 'township', 'special_zone'];
  if (government.includes(kind))
    return { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: null };
  return { authority: null, title: 'THỦ TRƯỞNG ĐƠN VỊ', name: null };
}

/** Short place name for "Lương Điền, ngày …": the unit name without its administrative prefix. */
export function placeOf(unitName: string): string {
  return unitName
    .replace(
      /^(ủy ban nhân dân|ubnd|tỉnh|thành phố|huyện|quận|thị xã|thị trấn|xã|phường|đặc khu)\s+/iu,
      '',
    )
    .trim();
}

/** "ỦY BAN NHÂN DÂN XÃ LƯƠNG ĐIỀN" for a commune, the unit's own name otherwise. */
export function issuingBodyName(kind: UnitKind, unitName: string): string {
  const government = ['province', 'district', 'commune', 'ward', 'township', 'special_zone'];
  const name = government.includes(kind) ? `Ủy ban nhân dân ${unitName}` : unitName;
  return name.toLocaleUpperCase('vi');
}

/** What still blocks issuing a draft: field name → Vietnamese reason. */
export function missingForIssue(plan: {
  title: string;
  place: string;
  periodEnd: string | null;
  content: PlanContent;
}): { field: string; label: string; message: string }[] {
  const out: { field: string; label: string; message: string }[] = [];
  if (plan.periodEnd === null)
    out.push({ field: 'periodEnd', label: 'Thời gian kết thúc', message: 'chưa nhập' });
  if (plan.content.contents.length === 0 && plan.content.contest === null)
    out.push({ field: 'content.contents', label: 'Nội dung thi đua', message: 'chưa có nội dung' });
  if (plan.content.signer?.title == null)
    out.push({ field: 'content.signer.title', label: 'Người ký — chức vụ', message: 'chưa nhập' });
  return out;
}

/**
 * What an amendment would newly leave missing among the fields issuing requires. A plan recorded
 * from paper may lack some from the start; those stay allowed, but no issued field is cleared.
 */
export function newlyMissing(
  before: Parameters<typeof missingForIssue>[0],
  after: Parameters<typeof missingForIssue>[0],
) {
  const had = new Set(missingForIssue(before).map((m) => m.field));
  return missingForIssue(after).filter((m) => !had.has(m.field));
}

/** "31/12/2023": a date as users read it in messages. */
function dmy(iso: string): string {
  const [y = '', m = '', d = ''] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * The outlook of issuing a draft on `today` (Vietnam calendar date). A plan without a start date
 * starts on its issue date; the status follows statusByDate. Registrations are taken while the plan
 * is issued or in progress and the deadline (inclusive) has not passed — the same rule registration
 * applies. A period already over or a deadline already passed are listed in `pastDates`: issuing
 * such a plan would publish a campaign nobody can take part in.
 */
export function issueOutlook(
  plan: {
    periodStart: string | null;
    periodEnd: string | null;
    registrationDeadline: string | null;
  },
  today: string,
  issuedOn: string = today,
): IssueOutlook {
  const status = statusByDate('issued', plan.periodStart ?? issuedOn, plan.periodEnd, today);
  const periodEnded = plan.periodEnd !== null && plan.periodEnd < today;
  const deadline = plan.registrationDeadline;
  const registrationDeadlinePassed = deadline !== null && deadline < today;
  const registrationOpen =
    (status === 'issued' || status === 'in_progress') && !registrationDeadlinePassed;
  const pastDates: PastDate[] = [];
  if (periodEnded && plan.periodEnd !== null)
    pastDates.push({
      field: 'periodEnd',
      label: 'Thời gian kết thúc',
      date: plan.periodEnd,
      message: `đã qua (${dmy(plan.periodEnd)}): ban hành hôm nay, kế hoạch sẽ chuyển ngay sang "Đang sơ kết, tổng kết" và không nhận đăng ký thi đua`,
    });
  if (registrationDeadlinePassed)
    pastDates.push({
      field: 'registrationDeadline',
      label: 'Hạn đăng ký thi đua',
      date: deadline,
      message: `đã qua (${dmy(deadline)}): không ai đăng ký thi đua đúng hạn được nữa`,
    });
  return {
    status,
    periodEnded,
    registrationDeadlinePassed,
    registrationOpen,
    registrationDaysLeft: registrationOpen && deadline !== null ? daysLeft(deadline, today) : null,
    pastDates,
  };
}
