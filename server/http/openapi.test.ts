import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineEndpoint } from '../../shared/api/endpoint';
import { id, text } from '../../shared/api/fields';
import { AppError } from '../platform/errors';
import { parseInput } from '../platform/validation';
import { createTestDb, type TestDb } from '../test/db';
import { buildTestApp } from '../test/http';
import { buildOpenApi, openApiPath } from './openapi';
import {
  checkResponse,
  endpointsOf,
  route,
  routesOf,
  undeclaredFields,
  useContract,
} from './route';

/**
 * Routes of modules whose endpoints are not in shared/api yet (issue 10, item 4). This list only
 * shrinks: the test fails when a listed route is described (take it off) or no longer exists.
 */
const NOT_YET_DESCRIBED: string[] = [];

let t: TestDb;
let app: FastifyInstance;
let doc: Record<string, unknown>;

beforeAll(async () => {
  t = await createTestDb();
  app = await buildTestApp(t);
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  doc = res.json();
});
afterAll(async () => {
  await app.close();
  await t.close();
});

type Operation = {
  operationId: string;
  parameters: { name: string; in: string }[];
  responses: Record<string, unknown>;
};
const operations = () =>
  Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );

describe('GET /api/openapi.json', () => {
  it('is public, cacheable OpenAPI 3.1 with the error body and the session scheme', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['cache-control']).toContain('max-age');
    expect(doc.openapi).toBe('3.1.0');
    const components = doc.components as Record<string, Record<string, unknown>>;
    expect(components.schemas).toHaveProperty('Error');
    expect(Object.keys(components.responses ?? {})).toEqual([
      'E400',
      'E401',
      'E403',
      'E404',
      'E409',
      'E422',
      'E503',
    ]);
    expect(components.securitySchemes).toMatchObject({
      session: { type: 'apiKey', in: 'cookie', name: 'thidua_sid' },
    });
  });

  it('describes every /api route, except those listed as not yet described', () => {
    const described = new Set(operations().map((o) => `${o.method} ${o.path}`));
    const missing = routesOf(app)
      .filter((r) => r.split(' ')[1]?.startsWith('/api/'))
      .filter((r) => !NOT_YET_DESCRIBED.includes(r))
      .filter((r) => {
        const [method = '', path = ''] = r.split(' ');
        return !described.has(`${method} ${openApiPath(path)}`);
      });
    expect(missing).toEqual([]);
  });

  it('keeps NOT_YET_DESCRIBED honest: each is a route and none is described', () => {
    const routes = new Set(routesOf(app));
    const keys = new Set(endpointsOf(app).map((e) => `${e.method} ${e.path}`));
    expect(NOT_YET_DESCRIBED.filter((r) => !routes.has(r))).toEqual([]);
    expect(NOT_YET_DESCRIBED.filter((r) => keys.has(r))).toEqual([]);
  });

  it('is well formed: unique operation ids, every path parameter declared, every $ref resolves', () => {
    const ops = operations();
    const ids = ops.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, op } of ops) {
      const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const declared = op.parameters.filter((p) => p.in === 'path').map((p) => p.name);
      expect(declared, path).toEqual(names);
      expect(Object.keys(op.responses).length, path).toBeGreaterThan(0);
    }
    const text = JSON.stringify(doc);
    for (const [, ref] of text.matchAll(/"\$ref":"#\/([^"]+)"/g)) {
      const target = (ref ?? '')
        .split('/')
        .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
      expect(target, ref).toBeDefined();
    }
  });
});

