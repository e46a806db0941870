import { sql, type Kysely } from 'kysely';

/**
 * The award catalogue as dated data (decision 035, issue 12 item 1).
 *
 * - `award_form`: the identity of a title (danh hiệu) or form (hình thức) for one subject — its
 *   code and whose catalogue it is (national, a province's own, a plan's own).
 * - `award_form_version`: what the form is from a date: name, kind, subject, the Decree 152
 *   coefficient of the base salary or a fixed amount, who may decide it (the authority matrix),
 *   the legal basis, valid_from and an optional valid_to (last day in force, inclusive). A version
 *   is in force from its valid_from until its valid_to or the next version's valid_from.
 * - `base_salary`: mức lương cơ sở from a date, with its legal basis.
 * - `award_rounding`: how an amount is rounded, from a date.
 *
 * Rows of the three dated tables are immutable (a trigger refuses UPDATE and DELETE): a change is
 * a new version, so an amount computed for a decision can always be recomputed and explained.
 *
 * No rows: the national catalogue, the first base salary and the rounding rule are installed at
 * start-up by awards' `ensureNationalCatalogue` (idempotent), since a restore (decision 029) needs a
 * freshly migrated database to be empty.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION f_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'rows of % are never changed: add a new version', TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
    END $$;

    CREATE TABLE award_form (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      code text NOT NULL CHECK (code ~ '^[A-Z0-9_]{2,40}$'),
      scope text NOT NULL CHECK (scope IN ('national','province','plan')),
      province_unit_id integer REFERENCES org_unit(id),
      plan_id integer REFERENCES campaign_plan(id),
      created_by integer REFERENCES user_account(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT award_form_owner CHECK (
        (scope = 'national' AND province_unit_id IS NULL AND plan_id IS NULL)
        OR (scope = 'province' AND province_unit_id IS NOT NULL AND plan_id IS NULL)
        OR (scope = 'plan' AND plan_id IS NOT NULL))
    );
    CREATE UNIQUE INDEX award_form_code
      ON award_form (scope, coalesce(province_unit_id, 0), coalesce(plan_id, 0), code);

    CREATE TABLE award_form_version (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      form_id integer NOT NULL REFERENCES award_form(id),
      name text NOT NULL CHECK (length(btrim(name)) > 0),
      kind text NOT NULL CHECK (kind IN ('title','form')),
      subject text NOT NULL CHECK (subject IN ('individual','collective','household')),
      coefficient numeric(7,3) CHECK (coefficient >= 0),
      fixed_amount bigint CHECK (fixed_amount >= 0),
      deciders text[] NOT NULL CHECK (
        cardinality(deciders) > 0
        AND deciders <@ ARRAY['commune_chair','district_chair','department_head',
          'provincial_chair','provincial_committee','minister','prime_minister']),
      legal_basis text,
      valid_from date NOT NULL,
      valid_to date,
      created_by integer REFERENCES user_account(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT award_form_version_amount CHECK (coefficient IS NULL OR fixed_amount IS NULL),
      CONSTRAINT award_form_version_dates CHECK (valid_to IS NULL OR valid_to >= valid_from),
      CONSTRAINT award_form_version_start UNIQUE (form_id, valid_from)
    );
    CREATE TRIGGER award_form_version_immutable BEFORE UPDATE OR DELETE ON award_form_version
      FOR EACH ROW EXECUTE FUNCTION f_refuse_change();

    CREATE TABLE base_salary (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      amount bigint NOT NULL CHECK (amount > 0),
      effective_from date NOT NULL UNIQUE,
      legal_basis text NOT NULL CHECK (length(btrim(legal_basis)) > 0),
      created_by integer REFERENCES user_account(id),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TRIGGER base_salary_immutable BEFORE UPDATE OR DELETE ON base_salary
      FOR EACH ROW EXECUTE FUNCTION f_refuse_change();

    CREATE TABLE award_rounding (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      effective_from date NOT NULL UNIQUE,
      mode text NOT NULL CHECK (mode IN ('up','nearest','none')),
      step integer NOT NULL CHECK (step > 0),
      legal_basis text,
      created_by integer REFERENCES user_account(id),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TRIGGER award_rounding_immutable BEFORE UPDATE OR DELETE ON award_rounding
      FOR EACH ROW EXECUTE FUNCTION f_refuse_change();

  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE award_rounding;
    DROP TABLE base_salary;
    DROP TABLE award_form_version;
    DROP TABLE award_form;
    DROP FUNCTION f_refuse_change();
  `.execute(db);
}
