import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../platform/db';
import type { ResultsStatus } from '../../db/schema';

/**
 * Reads and writes of `results_state`, where a plan's results stand (migration 0017). The only
 * file that names the table: other evaluation queries join it through `joinResultsState`.
 * A plan without a row has status 'none'.
 */

export type ResultsState = {
  resultsStatus: ResultsStatus;
  resultsComputedAt: Date | null;
  resultsPublishedAt: Date | null;
};

const noResults: ResultsState = {
  resultsStatus: 'none',
  resultsComputedAt: null,
  resultsPublishedAt: null,
};

async function selectState(db: Executor, planId: number, lock: 'share' | 'update' | null) {
  return db
    .selectFrom('resultsState')
    .select([
      'status as resultsStatus',
      'computedAt as resultsComputedAt',
      'publishedAt as resultsPublishedAt',
    ])
    .where('planId', '=', planId)
    .$if(lock === 'share', (qb) => qb.forShare())
    .$if(lock === 'update', (qb) => qb.forUpdate())
    .executeTakeFirst();
}

/**
 * The plan's results state. With a lock, the row is created first when missing (status 'none'),
 * so that the lock exists: a writer holding it FOR SHARE and a publication taking it FOR UPDATE
 * wait for each other even on a plan whose results were never computed.
 */
export async function getResultsState(
  db: Executor,
  planId: number,
  lock: 'share' | 'update' | null = null,
): Promise<ResultsState> {
  const row = await selectState(db, planId, lock);
  if (row !== undefined) return row;
  if (lock === null) return noResults;
  await db
    .insertInto('resultsState')
    .values({ planId })
    .onConflict((oc) => oc.column('planId').doNothing())
    .execute();
  return (await selectState(db, planId, lock)) ?? noResults;
}

/** Sets the plan's results status and the time it was computed or published. */
export async function updateResultsState(
  db: Executor,
  planId: number,
  to: ResultsStatus,
  times: { computedAt?: Date | null; publishedAt?: Date | null },
  at: Date,
): Promise<void> {
  const values = { status: to, ...times, updatedAt: at };
  await db
    .insertInto('resultsState')
    .values({ planId, ...values })
    .onConflict((oc) => oc.column('planId').doUpdateSet(values))
    .execute();
}

/** True once the plan's results are published (what the public plan page shows). */
export async function isResultsPublished(db: Executor, planId: number): Promise<boolean> {
  return (await getResultsState(db, planId)).resultsStatus === 'published';
}

/**
 * `LEFT JOIN results_state rs` on a plan id (e.g. `sql.ref('p.id')`), for the evaluation queries
 * that filter or show by the results state; use `resultsOpen` / `resultsPublished` with it.
 */
export function joinResultsState(planId: RawBuilder<unknown>) {
  return sql`LEFT JOIN results_state rs ON rs.plan_id = ${planId}`;
}

/**
 * SQL: the status of the plan's (`planId`, a column reference) results_state row, taking it FOR
 * SHARE until commit as `getResultsState(…, 'share')` does; null when the plan has no row yet
 * (then nothing is held: call `assertResultsOpen`, which creates it).
 */
export const heldResultsStatus = (planId: RawBuilder<unknown>) =>
  sql<ResultsStatus | null>`(SELECT hs.status FROM results_state hs WHERE hs.plan_id = ${planId} FOR SHARE)`;

/** With `joinResultsState`: the plan's results are not published (no row counts as 'none'). */
export const resultsOpen = sql<SqlBool>`rs.status IS DISTINCT FROM 'published'`;

/** With `joinResultsState`: the plan's results are published. */
export const resultsPublished = sql<SqlBool>`coalesce(rs.status = 'published', false)`;

/** With `joinResultsState`: the status, 'none' when the plan has no row. */
export const resultsStatus = sql<ResultsStatus>`coalesce(rs.status, 'none')`;
