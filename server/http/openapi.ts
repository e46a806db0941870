import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  isEmptyResponse,
  isFileResponse,
  type EndpointSpec,
  type HttpMethod,
} from '../../shared/api/endpoint';
import { ErrorBody } from '../../shared/api/fields';
import { httpStatusOf, type ErrorCode } from '../platform/errors';
import { SESSION_COOKIE } from './context';
import { systemEndpoints } from '../../shared/api/system';
import { endpointsOf, route } from './route';

/**
 * The OpenAPI 3.1 description of the API, generated from the endpoints registered through
 * `route` (decision 027): requests as their schemas accept them (Zod io 'input'), responses as
 * the server writes them (io 'output'), the common error body as a component, and the session
 * cookie as the security scheme. Served at GET /api/openapi.json.
 */

type JsonSchema = Record<string, unknown>;
type Components = Record<string, JsonSchema>;

/** What each error status means, from the one code → status table (platform/errors.ts). */
const ERROR_MEANING: Partial<Record<ErrorCode, string>> = {
  VALIDATION_FAILED: 'bad input; details.fields names each field with its label and reason',
  UNAUTHENTICATED: 'not signed in, or the session expired',
  FORBIDDEN: 'signed in but not allowed',
  NOT_FOUND: 'no such resource, or not visible to the user',
  CONFLICT: 'changed by someone else since it was read (send the current version), or a duplicate',
  INVALID_STATE: 'not possible in the current state',
  DEADLINE_PASSED: 'the deadline has passed',
  QUOTA_EXCEEDED: 'over a quota',
  DATABASE_UNAVAILABLE: 'the database is restarting; retry after the Retry-After seconds',
};
const ERROR_RESPONSES: Record<string, string> = {};
for (const [code, meaning] of Object.entries(ERROR_MEANING)) {
  const status = String(httpStatusOf[code as ErrorCode]);
  const line = `${code}: ${meaning}.`;
  ERROR_RESPONSES[status] = ERROR_RESPONSES[status] ? `${ERROR_RESPONSES[status]} ${line}` : line;
}

/** `:id` → `{id}`. */
export const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/** camelCase operation id from method and path: GET /api/plans/:id/registrations → getPlansIdRegistrations. */
export function operationId(method: HttpMethod, path: string): string {
  const words = path
    .replace(/^\/api\//, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return method.toLowerCase() + words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

/**
 * JSON Schema of a Zod schema; named sub-schemas (`.meta({ id })`) go to `components` and are
 * referenced from there (an input variant that differs from the output one gets an "Input" suffix).
 */
function toSchema(schema: z.ZodType, io: 'input' | 'output', components: Components): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  const defs = (json.$defs ?? {}) as Record<string, JsonSchema>;
  delete json.$defs;
  const renamed = new Map<string, string>();
  for (const [id, def] of Object.entries(defs)) {
    let name = id;
    for (let n = 1; ; n++) {
      const existing = components[name];
      if (existing === undefined || JSON.stringify(existing) === JSON.stringify(def)) break;
      name = `${id}${io === 'input' ? 'Input' : ''}${n > 1 || io === 'output' ? n : ''}`;
    }
    renamed.set(id, name);
  }
  const rewrite = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(rewrite);
    if (typeof v !== 'object' || v === null) return v;
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => {
        if (k === '$ref' && typeof x === 'string' && x.startsWith('#/$defs/')) {
          const id = x.slice('#/$defs/'.length);
          return [k, `#/components/schemas/${renamed.get(id) ?? id}`];
        }
        return [k, rewrite(x)];
      }),
    );
  };
  for (const [id, def] of Object.entries(defs))
    components[renamed.get(id) ?? id] = rewrite(def) as JsonSchema;
  return rewrite(json) as JsonSchema;
}

