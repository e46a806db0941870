import { sql, type Kysely } from 'kysely';

/**
 * Evaluation results of a campaign: one row per scored unit (total, percent, band, rank and the
 * tie-break step that decided it), computed from the sheets' latest stage per leaf, then published
 * (locked) and, if ever needed, reopened by the council. The plan row says where results stand.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE campaign_plan ADD COLUMN results_status text NOT NULL DEFAULT 'none'
      CHECK (results_status IN ('none','computed','published'));
    ALTER TABLE campaign_plan ADD COLUMN results_computed_at timestamptz;
    ALTER TABLE campaign_plan ADD COLUMN results_published_at timestamptz;

    CREATE TABLE evaluation_result (
      plan_id integer NOT NULL REFERENCES campaign_plan(id),
      sheet_id integer NOT NULL REFERENCES score_sheet(id),
      unit_id integer NOT NULL REFERENCES org_unit(id),
      province_id integer,
      total numeric(10,2) NOT NULL,
      percent numeric(6,2) NOT NULL,
      appraised numeric(10,2) NOT NULL,
      field_totals jsonb NOT NULL,
      missing_count integer NOT NULL,
      band_key text NOT NULL,
      band_label text NOT NULL,
      rank integer NOT NULL,
      decided_by text,
      computed_at timestamptz NOT NULL,
      PRIMARY KEY (plan_id, sheet_id)
    );
    CREATE INDEX evaluation_result_rank ON evaluation_result (plan_id, rank);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE IF EXISTS evaluation_result;
    ALTER TABLE campaign_plan DROP COLUMN IF EXISTS results_published_at;
    ALTER TABLE campaign_plan DROP COLUMN IF EXISTS results_computed_at;
    ALTER TABLE campaign_plan DROP COLUMN IF EXISTS results_status;
  `.execute(db);
}
