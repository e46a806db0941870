import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../test/db';
import { makePerson, makeTree, testCtx } from '../test/factories';
import { canonicalJson, verifyAuditChain } from './audit';
import { updatePerson } from '../modules/organization/people.service';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

describe('canonical JSON', () => {
  it.each([
    [
      { b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } },
      '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}',
    ],
    [{ x: undefined, y: 'Lương Điền' }, '{"y":"Lương Điền"}'],
    [null, 'null'],
  ])('%j → %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });
});

describe('audit trail', () => {
  it('records before/after values in the same transaction as the change and chains hashes', async () => {
    const ctx = testCtx(t);
    const tree = await makeTree(ctx);
    const p = await makePerson(ctx, tree.office.id, 'Nguyễn Văn Kiểm');
    await updatePerson(ctx, p.id, { version: p.version, position: 'Công chức Nội vụ' });
    const events = await t.db
      .selectFrom('auditEvent')
      .selectAll()
      .where('entityType', '=', 'person')
      .where('entityId', '=', String(p.id))
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['person.created', 'person.updated']);
    expect(events[1]?.before).toEqual({ position: null });
    expect(events[1]?.after).toEqual({ position: 'Công chức Nội vụ' });
    expect(events[1]?.actorName).toBe('hệ thống (test)');
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it('does not write an audit event when the change fails', async () => {
    const ctx = testCtx(t);
    const tree = await makeTree(ctx);
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom('auditEvent')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await makePerson(ctx, tree.office.id, '').catch(() => undefined);
    expect(await count()).toBe(before);
  });

  it('reports the first altered or removed event', async () => {
    const ctx = testCtx(t);
    const tree = await makeTree(ctx);
    await makePerson(ctx, tree.office.id, 'Trần Văn Chuỗi');
    const ids = (await t.db.selectFrom('auditEvent').select('id').orderBy('id').execute()).map(
      (r) => r.id,
    );
    const victim = ids[Math.floor(ids.length / 2)] ?? 0;
    await sql`UPDATE audit_event SET after = '{"fullName":"Giả mạo"}' WHERE id = ${victim}`.execute(
      t.db,
    );
    expect(await verifyAuditChain(t.db, 7)).toMatchObject({ ok: false, brokenAt: victim });
    const other = await createTestDb();
    try {
      const c2 = testCtx(other);
      await makeTree(c2);
      const ids2 = (
        await other.db.selectFrom('auditEvent').select('id').orderBy('id').execute()
      ).map((r) => r.id);
      const removed = ids2[2] ?? 0;
      await sql`DELETE FROM audit_event WHERE id = ${removed}`.execute(other.db);
      const report = await verifyAuditChain(other.db);
      expect(report).toMatchObject({ ok: false, brokenAt: ids2[3] });
    } finally {
      await other.close();
    }
  });
});
