import { sql, type Kysely } from 'kysely';

/**
 * Quota enforcement at the decision step (decision 037, issue 12 item 5).
 *
 * `quota_use`: how many awards a plan's quota has approved so far, one row per plan and quota
 * (`quota_key`: the plan's quota id "q-…", or a derived key such as "q-…@unit:12" for a quota
 * counted per unit). The approving transaction locks the row (SELECT … FOR UPDATE) before it
 * counts one more, so two officers approving at once can never exceed the cap; `used` can never
 * go below 0.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE quota_use (
      plan_id integer NOT NULL REFERENCES campaign_plan(id),
      quota_key text NOT NULL CHECK (length(quota_key) BETWEEN 1 AND 200),
      used integer NOT NULL DEFAULT 0 CHECK (used >= 0),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (plan_id, quota_key)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS quota_use`.execute(db);
}
