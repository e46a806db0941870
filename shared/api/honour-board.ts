import { z } from 'zod';
import { IdParams, dateOnly, id, page, pageOf } from './fields';
import { defineEndpoint } from './endpoint';

/**
 * The public honour board (bảng vinh danh, issue 12 item 11, decision 047): the issued award
 * decisions with their awardees, for anyone, no login. Only what a decision itself publishes:
 * names, position or unit, form, achievement, số sổ vàng — no amounts, no personal data.
 */

const PDF = 'application/pdf';
const tags = ['public'] as const;

/** GET /api/public/honour-board: search (accent-insensitive), issuing unit (subtree), year, plan. */
export const HonourBoardQuery = z.object({
  search: z.string().trim().max(100).optional(),
  /** The issuing unit; its subtree's decisions are kept. */
  unitId: id.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** The plan whose exemplary people (gương điển hình) are listed: its issued decisions. */
  planId: id.optional(),
  page,
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});

export const HonourBoardAwardee = z.object({
  kind: z.enum(['person', 'unit']),
  name: z.string(),
  /** Position and unit of a person, or the collective's parent, as the decision prints it. */
  positionText: z.string(),
  formName: z.string(),
  achievement: z.string(),
  goldenBookNumber: z.number().int().nullable(),
});
export type HonourBoardAwardee = z.infer<typeof HonourBoardAwardee>;

export const HonourBoardDecision = z.object({
  id: z.number().int(),
  documentNumber: z.string(),
  decisionDate: dateOnly,
  title: z.string(),
  unit: z.object({ id: z.number().int(), name: z.string() }),
  planId: z.number().int().nullable(),
  /** Every awardee of the decision, or only those matching the search when some do. */
  awardees: z.array(HonourBoardAwardee),
  awardeeCount: z.number().int(),
});
export type HonourBoardDecision = z.infer<typeof HonourBoardDecision>;

export const honourBoardEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/public/honour-board',
    summary: 'Issued award decisions with their awardees, newest first, filtered and paged',
    tags,
    access: 'public',
    query: HonourBoardQuery,
    response: pageOf(HonourBoardDecision),
  }),
  pdf: defineEndpoint({
    method: 'GET',
    path: '/api/public/award-decisions/:id/decision.pdf',
    summary: 'An issued award decision as stored (.pdf)',
    tags,
    access: 'public',
    params: IdParams.describe('the award decision'),
    response: { kind: 'file', contentType: PDF },
  }),
};
