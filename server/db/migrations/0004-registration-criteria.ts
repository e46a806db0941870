import { sql, type Kysely } from 'kysely';

/**
 * Registration (đăng ký thi đua) of collectives and individuals to a campaign plan, and criteria
 * sets (bộ tiêu chí): versioned trees stored whole as validated JSON, immutable once published,
 * which a campaign binds for its evaluation.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE registration (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      plan_id integer NOT NULL REFERENCES campaign_plan(id),
      kind text NOT NULL CHECK (kind IN ('collective','individual')),
      -- The registered collective, or the unit the person works in.
      unit_id integer NOT NULL REFERENCES org_unit(id),
      person_id integer REFERENCES person(id),
      -- Tenant key, as on every row a province owns (copied from the unit).
      province_id integer,
      status text NOT NULL DEFAULT 'submitted'
        CHECK (status IN ('submitted','approved','returned','withdrawn')),
      commitments jsonb NOT NULL,
      submitted_at timestamptz NOT NULL,
      submitted_by integer REFERENCES user_account(id),
      late boolean NOT NULL DEFAULT false,
      late_reason text,
      decided_at timestamptz,
      decided_by integer REFERENCES user_account(id),
      return_reason text,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT registration_person_kind CHECK ((kind = 'individual') = (person_id IS NOT NULL)),
      CONSTRAINT registration_late_reason CHECK (NOT late OR late_reason IS NOT NULL),
      CONSTRAINT registration_return_reason CHECK (status <> 'returned' OR return_reason IS NOT NULL)
    );
    CREATE UNIQUE INDEX registration_one_collective ON registration (plan_id, unit_id)
      WHERE kind = 'collective' AND status <> 'withdrawn';
    CREATE UNIQUE INDEX registration_one_person ON registration (plan_id, person_id)
      WHERE kind = 'individual' AND status <> 'withdrawn';
    CREATE INDEX registration_plan ON registration (plan_id, status);
    CREATE INDEX registration_unit ON registration (unit_id);

    CREATE TABLE criteria_set (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      owner_unit_id integer REFERENCES org_unit(id),
      name text NOT NULL CHECK (length(btrim(name)) > 0),
      description text,
      is_example boolean NOT NULL DEFAULT false,
      created_by integer REFERENCES user_account(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE criteria_set_version (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      set_id integer NOT NULL REFERENCES criteria_set(id),
      number integer NOT NULL,
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','published')),
      tree jsonb NOT NULL,
      leaf_count integer NOT NULL,
      max_total numeric NOT NULL,
      based_on_id integer REFERENCES criteria_set_version(id),
      -- Optimistic concurrency on draft edits.
      version integer NOT NULL DEFAULT 1,
      published_at timestamptz,
      published_by integer REFERENCES user_account(id),
      created_by integer REFERENCES user_account(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT criteria_set_version_number UNIQUE (set_id, number),
      CONSTRAINT criteria_set_version_published CHECK (status = 'draft' OR published_at IS NOT NULL)
    );

    -- A campaign's evaluation: the criteria version it binds and its bands (editable per campaign).
    ALTER TABLE campaign_plan ADD COLUMN criteria_version_id integer REFERENCES criteria_set_version(id);
    ALTER TABLE campaign_plan ADD COLUMN bands jsonb;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE campaign_plan DROP COLUMN IF EXISTS bands;
    ALTER TABLE campaign_plan DROP COLUMN IF EXISTS criteria_version_id;
    DROP TABLE IF EXISTS criteria_set_version, criteria_set, registration;
  `.execute(db);
}
