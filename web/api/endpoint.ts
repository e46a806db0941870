import {
  fillPath,
  type BodyOf,
  type EndpointSpec,
  type PathParams,
  type QueryOf,
  type ResponseOf,
} from '../../shared/api/endpoint';
import { request, withQuery, type Query, type RequestOptions } from './client';

/**
 * Calls an endpoint of the contract (shared/api): the path filled from `params`, the query and
 * body typed by the endpoint's request schemas, the answer by its response schema. The server
 * still parses everything; these types only keep the web in step with it.
 */

type Scalar = string | number | boolean | null | undefined;
/** Query values as the web holds them: coerced fields (ids, pages) may be strings or numbers. */
type QueryInput<E extends EndpointSpec> =
  QueryOf<E> extends undefined
    ? undefined
    : { [K in keyof QueryOf<E>]?: unknown extends QueryOf<E>[K] ? Scalar : QueryOf<E>[K] };

type ParamsPart<E extends EndpointSpec> = [keyof PathParams<E['path']>] extends [never]
  ? { params?: undefined }
  : { params: PathParams<E['path']> };
type QueryPart<E extends EndpointSpec> =
  QueryOf<E> extends undefined ? { query?: undefined } : { query?: QueryInput<E> };
type BodyPart<E extends EndpointSpec> =
  BodyOf<E> extends undefined ? { body?: undefined } : { body: BodyOf<E> };

export type CallInput<E extends EndpointSpec> = ParamsPart<E> &
  QueryPart<E> &
  BodyPart<E> &
  Pick<RequestOptions, 'redirectOn401' | 'signal'>;

/** Whether a call needs no input at all (then `callEndpoint(e)` is enough). */
type NoInput<E extends EndpointSpec> = Record<never, never> extends CallInput<E> ? true : false;

export function callEndpoint<const E extends EndpointSpec>(
  endpoint: E,
  ...[input]: NoInput<E> extends true ? [CallInput<E>?] : [CallInput<E>]
): Promise<ResponseOf<E>> {
  const i = (input ?? {}) as {
    params?: Record<string, string | number>;
    query?: Query;
    body?: unknown;
  } & Pick<RequestOptions, 'redirectOn401' | 'signal'>;
  const sendsBody = endpoint.method !== 'GET' && endpoint.method !== 'DELETE';
  return request<ResponseOf<E>>(endpoint.method, fillPath(endpoint.path, i.params), {
    query: i.query,
    body: sendsBody ? (i.body ?? {}) : undefined,
    redirectOn401: i.redirectOn401,
    signal: i.signal,
  });
}

/** The address of a GET endpoint (a download link, an <a href>): path filled, query appended. */
export function endpointUrl<const E extends EndpointSpec>(
  endpoint: E,
  input: Pick<CallInput<E>, 'params' | 'query'>,
): string {
  const i = input as { params?: Record<string, string | number>; query?: Query };
  return withQuery(fillPath(endpoint.path, i.params), i.query);
}

/**
 * A TanStack Query key for an endpoint call: the path template, then the params and query, so
 * `invalidateQueries({ queryKey: endpointKey(e) })` drops every call of that endpoint.
 */
export function endpointKey<const E extends EndpointSpec>(
  endpoint: E,
  input?: Pick<CallInput<E>, 'params' | 'query'>,
): readonly unknown[] {
  const i = (input ?? {}) as { params?: Record<string, string | number>; query?: Query };
  const params =
    i.params === undefined
      ? undefined
      : Object.fromEntries(Object.entries(i.params).map(([k, v]) => [k, String(v)]));
  return [endpoint.path, ...(params ? [params] : []), ...(i.query ? [i.query] : [])];
}
