import { sql, type Kysely } from 'kysely';

/**
 * Appraisal (thẩm định): after submission the appraisers score every leaf in round 1, may ask the
 * unit for an explanation (giải trình), which it answers per leaf, then score round 2 and close
 * the appraisal. Two statuses are added between 'submitted' and 'appraised'; the unit's answers
 * are score entries of a new stage 'explanation' (a note, no points) so they carry their own
 * optimistic version like every other entry.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE score_sheet DROP CONSTRAINT score_sheet_status_check;
    ALTER TABLE score_sheet ADD CONSTRAINT score_sheet_status_check CHECK (status IN
      ('self_draft','submitted','returned','explaining','explained','appraised','published'));
    ALTER TABLE score_sheet
      ADD COLUMN explanation_reason text,
      -- The leaves the appraisers asked about, in tree order; empty = the whole sheet.
      ADD COLUMN explanation_node_ids jsonb NOT NULL DEFAULT '[]'::jsonb,
      ADD COLUMN explanation_requested_at timestamptz,
      ADD COLUMN explanation_requested_by integer REFERENCES user_account(id),
      ADD COLUMN explained_at timestamptz,
      ADD COLUMN appraised_at timestamptz,
      ADD COLUMN appraised_by integer REFERENCES user_account(id),
      ADD CONSTRAINT score_sheet_explanation_reason
        CHECK (status <> 'explaining' OR explanation_reason IS NOT NULL);

    ALTER TABLE score_entry DROP CONSTRAINT score_entry_stage_check;
    ALTER TABLE score_entry ADD CONSTRAINT score_entry_stage_check CHECK (stage IN
      ('self','appraisal1','appraisal2','survey','explanation'));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DELETE FROM score_entry WHERE stage = 'explanation';
    ALTER TABLE score_entry DROP CONSTRAINT score_entry_stage_check;
    ALTER TABLE score_entry ADD CONSTRAINT score_entry_stage_check
      CHECK (stage IN ('self','appraisal1','appraisal2','survey'));
    UPDATE score_sheet SET status = 'submitted' WHERE status IN ('explaining','explained');
    ALTER TABLE score_sheet DROP CONSTRAINT score_sheet_explanation_reason;
    ALTER TABLE score_sheet DROP COLUMN explanation_reason, DROP COLUMN explanation_node_ids,
      DROP COLUMN explanation_requested_at, DROP COLUMN explanation_requested_by,
      DROP COLUMN explained_at, DROP COLUMN appraised_at, DROP COLUMN appraised_by;
    ALTER TABLE score_sheet DROP CONSTRAINT score_sheet_status_check;
    ALTER TABLE score_sheet ADD CONSTRAINT score_sheet_status_check CHECK (status IN
      ('self_draft','submitted','returned','appraised','published'));
  `.execute(db);
}
