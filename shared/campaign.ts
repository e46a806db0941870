import { z } from 'zod';
import { DATE_RANGE_MESSAGE, isInDateRange, refId } from './api/fields';
import { personCategories, unitKinds } from './org';

/**
 * A campaign plan (kế hoạch phát động thi đua) as both sides see it. The plan is the single place
 * later stages (registration, evaluation, awards, contests) read their settings from: who
 * competes, dates, criteria, reward forms, quotas and dossier rules. Structured where the system
 * computes on it, text where people only read it.
 */

export const PlanKind = { campaign: 'campaign', contest: 'contest' } as const;
export type PlanKind = (typeof PlanKind)[keyof typeof PlanKind];
export const planKinds = Object.values(PlanKind) as [PlanKind, ...PlanKind[]];
export const planKindLabels: Record<PlanKind, string> = {
  campaign: 'Phong trào thi đua',
  contest: 'Cuộc thi',
};

/** How a campaign runs: on a theme (chuyên đề) over one or several years, or in rounds (theo đợt). */
export const CampaignMode = { thematic: 'thematic', periodic: 'periodic' } as const;
export type CampaignMode = (typeof CampaignMode)[keyof typeof CampaignMode];
export const campaignModes = Object.values(CampaignMode) as [CampaignMode, ...CampaignMode[]];
export const campaignModeLabels: Record<CampaignMode, string> = {
  thematic: 'Thi đua theo chuyên đề',
  periodic: 'Thi đua theo đợt',
};

export const PlanStatus = {
  draft: 'draft',
  issued: 'issued',
  inProgress: 'in_progress',
  inReview: 'in_review',
  closed: 'closed',
  cancelled: 'cancelled',
} as const;
export type PlanStatus = (typeof PlanStatus)[keyof typeof PlanStatus];
export const planStatuses = Object.values(PlanStatus) as [PlanStatus, ...PlanStatus[]];
export const planStatusLabels: Record<PlanStatus, string> = {
  draft: 'Dự thảo',
  issued: 'Đã ban hành',
  in_progress: 'Đang triển khai',
  in_review: 'Đang sơ kết, tổng kết',
  closed: 'Đã kết thúc',
  cancelled: 'Đã hủy',
};

/** Document types a plan is issued as (Decree 30/2020, Appendix III abbreviations). */
export const PlanDocType = { KH: 'KH', HD: 'HD', CTr: 'CTr' } as const;
export type PlanDocType = (typeof PlanDocType)[keyof typeof PlanDocType];
export const planDocTypes = Object.values(PlanDocType) as [PlanDocType, ...PlanDocType[]];
export const planDocTypeLabels: Record<PlanDocType, string> = {
  KH: 'Kế hoạch',
  HD: 'Hướng dẫn',
  CTr: 'Chương trình',
};

export const RewardScope = {
  collective: 'collective',
  individual: 'individual',
  household: 'household',
} as const;
export type RewardScope = (typeof RewardScope)[keyof typeof RewardScope];
export const rewardScopes = Object.values(RewardScope) as [RewardScope, ...RewardScope[]];
export const rewardScopeLabels: Record<RewardScope, string> = {
  collective: 'Tập thể',
  individual: 'Cá nhân',
  household: 'Hộ gia đình',
};

export const ReviewRoundKind = { annual: 'annual', final: 'final', round: 'round' } as const;
export type ReviewRoundKind = (typeof ReviewRoundKind)[keyof typeof ReviewRoundKind];
export const reviewRoundKinds = Object.values(ReviewRoundKind) as [
  ReviewRoundKind,
  ...ReviewRoundKind[],
];
export const reviewRoundKindLabels: Record<ReviewRoundKind, string> = {
  annual: 'Sơ kết hằng năm',
  final: 'Tổng kết',
  round: 'Kết thúc đợt thi đua',
};

const line = (max = 2000) => z.string().trim().min(1).max(max);
const lines = (max = 2000, count = 100) => z.array(line(max)).max(count).default([]);
// Any real date here: stored content is read with these schemas too, and rows written before
// issue 11 may hold any year. Input is held to DATE_MIN–DATE_MAX by contentDatesInRange.
const date = z.iso.date();
const nullableDate = date.nullable().default(null);
const nullableText = (max = 2000) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v === undefined || v === null || v === '' ? null : v));
const money = z.number().int().min(0).max(10_000_000_000);

