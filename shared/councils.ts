/**
 * Councils (Hội đồng thi đua – khen thưởng), their review meetings and secret ballots
 * (issue 12 item 4, decision 039): the enums and the dated default settings both sides need.
 */

export const councilRoles = ['chair', 'vice_chair', 'secretary', 'member'] as const;
export type CouncilRole = (typeof councilRoles)[number];
export const councilRoleLabels: Record<CouncilRole, string> = {
  chair: 'Chủ tịch',
  vice_chair: 'Phó Chủ tịch',
  secretary: 'Thư ký',
  member: 'Ủy viên',
};

export const meetingStatuses = ['scheduled', 'open', 'closed'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];
export const meetingStatusLabels: Record<MeetingStatus, string> = {
  scheduled: 'Đã lên lịch',
  open: 'Đang họp',
  closed: 'Đã kết thúc',
};

export const attendanceStatuses = ['present', 'absent_with_opinion', 'absent'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];
export const attendanceLabels: Record<AttendanceStatus, string> = {
  present: 'Có mặt',
  absent_with_opinion: 'Vắng mặt, có ý kiến bằng văn bản',
  absent: 'Vắng mặt',
};

export const ballotChoices = ['yes', 'no', 'abstain'] as const;
export type BallotChoice = (typeof ballotChoices)[number];

/**
 * What an agenda item refers to (its id is that thing's id): a nomination (the nominations
 * module), or a person or a unit voted on directly. Stored as text, so a new kind needs no
 * migration.
 */
export const meetingSubjectKinds = ['nomination', 'person', 'unit'] as const;
export type MeetingSubjectKind = (typeof meetingSubjectKinds)[number];

/** Which threshold a meeting item is voted under (its percent is a setting, snapshotted). */
export const thresholdKinds = ['cstdcs', 'cstd_province', 'majority'] as const;
export type ThresholdKind = (typeof thresholdKinds)[number];

/**
 * A voting threshold counted on the WHOLE membership: `at_least` percent (≥) or `more_than`
 * percent (>, a majority is more than 50 %).
 */
export type ThresholdRule = {
  kind: ThresholdKind;
  comparison: 'at_least' | 'more_than';
  /** Whole percent, 1..100. */
  percent: number;
  label: string;
};

export type CouncilSettings = {
  /** From when these defaults apply (the newest source read). */
  validFrom: string;
  source: string;
  /** Share of members that must be present for an award-review meeting (≥). */
  quorumPercent: number;
  thresholds: Record<ThresholdKind, ThresholdRule>;
  /**
   * The threshold an award form is voted under, by catalogue code (decision 044); a form not
   * listed is voted by majority.
   */
  formThresholds: Record<string, ThresholdKind>;
};

/**
 * The defaults, dated: Decree 98/2023 Art. 30(7) (≥ 90 % of all members for provincial CSTĐ, ≥ 80 %
 * for CSTĐCS; Decree 152/2025 not yet read for this rule), the quorum of an award-review meeting
 * from Bắc Ninh Decision 86/2025 (≥ 80 % present), decisions by majority otherwise.
 */
export const COUNCIL_SETTINGS: CouncilSettings = {
  validFrom: '2025-12-03',
  source:
    'Nghị định 98/2023/NĐ-CP Điều 30 khoản 7; Quyết định 86/2025/QĐ-UBND tỉnh Bắc Ninh (họp xét khen thưởng)',
  quorumPercent: 80,
  thresholds: {
    cstdcs: {
      kind: 'cstdcs',
      comparison: 'at_least',
      percent: 80,
      label: 'Chiến sĩ thi đua cơ sở, Cờ thi đua (từ 80 % tổng số thành viên)',
    },
    cstd_province: {
      kind: 'cstd_province',
      comparison: 'at_least',
      percent: 90,
      label: 'Chiến sĩ thi đua cấp tỉnh (từ 90 % tổng số thành viên)',
    },
    majority: {
      kind: 'majority',
      comparison: 'more_than',
      percent: 50,
      label: 'Quá nửa tổng số thành viên',
    },
  },
  formThresholds: {
    CSTD_TQ: 'cstd_province',
    CSTD_TINH: 'cstd_province',
    CSTDCS: 'cstdcs',
    CO_TD_TINH: 'cstdcs',
    CO_TD_CP: 'cstdcs',
  },
};

/** The threshold kind an award form (by catalogue code) is voted under: majority unless listed. */
export function thresholdForForm(
  formCode: string,
  settings: CouncilSettings = COUNCIL_SETTINGS,
): ThresholdKind {
  return settings.formThresholds[formCode] ?? 'majority';
}

/** What the minutes are: biên bản họp xét, or biên bản kiểm phiếu (decision 044). */
export const minutesKinds = ['review', 'tally'] as const;
export type MinutesKind = (typeof minutesKinds)[number];
