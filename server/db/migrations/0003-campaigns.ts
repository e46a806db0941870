import { sql, type Kysely } from 'kysely';

/**
 * Campaign plans: the plan row (header fields the system computes on, plus the structured content
 * as jsonb validated by shared/campaign.ts), its issued versions, the units a plan requires to
 * issue their own plans (cascade), yearly document-number series, generated documents (so a
 * re-download is byte-identical) and in-app notifications.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE campaign_plan (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      issuing_unit_id integer NOT NULL REFERENCES org_unit(id),
      province_id integer,
      kind text NOT NULL CHECK (kind IN ('campaign','contest')),
      mode text CHECK (mode IN ('thematic','periodic')),
      status text NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft','issued','in_progress','in_review','closed','cancelled')),
      doc_type text NOT NULL DEFAULT 'KH' CHECK (doc_type IN ('KH','HD','CTr')),
      issuer_symbol text NOT NULL DEFAULT 'UBND' CHECK (issuer_symbol ~ '^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$'),
      number integer CHECK (number > 0),
      number_year integer,
      document_number text,
      issued_on date,
      issued_at timestamptz,
      issued_by integer REFERENCES user_account(id),
      place text NOT NULL CHECK (length(btrim(place)) > 0),
      title text NOT NULL CHECK (length(btrim(title)) > 0),
      title_search text GENERATED ALWAYS AS (f_norm(title)) STORED,
      period_start date,
      period_end date,
      registration_deadline date,
      parent_plan_id integer REFERENCES campaign_plan(id),
      cascade_deadline date,
      content jsonb NOT NULL,
      -- version: optimistic concurrency on every edit; document_version: the issued versions.
      version integer NOT NULL DEFAULT 1,
      document_version integer NOT NULL DEFAULT 0,
      cancelled_reason text,
      created_by integer REFERENCES user_account(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT campaign_plan_period CHECK (period_end IS NULL OR period_start IS NULL OR period_end >= period_start),
      CONSTRAINT campaign_plan_issued_has_number
        CHECK (status IN ('draft','cancelled') OR (document_number IS NOT NULL AND issued_on IS NOT NULL)),
      CONSTRAINT campaign_plan_number UNIQUE (issuing_unit_id, doc_type, issuer_symbol, number_year, number)
    );
    CREATE INDEX campaign_plan_unit ON campaign_plan (issuing_unit_id, status);
    CREATE INDEX campaign_plan_parent ON campaign_plan (parent_plan_id);
    CREATE INDEX campaign_plan_status_dates ON campaign_plan (status, period_start, period_end);
    CREATE INDEX campaign_plan_title_trgm ON campaign_plan USING gin (title_search gin_trgm_ops);
    -- One live child plan per required unit and parent plan.
    CREATE UNIQUE INDEX campaign_plan_one_child ON campaign_plan (parent_plan_id, issuing_unit_id)
      WHERE parent_plan_id IS NOT NULL AND status <> 'cancelled';

    CREATE TABLE campaign_plan_version (
      plan_id integer NOT NULL REFERENCES campaign_plan(id),
      version integer NOT NULL,
      snapshot jsonb NOT NULL,
      reason text NOT NULL,
      created_by integer REFERENCES user_account(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (plan_id, version)
    );

    CREATE TABLE campaign_cascade_unit (
      plan_id integer NOT NULL REFERENCES campaign_plan(id) ON DELETE CASCADE,
      unit_id integer NOT NULL REFERENCES org_unit(id),
      PRIMARY KEY (plan_id, unit_id)
    );
    CREATE INDEX campaign_cascade_unit_unit ON campaign_cascade_unit (unit_id);

    CREATE TABLE document_series (
      unit_id integer NOT NULL REFERENCES org_unit(id),
      doc_type text NOT NULL,
      issuer_symbol text NOT NULL,
      year integer NOT NULL,
      last_number integer NOT NULL,
      PRIMARY KEY (unit_id, doc_type, issuer_symbol, year)
    );

    CREATE TABLE generated_document (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      plan_id integer NOT NULL REFERENCES campaign_plan(id),
      plan_version integer NOT NULL,
      format text NOT NULL CHECK (format IN ('docx','pdf')),
      file_id uuid NOT NULL REFERENCES stored_file(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT generated_document_once UNIQUE (plan_id, plan_version, format)
    );

    CREATE TABLE notification (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      unit_id integer NOT NULL REFERENCES org_unit(id),
      kind text NOT NULL,
      title text NOT NULL,
      body text NOT NULL,
      link text,
      due_on date,
      dedupe_key text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX notification_unit ON notification (unit_id, created_at DESC);

    CREATE TABLE notification_read (
      notification_id integer NOT NULL REFERENCES notification(id) ON DELETE CASCADE,
      user_id integer NOT NULL REFERENCES user_account(id),
      read_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (notification_id, user_id)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE IF EXISTS notification_read, notification, generated_document, document_series,
      campaign_cascade_unit, campaign_plan_version, campaign_plan;
  `.execute(db);
}
