import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, type TestDb } from '../test/db';
import { buildTestApp, loginCookie } from '../test/http';
import { statementRecorder } from '../test/statements';
import * as registrations from '../modules/registrations/registrations.fixtures';
import * as evaluation from '../test/evaluation';

/**
 * Round trips to PostgreSQL per audited write (issue 11, item 4: the `writes` bench is CPU-bound,
 * and each statement is a socket write and read on both sides). Counted through HTTP, session
 * check included, so a change that adds a statement to the hot write paths fails here.
 */

type Harness = {
  t: TestDb;
  rec: ReturnType<typeof statementRecorder>;
  app: FastifyInstance;
};

async function harness(now: string): Promise<Harness> {
  const t = await createTestDb();
  const rec = statementRecorder(t);
  const app = await buildTestApp(rec.testDb, { now: () => new Date(now) });
  return { t, rec, app };
}

async function close(h: Harness) {
  await h.app.close();
  await h.rec.close();
  await h.t.close();
}

describe('an individual registration', () => {
  let h: Harness;
  let w: registrations.World;
  let cookie: string;
  beforeAll(async () => {
    h = await harness(registrations.T.onTime);
    w = await registrations.world(h.t);
    cookie = await loginCookie(h.app, w.users.head.username, w.users.head.password);
  });
  afterAll(() => close(h));

  it('takes at most 5 statements (was 8)', async () => {
    const post = (personId: number) =>
      h.app.inject({
        method: 'POST',
        url: `/api/plans/${w.plan.id}/registrations`,
        headers: { cookie },
        payload: { kind: 'individual', personId, commitments: registrations.commitments },
      });
    await post(w.people.an.id); // warms the session cache
    const { result, statements } = await h.rec.record(() => post(w.people.binh.id));
    expect(result.statusCode).toBe(201);
    // BEGIN, the plan read with its share lock, the person read with the insert returning the
    // record, the audit event with the notification, COMMIT.
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(5);
  });
  it('leaves nothing behind when the person read with the insert is refused', async () => {
    // The insert runs before the checks on the person it read; a refusal rolls it back.
    const count = async () =>
      (
        await sql<{ n: number }>`SELECT (SELECT count(*) FROM registration)
          + (SELECT count(*) FROM audit_event) + (SELECT count(*) FROM notification) AS n`.execute(
          h.t.db,
        )
      ).rows[0]?.n;
    const other = await loginCookie(h.app, w.users.otherHead.username, w.users.otherHead.password);
    const before = await count();
    const post = (personId: number, who = cookie) =>
      h.app.inject({
        method: 'POST',
        url: `/api/plans/${w.plan.id}/registrations`,
        headers: { cookie: who },
        payload: { kind: 'individual', personId, commitments: registrations.commitments },
      });
    expect((await post(w.people.dung.id)).statusCode).toBe(400); // no longer working
    expect((await post(w.people.cuong.id)).statusCode).toBe(400); // not a participant
    expect((await post(999_999)).statusCode).toBe(400); // no such person
    expect((await post(w.people.an.id)).statusCode).toBe(409); // registered above
    expect((await post(w.people.binh.id, other)).statusCode).toBe(403);
    expect(await count()).toBe(before);
  });
});

describe('a self-score save', () => {
  let h: Harness;
  let w: evaluation.World;
  let cookie: string;
  beforeAll(async () => {
    h = await harness(evaluation.T.onTime);
    w = await evaluation.world(h.t);
    cookie = await loginCookie(h.app, w.users.head.username, w.users.head.password);
  });
  afterAll(() => close(h));

  it('takes at most 5 statements (was 8), a first save and a change alike', async () => {
    const open = await h.app.inject({
      method: 'POST',
      url: `/api/registrations/${w.reg.id}/score-sheet`,
      headers: { cookie },
    });
    const sheet = open.json<{ id: number }>();
    const put = (leaf: string, payload: object) =>
      h.app.inject({
        method: 'PUT',
        url: `/api/score-sheets/${sheet.id}/self/${leaf}`,
        headers: { cookie },
        payload,
      });
    await put('l11', { input: { met: true } });
    const first = await h.rec.record(() => put('l12', { input: { percent: 99 } }));
    expect(first.result.json()).toMatchObject({ points: 6, version: 1 });
    const again = await h.rec.record(() => put('l12', { input: { percent: 95 }, version: 1 }));
    expect(again.result.json()).toMatchObject({ version: 2 });
    // BEGIN, the sheet locked with the plan's results state held and the criteria's stamp (the
    // published tree is cached), the entry written returning what it replaced, the audit event,
    // COMMIT.
    for (const { statements } of [first, again])
      expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(5);
  });
});
