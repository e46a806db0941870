import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { buildTestApp, loginCookie } from '../../test/http';
import { T, tree, world, type World } from '../../test/evaluation';

/**
 * The evaluation endpoints of the contract (shared/api/criteria, assessment, appraisal, results)
 * walked end to end over HTTP: with response checks on in tests (server/http/route.ts), every
 * answer below is parsed against its response schema, so a field the schema does not declare or a
 * wrong type is a 500 here.
 */

let t: TestDb;
let app: FastifyInstance;
let w: World;
const cookies = new Map<string, string>();

beforeAll(async () => {
  t = await createTestDb();
  app = await buildTestApp(t, { now: () => new Date(T.onTime) });
  w = await world(t);
  for (const who of ['head', 'council', 'officer', 'issuerHead'] as const) {
    const u = w.users[who];
    cookies.set(who, await loginCookie(app, u.username, u.password));
  }
});
afterAll(async () => {
  await app.close();
  await t.close();
});

type Who = 'head' | 'council' | 'officer' | 'issuerHead' | null;

/** Calls the API as `who` and expects `status`; the body on any other answer, to see why. */
async function call(
  who: Who,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
  status = 200,
) {
  const res = await app.inject({
    method,
    url,
    headers: who === null ? {} : { cookie: cookies.get(who) ?? '' },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  expect({
    url,
    status: res.statusCode,
    body: res.statusCode === status ? null : res.body,
  }).toEqual({ url, status, body: null });
  return res.json<Record<string, unknown> & { version: number; id: number }>();
}

describe('the evaluation contract over HTTP', () => {
  it('criteria: list, read, create from a version, edit, publish, new version, bind to a plan', async () => {
    const list = await call('officer', 'GET', '/api/criteria?page=1&pageSize=5');
    const first = (list.items as { id: number }[])[0];
    expect(first).toBeDefined();
    await call('officer', 'GET', `/api/criteria/versions/${first?.id}`);
    const created = await call(
      'officer',
      'POST',
      '/api/criteria',
      { ownerUnitId: w.units.province.id, name: 'Bộ chỉ số hợp đồng', basedOnVersionId: first?.id },
      201,
    );
    const edited = await call('officer', 'PUT', `/api/criteria/versions/${created.id}`, {
      version: created.version,
      tree,
    });
    const published = await call(
      'officer',
      'POST',
      `/api/criteria/versions/${created.id}/publish`,
      {
        version: edited.version,
      },
    );
    const set = published.set as { id: number };
    await call(
      'officer',
      'POST',
      `/api/criteria/sets/${set.id}/versions`,
      { basedOnVersionId: created.id },
      201,
    );
  });

  it('assessment, appraisal with an explanation round, results, dashboard and the public ranking', async () => {
    const sheet = await call('head', 'POST', `/api/registrations/${w.reg.id}/score-sheet`);
    const s = `/api/score-sheets/${sheet.id}`;
    await call('head', 'GET', '/api/score-sheets?todo=mine');
    await call('officer', 'GET', `/api/score-sheets?todo=all&planId=${w.plan.id}&status=`);
    await call('head', 'PUT', `${s}/self/l11`, { input: { met: true }, note: 'KH 12' });
    await call('head', 'PUT', `${s}/self/l12`, { input: { percent: 95 } });
    await call('head', 'PUT', `${s}/self/l21`, { input: { points: 4.5 }, note: 'Tin bài' });
    const before = await call('head', 'GET', s);
    const submitted = await call('head', 'POST', `${s}/submit`, { version: before.version });

    await call('council', 'GET', `${s}/appraisal`);
    await call('council', 'PUT', `${s}/appraisal/l12`, {
      round: 1,
      input: { percent: 80 },
      note: 'Tỷ lệ đúng hạn thấp hơn',
    });
    const accepted = await call('council', 'POST', `${s}/appraisal/accept-self`, {
      version: submitted.version,
    });
    const asked = await call('council', 'POST', `${s}/appraisal/request-explanation`, {
      version: accepted.version,
      reason: 'Giải trình tỷ lệ',
      nodeIds: ['l12'],
    });
    await call('head', 'PUT', `${s}/appraisal/explanation/l12`, {
      note: 'Có 2 hồ sơ trễ do lỗi mạng',
    });
    const explained = await call('head', 'POST', `${s}/appraisal/submit-explanation`, {
      version: asked.version,
    });
    await call('council', 'PUT', `${s}/appraisal/l12`, {
      round: 2,
      input: { percent: 90 },
      note: 'Chấp nhận giải trình',
    });
    const view = await call('council', 'GET', `${s}/appraisal`);
    await call('council', 'POST', `${s}/appraisal/complete`, { version: view.version });
    expect(explained.status).toBe('explained');

    const plan = `/api/plans/${w.plan.id}`;
    await call('council', 'POST', `${plan}/results/compute`);
    const results = await call('officer', 'GET', `${plan}/results?page=1&pageSize=10`);
    expect(results.total).toBe(1);
    await call('officer', 'GET', `${plan}/dashboard`);
    await call(null, 'GET', `/api/public/plans/${w.plan.id}/results`, undefined, 404);
    await call('issuerHead', 'POST', `${plan}/results/publish`);
    const open = await call(null, 'GET', `/api/public/plans/${w.plan.id}/results?page=1`);
    expect(open.permissions).toBeUndefined();
    await call('council', 'POST', `${plan}/results/reopen`, { reason: 'Sai sót số liệu' });
  });
});
