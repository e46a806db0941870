import { sql, type Kysely } from 'kysely';

/**
 * Audit events sealed after commit by one background sealer instead of chained by every writer
 * under a global lock (decision 032).
 *
 * - Writers insert events with `seq`, `prev_hash`, `hash` and `hash_version` NULL ("unsealed").
 * - The sealer gives each committed event the next `seq` (gapless, chain order), its `prev_hash`
 *   and its `hash` (version 2: every stored column is inside the hash).
 * - `recorded_at` is the database's clock at insert, so a stalled sealer is seen even when the
 *   application runs on a test clock.
 * - The events already stored keep their version 1 hashes (id order was chain order, since the
 *   writers were serialised): they get `seq` 1..n in id order and `hash_version` 1, so they verify
 *   as before and the version 2 chain continues from the last of them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE audit_event
      ADD COLUMN seq bigint,
      ADD COLUMN hash_version smallint,
      ADD COLUMN recorded_at timestamptz,
      ALTER COLUMN prev_hash DROP NOT NULL,
      ALTER COLUMN hash DROP NOT NULL;
    -- Only new rows get the default: existing rows keep NULL (no table rewrite).
    ALTER TABLE audit_event ALTER COLUMN recorded_at SET DEFAULT date_trunc('milliseconds', clock_timestamp());
    UPDATE audit_event e SET seq = n.seq, hash_version = 1
      FROM (SELECT id, row_number() OVER (ORDER BY id) AS seq FROM audit_event) n
      WHERE e.id = n.id;
    CREATE UNIQUE INDEX audit_event_seq ON audit_event (seq);
    CREATE INDEX audit_event_unsealed ON audit_event (id) WHERE seq IS NULL;
    ALTER TABLE audit_event ADD CONSTRAINT audit_event_sealed_whole CHECK (
      (seq IS NULL AND prev_hash IS NULL AND hash IS NULL AND hash_version IS NULL)
      OR (seq IS NOT NULL AND prev_hash IS NOT NULL AND hash IS NOT NULL AND hash_version IS NOT NULL)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE audit_event DROP CONSTRAINT audit_event_sealed_whole;
    DROP INDEX audit_event_unsealed;
    DROP INDEX audit_event_seq;
    DELETE FROM audit_event WHERE seq IS NULL OR hash_version <> 1;
    ALTER TABLE audit_event
      DROP COLUMN seq,
      DROP COLUMN hash_version,
      DROP COLUMN recorded_at,
      ALTER COLUMN prev_hash SET NOT NULL,
      ALTER COLUMN hash SET NOT NULL;
  `.execute(db);
}
