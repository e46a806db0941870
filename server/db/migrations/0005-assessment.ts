import { sql, type Kysely } from 'kysely';

/**
 * Self-assessment (tự chấm điểm) and, later, appraisal: one score sheet per approved collective
 * registration, against the criteria version the plan bound when the sheet was opened. Every
 * stage's score of every leaf is its own row (self, appraisal 1, appraisal 2, survey) so they sit
 * side by side, each with its own optimistic version so concurrent scorers never overwrite each
 * other silently. Evidence files are stored files linked to a leaf.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE campaign_plan ADD COLUMN assessment_deadline date;

    CREATE TABLE score_sheet (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      plan_id integer NOT NULL REFERENCES campaign_plan(id),
      registration_id integer NOT NULL REFERENCES registration(id),
      unit_id integer NOT NULL REFERENCES org_unit(id),
      province_id integer,
      criteria_version_id integer NOT NULL REFERENCES criteria_set_version(id),
      status text NOT NULL DEFAULT 'self_draft'
        CHECK (status IN ('self_draft','submitted','returned','appraised','published')),
      submitted_at timestamptz,
      submitted_by integer REFERENCES user_account(id),
      returned_reason text,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT score_sheet_registration UNIQUE (registration_id),
      CONSTRAINT score_sheet_returned_reason CHECK (status <> 'returned' OR returned_reason IS NOT NULL)
    );
    CREATE INDEX score_sheet_plan ON score_sheet (plan_id, status);
    CREATE INDEX score_sheet_unit ON score_sheet (unit_id);

    CREATE TABLE score_entry (
      sheet_id integer NOT NULL REFERENCES score_sheet(id),
      node_id text NOT NULL,
      stage text NOT NULL CHECK (stage IN ('self','appraisal1','appraisal2','survey')),
      input jsonb NOT NULL DEFAULT '{}'::jsonb,
      -- NULL = figures or a note saved, but no score yet.
      points numeric(10,2),
      -- The unit's explanation (self) or the appraiser's comment.
      note text,
      scored_by integer REFERENCES user_account(id),
      scored_at timestamptz NOT NULL,
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (sheet_id, node_id, stage)
    );

    CREATE TABLE score_evidence (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      sheet_id integer NOT NULL REFERENCES score_sheet(id),
      node_id text NOT NULL,
      file_id uuid NOT NULL REFERENCES stored_file(id),
      uploaded_by integer REFERENCES user_account(id),
      uploaded_at timestamptz NOT NULL
    );
    CREATE INDEX score_evidence_sheet ON score_evidence (sheet_id, node_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE IF EXISTS score_evidence, score_entry, score_sheet;
    ALTER TABLE campaign_plan DROP COLUMN IF EXISTS assessment_deadline;
  `.execute(db);
}
