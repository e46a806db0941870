import { sql, type Kysely } from 'kysely';

/**
 * Councils, review meetings and secret ballots (decision 039, issue 12 item 4).
 *
 * - `council`: the Hội đồng TĐKT of a unit for a term; `council_member`: a person and/or a user
 *   account, with a role (one chair, one secretary at most).
 * - `council_meeting`: a review meeting (scheduled → open → closed) with the quorum setting
 *   snapshotted when scheduled and the membership counted when opened.
 * - `meeting_attendance`: present, absent with a written opinion (its text), absent.
 * - `meeting_item`: what is voted on — a generic subject reference (kind, id, label) so the
 *   nominations module can plug in later — with the threshold snapshotted, the tally (entered from
 *   the paper count, or counted from the in-app ballots at close) and the result.
 * - `ballot_cast`: WHO voted on an item (no choice). `ballot_vote`: the choices of an item (no
 *   member, no time, a random id); the service rewrites an item's votes, shuffled, on every cast,
 *   so neither the row order, the ids nor the inserting transaction ties a vote to a cast.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE council (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      unit_id integer NOT NULL REFERENCES org_unit(id),
      name text NOT NULL CHECK (length(btrim(name)) > 0),
      term_from date NOT NULL,
      term_to date NOT NULL,
      created_by integer REFERENCES user_account(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT council_term CHECK (term_to >= term_from)
    );
    CREATE INDEX council_unit ON council (unit_id, term_from);

    CREATE TABLE council_member (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      council_id integer NOT NULL REFERENCES council(id),
      person_id integer REFERENCES person(id),
      user_id integer REFERENCES user_account(id),
      full_name text NOT NULL CHECK (length(btrim(full_name)) > 0),
      role text NOT NULL CHECK (role IN ('chair','vice_chair','secretary','member')),
      CONSTRAINT council_member_who CHECK (person_id IS NOT NULL OR user_id IS NOT NULL)
    );
    CREATE UNIQUE INDEX council_member_person ON council_member (council_id, person_id)
      WHERE person_id IS NOT NULL;
    CREATE UNIQUE INDEX council_member_user ON council_member (council_id, user_id)
      WHERE user_id IS NOT NULL;
    CREATE UNIQUE INDEX council_one_chair ON council_member (council_id) WHERE role = 'chair';
    CREATE UNIQUE INDEX council_one_secretary ON council_member (council_id)
      WHERE role = 'secretary';

    CREATE TABLE council_meeting (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      council_id integer NOT NULL REFERENCES council(id),
      title text NOT NULL CHECK (length(btrim(title)) > 0),
      held_on date NOT NULL,
      status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled','open','closed')),
      quorum_percent smallint NOT NULL CHECK (quorum_percent BETWEEN 1 AND 100),
      member_count integer CHECK (member_count >= 0),
      opened_at timestamptz,
      closed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX council_meeting_council ON council_meeting (council_id, held_on);

    CREATE TABLE meeting_attendance (
      meeting_id integer NOT NULL REFERENCES council_meeting(id),
      member_id integer NOT NULL REFERENCES council_member(id),
      status text NOT NULL CHECK (status IN ('present','absent_with_opinion','absent')),
      opinion text,
      PRIMARY KEY (meeting_id, member_id),
      CONSTRAINT meeting_attendance_opinion
        CHECK ((status = 'absent_with_opinion') = (opinion IS NOT NULL))
    );

    CREATE TABLE meeting_item (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      meeting_id integer NOT NULL REFERENCES council_meeting(id),
      position integer NOT NULL,
      subject_kind text NOT NULL CHECK (length(btrim(subject_kind)) > 0),
      subject_id integer NOT NULL,
      label text NOT NULL CHECK (length(btrim(label)) > 0),
      threshold_kind text NOT NULL CHECK (threshold_kind IN ('cstdcs','cstd_province','majority')),
      threshold_comparison text NOT NULL CHECK (threshold_comparison IN ('at_least','more_than')),
      threshold_percent smallint NOT NULL CHECK (threshold_percent BETWEEN 1 AND 100),
      threshold_label text NOT NULL,
      tally_source text CHECK (tally_source IN ('paper','app')),
      tally_yes integer CHECK (tally_yes >= 0),
      tally_no integer CHECK (tally_no >= 0),
      tally_abstain integer CHECK (tally_abstain >= 0),
      passed boolean,
      explanation text,
      UNIQUE (meeting_id, subject_kind, subject_id)
    );

    -- Who voted on an item: no choice, no time.
    CREATE TABLE ballot_cast (
      meeting_item_id integer NOT NULL REFERENCES meeting_item(id),
      member_id integer NOT NULL REFERENCES council_member(id),
      PRIMARY KEY (meeting_item_id, member_id)
    );

    -- The choices: no member, no time, a random id (decision 039).
    CREATE TABLE ballot_vote (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      meeting_item_id integer NOT NULL REFERENCES meeting_item(id),
      choice text NOT NULL CHECK (choice IN ('yes','no','abstain'))
    );
    CREATE INDEX ballot_vote_item ON ballot_vote (meeting_item_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE ballot_vote;
    DROP TABLE ballot_cast;
    DROP TABLE meeting_item;
    DROP TABLE meeting_attendance;
    DROP TABLE council_meeting;
    DROP TABLE council_member;
    DROP TABLE council;
  `.execute(db);
}
