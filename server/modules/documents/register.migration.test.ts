import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createEmptyTestDb, migrateTo, type TestDb } from '../../test/db';
import { migrateToLatest } from '../../platform/db';
import { testCtx } from '../../test/factories';
import { findGenerated, takeNumber } from './index';

/**
 * Migration 0016 on a database of the previous release (migrated to 0015): every plan keeps its
 * number and date as an `issued` register entry, every generated file stays reachable by subject,
 * and the next number continues after the highest (a number recorded from paper included).
 */

let t: TestDb;
beforeAll(async () => {
  t = await createEmptyTestDb();
});
afterAll(async () => {
  await t.close();
});

describe('migration 0016: the document register', () => {
  it('keeps every plan number and generated file, and continues each series after the highest', async () => {
    await migrateTo(t.db, '0015-plan-import-review');
    const ids = await sql<{ commune: number; other: number; file1: string; file2: string }>`
      WITH p AS (
        INSERT INTO org_unit (id, path, kind, name, display_name)
        VALUES (1, '1', 'province', 'Tỉnh Thử', 'Tỉnh Thử') RETURNING id
      ), c AS (
        INSERT INTO org_unit (id, parent_id, path, kind, name, display_name)
        VALUES (2, 1, '1.2', 'commune', 'Xã Lương Điền', 'Xã Lương Điền'),
          (3, 1, '1.3', 'commune', 'Xã Ngọc Liên', 'Xã Ngọc Liên')
        RETURNING id
      ), f AS (
        INSERT INTO stored_file (storage_key, original_name, content_type, size_bytes, sha256)
        VALUES ('aa/one', 'a.docx', 'application/x', 10, 'x'), ('bb/two', 'a.pdf', 'application/x', 11, 'y')
        RETURNING id, storage_key
      )
      SELECT 2 AS commune, 3 AS other,
        (SELECT id::text FROM f WHERE storage_key = 'aa/one') AS file1,
        (SELECT id::text FROM f WHERE storage_key = 'bb/two') AS file2
      FROM (SELECT count(*) FROM p) x, (SELECT count(*) FROM c) y`.execute(t.db);
    const { file1, file2 } = ids.rows[0]!;
    // Numbers 1 and 2 issued here, 47 recorded from paper (ahead of a series that stood at 2),
    // another type, another unit, another year; a draft and a cancelled draft have none.
    const plans: [number, number, string, number | null, number | null, string | null, string][] = [
      [1, 2, 'KH', 1, 2026, '2026-01-10', 'in_progress'],
      [2, 2, 'KH', 2, 2026, '2026-02-10', 'issued'],
      [3, 2, 'KH', 47, 2026, '2026-03-10', 'issued'],
      [4, 2, 'HD', 1, 2026, '2026-04-10', 'closed'],
      [5, 3, 'KH', 1, 2026, '2026-04-11', 'issued'],
      [6, 2, 'KH', 9, 2025, '2025-12-30', 'closed'],
      [7, 2, 'KH', null, null, null, 'draft'],
      [8, 2, 'KH', null, null, null, 'cancelled'],
    ];
    for (const [id, unit, type, n, year, on, status] of plans)
      await sql`INSERT INTO campaign_plan (id, issuing_unit_id, kind, status, doc_type, number,
          number_year, document_number, issued_on, place, title, content)
        OVERRIDING SYSTEM VALUE
        VALUES (${id}, ${unit}, 'campaign', ${status}, ${type}, ${n}, ${year},
          ${n === null ? null : `${String(n).padStart(2, '0')}/${type}-UBND`}, ${on}, 'Lương Điền',
          ${`Kế hoạch ${id}`}, '{}'::jsonb)`.execute(t.db);
    // The old series counter stood at 2 (47 was recorded from paper after it).
    await sql`INSERT INTO document_series VALUES (2, 'KH', 'UBND', 2026, 2)`.execute(t.db);
    await sql`INSERT INTO generated_document (plan_id, plan_version, format, file_id)
      VALUES (1, 1, 'docx', ${file1}::uuid), (3, 2, 'pdf', ${file2}::uuid)`.execute(t.db);

    await migrateToLatest(t.db);

    const entries = await t.db
      .selectFrom('documentRegisterEntry')
      .select(['unitId', 'year', 'docType', 'issuerSymbol', 'number', 'subjectKind', 'subjectId'])
      .select(['status', 'issuedOn', 'summary'])
      .orderBy('subjectId')
      .execute();
    expect(
      entries.map((e) => [e.subjectId, e.unitId, e.year, e.docType, e.number, e.issuedOn]),
    ).toEqual([
      [1, 2, 2026, 'KH', 1, '2026-01-10'],
      [2, 2, 2026, 'KH', 2, '2026-02-10'],
      [3, 2, 2026, 'KH', 47, '2026-03-10'],
      [4, 2, 2026, 'HD', 1, '2026-04-10'],
      [5, 3, 2026, 'KH', 1, '2026-04-11'],
      [6, 2, 2025, 'KH', 9, '2025-12-30'],
    ]);
    expect(new Set(entries.map((e) => `${e.status}|${e.subjectKind}|${e.issuerSymbol}`))).toEqual(
      new Set(['issued|plan|UBND']),
    );
    expect(entries[0]?.summary).toBe('Kế hoạch 1');

    const generated = await t.db
      .selectFrom('generatedDocument')
      .select(['subjectKind', 'subjectId', 'subjectVersion', 'format', 'fileId'])
      .orderBy('subjectId')
      .execute();
    expect(generated).toEqual([
      { subjectKind: 'plan', subjectId: 1, subjectVersion: 1, format: 'docx', fileId: file1 },
      { subjectKind: 'plan', subjectId: 3, subjectVersion: 2, format: 'pdf', fileId: file2 },
    ]);

    const ctx = testCtx(t);
    const take = (unitId: number, docType: string, year: number) =>
      t.db
        .transaction()
        .execute((trx) =>
          takeNumber(
            ctx,
            trx,
            { unitId, docType, issuerSymbol: 'UBND', year },
            { kind: 'plan', id: 99 },
          ),
        );
    expect((await take(2, 'KH', 2026)).number).toBe(48);
    expect((await take(2, 'HD', 2026)).number).toBe(2);
    expect((await take(3, 'KH', 2026)).number).toBe(2);
    expect((await take(2, 'KH', 2025)).number).toBe(10);
    // The stored file is found by subject (reading it needs the bytes: the key is what matters).
    await expect(
      findGenerated(
        { ...ctx, storage: { ...ctx.storage, get: (key) => Promise.resolve(Buffer.from(key)) } },
        {
          kind: 'plan',
          id: 3,
          version: 2,
          format: 'pdf',
        },
      ),
    ).resolves.toEqual(Buffer.from('bb/two'));
  });
});
