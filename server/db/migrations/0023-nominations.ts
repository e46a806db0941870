import { sql, type Kysely } from 'kysely';

/**
 * Nominations (đề nghị khen thưởng, decision 038, issue 12 items 2–3).
 *
 * - `nomination`: one proposal that a person or a collective (an org unit; exactly one of the
 *   two) receive an award form version of the catalogue, for a plan's round (annual, final or ad
 *   hoc), with the achievement and its period. `proposing_unit_id` is the unit that proposes it;
 *   `current_unit_id` is the level where it sits now (the proposing unit while a draft or
 *   returned; the receiving level once submitted or forwarded). `version` guards concurrent
 *   edits. One live nomination (not withdrawn or rejected) per subject, plan, round and form.
 * - `nomination_step`: its history — who moved it, from which level to which, the action and the
 *   reason (a return's reason is required by the service).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE nomination (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      plan_id integer NOT NULL REFERENCES campaign_plan(id),
      round text NOT NULL CHECK (round IN ('annual','final','ad_hoc')),
      person_id integer REFERENCES person(id),
      unit_id integer REFERENCES org_unit(id),
      form_version_id integer NOT NULL REFERENCES award_form_version(id),
      achievement text NOT NULL CHECK (length(btrim(achievement)) > 0),
      period_from date NOT NULL,
      period_to date NOT NULL,
      proposing_unit_id integer NOT NULL REFERENCES org_unit(id),
      current_unit_id integer NOT NULL REFERENCES org_unit(id),
      status text NOT NULL DEFAULT 'draft' CHECK (status IN
        ('draft','submitted','returned','accepted','forwarded','approved','rejected','withdrawn')),
      return_reason text,
      version integer NOT NULL DEFAULT 1,
      created_by integer REFERENCES user_account(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_by integer REFERENCES user_account(id),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT nomination_one_subject CHECK ((person_id IS NULL) <> (unit_id IS NULL)),
      CONSTRAINT nomination_period CHECK (period_from <= period_to)
    );
    CREATE UNIQUE INDEX nomination_live_once ON nomination
      (plan_id, round, form_version_id, coalesce(person_id, 0), coalesce(unit_id, 0))
      WHERE status NOT IN ('withdrawn','rejected');
    CREATE INDEX nomination_plan ON nomination (plan_id);
    CREATE INDEX nomination_person ON nomination (person_id) WHERE person_id IS NOT NULL;
    CREATE INDEX nomination_unit ON nomination (unit_id) WHERE unit_id IS NOT NULL;

    CREATE TABLE nomination_step (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      nomination_id integer NOT NULL REFERENCES nomination(id),
      action text NOT NULL CHECK (action IN
        ('create','submit','return','accept','forward','approve','reject','withdraw')),
      from_unit_id integer NOT NULL REFERENCES org_unit(id),
      to_unit_id integer NOT NULL REFERENCES org_unit(id),
      reason text,
      by_user_id integer REFERENCES user_account(id),
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX nomination_step_of ON nomination_step (nomination_id, id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS nomination_step; DROP TABLE IF EXISTS nomination`.execute(db);
}
