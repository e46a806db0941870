import { sql, type Kysely } from 'kysely';

/**
 * The sections a lower unit's plan carried over from the higher plan it implements, one row per
 * section of the child's draft: whether the wording was adapted to the child's level, and when and
 * by whom the officer marked it reviewed ("Đã xem lại"). Issuing with unreviewed sections needs an
 * acknowledgement (decision 016).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE campaign_plan_carried_section (
      plan_id integer NOT NULL REFERENCES campaign_plan(id) ON DELETE CASCADE,
      section text NOT NULL CHECK (section IN ('general', 'aims', 'contents', 'participants',
        'criteria', 'time', 'rewards', 'contest')),
      adapted boolean NOT NULL DEFAULT false,
      reviewed_at timestamptz,
      reviewed_by integer REFERENCES user_account(id),
      PRIMARY KEY (plan_id, section),
      CHECK (reviewed_by IS NULL OR reviewed_at IS NOT NULL)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS campaign_plan_carried_section;`.execute(db);
}