describe('the contract in tests', () => {
  const Thing = z.object({
    id: z.number(),
    name: z.string(),
    tags: z.array(z.object({ k: z.string() })),
  });
  const thingEndpoint = defineEndpoint({
    method: 'GET',
    path: '/api/things/:id',
    summary: 'A thing',
    tags: ['test'],
    access: 'public',
    params: z.object({ id }),
    response: Thing,
  });

  it('finds fields a response carries that its schema does not declare', () => {
    const sent = { id: 1, name: 'a', secret: 'x', tags: [{ k: 'a', extra: 1 }] };
    expect(undeclaredFields(sent, Thing.parse(sent))).toEqual(['secret', 'tags.0.extra']);
    expect(() => checkResponse('GET /x', Thing, sent)).toThrow(
      /secret: not in the response schema/,
    );
    expect(() => checkResponse('GET /x', Thing, { id: '1', name: 'a', tags: [] })).toThrow(/id:/);
    expect(() => checkResponse('GET /x', Thing, { id: 1, name: 'a', tags: [] })).not.toThrow();
  });

  it('answers 500 when a checked route breaks its contract, and sends it as is when unchecked', async () => {
    const build = async (checkResponses: boolean) => {
      const a = Fastify({ logger: false });
      useContract(a, { checkResponses });
      a.setErrorHandler((err: Error, _req, reply) =>
        reply.code(500).send({ message: err.message }),
      );
      route(a, thingEndpoint, async () => ({ id: 1, name: 'a', tags: [], password: 'x' }));
      await a.ready();
      return a;
    };
    const checked = await build(true);
    const res = await checked.inject({ method: 'GET', url: '/api/things/1' });
    expect(res.statusCode).toBe(500);
    expect(res.json<{ message: string }>().message).toContain(
      'password: not in the response schema',
    );
    await checked.close();
    const unchecked = await build(false);
    expect((await unchecked.inject({ method: 'GET', url: '/api/things/1' })).statusCode).toBe(200);
    await unchecked.close();
  });

  it('answers 401 on a user endpoint without a session, before the handler runs', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/notifications' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: 'UNAUTHENTICATED' });
  });

  it('gives shared schemas the server’s Vietnamese messages', () => {
    const Body = z.object({ name: text(10), unitId: id });
    expect(() =>
      parseInput(Body, { name: ' ', unitId: 'x' }, { name: 'Tên', unitId: 'Đơn vị' }),
    ).toThrow(AppError);
    try {
      parseInput(Body, { unitId: 1.5 }, { name: 'Tên', unitId: 'Đơn vị' });
    } catch (e) {
      expect((e as AppError).message).toBe(
        'Dữ liệu không hợp lệ — Tên: không được để trống; Đơn vị: phải là số nguyên.',
      );
    }
    expect.assertions(2);
  });

  it('turns an endpoint into an operation: path and query parameters, body, status', () => {
    const create = defineEndpoint({
      method: 'POST',
      path: '/api/plans/:id/things',
      summary: 'Create a thing',
      tags: ['test'],
      access: 'user',
      params: z.object({ id }),
      query: z.object({
        dryRun: z.enum(['yes', 'no']).optional(),
        page: z.coerce.number().default(1),
      }),
      body: z.object({ name: text(100) }),
      response: Thing,
      status: 201,
    });
    const d = buildOpenApi([create], { version: '1' }) as {
      paths: Record<string, { post: Record<string, unknown> }>;
    };
    const op = d.paths['/api/plans/{id}/things']?.post;
    expect(op?.operationId).toBe('postPlansIdThings');
    expect(op?.security).toEqual([{ session: [] }]);
    expect(op?.parameters).toEqual([
      {
        name: 'id',
        in: 'path',
        required: true,
        schema: expect.objectContaining({ type: 'integer' }),
      },
      {
        name: 'dryRun',
        in: 'query',
        required: false,
        schema: { type: 'string', enum: ['yes', 'no'] },
      },
      {
        name: 'page',
        in: 'query',
        required: false,
        schema: expect.objectContaining({ default: 1 }),
      },
    ]);
    expect(op?.requestBody).toMatchObject({
      content: { 'application/json': { schema: { required: ['name'] } } },
    });
    expect(Object.keys(op?.responses as object)).toEqual([
      '201',
      '400',
      '401',
      '403',
      '404',
      '409',
      '422',
      '503',
    ]);
  });
});
