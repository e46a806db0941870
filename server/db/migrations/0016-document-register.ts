import { sql, type Kysely } from 'kysely';

/**
 * The register of outgoing documents (sổ đăng ký văn bản đi) and the generated-document store
 * keyed by subject (decision 024).
 *
 * - `document_register_entry`: one row per number of a series (issuing unit, year, document type,
 *   issuer symbol), for the subject it numbers, with its status (reserved, issued, cancelled with
 *   the reason). `document_series` stays the per-series counter.
 * - `generated_document` is re-keyed from (plan, plan version) to (subject kind, subject id,
 *   subject version); existing rows become subject kind 'plan' and keep their stored files.
 *
 * Data: every numbered plan gets an `issued` entry with its number and date (numbers recorded
 * from paper included), and each series' counter is raised to at least its highest number, so no
 * plan changes number and the next number continues after the highest.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE document_register_entry (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      unit_id integer NOT NULL REFERENCES org_unit(id),
      year integer NOT NULL CHECK (year BETWEEN 1900 AND 9999),
      doc_type text NOT NULL CHECK (length(btrim(doc_type)) > 0),
      issuer_symbol text NOT NULL CHECK (length(btrim(issuer_symbol)) > 0),
      number integer NOT NULL CHECK (number > 0),
      subject_kind text CHECK (subject_kind IN ('plan')),
      subject_id integer,
      summary text,
      summary_search text GENERATED ALWAYS AS (f_norm(coalesce(summary, ''))) STORED,
      status text NOT NULL CHECK (status IN ('reserved','issued','cancelled')),
      reason text,
      issued_on date,
      created_by integer REFERENCES user_account(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      cancelled_by integer REFERENCES user_account(id),
      cancelled_at timestamptz,
      CONSTRAINT document_register_number UNIQUE (unit_id, year, doc_type, issuer_symbol, number),
      CONSTRAINT document_register_subject CHECK ((subject_kind IS NULL) = (subject_id IS NULL)),
      CONSTRAINT document_register_issued_on CHECK (status <> 'issued' OR issued_on IS NOT NULL),
      CONSTRAINT document_register_reason
        CHECK (status <> 'cancelled' OR length(btrim(coalesce(reason, ''))) > 0)
    );
    CREATE INDEX document_register_entry_subject ON document_register_entry (subject_kind, subject_id);

    INSERT INTO document_register_entry (unit_id, year, doc_type, issuer_symbol, number,
      subject_kind, subject_id, summary, status, issued_on, created_by, created_at)
    SELECT issuing_unit_id, coalesce(number_year, extract(year FROM issued_on)::int), doc_type,
      issuer_symbol, number, 'plan', id, title, 'issued', issued_on, issued_by,
      coalesce(issued_at, created_at)
    FROM campaign_plan
    WHERE number IS NOT NULL AND issued_on IS NOT NULL
    ORDER BY id;

    INSERT INTO document_series (unit_id, doc_type, issuer_symbol, year, last_number)
    SELECT unit_id, doc_type, issuer_symbol, year, max(number)
    FROM document_register_entry
    GROUP BY unit_id, doc_type, issuer_symbol, year
    ON CONFLICT (unit_id, doc_type, issuer_symbol, year)
      DO UPDATE SET last_number = greatest(document_series.last_number, excluded.last_number);

    ALTER TABLE generated_document
      ADD COLUMN subject_kind text,
      ADD COLUMN subject_id integer,
      ADD COLUMN subject_version integer;
    UPDATE generated_document
      SET subject_kind = 'plan', subject_id = plan_id, subject_version = plan_version;
    ALTER TABLE generated_document
      DROP CONSTRAINT generated_document_once,
      DROP COLUMN plan_id,
      DROP COLUMN plan_version,
      ALTER COLUMN subject_kind SET NOT NULL,
      ALTER COLUMN subject_id SET NOT NULL,
      ALTER COLUMN subject_version SET NOT NULL,
      ADD CONSTRAINT generated_document_subject_kind CHECK (subject_kind IN ('plan')),
      ADD CONSTRAINT generated_document_once
        UNIQUE (subject_kind, subject_id, subject_version, format);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE generated_document
      ADD COLUMN plan_id integer REFERENCES campaign_plan(id),
      ADD COLUMN plan_version integer;
    UPDATE generated_document SET plan_id = subject_id, plan_version = subject_version
      WHERE subject_kind = 'plan';
    DELETE FROM generated_document WHERE plan_id IS NULL;
    ALTER TABLE generated_document
      DROP CONSTRAINT generated_document_once,
      DROP CONSTRAINT generated_document_subject_kind,
      DROP COLUMN subject_kind,
      DROP COLUMN subject_id,
      DROP COLUMN subject_version,
      ALTER COLUMN plan_id SET NOT NULL,
      ALTER COLUMN plan_version SET NOT NULL,
      ADD CONSTRAINT generated_document_once UNIQUE (plan_id, plan_version, format);
    DROP TABLE document_register_entry;
  `.execute(db);
}