/** Query or path parameters from an object schema's properties. */
function parameters(
  schema: z.ZodType | undefined,
  where: 'query' | 'path',
  path: string,
  components: Components,
): JsonSchema[] {
  const names = [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] ?? '');
  const json = schema === undefined ? {} : toSchema(schema, 'input', components);
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  if (where === 'path') {
    // Every `:name` of the path is a required parameter, described or not.
    return names.map((name) => ({
      name,
      in: 'path',
      required: true,
      schema: properties[name] ?? { type: 'string' },
    }));
  }
  return Object.entries(properties).map(([name, s]) => ({
    name,
    in: 'query',
    required: required.has(name) && !('default' in s),
    schema: s,
  }));
}

function requestBody(e: EndpointSpec, components: Components): JsonSchema | undefined {
  if (e.upload !== undefined) {
    const fields = e.body === undefined ? {} : toSchema(e.body, 'input', components);
    return {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            properties: {
              ...((fields.properties ?? {}) as JsonSchema),
              file: { type: 'string', contentMediaType: e.upload.accept.join(', ') },
            },
            required: ['file', ...((fields.required ?? []) as string[])],
          },
        },
      },
    };
  }
  if (e.body === undefined) return undefined;
  return {
    required: true,
    content: { 'application/json': { schema: toSchema(e.body, 'input', components) } },
  };
}

function responses(e: EndpointSpec, components: Components): JsonSchema {
  const r = e.response;
  const out: JsonSchema = {};
  if (isEmptyResponse(r)) out[String(r.status)] = { description: 'Done; no body.' };
  else if (isFileResponse(r))
    out[String(e.status ?? 200)] = {
      description: 'The file, as an attachment (Content-Disposition names it).',
      content: { [r.contentType]: { schema: { type: 'string', format: 'binary' } } },
    };
  else
    out[String(e.status ?? 200)] = {
      description: e.status === 201 ? 'Created.' : 'OK.',
      content: { 'application/json': { schema: toSchema(r, 'output', components) } },
    };
  for (const status of Object.keys(ERROR_RESPONSES)) {
    if (status === '401' && e.access === 'public') continue;
    out[status] = { $ref: `#/components/responses/E${status}` };
  }
  return out;
}

/** The OpenAPI 3.1 document of these endpoints. */
export function buildOpenApi(endpoints: EndpointSpec[], info: { version: string }): JsonSchema {
  const components: Components = {};
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const e of endpoints) {
    const path = openApiPath(e.path);
    const operation: JsonSchema = {
      operationId: operationId(e.method, e.path),
      summary: e.summary,
      ...(e.description === undefined ? {} : { description: e.description }),
      tags: [...e.tags],
      security: e.access === 'user' ? [{ session: [] }] : [],
      parameters: [
        ...parameters(e.params, 'path', e.path, components),
        ...parameters(e.query, 'query', e.path, components),
      ],
    };
    const body = requestBody(e, components);
    if (body !== undefined) operation.requestBody = body;
    operation.responses = responses(e, components);
    (paths[path] ??= {})[e.method.toLowerCase()] = operation;
  }
  const errorSchema = toSchema(ErrorBody, 'output', components);
  return {
    openapi: '3.1.0',
    info: {
      title: 'ThiĐua API',
      version: info.version,
      description:
        'Emulation and commendation campaigns. JSON in and out; errors share one body (Error). ' +
        'State-changing requests from a browser must carry an Origin header naming this host.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: components,
      responses: Object.fromEntries(
        Object.entries(ERROR_RESPONSES).map(([status, description]) => [
          `E${status}`,
          { description, content: { 'application/json': { schema: errorSchema } } },
        ]),
      ),
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: 'The session cookie set by POST /api/auth/login.',
        },
      },
    },
  };
}

/** GET /api/openapi.json: public, built once per process on first request, cacheable. */
export function registerOpenApiRoute(app: FastifyInstance, info: { version: string }): void {
  let body: string | undefined;
  route(app, systemEndpoints.openApi, async (_req, reply) => {
    body ??= JSON.stringify(buildOpenApi(endpointsOf(app), info));
    return reply
      .header('Content-Type', 'application/json; charset=utf-8')
      .header('Cache-Control', 'public, max-age=300')
      .send(body);
  });
}
