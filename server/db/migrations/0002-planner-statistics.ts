import { sql, type Kysely } from 'kysely';

/**
 * With the default statistics target the planner misjudges how many people sit under a unit's
 * ltree path (about 2 % of communes were estimated at ~3,000 people instead of ~40) and picks a
 * full index walk: 350 ms instead of 0.1 ms. A finer histogram on org_unit.path fixes the estimate.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE org_unit ALTER COLUMN path SET STATISTICS 10000`.execute(db);
  await sql`ANALYZE org_unit`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE org_unit ALTER COLUMN path SET STATISTICS -1`.execute(db);
}
