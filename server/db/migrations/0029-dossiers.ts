import { sql, type Kysely } from 'kysely';

/**
 * Dossier documents (hồ sơ đề nghị khen thưởng, decision 045, issue 12 item 6).
 *
 * - `dossier_request`: a tờ trình (Mẫu 01 of Decree 152) of a proposing unit for a plan's round;
 *   it covers that unit's live nominations of the round. One per plan, round and unit.
 * - `dossier_text`: the free-text parts the proposer writes (thành tích đạt được, đặc điểm tình
 *   hình, căn cứ, đề nghị, …), owned by a nomination (its report of achievements) or by a tờ
 *   trình (exactly one of the two), per document kind and part key, with a version guarding
 *   concurrent edits. The service freezes them once the nomination is submitted.
 * - `generated_document` may now also hold the dossier documents (kinds `dossier_report`,
 *   `dossier_request`, `dossier_list`): the CHECK is rebuilt from the kinds it allows today plus
 *   these, so migrations of other modules that add their own kinds keep theirs whatever order
 *   they are merged in.
 */
const KINDS = `ARRAY['dossier_report','dossier_request','dossier_list']`;

/** Rebuilds the subject-kind CHECK from its current values, adding or removing this module's. */
function rebuildKinds(op: 'add' | 'remove') {
  const next =
    op === 'add'
      ? `coalesce(kinds, ARRAY['plan']) || ${KINDS}`
      : `array(SELECT unnest(coalesce(kinds, ARRAY['plan'])) EXCEPT SELECT unnest(${KINDS}))`;
  return sql.raw(`
    DO $$
    DECLARE kinds text[];
    BEGIN
      SELECT array_agg(m[1]) INTO kinds
        FROM pg_constraint c,
             regexp_matches(pg_get_constraintdef(c.oid), '''([a-z_]+)''', 'g') AS m
        WHERE c.conname = 'generated_document_subject_kind';
      kinds := array(SELECT DISTINCT k FROM unnest(${next}) AS k ORDER BY k);
      ALTER TABLE generated_document DROP CONSTRAINT IF EXISTS generated_document_subject_kind;
      -- Written as IN ('a', 'b'): PostgreSQL keeps each value quoted, so the next rebuild reads them.
      EXECUTE 'ALTER TABLE generated_document ADD CONSTRAINT generated_document_subject_kind'
        || ' CHECK (subject_kind IN ('
        || (SELECT string_agg(quote_literal(k), ', ' ORDER BY k) FROM unnest(kinds) AS k)
        || '))';
    END $$;
  `);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE dossier_request (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      plan_id integer NOT NULL REFERENCES campaign_plan(id),
      round text NOT NULL CHECK (round IN ('annual','final','ad_hoc')),
      proposing_unit_id integer NOT NULL REFERENCES org_unit(id),
      created_by integer REFERENCES user_account(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT dossier_request_once UNIQUE (plan_id, round, proposing_unit_id)
    );

    CREATE TABLE dossier_text (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      nomination_id integer REFERENCES nomination(id),
      request_id integer REFERENCES dossier_request(id),
      document_kind text NOT NULL CHECK (document_kind IN ('report','request')),
      part_key text NOT NULL CHECK (part_key ~ '^[a-z][A-Za-z]{0,39}$'),
      text text NOT NULL,
      version integer NOT NULL DEFAULT 1,
      updated_by integer REFERENCES user_account(id),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT dossier_text_one_owner CHECK ((nomination_id IS NULL) <> (request_id IS NULL))
    );
    CREATE UNIQUE INDEX dossier_text_of_nomination ON dossier_text
      (nomination_id, document_kind, part_key) WHERE nomination_id IS NOT NULL;
    CREATE UNIQUE INDEX dossier_text_of_request ON dossier_text
      (request_id, document_kind, part_key) WHERE request_id IS NOT NULL;
  `.execute(db);
  await rebuildKinds('add').execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DELETE FROM generated_document
      WHERE subject_kind IN ('dossier_report','dossier_request','dossier_list');
    DROP TABLE IF EXISTS dossier_text;
    DROP TABLE IF EXISTS dossier_request;
  `.execute(db);
  await rebuildKinds('remove').execute(db);
}
