import { z } from 'zod';
import { PlanItemId } from './campaign';

/**
 * Quotas as rules (issue 12 item 5, decision 037): how many awards of a form a plan allows — a
 * count, a percent of a base, or both (the smaller wins) — for collectives or individuals, over
 * the whole plan, a unit's subtree or a level. Both sides read this model; the server selects and
 * enforces (server/modules/quotas).
 */

/** What a percent is taken of. */
export const QuotaBase = {
  /** Those who qualify: units in a qualifying band, eligible individuals ("số đạt LĐTT"). */
  eligible: 'eligible',
  /** Those who registered for the campaign ("số tập thể đăng ký"). */
  registered: 'registered',
  /** Everyone taking part ("tổng số cán bộ", "tổng quân số đơn vị"). */
  participating: 'participating',
} as const;
export type QuotaBase = (typeof QuotaBase)[keyof typeof QuotaBase];
export const quotaBases = Object.values(QuotaBase) as [QuotaBase, ...QuotaBase[]];
export const quotaBaseLabels: Record<QuotaBase, string> = {
  eligible: 'số đủ điều kiện',
  registered: 'số đăng ký',
  participating: 'số tham gia',
};

export const QuotaSubject = { collective: 'collective', individual: 'individual' } as const;
export type QuotaSubject = (typeof QuotaSubject)[keyof typeof QuotaSubject];
export const quotaSubjects = Object.values(QuotaSubject) as [QuotaSubject, ...QuotaSubject[]];
export const quotaSubjectLabels: Record<QuotaSubject, string> = {
  collective: 'tập thể',
  individual: 'cá nhân',
};

/**
 * How a percent becomes a count. "Không quá" means floor (20 % of 7 = 1,4 → 1); some rules say
 * "nếu có số dư thì làm tròn" (round half up) — a setting of the quota.
 */
export const QuotaRounding = { floor: 'floor', round: 'round', ceil: 'ceil' } as const;
export type QuotaRounding = (typeof QuotaRounding)[keyof typeof QuotaRounding];
export const quotaRoundings = Object.values(QuotaRounding) as [QuotaRounding, ...QuotaRounding[]];

/** Where the quota counts: the whole plan, each unit subtree, or a level ("Cấp thành phố"). */
export const QuotaScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('plan') }),
  z.object({ kind: z.literal('unit'), unitId: z.number().int().positive() }),
  z.object({ kind: z.literal('level'), level: z.string().trim().min(1).max(300) }),
]);
export type QuotaScope = z.infer<typeof QuotaScope>;

const quotaRuleFields = {
  /** The plan's quota this rule is (null: written by hand, e.g. a what-if). */
  quotaId: PlanItemId.nullable().default(null),
  /** The plan's reward form it limits (null: every form of the subject). */
  rewardFormId: PlanItemId.nullable().default(null),
  subject: z.enum(quotaSubjects),
  maxCount: z.number().int().min(0).max(1_000_000).nullable().default(null),
  maxPercent: z.number().min(0).max(100).nullable().default(null),
  base: z.enum(quotaBases).default('eligible'),
  rounding: z.enum(quotaRoundings).default('floor'),
  scope: QuotaScope.default({ kind: 'plan' }),
  /** The clause as written ("không quá 01 tập thể"), for messages. */
  text: z.string().trim().max(500).nullable().default(null),
};

/** A quota as a rule: by count, by percent or both (the smaller cap wins), never by neither. */
export const QuotaRule = z
  .object(quotaRuleFields)
  .refine((q) => q.maxCount !== null || q.maxPercent !== null, {
    message: 'cần số lượng tối đa hoặc tỷ lệ tối đa',
    path: ['maxCount'],
  });
export type QuotaRule = z.infer<typeof QuotaRule>;
export type QuotaRuleInput = z.input<typeof QuotaRule>;

/** How a percent of a base becomes a count: 20 % of 15 = 3; 4 % of 15 = 0,6 → 0 (floor). */
export function roundQuota(value: number, rounding: QuotaRounding): number {
  // 20 × 15 / 100 must be exactly 3, not 2.9999…: compare with a tolerance before rounding.
  const near = Math.round(value);
  if (Math.abs(value - near) < 1e-9) return near;
  switch (rounding) {
    case 'floor':
      return Math.floor(value);
    case 'ceil':
      return Math.ceil(value);
    case 'round':
      return Math.round(value);
  }
}

/** Vietnamese number format for a percent: 20 → "20%", 12.5 → "12,5%". */
export const formatPercent = (p: number) => `${String(p).replace('.', ',')}%`;

/** The cap of a quota over a base, and how it was reached ("3 (20% của 15)"). */
export function quotaCap(
  quota: Pick<QuotaRule, 'maxCount' | 'maxPercent' | 'rounding'>,
  base: number,
): { cap: number; reason: string } {
  const parts: { cap: number; reason: string }[] = [];
  if (quota.maxPercent !== null) {
    const cap = roundQuota((quota.maxPercent * base) / 100, quota.rounding);
    parts.push({ cap, reason: `${cap} (${formatPercent(quota.maxPercent)} của ${base})` });
  }
  if (quota.maxCount !== null)
    parts.push({ cap: quota.maxCount, reason: `${quota.maxCount} (số lượng tối đa)` });
  const best = parts.reduce<{ cap: number; reason: string } | null>(
    (a, b) => (a === null || b.cap < a.cap ? b : a),
    null,
  );
  return best ?? { cap: 0, reason: '0' };
}

/** "không quá 20% tập thể", "không quá 01 cá nhân": the quota in words, for messages. */
export function describeQuota(q: Pick<QuotaRule, 'maxCount' | 'maxPercent' | 'subject' | 'text'>) {
  if (q.text) return q.text;
  const subject = quotaSubjectLabels[q.subject];
  const bounds: string[] = [];
  if (q.maxCount !== null) bounds.push(`${String(q.maxCount).padStart(2, '0')} ${subject}`);
  if (q.maxPercent !== null) bounds.push(`${formatPercent(q.maxPercent)} ${subject}`);
  return `không quá ${bounds.join(' và ')}`;
}
