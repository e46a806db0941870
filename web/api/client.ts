/**
 * The one fetch client for /api. Same-origin cookies, JSON in and out, and every failure turned
 * into an ApiError carrying the server's `{ error, message, details }` shape.
 */

export type FieldError = { field: string; label?: string; message: string };
export type RowError = { row: number; column: string; message: string };
export type ErrorDetails = { fields?: FieldError[]; rows?: RowError[]; [key: string]: unknown };

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: ErrorDetails;
  readonly requestId: string | undefined;

  constructor(
    code: string,
    message: string,
    status: number,
    details?: ErrorDetails,
    requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details ?? {};
    this.requestId = requestId;
  }

  /** Field-level validation errors (`details.fields`). */
  get fields(): FieldError[] {
    return Array.isArray(this.details.fields) ? this.details.fields : [];
  }

  /** Spreadsheet row errors from an import (`details.rows`). */
  get rows(): RowError[] {
    return Array.isArray(this.details.rows) ? this.details.rows : [];
  }
}

const GENERIC_MESSAGE = 'Đã có lỗi xảy ra. Vui lòng thử lại sau.';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Builds an ApiError from a parsed error body (also used for a failed job's `error`). */
export function toApiError(body: unknown, status = 0): ApiError {
  if (isRecord(body) && typeof body.error === 'string') {
    const message =
      typeof body.message === 'string' && body.message ? body.message : GENERIC_MESSAGE;
    const details = isRecord(body.details) ? (body.details as ErrorDetails) : undefined;
    const requestId = typeof body.requestId === 'string' ? body.requestId : undefined;
    return new ApiError(body.error, message, status, details, requestId);
  }
  return new ApiError(status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL', GENERIC_MESSAGE, status);
}

export function isApiError(e: unknown, code?: string): e is ApiError {
  return e instanceof ApiError && (code === undefined || e.code === code);
}

export type Query = Record<string, string | number | boolean | null | undefined>;

/** Appends the defined, non-empty query values to a path. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Sends the browser to the login page, remembering where the user was. */
export function redirectToLogin(): void {
  const { pathname, search } = window.location;
  if (pathname === '/login') return;
  const next = encodeURIComponent(pathname + search);
  window.location.assign(`/login?next=${next}`);
}

export type RequestOptions = {
  query?: Query;
  body?: unknown;
  form?: FormData;
  /** Default true: a 401 sends the user to /login. Off for login itself and the session probe. */
  redirectOn401?: boolean;
  signal?: AbortSignal;
};

/** One request to the API (web/api/endpoint.ts's `callEndpoint` types it from the contract). */
export async function request<T>(
  method: string,
  path: string,
  opts: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.form) {
    body = opts.form;
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }

  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(
      'NETWORK',
      'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.',
      0,
    );
  }

  const text = await res.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text) as unknown;
    } catch {
      parsed = undefined;
    }
  }

  if (!res.ok) {
    const error = toApiError(parsed, res.status);
    if (res.status === 401 && opts.redirectOn401 !== false) redirectToLogin();
    throw error;
  }
  return parsed as T;
}

/**
 * A request whose answer is a file (a PDF preview) rather than JSON: the body as a Blob, or the
 * API error as `request` throws it.
 */
export async function requestBlob(method: string, path: string, body?: unknown): Promise<Blob> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(
      'NETWORK',
      'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.',
      0,
    );
  }
  if (!res.ok) {
    let parsed: unknown = undefined;
    try {
      parsed = (await res.json()) as unknown;
    } catch {
      parsed = undefined;
    }
    if (res.status === 401) redirectToLogin();
    throw toApiError(parsed, res.status);
  }
  return res.blob();
}

export const api = {
  get: <T>(path: string, query?: Query, opts?: Omit<RequestOptions, 'query' | 'body'>) =>
    request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) =>
    request<T>('POST', path, { ...opts, body: body ?? {} }),
  patch: <T>(path: string, body: unknown, opts?: Omit<RequestOptions, 'body'>) =>
    request<T>('PATCH', path, { ...opts, body }),
  put: <T>(path: string, body: unknown, opts?: Omit<RequestOptions, 'body'>) =>
    request<T>('PUT', path, { ...opts, body }),
  delete: <T = void>(path: string, opts?: Omit<RequestOptions, 'body'>) =>
    request<T>('DELETE', path, opts),
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, { form }),
};
