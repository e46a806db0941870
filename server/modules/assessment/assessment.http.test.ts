import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { buildTestApp, loginCookie } from '../../test/http';
import { T, files, world, type World } from '../../test/evaluation';

let t: TestDb;
let app: FastifyInstance;
let w: World;
const cookies = new Map<string, string>();

beforeAll(async () => {
  t = await createTestDb();
  app = await buildTestApp(t, { now: () => new Date(T.onTime) });
  w = await world(t);
  for (const who of ['head', 'officer', 'otherOfficer'] as const) {
    const u = w.users[who];
    cookies.set(who, await loginCookie(app, u.username, u.password));
  }
});
afterAll(async () => {
  await app.close();
  await t.close();
});

const headers = (who: string | null) => (who === null ? {} : { cookie: cookies.get(who) ?? '' });

/** A multipart body with the leaf id and one file. */
function multipart(nodeId: string, fileName: string, data: Buffer) {
  const boundary = '----thidua-test-boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="nodeId"\r\n\r\n${nodeId}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

describe('score sheet routes', () => {
  it('opens, scores, uploads, downloads and guards by session and scope', async () => {
    const anon = await app.inject({
      method: 'POST',
      url: `/api/registrations/${w.reg.id}/score-sheet`,
    });
    expect(anon.statusCode).toBe(401);
    const open = await app.inject({
      method: 'POST',
      url: `/api/registrations/${w.reg.id}/score-sheet`,
      headers: headers('head'),
    });
    expect(open.statusCode).toBe(200);
    const sheet = open.json<{ id: number; status: string }>();
    expect(sheet.status).toBe('self_draft');

    const put = await app.inject({
      method: 'PUT',
      url: `/api/score-sheets/${sheet.id}/self/l12`,
      headers: headers('head'),
      payload: { input: { percent: 99 } },
    });
    expect(put.json()).toMatchObject({ points: 6, version: 1 });
    const survey = await app.inject({
      method: 'PUT',
      url: `/api/score-sheets/${sheet.id}/self/l22`,
      headers: headers('head'),
      payload: { input: { surveyScore: 50 } },
    });
    expect(survey.statusCode).toBe(400);

    const up = multipart('l11', 'ke-hoach.pdf', files.pdf);
    const uploaded = await app.inject({
      method: 'POST',
      url: `/api/score-sheets/${sheet.id}/evidence`,
      headers: { ...headers('head'), 'content-type': up.type },
      payload: up.body,
    });
    expect(uploaded.statusCode).toBe(201);
    const fake = multipart('l11', 'gia.pdf', files.text);
    const refused = await app.inject({
      method: 'POST',
      url: `/api/score-sheets/${sheet.id}/evidence`,
      headers: { ...headers('head'), 'content-type': fake.type },
      payload: fake.body,
    });
    expect(refused.statusCode).toBe(400);

    const evidenceId = uploaded.json<{ id: number }>().id;
    const down = await app.inject({
      method: 'GET',
      url: `/api/score-sheets/${sheet.id}/evidence/${evidenceId}`,
      headers: headers('officer'),
    });
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.headers['content-disposition']).toContain('attachment');
    expect(down.rawPayload.equals(files.pdf)).toBe(true);

    const hidden = await app.inject({
      method: 'GET',
      url: `/api/score-sheets/${sheet.id}`,
      headers: headers('otherOfficer'),
    });
    expect(hidden.statusCode).toBe(404);
    const submit = await app.inject({
      method: 'POST',
      url: `/api/score-sheets/${sheet.id}/submit`,
      headers: headers('head'),
      payload: { version: 1 },
    });
    expect(submit.statusCode).toBe(400);
    expect(submit.json<{ details: { fields: { label: string }[] } }>().details.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ label: 'Mục 2.1' })]),
    );
  });
});
