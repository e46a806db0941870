import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Ctx } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { escapeLike, foldVietnamese, searchWords } from '../../platform/text';
import * as q from './award-decisions.queries';
import { documentOf } from './decision-files.service';

/**
 * Published award decisions (decision 047): what the public honour board reads. Published means
 * issued and in force — status `issued` (a cancelled or corrected decision is no longer shown; its
 * correction is) and not itself a cancellation (which awards nobody). Drafts are never read here.
 */

const published = sql<SqlBool>`d.status = 'issued' AND d.replace_kind IS DISTINCT FROM 'cancel'`;

/** The searchable text of an annex row, as f_norm folds it in SQL and foldVietnamese in JS. */
const rowText = sql`r.name || ' ' || r.position_text || ' ' || r.form_name || ' ' || r.achievement`;

export type PublishedFilter = {
  search?: string | undefined;
  unitId?: number | undefined;
  year?: number | undefined;
  planId?: number | undefined;
  page: number;
  pageSize: number;
};

export type PublishedAwardee = {
  kind: 'person' | 'unit';
  name: string;
  positionText: string;
  formName: string;
  achievement: string;
  goldenBookNumber: number | null;
};

export type PublishedDecision = {
  id: number;
  documentNumber: string;
  decisionDate: string;
  title: string;
  unit: { id: number; name: string };
  planId: number | null;
  awardees: PublishedAwardee[];
  awardeeCount: number;
};

/** At most this many awardees of one decision are listed (the PDF has the whole annex). */
const MAX_AWARDEES = 200;

/** Every word in the number, title, issuing unit or any awardee's name, position, form, achievement. */
function searchCondition(words: readonly string[]): RawBuilder<SqlBool> | undefined {
  if (words.length === 0) return undefined;
  return sql.join<SqlBool>(
    words.map((w) => {
      const p = `%${escapeLike(w)}%`;
      return sql<SqlBool>`(f_norm(d.document_number) LIKE ${p} OR f_norm(d.title) LIKE ${p}
        OR u.name_search LIKE ${p} OR EXISTS (SELECT 1 FROM award_decision_row r
          WHERE r.decision_id = d.id AND f_norm(${rowText}) LIKE ${p}))`;
    }),
    sql` AND `,
  );
}

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
  const conditions: RawBuilder<SqlBool>[] = [published];
  const searched = searchCondition(words);
  if (searched) conditions.push(searched);
  if (f.unitId !== undefined)
    conditions.push(sql`u.path <@ (SELECT path FROM org_unit WHERE id = ${f.unitId})`);
  if (f.year !== undefined)
    conditions.push(sql`d.decision_date >= make_date(${f.year}::int, 1, 1)
      AND d.decision_date < make_date(${f.year}::int + 1, 1, 1)`);
  if (f.planId !== undefined) conditions.push(sql`d.plan_id = ${f.planId}`);
  const { rows } = await sql<{
    id: number;
    documentNumber: string;
    decisionDate: string;
    title: string;
    unitId: number;
    unitName: string;
    planId: number | null;
    total: number;
  }>`
    SELECT d.id, d.document_number AS "documentNumber", d.decision_date::text AS "decisionDate",
      d.title, d.unit_id AS "unitId", u.name AS "unitName", d.plan_id AS "planId",
      count(*) OVER ()::int AS total
    FROM award_decision d JOIN org_unit u ON u.id = d.unit_id
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY d.decision_date DESC, d.id DESC
    LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`.execute(ctx.db);
  if (rows.length === 0) return { items: [], total: 0 };

  const annex = await sql<PublishedAwardee & { decisionId: number }>`
    SELECT r.decision_id AS "decisionId",
      CASE WHEN r.person_id IS NULL THEN 'unit' ELSE 'person' END AS kind,
      r.name, r.position_text AS "positionText", r.form_name AS "formName", r.achievement,
      r.golden_book_number AS "goldenBookNumber"
    FROM award_decision_row r
    WHERE r.decision_id = ANY(${rows.map((d) => d.id)}::int[])
    ORDER BY r.decision_id, r.position, r.id`.execute(ctx.db);
  const byDecision = new Map<number, PublishedAwardee[]>();
  for (const { decisionId, ...a } of annex.rows) {
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
