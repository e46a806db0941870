import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../test/db';
import { makePerson, makeTree, testCtx } from '../test/factories';
import { sealAudit, tempAnchorDir } from '../test/audit';
import {
  auditHashV2,
  canonicalJson,
  recordAudit,
  verifyAuditChain,
  type StoredEvent,
} from './audit';
import { ANCHOR_FILE, readAnchors } from './audit-anchor';
import { SEALER_LOCK_KEY, sealAuditEvents } from './audit-seal';
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
    await sealAudit(t.db);
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
    expect(events.every((e) => e.seq !== null && e.hash !== null && e.hashVersion === 2)).toBe(
      true,
    );
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
    await sealAudit(t.db);
    const ids = (await t.db.selectFrom('auditEvent').select('id').orderBy('seq').execute()).map(
      (r) => r.id,
    );
    const victim = ids[Math.floor(ids.length / 2)] ?? 0;
    await sql`UPDATE audit_event SET after = '{"fullName":"Giả mạo"}' WHERE id = ${victim}`.execute(
      t.db,
    );
    expect(await verifyAuditChain(t.db, { batch: 7 })).toMatchObject({
      ok: false,
      code: 'HASH_MISMATCH',
      brokenAt: victim,
    });
    const other = await createTestDb();
    try {
      const c2 = testCtx(other);
      await makeTree(c2);
      await sealAudit(other.db);
      const ids2 = (
        await other.db.selectFrom('auditEvent').select('id').orderBy('seq').execute()
      ).map((r) => r.id);
      const removed = ids2[2] ?? 0;
      await sql`DELETE FROM audit_event WHERE id = ${removed}`.execute(other.db);
      const report = await verifyAuditChain(other.db);
      expect(report).toMatchObject({ ok: false, code: 'SEQUENCE_GAP', brokenAt: ids2[3] });
    } finally {
      await other.close();
    }
  });
});

/** A database with a sealed, anchored chain of a few dozen events, for one tampering each. */
async function sealedChain() {
  const d = await createTestDb();
  const anchors = tempAnchorDir();
  const ctx = { ...testCtx(d), requestId: 'req-1' };
  const tree = await makeTree(ctx);
  await makePerson(ctx, tree.office.id, 'Lê Thị Neo');
  await sealAudit(d.db, anchors.dir);
  const events: StoredEvent[] = await d.db
    .selectFrom('auditEvent')
    .selectAll()
    .orderBy('seq')
    .execute();
  expect(events.length).toBeGreaterThan(6);
  expect(await verifyAuditChain(d.db, { anchorDir: anchors.dir })).toMatchObject({
    ok: true,
    checked: events.length,
    anchor: { seq: events.length },
  });
  return {
    db: d.db,
    events,
    anchorDir: anchors.dir,
    verify: () => verifyAuditChain(d.db, { anchorDir: anchors.dir }),
    async close() {
      anchors.remove();
      await d.close();
    },
  };
}

describe('tampering by someone with database access (decision 032)', () => {
  it('an edit with every following hash recomputed by our own function: ANCHOR_MISMATCH', async () => {
    const c = await sealedChain();
    try {
      const k = 3;
      let prev = c.events[k - 2]?.hash ?? '';
      for (const e of c.events.slice(k - 1)) {
        const edited = e.seq === k ? { ...e, after: { fullName: 'Giả mạo' } } : e;
        const hash = auditHashV2({ ...edited, seq: e.seq ?? 0 }, prev);
        await sql`UPDATE audit_event SET after = ${JSON.stringify(edited.after)}::jsonb,
          prev_hash = ${prev}, hash = ${hash} WHERE id = ${e.id}`.execute(c.db);
        prev = hash;
      }
      // The chain alone is consistent again: only the anchor outside the database tells.
      expect(await verifyAuditChain(c.db)).toMatchObject({ ok: true });
      expect(await c.verify()).toMatchObject({
        ok: false,
        code: 'ANCHOR_MISMATCH',
        seq: c.events.length,
      });
    } finally {
      await c.close();
    }
  });

  it('deleting the newest events: TRUNCATED', async () => {
    const c = await sealedChain();
    try {
      await sql`DELETE FROM audit_event WHERE seq > ${c.events.length - 2}`.execute(c.db);
      expect(await verifyAuditChain(c.db)).toMatchObject({ ok: true });
      const r = await c.verify();
      expect(r).toMatchObject({ ok: false, code: 'TRUNCATED', seq: c.events.length });
    } finally {
      await c.close();
    }
  });

  it('deleting an event in the middle: SEQUENCE_GAP', async () => {
    const c = await sealedChain();
    try {
      const victim = c.events[3];
      await sql`DELETE FROM audit_event WHERE id = ${victim?.id ?? 0}`.execute(c.db);
      expect(await c.verify()).toMatchObject({
        ok: false,
        code: 'SEQUENCE_GAP',
        brokenAt: c.events[4]?.id,
      });
    } finally {
      await c.close();
    }
  });

  it('reordering two events: LINK_BROKEN', async () => {
    const c = await sealedChain();
    try {
      await sql`UPDATE audit_event SET seq = -1 WHERE seq = 4`.execute(c.db);
      await sql`UPDATE audit_event SET seq = 4 WHERE seq = 5`.execute(c.db);
      await sql`UPDATE audit_event SET seq = 5 WHERE seq = -1`.execute(c.db);
      expect(await c.verify()).toMatchObject({
        ok: false,
        code: 'LINK_BROKEN',
        seq: 4,
        brokenAt: c.events[4]?.id,
      });
    } finally {
      await c.close();
    }
  });

  it('editing request_id (now inside the hash): HASH_MISMATCH', async () => {
    const c = await sealedChain();
    try {
      const victim = c.events[2];
      await sql`UPDATE audit_event SET request_id = 'req-forged' WHERE id = ${victim?.id ?? 0}`.execute(
        c.db,
      );
      expect(await c.verify()).toMatchObject({
        ok: false,
        code: 'HASH_MISMATCH',
        brokenAt: victim?.id,
      });
    } finally {
      await c.close();
    }
  });

  it('an edited anchor line: ANCHOR_INVALID', async () => {
    const c = await sealedChain();
    try {
      const file = path.join(c.anchorDir, ANCHOR_FILE);
      const [line] = fs.readFileSync(file, 'utf8').split('\n');
      const forged = { ...JSON.parse(line ?? '{}'), seq: 2 };
      fs.writeFileSync(file, `${JSON.stringify(forged)}\n`);
      expect(await c.verify()).toMatchObject({ ok: false, code: 'ANCHOR_INVALID', seq: 2 });
      fs.writeFileSync(file, 'not json\n');
      expect(await c.verify()).toMatchObject({ ok: false, code: 'ANCHOR_INVALID' });
    } finally {
      await c.close();
    }
  });

  it('events left unsealed by a stopped sealer: UNSEALED_STALE', async () => {
    const c = await sealedChain();
    try {
      await recordAudit(c.db, testCtx(t), {
        action: 'test.stale',
        entityType: 'test',
        entityId: 1,
        unitPath: null,
      });
      expect(await c.verify()).toMatchObject({ ok: true, unsealed: 1 });
      await sql`UPDATE audit_event SET recorded_at = now() - interval '1 hour' WHERE seq IS NULL`.execute(
        c.db,
      );
      expect(await c.verify()).toMatchObject({ ok: false, code: 'UNSEALED_STALE' });
      await sealAudit(c.db, c.anchorDir);
      expect(await c.verify()).toMatchObject({ ok: true, unsealed: 0 });
    } finally {
      await c.close();
    }
  });
});

