import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { defineEndpoint } from '../../shared/api/endpoint';
import { id, page } from '../../shared/api/fields';
import { callEndpoint, endpointKey, endpointUrl } from './endpoint';

const list = defineEndpoint({
  method: 'GET',
  path: '/api/plans/:id/things',
  summary: 'Things',
  tags: ['test'],
  access: 'user',
  query: z.object({ unitId: id.optional(), page, kind: z.enum(['a', 'b']).optional() }),
  response: z.object({ items: z.array(z.object({ name: z.string() })) }),
});
const create = defineEndpoint({
  method: 'POST',
  path: '/api/things',
  summary: 'Create',
  tags: ['test'],
  access: 'user',
  body: z.object({ name: z.string() }),
  response: z.object({ id: z.number() }),
  status: 201,
});

afterEach(() => vi.unstubAllGlobals());

function stubFetch(answer: unknown) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(answer), { status: 200 }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('callEndpoint', () => {
  it('fills the path, appends the query and types the answer', async () => {
    const fetch = stubFetch({ items: [{ name: 'x' }] });
    const res = await callEndpoint(list, {
      params: { id: 'a/b' },
      query: { unitId: '7', page: 2 },
    });
    expect(res.items[0]?.name).toBe('x');
    expect(fetch).toHaveBeenCalledWith(
      '/api/plans/a%2Fb/things?unitId=7&page=2',
      expect.objectContaining({ method: 'GET', body: undefined }),
    );
    // Type checks only (never called).
    const _typeChecks = () => [
      // @ts-expect-error the path has :id
      callEndpoint(list, { query: {} }),
      // @ts-expect-error kind is 'a' | 'b'
      callEndpoint(list, { params: { id: 1 }, query: { kind: 'c' } }),
      // @ts-expect-error the body is required
      callEndpoint(create, {}),
    ];
  });

  it('sends the body as JSON', async () => {
    const fetch = stubFetch({ id: 3 });
    const res: { id: number } = await callEndpoint(create, { body: { name: 'n' } });
    expect(res.id).toBe(3);
    expect(fetch).toHaveBeenCalledWith(
      '/api/things',
      expect.objectContaining({ method: 'POST', body: '{"name":"n"}' }),
    );
  });
});

describe('endpointUrl and endpointKey', () => {
  it('build the address and a key that starts with the path template', () => {
    expect(endpointUrl(list, { params: { id: 5 }, query: { kind: 'a' } })).toBe(
      '/api/plans/5/things?kind=a',
    );
    expect(endpointKey(list, { params: { id: 5 } })).toEqual([
      '/api/plans/:id/things',
      { id: '5' },
    ]);
  });
});
