import { sql, type Kysely } from 'kysely';

/**
 * Who caused a notification (the acting user; NULL for the system: reminders, jobs). Nobody is
 * notified of their own action: the list, the unread count and "mark all read" skip the rows
 * whose actor is the reader, while others at the same unit still see them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE notification
      ADD COLUMN actor_user_id integer REFERENCES user_account(id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE notification DROP COLUMN IF EXISTS actor_user_id;`.execute(db);
}
