import type { z } from 'zod';

/**
 * One endpoint of the HTTP API, defined once (decision 027): the server registers its route from
 * it (server/http/route.ts), the web calls it (web/api/endpoint.ts), and /api/openapi.json is
 * generated from it (server/http/openapi.ts). Request and response types come from `z.input` /
 * `z.infer` of its schemas.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A download: the body is a file of this type (Content-Disposition: attachment). */
export type FileResponse = { kind: 'file'; contentType: string };
/** No body (e.g. 204). */
export type EmptyResponse = { kind: 'empty'; status: number };
export type ResponseSpec = z.ZodType | FileResponse | EmptyResponse;

export type EndpointSpec = {
  method: HttpMethod;
  /** Fastify syntax: '/api/plans/:id/registrations'. */
  path: string;
  /** One line, in English, for the OpenAPI description. */
  summary: string;
  description?: string;
  tags: readonly string[];
  /** 'user': needs a session (401 without); 'public': anyone. */
  access: 'user' | 'public';
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /**
   * A multipart/form-data request with one file in the part `file` (of one of these media types);
   * `body`, when given, describes the text fields sent beside it.
   */
  upload?: { accept: readonly string[] };
  /** The JSON body's schema, or a file download, or no body. */
  response: ResponseSpec;
  /** Success status for a JSON or file response; 200 unless given (201 for creations). */
  status?: number;
};

/** Defines an endpoint; the literal types are kept so requests and responses are typed. */
export function defineEndpoint<const E extends EndpointSpec>(endpoint: E): E {
  return endpoint;
}

export const isFileResponse = (r: ResponseSpec): r is FileResponse =>
  'kind' in r && (r as { kind: unknown }).kind === 'file';
export const isEmptyResponse = (r: ResponseSpec): r is EmptyResponse =>
  'kind' in r && (r as { kind: unknown }).kind === 'empty';

type Schema<E extends EndpointSpec, K extends 'params' | 'query' | 'body'> = E[K] extends z.ZodType
  ? E[K]
  : never;

/** The JSON body a client sends (before the server's parsing: defaults and coercion not applied). */
export type BodyOf<E extends EndpointSpec> = E['body'] extends z.ZodType
  ? z.input<Schema<E, 'body'>>
  : undefined;
/** The query string a client sends. */
export type QueryOf<E extends EndpointSpec> = E['query'] extends z.ZodType
  ? z.input<Schema<E, 'query'>>
  : undefined;
/** What the server answers (the web's view). */
export type ResponseOf<E extends EndpointSpec> = E['response'] extends z.ZodType
  ? z.output<E['response']>
  : E['response'] extends FileResponse
    ? Blob
    : undefined;
/** What a route handler may return: anything the response schema accepts. */
export type HandlerResultOf<E extends EndpointSpec> = E['response'] extends z.ZodType
  ? z.input<E['response']>
  : undefined;

/** The names of a path's `:params`: '/api/plans/:id/x/:sheetId' → 'id' | 'sheetId'. */
export type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** Values for a path's parameters (ids are opaque: string or number). */
export type PathParams<P extends string> = { [K in PathParamNames<P>]: string | number };

/** The path with its parameters filled in, each URI-encoded. */
export function fillPath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
}
