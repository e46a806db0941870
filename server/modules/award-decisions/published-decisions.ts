import type { Ctx } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { foldVietnamese, searchWords } from '../../platform/text';
import * as q from './award-decisions.queries';
import { documentOf } from './decision-files.service';
import * as pq from './published-decisions.queries';
import type {
  PublishedAwardee,
  PublishedDecision,
  PublishedFilter,
} from './published-decisions.queries';

export type { PublishedAwardee, PublishedDecision, PublishedFilter };

/** At most this many awardees of one decision are listed (the PDF has the whole annex). */
const MAX_AWARDEES = 200;

/**
 * Published award decisions (decision 047): what the public honour board reads. Published means
 * issued and in force — status `issued` (a cancelled or corrected decision is no longer shown; its
 * correction is) and not itself a cancellation (which awards nobody). Drafts are never read here.
 */

/**
 * Published decisions, newest (decision date) first, paged; `unitId` keeps decisions issued by
 * that unit or below it, `year` the decision date's year, `planId` the plan's decisions; the
 * search matches every word, accent-insensitively ("nguyen van" finds "Nguyễn Văn"). Each
 * decision lists its awardees in annex order — only those matching the search when the decision's
 * own texts do not match it all and some awardee does — at most 200 (`awardeeCount` is the total).
 */
export async function listPublishedDecisions(
  ctx: Ctx,
  f: PublishedFilter,
): Promise<{ items: PublishedDecision[]; total: number }> {
  const words = f.search === undefined ? [] : searchWords(f.search);
  const rows = await pq.publishedPage(ctx.db, f, words);
  if (rows.length === 0) return { items: [], total: 0 };
  const annex = await pq.publishedAnnex(
    ctx.db,
    rows.map((d) => d.id),
  );
  const byDecision = new Map<number, PublishedAwardee[]>();
  for (const { decisionId, ...a } of annex) {
    const list = byDecision.get(decisionId) ?? [];
    list.push(a);
    byDecision.set(decisionId, list);
  }

  const items = rows.map((d) => {
    const all = byDecision.get(d.id) ?? [];
    const header = foldVietnamese(`${d.documentNumber} ${d.title} ${d.unitName}`);
    const rest = words.filter((w) => !header.includes(w));
    const matching =
      rest.length === 0
        ? all
        : all.filter((a) => {
            const text = foldVietnamese(
              `${a.name} ${a.positionText} ${a.formName} ${a.achievement}`,
            );
            return rest.every((w) => text.includes(w));
          });
    const shown = matching.length > 0 ? matching : all;
    return {
      id: d.id,
      documentNumber: d.documentNumber,
      decisionDate: d.decisionDate,
      title: d.title,
      unit: { id: d.unitId, name: d.unitName },
      planId: d.planId,
      awardees: shown.slice(0, MAX_AWARDEES),
      awardeeCount: shown.length,
    };
  });
  return { items, total: rows[0]?.total ?? 0 };
}

/**
 * A published decision's PDF as stored at its first download (rendered then, never again), for
 * anyone; NOT_FOUND for a draft, a cancelled or corrected decision, a cancellation, or no such id.
 */
export async function publishedDecisionPdf(ctx: Ctx, id: number) {
  const d = await q.findDecision(ctx.db, id);
  if (d === undefined || d.status !== 'issued' || d.replaceKind === 'cancel')
    throw notFound('quyết định khen thưởng');
  return documentOf(ctx, d, 'pdf');
}
