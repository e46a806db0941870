import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../platform/db';
import { canonicalJson, recordAudit, verifyAuditChain } from '../../platform/audit';
import { createEmptyTestDb, migrateTo, type TestDb } from '../../test/db';
import { sealAudit, tempAnchorDir } from '../../test/audit';
import { testCtx } from '../../test/factories';

let t: TestDb;
beforeAll(async () => {
  t = await createEmptyTestDb();
  await migrateTo(t.db, '0018-plan-item-ids');
});
afterAll(async () => {
  await t.close();
});

/** The version 1 hash exactly as 0018's recordAudit computed it (decision 005). */
function v1Hash(prev: string, e: { at: Date; action: string; after: unknown }): string {
  const body = canonicalJson([
    e.at.toISOString(),
    null,
    'hệ thống (cli)',
    e.action,
    'person',
    '7',
    '1.2',
    null,
    e.after,
  ]);
  return createHash('sha256').update(`${prev}\n${body}`).digest('hex');
}

describe('migration 0019: audit sealing', () => {
  it('keeps the events of 0018 verifiable (version 1, seq in id order) and continues the chain in version 2', async () => {
    let prev = '0'.repeat(64);
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      const e = {
        at: new Date(Date.UTC(2026, 0, 1, 0, i)),
        action: `person.updated`,
        after: { n: i, name: 'Phạm Văn Cũ' },
      };
      const hash = v1Hash(prev, e);
      const r = await sql<{ id: number }>`INSERT INTO audit_event
        (at, actor_id, actor_name, action, entity_type, entity_id, unit_path, before, after, request_id, prev_hash, hash)
        VALUES (${e.at}, NULL, 'hệ thống (cli)', ${e.action}, 'person', '7', '1.2', NULL,
          ${JSON.stringify(e.after)}::jsonb, ${`req-${i}`}, ${prev}, ${hash}) RETURNING id`.execute(
        t.db,
      );
      ids.push(Number(r.rows[0]?.id));
      prev = hash;
    }
    // A gap in the ids (a rolled-back insert) must not become a gap in seq.
    await sql`SELECT nextval(pg_get_serial_sequence('audit_event', 'id'))`.execute(t.db);
    await migrateToLatest(t.db);

    const rows = await t.db
      .selectFrom('auditEvent')
      .select(['id', 'seq', 'hashVersion'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.seq, r.hashVersion])).toEqual([1, 2, 3, 4, 5].map((n) => [n, 1]));
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, checked: 5 });

    const anchors = tempAnchorDir();
    try {
      await recordAudit(t.db, testCtx(t), {
        action: 'test.after-migration',
        entityType: 'test',
        entityId: 1,
        unitPath: null,
      });
      const sealed = await sealAudit(t.db, anchors.dir);
      expect(sealed).toMatchObject({ sealed: 1, head: { seq: 6 } });
      const report = await verifyAuditChain(t.db, { anchorDir: anchors.dir });
      expect(report).toMatchObject({ ok: true, checked: 6, anchor: { seq: 6 } });

      // A version 1 event is still protected by its version 1 hash.
      await sql`UPDATE audit_event SET after = '{"n":2,"name":"Giả mạo"}' WHERE id = ${ids[2] ?? 0}`.execute(
        t.db,
      );
      expect(await verifyAuditChain(t.db)).toMatchObject({
        ok: false,
        code: 'HASH_MISMATCH',
        brokenAt: ids[2],
      });
    } finally {
      anchors.remove();
    }
  });
});
