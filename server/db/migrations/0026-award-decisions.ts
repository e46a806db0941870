import { sql, type Kysely } from 'kysely';

/**
 * Award decisions (quyết định khen thưởng, issue 12 item 7, decision 042).
 *
 * - `award_decision`: a decision of an issuing unit, decided by its people's committee (…/QĐ-UBND)
 *   or its chairman (…/QĐ-CT), optionally for a plan; the title, legal bases, funding source,
 *   signer, decision date; `draft` → `issued` (numbered from the register: `register_entry_id`,
 *   `document_number`); a later decision that `replaces` it (kind `cancel` or `correct`) marks it
 *   `cancelled` or `corrected` when issued. `version` guards concurrent edits.
 * - `award_decision_row`: one awardee of the annex (person or collective), with the texts shown
 *   (name, position/unit, achievement), the catalogue form version and the amount snapshotted,
 *   the nomination it came from (nullable), and the golden-book number once issued.
 * - `golden_book_series`: the last số sổ vàng of each issuing unit, taken under a row lock in
 *   the issue transaction, so numbers are consecutive and never shared.
 * The register and the generated-document store learn the subject kind 'award_decision'.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE award_decision (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      unit_id integer NOT NULL REFERENCES org_unit(id),
      decider text NOT NULL CHECK (decider IN ('committee','chairman')),
      plan_id integer REFERENCES campaign_plan(id),
      title text NOT NULL CHECK (length(btrim(title)) > 0),
      legal_bases jsonb NOT NULL DEFAULT '[]',
      funding_source text NOT NULL DEFAULT '',
      signer_name text NOT NULL DEFAULT '',
      signer_title text NOT NULL DEFAULT '',
      decision_date date NOT NULL,
      status text NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft','issued','cancelled','corrected')),
      register_entry_id integer REFERENCES document_register_entry(id),
      document_number text,
      replaces_id integer REFERENCES award_decision(id),
      replace_kind text CHECK (replace_kind IN ('cancel','correct')),
      reason text,
      issued_at timestamptz,
      issued_by integer REFERENCES user_account(id),
      version integer NOT NULL DEFAULT 1,
      created_by integer REFERENCES user_account(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT award_decision_number CHECK ((status = 'draft') = (document_number IS NULL)),
      CONSTRAINT award_decision_replaces CHECK ((replaces_id IS NULL) = (replace_kind IS NULL))
    );
    CREATE INDEX award_decision_unit ON award_decision (unit_id, decision_date);
    -- One issued (or pending) replacement per decision.
    CREATE UNIQUE INDEX award_decision_replaced_once ON award_decision (replaces_id)
      WHERE replaces_id IS NOT NULL AND status = 'issued';

    CREATE TABLE award_decision_row (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      decision_id integer NOT NULL REFERENCES award_decision(id) ON DELETE CASCADE,
      position integer NOT NULL,
      person_id integer REFERENCES person(id),
      unit_id integer REFERENCES org_unit(id),
      name text NOT NULL CHECK (length(btrim(name)) > 0),
      position_text text NOT NULL DEFAULT '',
      achievement text NOT NULL DEFAULT '',
      form_version_id integer NOT NULL REFERENCES award_form_version(id),
      form_code text NOT NULL,
      form_name text NOT NULL,
      fixed_amount bigint CHECK (fixed_amount >= 0),
      amount bigint NOT NULL CHECK (amount >= 0),
      amount_explanation text NOT NULL DEFAULT '',
      golden_book_number integer,
      nomination_id integer REFERENCES nomination(id),
      CONSTRAINT award_decision_row_subject CHECK ((person_id IS NULL) <> (unit_id IS NULL))
    );
    CREATE INDEX award_decision_row_of ON award_decision_row (decision_id, position);
    CREATE UNIQUE INDEX award_decision_row_nomination ON award_decision_row (decision_id, nomination_id)
      WHERE nomination_id IS NOT NULL;

    CREATE TABLE golden_book_series (
      unit_id integer PRIMARY KEY REFERENCES org_unit(id),
      last_number integer NOT NULL CHECK (last_number >= 0)
    );

    ALTER TABLE document_register_entry
      DROP CONSTRAINT IF EXISTS document_register_entry_subject_kind_check,
      ADD CONSTRAINT document_register_entry_subject_kind_check
        CHECK (subject_kind IN ('plan','award_decision'));
    ALTER TABLE generated_document
      DROP CONSTRAINT generated_document_subject_kind,
      ADD CONSTRAINT generated_document_subject_kind
        CHECK (subject_kind IN ('plan','award_decision'));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DELETE FROM generated_document WHERE subject_kind = 'award_decision';
    ALTER TABLE generated_document
      DROP CONSTRAINT generated_document_subject_kind,
      ADD CONSTRAINT generated_document_subject_kind CHECK (subject_kind IN ('plan'));
    DROP TABLE golden_book_series;
    DROP TABLE award_decision_row;
    DROP TABLE award_decision;
  `.execute(db);
}
