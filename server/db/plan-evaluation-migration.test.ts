import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDb, type Db } from '../platform/db';
import { migrationProvider } from './migrations/index';

/**
 * Migration 0017 moves the plan's evaluation settings and results state off campaign_plan. A
 * database of the previous release (migrated up to the migration before 0017) with plans in
 * every state keeps every value after migrating to the latest; `down` puts them back.
 */

const MIGRATION = '0017-plan-evaluation-tables';

let admin: pg.Client;
let name: string;
let db: Db;
let previous: string;

beforeAll(async () => {
  admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await admin.connect();
  name = `thidua_mig17_${randomBytes(5).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(inject('pgAdminUrl'));
  url.pathname = `/${name}`;
  db = createDb(url.toString(), 2);
  const names = Object.keys(await migrationProvider.getMigrations()).sort();
  const at = names.indexOf(MIGRATION);
  const before = names[at - 1];
  if (at < 1 || before === undefined) throw new Error(`${MIGRATION} is not registered`);
  previous = before;
});

afterAll(async () => {
  await db.destroy();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

const migrator = () => new Migrator({ db, provider: migrationProvider });

async function migrateTo(target: string) {
  const { error } = await migrator().migrateTo(target);
  if (error !== undefined) throw error;
}

/** One plan's values (CamelCasePlugin names the columns of raw SQL results too). */
type Settings = {
  id: number;
  criteriaVersionId: number | null;
  bands: unknown;
  tieBreak: unknown;
  qualifyingBands: unknown;
  assessmentDeadline: string | null;
  resultsStatus: string;
  resultsComputedAt: Date | null;
  resultsPublishedAt: Date | null;
};

const bands = [
  { key: 'gioi', label: 'Giỏi', minPercent: 85 },
  { key: 'dat', label: 'Đạt', minPercent: 0 },
];

describe('migration 0017: plan evaluation settings and results state', () => {
  it('keeps every plan setting and results state, and puts them back on the way down', async () => {
    await migrateTo(previous);
    const { rows: units } = await sql<{ id: number }>`
      INSERT INTO org_unit (id, parent_id, path, kind, name, display_name)
        VALUES (1, NULL, '1', 'province', 'Tỉnh Thử', 'Tỉnh Thử')
      RETURNING id`.execute(db);
    const unitId = units[0]?.id ?? 0;
    const { rows: versions } = await sql<{ id: number }>`
      WITH s AS (INSERT INTO criteria_set (name) VALUES ('Bộ thử') RETURNING id)
      INSERT INTO criteria_set_version (set_id, number, status, tree, leaf_count, max_total, published_at)
      SELECT s.id, 1, 'published', '{"fields":[]}'::jsonb, 0, 100, now() FROM s RETURNING id`.execute(
      db,
    );
    const versionId = versions[0]?.id ?? 0;
    const plan = (title: string, extra: ReturnType<typeof sql>) =>
      sql<{ id: number }>`
        INSERT INTO campaign_plan (issuing_unit_id, kind, place, title, content, criteria_version_id,
          bands, tie_break, qualifying_bands, assessment_deadline, results_status,
          results_computed_at, results_published_at)
        VALUES (${unitId}, 'campaign', 'Hà Nội', ${title}, '{}'::jsonb, ${extra})
        RETURNING id`.execute(db);
    // A draft with nothing set; a plan with every setting, computed; one published.
    await plan('Chưa chọn gì', sql`NULL, NULL, NULL, NULL, NULL, 'none', NULL, NULL`);
    await plan(
      'Đã tính',
      sql`${versionId}, ${JSON.stringify(bands)}::jsonb, '["submittedAt","fields"]'::jsonb,
        '["gioi"]'::jsonb, '2026-12-20', 'computed', '2026-12-01T02:00:00Z', NULL`,
    );
    await plan(
      'Đã công bố',
      sql`${versionId}, NULL, NULL, '["gioi","dat"]'::jsonb, '2026-11-30', 'published',
        '2026-12-01T02:00:00Z', '2026-12-02T03:00:00Z'`,
    );
    const selectBefore = sql<Settings>`
      SELECT id, criteria_version_id, bands, tie_break, qualifying_bands,
        assessment_deadline::text AS assessment_deadline, results_status, results_computed_at,
        results_published_at
      FROM campaign_plan ORDER BY id`;
    const before = (await selectBefore.execute(db)).rows;
    expect(before).toHaveLength(3);

    await migrateTo(MIGRATION);
    const { rows: columns } = await sql<{ column_name: string }>`
      SELECT column_name FROM information_schema.columns
      WHERE table_name = 'campaign_plan' AND column_name IN ('criteria_version_id', 'bands',
        'tie_break', 'qualifying_bands', 'assessment_deadline', 'results_status',
        'results_computed_at', 'results_published_at')`.execute(db);
    expect(columns).toEqual([]);
    const { rows: after } = await sql<Settings>`
      SELECT p.id, e.criteria_version_id, e.bands, e.tie_break, e.qualifying_bands,
        e.assessment_deadline::text AS assessment_deadline, r.status AS results_status,
        r.computed_at AS results_computed_at, r.published_at AS results_published_at
      FROM campaign_plan p JOIN plan_evaluation e ON e.plan_id = p.id
        JOIN results_state r ON r.plan_id = p.id
      ORDER BY p.id`.execute(db);
    expect(after).toEqual(before);
    expect(after[1]).toMatchObject({
      criteriaVersionId: versionId,
      bands,
      tieBreak: ['submittedAt', 'fields'],
      qualifyingBands: ['gioi'],
      assessmentDeadline: '2026-12-20',
      resultsStatus: 'computed',
    });
    expect(after[2]?.resultsPublishedAt).toEqual(new Date('2026-12-02T03:00:00Z'));

    // The new tables keep the old CHECKs.
    await expect(sql`UPDATE results_state SET status = 'closed'`.execute(db)).rejects.toThrow(
      /check/i,
    );
    await expect(
      sql`UPDATE plan_evaluation SET tie_break = '{"a":1}'::jsonb`.execute(db),
    ).rejects.toThrow(/check/i);

    // Down: the columns come back with the values, the tables go.
    await migrateTo(previous);
    expect((await selectBefore.execute(db)).rows).toEqual(before);
    const { rows: tables } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM information_schema.tables
      WHERE table_name IN ('plan_evaluation', 'results_state')`.execute(db);
    expect(tables[0]?.n).toBe(0);
  });
});
