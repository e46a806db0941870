import { z } from 'zod';
import { PlanItemId, Quota } from '../campaign';
import { QuotaRule, QuotaScope, quotaBases, quotaRoundings, quotaSubjects } from '../quotas';
import { IdParams } from './fields';
import { defineEndpoint } from './endpoint';

/**
 * Quotas as rules (decision 037): the what-if of a plan's quota over its published results —
 * change the count, the percent or the base and see who would be in or out, nothing saved.
 */

// ── Requests ────────────────────────────────────────────────────────────────────────────────

/** What the officer changes, on top of the plan's quota (or the whole rule when none is named). */
export const QuotaOverride = z.object({
  subject: z.enum(quotaSubjects).optional(),
  maxCount: z.number().int().min(0).max(1_000_000).nullable().optional(),
  maxPercent: z.number().min(0).max(100).nullable().optional(),
  base: z.enum(quotaBases).optional(),
  rounding: z.enum(quotaRoundings).optional(),
  /** `{ kind: 'unit', unitId }`: only the candidates of that unit's subtree count. */
  scope: QuotaScope.optional(),
});

/** POST /api/plans/:id/quota-what-if. */
export const QuotaWhatIf = z.object({
  /** The plan's quota to start from (null: the override is the whole rule). */
  quotaId: PlanItemId.nullable().default(null),
  override: QuotaOverride.nullable().default(null),
  /** The size of the base when it is not the candidates themselves (registered, participating). */
  baseCount: z.number().int().min(0).max(10_000_000).nullable().default(null),
});
export type QuotaWhatIfInput = z.input<typeof QuotaWhatIf>;

// ── Responses ───────────────────────────────────────────────────────────────────────────────

export const QuotaWhatIfRow = z.object({
  key: z.string(),
  name: z.string(),
  score: z.number(),
  band: z.string().nullable(),
  position: z.number().int(),
  status: z.enum(['in', 'out', 'tie']),
  /** Preferred under Decree 152/2025 Art. 4(6). */
  priority: z.boolean(),
  explanation: z.string(),
});

export const QuotaWhatIfResult = z
  .object({
    /** The rule applied (the plan's quota with the override), not saved. */
    quota: QuotaRule,
    base: z.number().int(),
    cap: z.number().int(),
    capReason: z.string(),
    selected: z.number().int(),
    tie: z.object({ keys: z.array(z.string()), seats: z.number().int() }).nullable(),
    rows: z.array(QuotaWhatIfRow),
    /** The plan's quotas, to choose from. */
    planQuotas: z.array(Quota),
  })
  .meta({ id: 'QuotaWhatIfResult' });
export type QuotaWhatIfResult = z.infer<typeof QuotaWhatIfResult>;

// ── Endpoints ───────────────────────────────────────────────────────────────────────────────

export const quotaEndpoints = {
  whatIf: defineEndpoint({
    method: 'POST',
    path: '/api/plans/:id/quota-what-if',
    summary:
      "Who a plan's quota (or an overridden one) would put in or out of its published results, explained; nothing is saved",
    tags: ['quotas'],
    access: 'user',
    params: IdParams.describe('the plan'),
    body: QuotaWhatIf,
    response: QuotaWhatIfResult,
  }),
};
