import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { createEmptyTestDb, migrateTo, type TestDb } from '../../test/db';
import * as m0029 from './0029-dossiers';

/**
 * Migration 0029 widens the generated-document kinds from the ones allowed before it: a kind
 * another module's migration added stays allowed whatever order the two run in, and down
 * removes only the dossier kinds.
 */

let t: TestDb;
beforeAll(async () => {
  t = await createEmptyTestDb();
});
afterAll(async () => {
  await t.close();
});

/** The migration functions take an untyped database. */
const raw = () => t.db as unknown as Kysely<unknown>;

const kindsCheck = async () =>
  (
    await sql<{ def: string }>`
      SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE conname = 'generated_document_subject_kind'`.execute(t.db)
  ).rows[0]?.def ?? '';

describe('migration 0029: dossiers', () => {
  it('keeps the kinds allowed before it and adds the dossier kinds; down removes only its own', async () => {
    await migrateTo(t.db, '0024-councils');
    // Another module (merged earlier) allowed its own kind.
    await sql`ALTER TABLE generated_document DROP CONSTRAINT generated_document_subject_kind,
      ADD CONSTRAINT generated_document_subject_kind
        CHECK (subject_kind IN ('plan', 'award_decision'))`.execute(t.db);
    await m0029.up(raw());
    const after = await kindsCheck();
    for (const kind of [
      'plan',
      'award_decision',
      'dossier_report',
      'dossier_request',
      'dossier_list',
    ])
      expect(after).toContain(`'${kind}'`);
    await m0029.down(raw());
    const back = await kindsCheck();
    expect(back).toContain("'award_decision'");
    expect(back).not.toContain('dossier_');
    expect(
      (
        await sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM pg_tables WHERE tablename LIKE 'dossier_%'`.execute(t.db)
      ).rows[0]?.n,
    ).toBe(0);
  });
});
