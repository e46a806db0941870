import { sql, type Kysely } from 'kysely';

/**
 * The checklist of a plan's individual criteria for each approved individual registration: one
 * row per criterion, its text copied from the plan when the checklist is first opened (so a later
 * amendment of the plan does not shift what was confirmed), whether it is met, a note, one
 * evidence file and who confirmed it when. Rows change under an optimistic version.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE individual_check (
      registration_id integer NOT NULL REFERENCES registration(id),
      item_index integer NOT NULL CHECK (item_index >= 0),
      item_text text NOT NULL,
      met boolean,
      note text,
      evidence_file_id uuid REFERENCES stored_file(id),
      confirmed_by integer REFERENCES user_account(id),
      confirmed_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (registration_id, item_index)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS individual_check;`.execute(db);
}