export const LegalBasis = z.object({
  /** The sentence as cited: "Chỉ thị số 23/CT-TTg ngày 02/9/2021 của Thủ tướng Chính phủ về …". */
  text: line(1000),
  number: nullableText(60),
  date: nullableDate,
  /** Set when the cited document is a plan in this system (a link, and the cascade's parent). */
  planId: refId.nullable().default(null),
});
export type LegalBasis = z.infer<typeof LegalBasis>;

export const Participants = z.object({
  /** Unit kinds that compete as collectives (computable), plus how the plan words it. */
  collectiveUnitKinds: z.array(z.enum(unitKinds)).max(20).default([]),
  /** Units picked from the tree by name (seed 002: the one-stop units of the communes). */
  collectiveUnitIds: z.array(refId).max(5000).default([]),
  collectives: lines(1000, 30),
  individualCategories: z.array(z.enum(personCategories)).max(10).default([]),
  individuals: lines(1000, 30),
  excluded: lines(1000, 30),
});
export type Participants = z.infer<typeof Participants>;

export const Deadline = z.object({ label: line(500), date });
export type Deadline = z.infer<typeof Deadline>;

export const ReviewRound = z.object({
  kind: z.enum(reviewRoundKinds),
  label: line(300),
  /** When the review takes place (or by when). */
  date: nullableDate,
});
export type ReviewRound = z.infer<typeof ReviewRound>;

/**
 * A reward form, quota, prize or criterion's stable id within its plan (decision 025): a kind
 * letter (r reward form, q quota, p prize, c criterion), a dash and 8 base-36 characters
 * ("q-k3v9x0ab"). The server assigns it; it never changes while the item exists, across edits and
 * amendments, so later stages (commendation, the initiative contest) can point at the item.
 */
export const PlanItemId = z
  .string()
  .regex(/^[rqpc]-[0-9a-z]{8}$/, 'mã không hợp lệ (dạng q-k3v9x0ab)');
export type PlanItemId = z.infer<typeof PlanItemId>;
/** On input an item may come without its id (a new item: the server assigns one). */
const inputItemId = PlanItemId.optional();

const rewardFormFields = {
  /** "Giấy khen", "Bằng khen", "Tặng quà", … */
  form: line(200),
  scope: z.enum(rewardScopes).nullable().default(null),
  /** Who signs it: "Chủ tịch UBND phường". */
  issuerTitle: nullableText(200),
  /** A fixed amount ("300.000đ/người") or a coefficient of the base salary (Decree 152/2025). */
  amountVnd: money.nullable().default(null),
  coefficient: z.number().min(0).max(100).nullable().default(null),
  note: nullableText(1000),
};
export const RewardForm = z.object({ id: PlanItemId, ...rewardFormFields });
export type RewardForm = z.infer<typeof RewardForm>;
const RewardFormInput = z.object({ id: inputItemId, ...rewardFormFields });

const quotaFields = {
  scope: z.enum(['collective', 'individual']),
  /** The level or reward the quota applies to: "Cấp thành phố", "Giấy khen của Chủ tịch UBND huyện". */
  level: line(300),
  maxCount: z.number().int().min(0).max(100_000).nullable().default(null),
  maxPercent: z.number().min(0).max(100).nullable().default(null),
};
/** A quota limits by count, by percentage or both, never by neither. */
const hasBound = (q: { maxCount: number | null; maxPercent: number | null }) =>
  q.maxCount !== null || q.maxPercent !== null;
const boundMessage = () => ({
  message: 'cần số lượng tối đa hoặc tỷ lệ tối đa',
  path: ['maxCount'],
});
export const Quota = z.object({ id: PlanItemId, ...quotaFields }).refine(hasBound, boundMessage());
export type Quota = z.infer<typeof Quota>;
const QuotaInput = z.object({ id: inputItemId, ...quotaFields }).refine(hasBound, boundMessage());

