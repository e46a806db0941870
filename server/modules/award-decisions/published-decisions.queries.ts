import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../platform/db';
import { escapeLike } from '../../platform/text';

/**
 * Published award decisions (decision 047): issued and in force — status `issued` (a cancelled
 * or corrected decision is no longer shown; its correction is) and not itself a cancellation
 * (which awards nobody). Drafts are never read here.
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

export type PublishedHeader = {
  id: number;
  documentNumber: string;
  decisionDate: string;
  title: string;
  unitId: number;
  unitName: string;
  planId: number | null;
  total: number;
};

/** One page of published decisions matching the filter (every search word), newest first. */
export async function publishedPage(db: Executor, f: PublishedFilter, words: readonly string[]) {
  const conditions: RawBuilder<SqlBool>[] = [published];
  const searched = searchCondition(words);
  if (searched) conditions.push(searched);
  if (f.unitId !== undefined)
    conditions.push(sql`u.path <@ (SELECT path FROM org_unit WHERE id = ${f.unitId})`);
  if (f.year !== undefined)
    conditions.push(sql`d.decision_date >= make_date(${f.year}::int, 1, 1)
      AND d.decision_date < make_date(${f.year}::int + 1, 1, 1)`);
  if (f.planId !== undefined) conditions.push(sql`d.plan_id = ${f.planId}`);
  const { rows } = await sql<PublishedHeader>`
    SELECT d.id, d.document_number AS "documentNumber", d.decision_date::text AS "decisionDate",
      d.title, d.unit_id AS "unitId", u.name AS "unitName", d.plan_id AS "planId",
      count(*) OVER ()::int AS total
    FROM award_decision d JOIN org_unit u ON u.id = d.unit_id
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY d.decision_date DESC, d.id DESC
    LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`.execute(db);
  return rows;
}

/** The annex rows of these decisions, in annex order. */
export async function publishedAnnex(db: Executor, ids: readonly number[]) {
  const annex = await sql<PublishedAwardee & { decisionId: number }>`
    SELECT r.decision_id AS "decisionId",
      CASE WHEN r.person_id IS NULL THEN 'unit' ELSE 'person' END AS kind,
      r.name, r.position_text AS "positionText", r.form_name AS "formName", r.achievement,
      r.golden_book_number AS "goldenBookNumber"
    FROM award_decision_row r
    WHERE r.decision_id = ANY(${ids}::int[])
    ORDER BY r.decision_id, r.position, r.id`.execute(db);
  return annex.rows;
}
