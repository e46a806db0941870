import { sql, type Kysely } from 'kysely';

/**
 * The review of a draft read from a document (decision 017): NULL for a plan typed in the
 * product; for an imported draft, the values the officer has confirmed as they are
 * ({"confirmed": [text, …]}). Doubtful values not confirmed block issuing and the official file.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE campaign_plan
      ADD COLUMN import_review jsonb CHECK (
        import_review IS NULL OR jsonb_typeof(import_review -> 'confirmed') = 'array'
      );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE campaign_plan DROP COLUMN IF EXISTS import_review;`.execute(db);
}
