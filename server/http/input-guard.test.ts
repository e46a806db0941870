import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../test/db';
import { makeTree, makeUser, testCtx } from '../test/factories';
import { buildTestApp, loginCookie } from '../test/http';

describe('requests carrying U+0000', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let cookie: string;
  beforeAll(async () => {
    t = await createTestDb();
    app = await buildTestApp(t);
    const tree = await makeTree(testCtx(t));
    const u = await makeUser(testCtx(t), 'emulation_officer', tree.province.id);
    cookie = await loginCookie(app, u.username, u.password);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('answer 400 naming the field instead of failing in the database', async () => {
    const cases = [
      { method: 'GET' as const, url: '/api/plans?search=%00', field: 'search' },
      { method: 'GET' as const, url: '/api/score-sheets?q=a%00b', field: 'q' },
      { method: 'GET' as const, url: '/api/score-sheets/1/appraisal', field: null },
      {
        method: 'PUT' as const,
        url: '/api/score-sheets/1/appraisal/x%00y',
        payload: { round: 1, input: {} },
        field: 'nodeId',
      },
      {
        method: 'POST' as const,
        url: '/api/plans',
        payload: { title: 'Kế hoạch', content: { purposes: ['a', 'b\u0000'] } },
        field: 'content.purposes.1',
      },
    ];
    for (const c of cases) {
      const res = await app.inject({
        method: c.method,
        url: c.url,
        payload: 'payload' in c ? c.payload : undefined,
        headers: { cookie },
      });
      if (c.field === null) {
        expect(res.statusCode, c.url).not.toBe(400); // a clean request is not refused by the guard
        continue;
      }
      expect(res.statusCode, c.url).toBe(400);
      expect(res.json(), c.url).toMatchObject({
        error: 'VALIDATION_FAILED',
        details: { fields: [{ field: c.field }] },
      });
      expect(res.json<{ message: string }>().message).toContain('NUL');
    }
  });

  it('answer 400 to a malformed multipart body instead of a server error', async () => {
    const b = '----thidua-guard';
    const part = `--${b}\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK`;
    const cases = [
      // Cut off before the closing boundary (a dropped or broken upload).
      { type: `multipart/form-data; boundary=${b}`, payload: part },
      { type: 'multipart/form-data', payload: `${part}\r\n--${b}--\r\n` },
      { type: `multipart/form-data; boundary=${'b'.repeat(300)}`, payload: part },
    ];
    for (const url of ['/api/score-sheets/1/self-import', '/api/score-sheets/1/evidence'])
      for (const c of cases) {
        const res = await app.inject({
          method: 'POST',
          url,
          payload: c.payload,
          headers: { cookie, 'content-type': c.type },
        });
        expect(res.statusCode, `${url} ${c.type.slice(0, 40)}`).toBe(400);
        expect(res.json()).toMatchObject({
          error: 'VALIDATION_FAILED',
          message: 'Tệp gửi lên không đúng định dạng multipart/form-data; hãy chọn tệp và gửi lại.',
        });
      }
  });
});
