import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { z } from 'zod';
import {
  isEmptyResponse,
  isFileResponse,
  type EmptyResponse,
  type EndpointSpec,
  type FileResponse,
  type HandlerResultOf,
} from '../../shared/api/endpoint';
import { AppError } from '../platform/errors';

/**
 * Routes from the contract (decision 027): `route(app, endpoint, handler)` registers the Fastify
 * route at the endpoint's method and path, remembers the endpoint for /api/openapi.json, and
 * types what the handler returns by the endpoint's response schema. With `checkResponses` on (in
 * tests), every JSON response is parsed against that schema; a mismatch, or a field the schema
 * does not declare, is a 500 naming the endpoint and the fields — so the suite proves the
 * contract true.
 */

type State = {
  checkResponses: boolean;
  endpoints: Map<string, EndpointSpec>;
  /** Every route of the app, contract or not ("GET /api/x"), for the OpenAPI completeness test. */
  routes: string[];
};
const states = new WeakMap<FastifyInstance, State>();

function stateOf(app: FastifyInstance): State {
  let state = states.get(app);
  if (state === undefined) {
    state = { checkResponses: false, endpoints: new Map(), routes: [] };
    states.set(app, state);
  }
  return state;
}

/**
 * Sets up contract routes on the app; buildApp calls it first, so every route registered after it
 * (through `route` or not) is listed by `routesOf`.
 */
export function useContract(app: FastifyInstance, options: { checkResponses: boolean }): void {
  const state = stateOf(app);
  state.checkResponses = options.checkResponses;
  app.addHook('onRoute', (r) => {
    for (const method of Array.isArray(r.method) ? r.method : [r.method])
      if (method !== 'HEAD') state.routes.push(`${method} ${r.url}`);
  });
}

/** Every route registered on the app since `useContract` ("GET /api/plans/:id"), HEAD left out. */
export function routesOf(app: FastifyInstance): string[] {
  return [...stateOf(app).routes];
}

/** Every endpoint registered through `route` on this app, in registration order. */
export function endpointsOf(app: FastifyInstance): EndpointSpec[] {
  return [...stateOf(app).endpoints.values()];
}

export const endpointKey = (e: Pick<EndpointSpec, 'method' | 'path'>) => `${e.method} ${e.path}`;

/** What the handler returns: the response body (JSON), the reply (a file it sent), or nothing. */
export type RouteResult<E extends EndpointSpec> = E['response'] extends FileResponse
  ? FastifyReply
  : E['response'] extends EmptyResponse
    ? void
    : HandlerResultOf<E>;

export type RouteHandler<E extends EndpointSpec> = (
  req: FastifyRequest,
  reply: FastifyReply,
) => Promise<RouteResult<E>>;

/**
 * Registers `endpoint` on `app`. `access: 'user'` answers 401 UNAUTHENTICATED without a session
 * before the handler runs. The reply's status is the endpoint's `status` (200 by default; the
 * handler may still set another). An `empty` response is sent by the route after the handler.
 */
export function route<const E extends EndpointSpec>(
  app: FastifyInstance,
  endpoint: E,
  handler: RouteHandler<E>,
  options: RouteShorthandOptions = {},
): void {
  const state = stateOf(app);
  const key = endpointKey(endpoint);
  if (state.endpoints.has(key)) throw new Error(`route ${key} is registered twice`);
  state.endpoints.set(key, endpoint);
  const response = endpoint.response;
  app.route({
    ...options,
    method: endpoint.method,
    url: endpoint.path,
    handler: async (req, reply) => {
      if (endpoint.access === 'user' && req.actor === undefined)
        throw new AppError(
          'UNAUTHENTICATED',
          'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
        );
      if (isEmptyResponse(response)) {
        await handler(req, reply);
        return reply.code(response.status).send();
      }
      reply.code(endpoint.status ?? 200);
      const result: unknown = await handler(req, reply);
      if (isFileResponse(response) || !state.checkResponses) return result;
      checkResponse(key, response, result);
      return result;
    },
  });
}

/** Throws (a 500) when `body` does not match `schema` or carries a field it does not declare. */
export function checkResponse(key: string, schema: z.ZodType, body: unknown): void {
  const parsed = schema.safeParse(body);
  const problems = parsed.success
    ? undeclaredFields(body, parsed.data).map((f) => `${f}: not in the response schema`)
    : parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
  if (problems.length === 0) return;
  const message = `Response of ${key} does not match its contract:\n  ${problems.join('\n  ')}`;
  // Loud even with a silent logger: this is a bug in the server or in shared/api.
  process.stderr.write(`${message}\n`);
  throw new Error(message);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** Paths of fields present in what was sent but dropped by the schema (Zod strips unknown keys). */
export function undeclaredFields(sent: unknown, kept: unknown, path: string[] = []): string[] {
  if (Array.isArray(sent) && Array.isArray(kept))
    return sent.flatMap((v, i) => undeclaredFields(v, kept[i], [...path, String(i)]));
  if (!isPlainObject(sent) || !isPlainObject(kept)) return [];
  return Object.entries(sent).flatMap(([k, v]) => {
    if (v === undefined) return [];
    if (!(k in kept)) return [[...path, k].join('.')];
    return undeclaredFields(v, kept[k], [...path, k]);
  });
}
