import { sql, type Kysely } from 'kysely';

/**
 * Where and when a review meeting is held (decision 044): the minutes (biên bản họp xét) state the
 * place and the starting time beside the date. Both optional; the time as 'HH:MM'.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE council_meeting
      ADD COLUMN place text,
      ADD COLUMN starts_at text CONSTRAINT council_meeting_starts_at
        CHECK (starts_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE council_meeting DROP COLUMN place, DROP COLUMN starts_at`.execute(db);
}