export const DossierRule = z.object({
  /** Which level the dossier goes to: "Trình cấp thành phố". */
  level: line(300),
  items: lines(1000, 30),
});
export type DossierRule = z.infer<typeof DossierRule>;

export const Assignment = z.object({
  unitId: refId.nullable().default(null),
  /** The assignee as written: "Phòng Nội vụ", "Đài truyền thanh xã". */
  assignee: line(300),
  task: line(3000),
});
export type Assignment = z.infer<typeof Assignment>;

export const Signer = z.object({
  /** Authority line: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"; empty when the head signs directly. */
  authority: nullableText(200),
  /** "CHỦ TỊCH"; may be empty on a draft (an imported text without it), required to issue. */
  title: nullableText(200),
  name: nullableText(200),
});
export type Signer = z.infer<typeof Signer>;

const prizeFields = {
  rank: line(100),
  count: z.number().int().min(0).max(1000).nullable().default(null),
  recipient: z.enum(['collective', 'individual']).nullable().default(null),
  amountVnd: money.nullable().default(null),
};
export const Prize = z.object({ id: PlanItemId, ...prizeFields });
export type Prize = z.infer<typeof Prize>;
const PrizeInput = z.object({ id: inputItemId, ...prizeFields });

export const EntryQuota = z.object({
  unitType: line(300),
  minEntries: z.number().int().min(0),
});
export type EntryQuota = z.infer<typeof EntryQuota>;

/** A contest's settings, its prizes shaped by `prize` (with ids as stored, optional on input). */
const contestSettings = <P extends z.ZodType>(prize: P) =>
  z.object({
    topics: lines(1000, 50),
    prizes: z.array(prize).max(30).default([]),
    entryQuotas: z.array(EntryQuota).max(30).default([]),
    /** Entries must not duplicate initiatives applied before this date (seed 004: 30/4/2025). */
    noveltyCutoff: nullableDate,
    funding: nullableText(3000),
  });
export const ContestSettings = contestSettings(Prize);
export type ContestSettings = z.infer<typeof ContestSettings>;
const ContestSettingsInput = contestSettings(PrizeInput);

const criteriaTexts = { collective: lines(2000, 50), individual: lines(2000, 50) };
/**
 * Criteria are lines of text, as the document prints them and the individual checklist copies
 * them; their ids sit beside them in parallel lists, `collectiveIds[i]` the id of `collective[i]`
 * (decision 025). The server always writes one id per criterion. Reading does not insist: content
 * changed outside the service (an SQL fix) may leave a criterion without its id, which then finds
 * nothing by id until the next save gives it one.
 */
export const PlanCriteria = z.object({
  ...criteriaTexts,
  collectiveIds: z.array(PlanItemId).max(50).default([]),
  individualIds: z.array(PlanItemId).max(50).default([]),
});
export type PlanCriteria = z.infer<typeof PlanCriteria>;
/**
 * On input the id lists are optional and aligned by position with the texts: a kept criterion
 * sends its id, a new one null (or the list is left out: every criterion is new).
 */
const PlanCriteriaInput = z.object({
  ...criteriaTexts,
  collectiveIds: z.array(PlanItemId.nullable()).max(50).optional(),
  individualIds: z.array(PlanItemId.nullable()).max(50).optional(),
});
const noCriteria = { collective: [], individual: [], collectiveIds: [], individualIds: [] };

/** The plan's content with items shaped as given (with ids as stored, optional on input). */
const planContent = <
  C extends z.ZodType,
  R extends z.ZodType,
  Q extends z.ZodType,
  S extends z.ZodType,
