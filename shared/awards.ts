import type { UnitKind } from './org';
/**
 * The award catalogue (danh mục khen thưởng) as both sides see it (decision 035): titles (danh
 * hiệu thi đua) and forms (hình thức khen thưởng), each for one subject, with who may decide it,
 * its Decree 152/2025 coefficient of the base salary (mức lương cơ sở) or a fixed amount, in dated
 * versions that are never edited; the base salary and the rounding rule as dated values too.
 */

export const AwardKind = { title: 'title', form: 'form' } as const;
export type AwardKind = (typeof AwardKind)[keyof typeof AwardKind];
export const awardKinds = Object.values(AwardKind) as [AwardKind, ...AwardKind[]];
export const awardKindLabels: Record<AwardKind, string> = {
  title: 'Danh hiệu thi đua',
  form: 'Hình thức khen thưởng',
};

export const AwardSubject = {
  individual: 'individual',
  collective: 'collective',
  household: 'household',
} as const;
export type AwardSubject = (typeof AwardSubject)[keyof typeof AwardSubject];
export const awardSubjects = Object.values(AwardSubject) as [AwardSubject, ...AwardSubject[]];
export const awardSubjectLabels: Record<AwardSubject, string> = {
  individual: 'Cá nhân',
  collective: 'Tập thể',
  household: 'Hộ gia đình',
};

/**
 * Who may decide an award (the authority matrix, dated with each version). From 1/7/2025 Decree
 * 129/2025 Art. 59 moved the district chair's powers to the commune chair; `district_chair` stays
 * for versions in force before that date.
 */
export const Decider = {
  communeChair: 'commune_chair',
  districtChair: 'district_chair',
  departmentHead: 'department_head',
  provincialChair: 'provincial_chair',
  provincialCommittee: 'provincial_committee',
  minister: 'minister',
  primeMinister: 'prime_minister',
} as const;
export type Decider = (typeof Decider)[keyof typeof Decider];
export const deciders = Object.values(Decider) as [Decider, ...Decider[]];
export const deciderLabels: Record<Decider, string> = {
  commune_chair: 'Chủ tịch UBND xã, phường, đặc khu',
  district_chair: 'Chủ tịch UBND cấp huyện (trước 01/7/2025)',
  department_head: 'Giám đốc sở, thủ trưởng cơ quan cấp tỉnh',
  provincial_chair: 'Chủ tịch UBND tỉnh',
  provincial_committee: 'UBND tỉnh (tập thể)',
  minister: 'Bộ trưởng, thủ trưởng cơ quan ngang bộ',
  prime_minister: 'Thủ tướng Chính phủ',
};

/**
 * The unit kinds whose head holds each decider's power (after 1/7/2025). A department head's
 * power is not placed by kind: a commune's office is a 'department' too, and a sở's own plan
 * reaches the sở as its top, which then decides.
 */
export const deciderUnitKinds: Record<Decider, readonly UnitKind[]> = {
  commune_chair: ['commune', 'ward', 'township', 'special_zone'],
  district_chair: ['district'],
  department_head: [],
  provincial_chair: ['province'],
  provincial_committee: ['province'],
  minister: [],
  prime_minister: [],
};

/** Whose catalogue a form belongs to: the national one, a province's own, or one plan's own. */
export const AwardScope = { national: 'national', province: 'province', plan: 'plan' } as const;
export type AwardScope = (typeof AwardScope)[keyof typeof AwardScope];
export const awardScopes = Object.values(AwardScope) as [AwardScope, ...AwardScope[]];
export const awardScopeLabels: Record<AwardScope, string> = {
  national: 'Danh mục quốc gia',
  province: 'Danh mục riêng của tỉnh',
  plan: 'Hình thức riêng của kế hoạch',
};

/** How an amount is rounded (Decree 98/2023: up to the next 10.000đ). */
export const RoundingMode = { up: 'up', nearest: 'nearest', none: 'none' } as const;
export type RoundingMode = (typeof RoundingMode)[keyof typeof RoundingMode];
export const roundingModes = Object.values(RoundingMode) as [RoundingMode, ...RoundingMode[]];
export const roundingModeLabels: Record<RoundingMode, string> = {
  up: 'Làm tròn lên',
  nearest: 'Làm tròn gần nhất',
  none: 'Không làm tròn',
};
