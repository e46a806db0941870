import { sql, type Kysely } from 'kysely';

/**
 * The nomination flow's decision step and dossier (decision 041, issue 12 items 2, 5).
 *
 * - `nomination.quota_keys`: the quota counters (`quota_use` keys, decision 037) an approval
 *   claimed, so a return or rejection after approval gives exactly those seats back.
 * - `nomination_attachment`: the files of a nomination's dossier (report of achievements,
 *   evidence, minutes), each a `stored_file` tagged with the dossier checklist item it satisfies
 *   (the item's text as the plan writes it; null: other evidence).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE nomination ADD COLUMN quota_keys text[] NOT NULL DEFAULT '{}';

    CREATE TABLE nomination_attachment (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      nomination_id integer NOT NULL REFERENCES nomination(id),
      dossier_item text CHECK (dossier_item IS NULL OR length(btrim(dossier_item)) > 0),
      file_id uuid NOT NULL REFERENCES stored_file(id),
      uploaded_by integer REFERENCES user_account(id),
      uploaded_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX nomination_attachment_of ON nomination_attachment (nomination_id, id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE IF EXISTS nomination_attachment;
    ALTER TABLE nomination DROP COLUMN IF EXISTS quota_keys;
  `.execute(db);
}
