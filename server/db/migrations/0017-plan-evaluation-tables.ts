import { sql, type Kysely } from 'kysely';

/**
 * The plan's evaluation settings and its results state move off `campaign_plan` into tables the
 * evaluation modules own (decision 023, issue 10 item 2):
 *
 * - `plan_evaluation`: the criteria version a plan is evaluated against, its bands, tie-break
 *   order, qualifying bands and self-assessment deadline (were columns from 0004, 0005, 0009);
 * - `results_state`: whether the plan's results are computed or published, and when (0007).
 *
 * A plan without a row has the defaults (no criteria, default bands and order, the top band
 * qualifies, no deadline; results 'none'). The data migration copies every plan's values, then
 * drops the columns (their CHECKs go with them). `down` puts the columns back and copies the
 * values back.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE plan_evaluation (
      plan_id integer PRIMARY KEY REFERENCES campaign_plan(id),
      criteria_version_id integer REFERENCES criteria_set_version(id),
      -- Band[] (shared/criteria.ts); NULL = the default bands.
      bands jsonb CHECK (bands IS NULL OR jsonb_typeof(bands) = 'array'),
      -- Tie-break steps after the percentage, in order; NULL = the default order.
      tie_break jsonb CHECK (tie_break IS NULL OR jsonb_typeof(tie_break) = 'array'),
      -- Band keys whose units qualify for commendation; NULL = the top band.
      qualifying_bands jsonb
        CHECK (qualifying_bands IS NULL OR jsonb_typeof(qualifying_bands) = 'array'),
      -- Last day (Vietnam date, inclusive) a unit may submit its self-assessment.
      assessment_deadline date,
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by integer REFERENCES user_account(id)
    );
    CREATE INDEX plan_evaluation_criteria ON plan_evaluation (criteria_version_id)
      WHERE criteria_version_id IS NOT NULL;

    CREATE TABLE results_state (
      plan_id integer PRIMARY KEY REFERENCES campaign_plan(id),
      status text NOT NULL DEFAULT 'none' CHECK (status IN ('none','computed','published')),
      computed_at timestamptz,
      published_at timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    INSERT INTO plan_evaluation (plan_id, criteria_version_id, bands, tie_break, qualifying_bands,
        assessment_deadline, updated_at)
      SELECT id, criteria_version_id, bands, tie_break, qualifying_bands, assessment_deadline,
        updated_at
      FROM campaign_plan;
    INSERT INTO results_state (plan_id, status, computed_at, published_at, updated_at)
      SELECT id, results_status, results_computed_at, results_published_at,
        greatest(updated_at, results_computed_at, results_published_at)
      FROM campaign_plan;

    ALTER TABLE campaign_plan
      DROP COLUMN criteria_version_id,
      DROP COLUMN bands,
      DROP COLUMN tie_break,
      DROP COLUMN qualifying_bands,
      DROP COLUMN assessment_deadline,
      DROP COLUMN results_status,
      DROP COLUMN results_computed_at,
      DROP COLUMN results_published_at;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE campaign_plan
      ADD COLUMN criteria_version_id integer REFERENCES criteria_set_version(id),
      ADD COLUMN bands jsonb,
      ADD COLUMN assessment_deadline date,
      ADD COLUMN results_status text NOT NULL DEFAULT 'none'
        CHECK (results_status IN ('none','computed','published')),
      ADD COLUMN results_computed_at timestamptz,
      ADD COLUMN results_published_at timestamptz,
      ADD COLUMN tie_break jsonb CHECK (tie_break IS NULL OR jsonb_typeof(tie_break) = 'array'),
      ADD COLUMN qualifying_bands jsonb
        CHECK (qualifying_bands IS NULL OR jsonb_typeof(qualifying_bands) = 'array');

    UPDATE campaign_plan p SET criteria_version_id = e.criteria_version_id, bands = e.bands,
        tie_break = e.tie_break, qualifying_bands = e.qualifying_bands,
        assessment_deadline = e.assessment_deadline
      FROM plan_evaluation e WHERE e.plan_id = p.id;
    UPDATE campaign_plan p SET results_status = r.status, results_computed_at = r.computed_at,
        results_published_at = r.published_at
      FROM results_state r WHERE r.plan_id = p.id;

    DROP TABLE results_state, plan_evaluation;
  `.execute(db);
}