describe('sealer', () => {
  it('writers do not wait on each other; an event committed later is sealed later even with a smaller id', async () => {
    const d = await createTestDb();
    const anchors = tempAnchorDir();
    try {
      const ctx = testCtx(d);
      const event = (n: number) => ({
        action: `test.e${n}`,
        entityType: 'test',
        entityId: n,
        unitPath: null,
      });
      let releaseFirst: () => void = () => undefined;
      const held = new Promise<void>((r) => (releaseFirst = r));
      let firstWritten: () => void = () => undefined;
      const written = new Promise<void>((r) => (firstWritten = r));
      // T1 writes first (smaller id) and stays open.
      const t1 = d.db.transaction().execute(async (trx) => {
        await recordAudit(trx, ctx, event(1));
        firstWritten();
        await held;
      });
      await written;
      // T2 writes and commits while T1 is still open: no lock to wait on.
      await d.db.transaction().execute((trx) => recordAudit(trx, ctx, event(2)));
      expect((await sealAudit(d.db, anchors.dir)).sealed).toBe(1);
      releaseFirst();
      await t1;
      expect((await sealAudit(d.db, anchors.dir)).sealed).toBe(1);
      const rows = await d.db
        .selectFrom('auditEvent')
        .select(['id', 'seq', 'action'])
        .orderBy('seq')
        .execute();
      expect(rows.map((r) => r.action)).toEqual(['test.e2', 'test.e1']);
      expect((rows[0]?.id ?? 0) > (rows[1]?.id ?? 0)).toBe(true);
      expect(await verifyAuditChain(d.db, { anchorDir: anchors.dir })).toMatchObject({
        ok: true,
        checked: 2,
        anchor: { seq: 2 },
      });
      expect(readAnchors(anchors.dir).anchors.map((a) => a.seq)).toEqual([1, 2]);
    } finally {
      anchors.remove();
      await d.close();
    }
  });

  it('runs one at a time: a second sealer returns without doing anything', async () => {
    await recordAudit(t.db, testCtx(t), {
      action: 'test.one',
      entityType: 'test',
      entityId: 1,
      unitPath: null,
    });
    await t.db.connection().execute(async (conn) => {
      await sql`SELECT pg_advisory_lock(${SEALER_LOCK_KEY})`.execute(conn);
      try {
        expect(await sealAuditEvents(t.db)).toMatchObject({ ran: false, sealed: 0 });
      } finally {
        await sql`SELECT pg_advisory_unlock(${SEALER_LOCK_KEY})`.execute(conn);
      }
    });
    expect(await sealAuditEvents(t.db)).toMatchObject({ ran: true });
  });

  it('anchors a moved head only every anchorEveryMs unless forced', async () => {
    const anchors = tempAnchorDir();
    try {
      const ctx = testCtx(t);
      const write = () =>
        recordAudit(t.db, ctx, {
          action: 'test.a',
          entityType: 'test',
          entityId: 1,
          unitPath: null,
        });
      await write();
      expect((await sealAuditEvents(t.db, { anchorDir: anchors.dir })).anchored).not.toBeNull();
      await write();
      const r = await sealAuditEvents(t.db, { anchorDir: anchors.dir, anchorEveryMs: 60_000 });
      expect(r).toMatchObject({ sealed: 1, anchored: null });
      const later = new Date(Date.now() + 61_000);
      const r2 = await sealAuditEvents(t.db, {
        anchorDir: anchors.dir,
        anchorEveryMs: 60_000,
        now: () => later,
      });
      expect(r2.anchored).toMatchObject({ seq: r.head?.seq });
    } finally {
      anchors.remove();
    }
  });
});
