import type { Ctx } from '../../platform/context';
import { parseInput } from '../../platform/validation';
import { HonourBoardQuery } from '../../../shared/api/honour-board';
import { listPublishedDecisions, publishedDecisionPdf } from '../award-decisions/index';

/**
 * The public honour board (bảng vinh danh, decision 047): the issued award decisions in force
 * with their awardees, for anyone, no login — what the decisions themselves publish and nothing
 * more (no amounts, no birth dates, phones or identity numbers).
 */

/**
 * Issued decisions with their awardees, newest first, paged; accent-insensitive search over the
 * number, title, issuing unit and the awardees; issuing unit (its subtree), year and plan filters
 * (a plan's exemplary people: the awardees of its decisions). VALIDATION_FAILED on bad filters.
 */
export async function listHonourBoard(ctx: Ctx, input: unknown) {
  const query = parseInput(HonourBoardQuery, input, {
    search: 'Tìm kiếm',
    unitId: 'Đơn vị ban hành',
    year: 'Năm',
    planId: 'Kế hoạch',
  });
  return listPublishedDecisions(ctx, query);
}

/** An issued decision's stored PDF; NOT_FOUND for drafts, replaced decisions and cancellations. */
export async function honourBoardDecisionPdf(ctx: Ctx, id: number) {
  return publishedDecisionPdf(ctx, id);
}
