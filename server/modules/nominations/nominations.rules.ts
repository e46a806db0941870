import { formatVietnamDate } from '../../../shared/dates';
import {
  liveNominationStatuses,
  type NominationMove,
  type NominationStatus,
} from '../../../shared/nominations';
import {
  blockingRecords,
  suggestionsFromHistory,
  type DisciplineFacts,
  type HistoryEntry,
} from '../honours/index';

/**
 * Pure rules of nominations (decision 038): the state machine and the eligibility policy.
 */

/**
 * The status a move leads to, or null when the status does not allow it. A draft or returned
 * nomination is submitted to the level above; the receiving level returns it (with a reason),
 * accepts it, forwards it to the next level (which again returns, accepts or forwards it), and
 * the deciding level approves or rejects it; until the award decision an approved nomination may
 * still be returned or rejected (its quota seat is given back, decision 041). The proposing unit
 * may withdraw it until a level has accepted it.
 */
export function nextNominationStatus(
  from: NominationStatus,
  move: NominationMove,
): NominationStatus | null {
  switch (move) {
    case 'submit':
      return from === 'draft' || from === 'returned' ? 'submitted' : null;
    case 'return':
      return from === 'submitted' ||
        from === 'forwarded' ||
        from === 'accepted' ||
        from === 'approved'
        ? 'returned'
        : null;
    case 'accept':
      return from === 'submitted' || from === 'forwarded' ? 'accepted' : null;
    case 'forward':
      return from === 'submitted' || from === 'forwarded' || from === 'accepted'
        ? 'forwarded'
        : null;
    case 'approve':
      return from === 'accepted' ? 'approved' : null;
    case 'reject':
      return from === 'submitted' ||
        from === 'forwarded' ||
        from === 'accepted' ||
        from === 'approved'
        ? 'rejected'
        : null;
    case 'withdraw':
      return from === 'draft' || from === 'submitted' || from === 'returned' ? 'withdrawn' : null;
  }
}

/** Why a move is refused by the nomination's status (the message of INVALID_STATE). */
export const moveRefusals: Record<NominationMove, string> = {
  submit: 'Chỉ gửi được đề nghị đang là dự thảo hoặc bị trả lại.',
  return: 'Chỉ trả lại được đề nghị đã gửi lên, đã tiếp nhận, đã chuyển lên hoặc đã được duyệt.',
  accept: 'Chỉ tiếp nhận được đề nghị đã gửi lên hoặc đã chuyển lên.',
  forward: 'Chỉ chuyển lên cấp trên được đề nghị đã gửi lên, đã tiếp nhận hoặc đã chuyển lên.',
  approve: 'Chỉ quyết định khen thưởng được đề nghị đã tiếp nhận.',
  reject: 'Chỉ không khen thưởng được đề nghị đang được xét.',
  withdraw: 'Đề nghị đã được tiếp nhận hoặc đã kết thúc: không rút được nữa.',
};

/** Another nomination of the same subject, as the eligibility policy needs it. */
export type OtherNomination = {
  id: number;
  planId: number;
  status: NominationStatus;
  formName: string;
  periodFrom: string;
  periodTo: string;
};

export type EligibilityInput = {
  subjectKind: 'person' | 'unit';
  planId: number;
  /** The nomination checked (excluded from `others`). */
  nominationId: number | null;
  formCode: string | null;
  formName: string;
  periodFrom: string;
  periodTo: string;
  /** The subject's other nominations (any plan; the rule keeps those that matter). */
  others: readonly OtherNomination[];
  /** The subject's award history. */
  history: readonly HistoryEntry[];
  /** The person's discipline, investigation and complaint records (none for a collective). */
  discipline: readonly DisciplineFacts[];
  /** The day the check is made (YYYY-MM-DD, Vietnam). */
  onDate: string;
  /**
   * The unit band condition, only where the plan makes it one (it names its qualifying bands);
   * null: the plan sets no band condition and the band is never looked at.
   */
  bandCondition: null | {
    qualifying: boolean;
    bandLabel: string | null;
    required: readonly string[];
  };
  /** The suggestions the officer has dismissed (their form codes). */
  dismissedSuggestions: readonly string[];
};

/** A blocking rule failure: code and a Vietnamese explanation. */
export type RuleFailure = {
  rule: 'one_achievement_one_award' | 'already_awarded' | 'discipline' | 'unit_band';
  message: string;
};
export type EligibilitySuggestion = { formCode: string; message: string };
export type Eligibility = {
  eligible: boolean;
  failures: RuleFailure[];
  suggestions: EligibilitySuggestion[];
};

const overlaps = (a: { periodFrom: string; periodTo: string }, b: typeof a) =>
  a.periodFrom <= b.periodTo && b.periodFrom <= a.periodTo;

/**
 * Whether a subject may be nominated (decision 038). Rules block; suggestions advise:
 * - one achievement → one award: another live nomination of the same subject in the same plan
 *   with an overlapping period, or an award of the same form already received in the period's
 *   last year (Law 2022 Art. 7: one achievement is rewarded once);
 * - a pending discipline, investigation, inspection or complaint, or a discipline in force, on
 *   the day of the check (honours' `blockingRecords`, Decree 152 Art. 4(4));
 * - the unit's band, only where the plan makes it a condition (`bandCondition`);
 * - suggestions from history (honours' `suggestionsFromHistory`, through the year before the
 *   period's last year) unless dismissed. Dismissing
 *   touches suggestions only: there is no way to dismiss a rule.
 */
export function checkEligibility(input: EligibilityInput): Eligibility {
  const failures: RuleFailure[] = [];
  const self = { periodFrom: input.periodFrom, periodTo: input.periodTo };
  for (const o of input.others) {
    if (o.id === input.nominationId || o.planId !== input.planId) continue;
    if (!liveNominationStatuses.includes(o.status) || !overlaps(o, self)) continue;
    failures.push({
      rule: 'one_achievement_one_award',
      message: `Thành tích từ ${formatVietnamDate(o.periodFrom)} đến ${formatVietnamDate(o.periodTo)} đã được đề nghị khen thưởng "${o.formName}" (đề nghị số ${o.id}) trong kế hoạch này: một thành tích chỉ được đề nghị một hình thức khen thưởng.`,
    });
  }
  const year = Number(input.periodTo.slice(0, 4));
  if (
    input.formCode !== null &&
    input.history.some((h) => h.formCode === input.formCode && h.year === year)
  )
    failures.push({
      rule: 'already_awarded',
      message: `Đã được khen thưởng "${input.formName}" năm ${year}: một thành tích chỉ được khen thưởng một lần.`,
    });
  for (const b of blockingRecords({ records: input.discipline }, input.onDate))
    failures.push({ rule: 'discipline', message: b.explanation });
  const band = input.bandCondition;
  if (band !== null && !band.qualifying)
    failures.push({
      rule: 'unit_band',
      message: `Kế hoạch chỉ xét khen thưởng đơn vị được xếp loại ${band.required.join(', ')}; đơn vị ${band.bandLabel === null ? 'không đạt mức này theo kết quả đã công bố' : `được xếp loại ${band.bandLabel}`}.`,
    });
  // The streak counts the years before the achievement's own year (its award is not yet decided).
  const suggestions = suggestionsFromHistory(input.history, year - 1)
    .filter((s) => !input.dismissedSuggestions.includes(s.formCode))
    .map((s) => ({ formCode: s.formCode, message: s.message }));
  return { eligible: failures.length === 0, failures, suggestions };
}
