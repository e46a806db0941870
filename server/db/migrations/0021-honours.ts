import { sql, type Kysely } from 'kysely';

/**
 * Award history and discipline records (decision 036, issue 12 item 10).
 *
 * - `honour`: one award a person or a collective (an org unit) received: the form (a catalogue
 *   version when known, its code and name snapshotted; an old award may name its form only as
 *   text), the year and period, the decision (number, date, issuer), the achievement, the amount
 *   when known, where the record came from ('import' of past awards, 'manual' entry, 'decision'
 *   issued in the product — written by the award-decisions module through honours'
 *   `recordHonours`, with its reference) and who entered it. Removal is a mark with a reason
 *   (the row stays, so the audit trail and a decision's references keep their target).
 * - `discipline_record`: a discipline, investigation, inspection or complaint concerning a
 *   person, from a date to a date (null: pending or ongoing); what blocks an award is a pure rule
 *   (honours `blockingRecords`, Decree 152 Art. 4(4)).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE honour (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      person_id integer REFERENCES person(id),
      unit_id integer REFERENCES org_unit(id),
      form_version_id integer REFERENCES award_form_version(id),
      form_code text,
      form_name text NOT NULL CHECK (length(btrim(form_name)) > 0),
      year smallint NOT NULL CHECK (year BETWEEN 1945 AND 2100),
      period text,
      decision_number text,
      decision_date date,
      issuer text,
      achievement text,
      amount bigint CHECK (amount >= 0),
      source text NOT NULL CHECK (source IN ('import','manual','decision')),
      source_ref text,
      entered_by integer REFERENCES user_account(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      removed_at timestamptz,
      removed_by integer REFERENCES user_account(id),
      removed_reason text,
      CONSTRAINT honour_subject CHECK ((person_id IS NULL) <> (unit_id IS NULL)),
      CONSTRAINT honour_removal CHECK ((removed_at IS NULL) = (removed_reason IS NULL)),
      CONSTRAINT honour_decision_ref CHECK ((source = 'decision') = (source_ref IS NOT NULL))
    );
    CREATE INDEX honour_person ON honour (person_id, year) WHERE person_id IS NOT NULL;
    CREATE INDEX honour_unit ON honour (unit_id, year) WHERE unit_id IS NOT NULL;
    -- A decision's award is recorded once per subject, so a re-run writes nothing twice.
    CREATE UNIQUE INDEX honour_decision_once
      ON honour (source_ref, coalesce(person_id, 0), coalesce(unit_id, 0))
      WHERE source = 'decision' AND removed_at IS NULL;

    CREATE TABLE discipline_record (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      person_id integer NOT NULL REFERENCES person(id),
      kind text NOT NULL CHECK (kind IN ('discipline','investigation','inspection','complaint')),
      level text,
      from_date date NOT NULL,
      to_date date,
      reason text NOT NULL CHECK (length(btrim(reason)) > 0),
      decision_ref text,
      entered_by integer REFERENCES user_account(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      removed_at timestamptz,
      removed_by integer REFERENCES user_account(id),
      removed_reason text,
      CONSTRAINT discipline_record_dates CHECK (to_date IS NULL OR to_date >= from_date),
      CONSTRAINT discipline_record_removal CHECK ((removed_at IS NULL) = (removed_reason IS NULL))
    );
    CREATE INDEX discipline_record_person ON discipline_record (person_id, from_date);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE discipline_record;
    DROP TABLE honour;
  `.execute(db);
}