>(items: {
  criteria: C;
  reward: R;
  quota: Q;
  contest: S;
}) =>
  z.object({
    legalBases: z.array(LegalBasis).max(30).default([]),
    /** The sentence introducing the plan after the legal bases ("UBND xã … xây dựng kế hoạch …"). */
    preamble: nullableText(3000),
    theme: nullableText(1000),
    purposes: lines(3000, 30),
    requirements: lines(3000, 30),
    goals: lines(3000, 50),
    contents: lines(3000, 50),
    participants: Participants.default({
      collectiveUnitKinds: [],
      collectiveUnitIds: [],
      collectives: [],
      individualCategories: [],
      individuals: [],
      excluded: [],
    }),
    criteria: items.criteria,
    deadlines: z.array(Deadline).max(30).default([]),
    reviewRounds: z.array(ReviewRound).max(30).default([]),
    rewards: z.array(items.reward).max(30).default([]),
    quotas: z.array(items.quota).max(30).default([]),
    dossier: z.array(DossierRule).max(20).default([]),
    assignments: z.array(Assignment).max(50).default([]),
    recipients: lines(500, 40),
    signer: Signer.nullable().default(null),
    contest: items.contest.nullable().default(null),
    closing: nullableText(3000),
  });

/** Every date of the content (legal bases, deadlines, review rounds, a contest's cut-off) is within DATE_MIN–DATE_MAX. */
function contentDatesInRange(
  c: {
    legalBases: { date: string | null }[];
    deadlines: { date: string }[];
    reviewRounds: { date: string | null }[];
    contest: { noveltyCutoff: string | null } | null;
  },
  ctx: z.RefinementCtx,
) {
  const check = (v: string | null | undefined, path: (string | number)[]) => {
    if (typeof v === 'string' && !isInDateRange(v))
      ctx.addIssue({ code: 'custom', path, message: DATE_RANGE_MESSAGE });
  };
  c.legalBases.forEach((b, i) => check(b.date, ['legalBases', i, 'date']));
  c.deadlines.forEach((d, i) => check(d.date, ['deadlines', i, 'date']));
  c.reviewRounds.forEach((r, i) => check(r.date, ['reviewRounds', i, 'date']));
  check(c.contest?.noveltyCutoff, ['contest', 'noveltyCutoff']);
}

/**
 * Everything the plan says, as stored and read: every reward form, quota, prize and criterion
 * carries its id. Header fields (number, dates, status) live beside it on the plan row.
 */
export const PlanContent = planContent({
  criteria: PlanCriteria.default(noCriteria),
  reward: RewardForm,
  quota: Quota,
  contest: ContestSettings,
});
export type PlanContent = z.infer<typeof PlanContent>;

/**
 * The content as written by a client, an import or a cascade: the same, but items may come
 * without ids. The server turns it into PlanContent (assignPlanItemIds), keeping the ids of the
 * plan's own items and giving new items new ones.
 */
export const PlanContentInput = planContent({
  criteria: PlanCriteriaInput.default({ collective: [], individual: [] }),
  reward: RewardFormInput,
  quota: QuotaInput,
  contest: ContestSettingsInput,
}).superRefine(contentDatesInRange);
export type PlanContentInput = z.input<typeof PlanContentInput>;
/** Parsed input content: validated, ids not yet assigned. */
export type PlanContentDraft = z.output<typeof PlanContentInput>;

export const emptyPlanContent = (): PlanContent => PlanContent.parse({});

