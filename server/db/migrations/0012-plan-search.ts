import { sql, type Kysely } from 'kysely';

/**
 * Plan search beyond the title: a stored normalised text of the plan's own searchable fields —
 * its number as written ("01/kh-ubnd") and with dashes ("01-kh-ubnd", as in file names), and its
 * title — with a trigram index. The issuing unit's name is not copied here: the search joins
 * org_unit.name_search (already stored and indexed) at query time, so renaming a unit needs no
 * refresh of its plans.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE campaign_plan ADD COLUMN search_text text GENERATED ALWAYS AS (
      f_norm(coalesce(document_number || ' ' || replace(document_number, '/', '-') || ' ', '') || title)
    ) STORED;
    CREATE INDEX campaign_plan_search_trgm ON campaign_plan USING gin (search_text gin_trgm_ops);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE campaign_plan DROP COLUMN IF EXISTS search_text;`.execute(db);
}
