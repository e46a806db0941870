/** Nominations (đề nghị khen thưởng, decision 038): the words both sides need. */

export const nominationRounds = ['annual', 'final', 'ad_hoc'] as const;
export type NominationRound = (typeof nominationRounds)[number];
export const nominationRoundLabels: Record<NominationRound, string> = {
  annual: 'Sơ kết (hằng năm)',
  final: 'Tổng kết',
  ad_hoc: 'Đột xuất',
};

export const nominationStatuses = [
  'draft',
  'submitted',
  'returned',
  'accepted',
  'forwarded',
  'approved',
  'rejected',
  'withdrawn',
] as const;
export type NominationStatus = (typeof nominationStatuses)[number];
export const nominationStatusLabels: Record<NominationStatus, string> = {
  draft: 'Dự thảo',
  submitted: 'Đã gửi',
  returned: 'Bị trả lại',
  accepted: 'Đã tiếp nhận',
  forwarded: 'Đã chuyển cấp trên',
  approved: 'Được khen thưởng',
  rejected: 'Không được khen thưởng',
  withdrawn: 'Đã rút',
};

/** What moves a nomination (besides its creation, recorded as the step 'create'). */
export const nominationMoves = [
  'submit',
  'return',
  'accept',
  'forward',
  'approve',
  'reject',
  'withdraw',
] as const;
export type NominationMove = (typeof nominationMoves)[number];
export type NominationAction = NominationMove | 'create';

/** Statuses in which a nomination still counts (the one-live-nomination rule). */
export const liveNominationStatuses: readonly NominationStatus[] = nominationStatuses.filter(
  (s) => s !== 'withdrawn' && s !== 'rejected',
);
