import { z } from 'zod';

/**
 * Criteria sets (bộ tiêu chí / chỉ số CCHC): a versioned tree of any depth (field → criterion →
 * sub-criterion …). Points sit on every node; leaves carry the scoring method. A published version
 * never changes: scores refer to its nodes by their `id`, stable within the version.
 */

export const ScoringMethod = {
  /** Đạt / không đạt: full points or zero. */
  binary: 'binary',
  /** Tiers by a percentage the unit enters, e.g. dossiers settled on time (≥98 % → 3 points). */
  tieredPercent: 'tiered_percent',
  /** Starts from the maximum, minus a fixed amount per incident, not below zero. */
  deduction: 'deduction',
  /** Any score the scorer enters within [0, max]. */
  manual: 'manual',
  /** Scaled from a survey score: points = max × survey / surveyMax. */
  survey: 'survey',
  /** Bonus (positive) or penalty (negative) points, capped; outside the 100-point total. */
  adjustment: 'adjustment',
} as const;
export type ScoringMethod = (typeof ScoringMethod)[keyof typeof ScoringMethod];
export const scoringMethods = Object.values(ScoringMethod) as [ScoringMethod, ...ScoringMethod[]];
export const scoringMethodLabels: Record<ScoringMethod, string> = {
  binary: 'Đạt / không đạt',
  tiered_percent: 'Theo mức tỷ lệ %',
  deduction: 'Trừ điểm theo số lần vi phạm',
  manual: 'Chấm trực tiếp trong khung điểm',
  survey: 'Quy đổi từ điểm khảo sát',
  adjustment: 'Điểm thưởng / điểm trừ',
};

const points = z.number().min(0).max(1000);

/** "≥ 98 % → 3 points": tiers are read from the highest threshold down; below all → 0. */
export const Tier = z.object({ minPercent: z.number().min(0).max(100), points });
export type Tier = z.infer<typeof Tier>;

export const Scoring = z.discriminatedUnion('method', [
  z.object({ method: z.literal('binary') }),
  z.object({ method: z.literal('tiered_percent'), tiers: z.array(Tier).min(1).max(20) }),
  z.object({ method: z.literal('deduction'), perIncident: z.number().positive().max(1000) }),
  z.object({ method: z.literal('manual') }),
  z.object({ method: z.literal('survey'), surveyMax: z.number().positive().max(10_000) }),
  z.object({
    method: z.literal('adjustment'),
    /** The most the bonus adds (≥ 0) and the most the penalty removes (≥ 0). */
    maxBonus: points,
    maxPenalty: points,
  }),
]);
export type Scoring = z.infer<typeof Scoring>;

export type CriterionNode = {
  /** Stable within a version; scores refer to it. */
  id: string;
  /** "1", "1.2", "3.2.a" as printed in the decision. */
  code: string;
  title: string;
  maxPoints: number;
  /** Leaves only. */
  scoring?: Scoring;
  evidenceRequired: boolean;
  /** Typical evidence and how to score (hướng dẫn). */
  guidance?: string;
  children: CriterionNode[];
};

export const CriterionNode: z.ZodType<CriterionNode> = z.lazy(() =>
  z.object({
    id: z.string().trim().min(1).max(40),
    code: z.string().trim().min(1).max(30),
    title: z.string().trim().min(1).max(1000),
    maxPoints: points,
    scoring: Scoring.optional(),
    evidenceRequired: z.boolean(),
    guidance: z.string().trim().max(4000).optional(),
    children: z.array(CriterionNode).max(200),
  }),
);

export const CriteriaTree = z.object({
  /** The total the percentage is computed against (100 for the commune template). */
  maxTotal: z.number().positive().max(10_000),
  fields: z.array(CriterionNode).min(1).max(50),
});
export type CriteriaTree = z.infer<typeof CriteriaTree>;

/** Classification bands, highest first: a result ≥ minPercent of the maximum gets the label. */
export const Band = z.object({
  key: z.string().trim().min(1).max(30),
  label: z.string().trim().min(1).max(100),
  minPercent: z.number().min(0).max(100),
});
export type Band = z.infer<typeof Band>;

/** The default bands (domain brief §2.2; matches the civil-servant scale) — a default, not law. */
export const defaultBands: Band[] = [
  { key: 'xuat_sac', label: 'Xuất sắc', minPercent: 90 },
  { key: 'tot', label: 'Tốt', minPercent: 80 },
  { key: 'kha', label: 'Khá', minPercent: 70 },
  { key: 'trung_binh', label: 'Trung bình', minPercent: 50 },
  { key: 'yeu', label: 'Yếu', minPercent: 0 },
];

/**
 * Ranking (xếp hạng): units are ordered by a higher percentage first, then by the tie-break steps
 * in the plan's order (null = this default order). Still-equal units share a rank.
 */
export const tieBreakSteps = ['appraised', 'fields', 'missing', 'submittedAt'] as const;
export type TieBreakStep = (typeof tieBreakSteps)[number];
/** The documented default order: appraised points, fields in order, fewer missing, earlier. */
export const defaultTieBreak: readonly TieBreakStep[] = tieBreakSteps;
/** Vietnamese wording of each ranking key, for the ranking table, the plan and the decision. */
export const rankKeyLabels: Record<'percent' | TieBreakStep, string> = {
  percent: 'Tỷ lệ điểm cao hơn',
  appraised: 'Tổng điểm thẩm định (không tính điểm khảo sát) cao hơn',
  fields: 'Điểm từng lĩnh vực cao hơn, xét lần lượt từ lĩnh vực 1',
  missing: 'Ít tiêu chí chưa chấm hơn',
  submittedAt: 'Nộp hồ sơ tự đánh giá sớm hơn',
};

/** A plan's stored tie-break order: some or all of the steps, each at most once. */
export const TieBreak = z
  .array(z.enum(tieBreakSteps, { error: 'không phải là tiêu chí phụ xếp hạng được hỗ trợ' }))
  .max(tieBreakSteps.length)
  .refine((steps) => new Set(steps).size === steps.length, {
    message: 'mỗi tiêu chí phụ chỉ được chọn một lần',
  });

/**
 * The band keys whose units qualify for commendation (seed 002: only "xuất sắc" units go on to
 * awards). Null on a plan = its top band.
 */
export const QualifyingBandKeys = z
  .array(z.string().trim().min(1).max(30))
  .min(1)
  .max(10)
  .refine((keys) => new Set(keys).size === keys.length, { message: 'mức xếp loại bị trùng' });

/**
 * What a unit or an appraiser enters for one leaf; each scoring method reads its own field (the
 * server's scoring rules compute the points from it).
 */
export const LeafInput = z.object({
  /** binary: đạt / không đạt. */
  met: z.boolean().optional(),
  /** tiered_percent: the percentage achieved, 0–100. */
  percent: z.number().optional(),
  /** deduction: number of incidents (violations), a whole number ≥ 0. */
  incidents: z.number().optional(),
  /** manual: points within [0, max]; adjustment: within [−maxPenalty, +maxBonus]. */
  points: z.number().optional(),
  /** survey: the survey score, 0–surveyMax. */
  surveyScore: z.number().optional(),
});
export type LeafInput = z.infer<typeof LeafInput>;
