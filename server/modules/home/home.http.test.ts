import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { makeTree, makeUser, testCtx } from '../../test/factories';
import { buildTestApp, loginCookie } from '../../test/http';
import { samplePlanInput } from '../../test/plans';
import { createPlan, recordIssuedPlan } from '../campaigns/index';
import type { MyTodo } from './home.service';

let t: TestDb;
let app: FastifyInstance;
/** 22/11/2026 10:00 in Vietnam. */
const NOW = new Date('2026-11-22T03:00:00Z');

beforeAll(async () => {
  t = await createTestDb();
  app = await buildTestApp(t, { now: () => NOW });
});
afterAll(async () => {
  await app.close();
  await t.close();
});

describe('GET /api/me/todo', () => {
  it('answers 401 without a session', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/me/todo' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: 'UNAUTHENTICATED' });
  });

  it("gives the signed-in user's to-do and deadlines by the server's Vietnam date", async () => {
    const sys = testCtx(t, undefined, () => NOW);
    const tree = await makeTree(sys);
    const officer = await makeUser(sys, 'emulation_officer', tree.province.id);
    const issuerHead = await makeUser(sys, 'unit_head', tree.province.id);
    const communeOfficer = await makeUser(sys, 'emulation_officer', tree.commune.id);
    const draft = await createPlan(
      testCtx(t, officer.actor, () => NOW),
      samplePlanInput(tree.province.id, {
        registrationDeadline: '2026-12-02',
        cascadeDeadline: '2026-11-25',
        cascadeUnitIds: [tree.commune.id],
      }),
    );
    const plan = await recordIssuedPlan(
      testCtx(t, issuerHead.actor, () => NOW),
      draft.id,
      {
        version: draft.version,
        documentNumber: '9/KH-UBND',
        issuedOn: '2026-11-20',
      },
    );

    const cookie = await loginCookie(app, communeOfficer.username, communeOfficer.password);
    const res = await app.inject({ method: 'GET', url: '/api/me/todo', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const body = res.json<MyTodo>();
    expect(body).toMatchObject({ today: '2026-11-22', horizonDays: 30, total: 2 });
    expect(body.todo.cascade.items).toMatchObject([
      { parentPlanId: plan.id, daysLeft: 3, overdue: false, link: `/plans/${plan.id}?tab=cascade` },
    ]);
    expect(body.todo.registrations.items).toMatchObject([{ planId: plan.id, daysLeft: 10 }]);
    expect(body.deadlines.map((d) => [d.kind, d.daysLeft])).toEqual([
      ['cascade', 3],
      ['registration', 10],
    ]);
    expect(body.deadlines[0]?.label).toBe(
      `Hạn ban hành kế hoạch thực hiện: ${plan.documentNumber} (${tree.province.name}) — ${plan.title}`,
    );
  });
});
