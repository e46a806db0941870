import { sql, type Kysely } from 'kysely';

/**
 * Certificate templates (decision 043, issue 12 item 8): how a unit prints its certificates.
 *
 * `certificate_template`: per issuing unit, a named template for one form (`form_code`, the award
 * catalogue's code) or any form (null); `mode` full (plain paper: print everything) or blank
 * (pre-printed paper: only the variable fields); `offsets` the per-field shift in millimetres and
 * font size, a JSON object validated by the service (shared/api/certificates.ts); `version` for
 * optimistic concurrency. Changes are audited (`certificate_template.*`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE certificate_template (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      unit_id integer NOT NULL REFERENCES org_unit(id),
      name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
      form_code text CHECK (form_code IS NULL OR form_code ~ '^[A-Z0-9_]{2,40}$'),
      mode text NOT NULL CHECK (mode IN ('full','blank')),
      offsets jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(offsets) = 'object'),
      version integer NOT NULL DEFAULT 1,
      created_by integer REFERENCES user_account(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT certificate_template_name UNIQUE (unit_id, name)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS certificate_template`.execute(db);
}
