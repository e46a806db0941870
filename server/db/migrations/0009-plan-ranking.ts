import { sql, type Kysely } from 'kysely';

/**
 * A plan's own ranking settings: the tie-break order after the percentage (a JSON array of step
 * names; NULL = the documented default order) and the band keys whose units qualify for
 * commendation (a JSON array; NULL = the plan's top band). Both are checked by the service against
 * the known steps and the plan's bands.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE campaign_plan
      ADD COLUMN tie_break jsonb CHECK (tie_break IS NULL OR jsonb_typeof(tie_break) = 'array'),
      ADD COLUMN qualifying_bands jsonb
        CHECK (qualifying_bands IS NULL OR jsonb_typeof(qualifying_bands) = 'array');
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE campaign_plan DROP COLUMN IF EXISTS qualifying_bands,
      DROP COLUMN IF EXISTS tie_break;
  `.execute(db);
}