/** Labels users read when a field is wrong ("Hình thức khen thưởng (dòng 2) — Số tiền"). */
export const planFieldLabels: Record<string, string> = {
  kind: 'Loại kế hoạch',
  mode: 'Hình thức thi đua',
  issuingUnitId: 'Đơn vị ban hành',
  docType: 'Loại văn bản',
  issuerSymbol: 'Ký hiệu cơ quan ban hành',
  place: 'Địa danh',
  title: 'Trích yếu',
  periodStart: 'Thời gian bắt đầu',
  periodEnd: 'Thời gian kết thúc',
  registrationDeadline: 'Hạn đăng ký thi đua',
  parentPlanId: 'Kế hoạch cấp trên',
  cascadeDeadline: 'Hạn ban hành kế hoạch cấp dưới',
  cascadeUnitIds: 'Đơn vị phải ban hành kế hoạch',
  version: 'Phiên bản',
  reason: 'Lý do thay đổi',
  content: 'Nội dung kế hoạch',
  'content.legalBases': 'Căn cứ',
  'content.legalBases.*.text': 'Căn cứ — nội dung',
  'content.legalBases.*.date': 'Căn cứ — ngày',
  'content.legalBases.*.planId': 'Căn cứ — kế hoạch liên kết',
  'content.theme': 'Chủ đề thi đua',
  'content.purposes': 'Mục đích',
  'content.requirements': 'Yêu cầu',
  'content.goals': 'Mục tiêu',
  'content.contents': 'Nội dung thi đua',
  'content.participants': 'Đối tượng thi đua',
  'content.participants.collectiveUnitIds': 'Đối tượng thi đua — đơn vị tham gia',
  'content.criteria': 'Tiêu chí',
  'content.criteria.collectiveIds': 'Tiêu chí tập thể — mã',
  'content.criteria.individualIds': 'Tiêu chí cá nhân — mã',
  'content.deadlines': 'Các mốc thời hạn',
  'content.deadlines.*.date': 'Mốc thời hạn — ngày',
  'content.deadlines.*.label': 'Mốc thời hạn — nội dung',
  'content.reviewRounds': 'Sơ kết, tổng kết',
  'content.rewards': 'Hình thức khen thưởng',
  'content.rewards.*.form': 'Hình thức khen thưởng — hình thức',
  'content.rewards.*.amountVnd': 'Hình thức khen thưởng — số tiền',
  'content.rewards.*.coefficient': 'Hình thức khen thưởng — hệ số',
  'content.rewards.*.id': 'Hình thức khen thưởng — mã',
  'content.quotas': 'Số lượng khen thưởng',
  'content.quotas.*.level': 'Số lượng khen thưởng — cấp',
  'content.quotas.*.maxCount': 'Số lượng khen thưởng — số lượng tối đa',
  'content.quotas.*.maxPercent': 'Số lượng khen thưởng — tỷ lệ tối đa',
  'content.quotas.*.id': 'Số lượng khen thưởng — mã',
  'content.dossier': 'Hồ sơ đề nghị khen thưởng',
  'content.assignments': 'Tổ chức thực hiện',
  'content.recipients': 'Nơi nhận',
  'content.signer': 'Người ký',
  'content.signer.title': 'Người ký — chức vụ',
  'content.contest': 'Cuộc thi',
  'content.contest.prizes': 'Cơ cấu giải thưởng',
  'content.contest.prizes.*.id': 'Cơ cấu giải thưởng — mã',
};

/**
 * Sections of a lower unit's plan pre-filled from the higher plan it implements ("căn cứ"), keyed
 * as the editor's sections. Each is recorded on the child's draft so the officer reviews it.
 */
export const CarriedSection = {
  general: 'general',
  aims: 'aims',
  contents: 'contents',
  participants: 'participants',
  criteria: 'criteria',
  time: 'time',
  rewards: 'rewards',
  contest: 'contest',
} as const;
export type CarriedSection = (typeof CarriedSection)[keyof typeof CarriedSection];
export const carriedSections = Object.values(CarriedSection) as [
  CarriedSection,
  ...CarriedSection[],
];
export const carriedSectionLabels: Record<CarriedSection, string> = {
  general: 'Thông tin chung',
  aims: 'Mục đích, yêu cầu, chủ đề, mục tiêu',
  contents: 'Nội dung thi đua',
  participants: 'Đối tượng thi đua',
  criteria: 'Tiêu chí thi đua',
  time: 'Thời gian, sơ kết, tổng kết',
  rewards: 'Khen thưởng',
  contest: 'Cuộc thi',
};

/** A date of the plan that is already past on the day it would be issued. */
export type PastDate = {
  field: 'periodEnd' | 'registrationDeadline';
  label: string;
  date: string;
  message: string;
};

/** What issuing a draft today would lead to, computed from its dates alone. */
export type IssueOutlook = {
  /** The status the plan lands in if issued today. */
  status: PlanStatus;
  /** The period has ended before today: the plan goes straight to review. */
  periodEnded: boolean;
  /** The registration deadline is before today. */
  registrationDeadlinePassed: boolean;
  /** Registrations are taken once issued (the plan runs and the deadline has not passed). */
  registrationOpen: boolean;
  /** Whole days of registration left (0 = today is the last day); null when closed or unlimited. */
  registrationDaysLeft: number | null;
  /** The dates already past, in field order: issuing needs an explicit acknowledgement. */
  pastDates: PastDate[];
};
