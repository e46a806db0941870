/**
 * Text that PostgreSQL cannot store: the NUL character (U+0000) is refused by `text` and `jsonb`
 * columns, so a request carrying one would fail deep inside a query. The API refuses it up front,
 * naming where it was found (query, route parameters or JSON body).
 */

const MAX_DEPTH = 64;

/** The path of the first string (or key) holding U+0000, e.g. "content.purposes.2"; null if none. */
export function nulPath(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '(dữ liệu)' : null;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return null;
  const entries = Array.isArray(value)
    ? value.map((v, i) => [String(i), v] as const)
    : Object.entries(value);
  for (const [key, v] of entries) {
    const here = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return here;
    const hit = nulPath(v, here, depth + 1);
    if (hit !== null) return hit;
  }
  return null;
}

/** PostgreSQL's errors for characters it cannot store (NUL in text or in a JSON string). */
export const UNSTORABLE_TEXT_CODES = new Set(['22021', '22P05']);

/**
 * The multipart parser's (@fastify/busboy) errors for a body it cannot read: cut off before the
 * closing boundary, a multipart Content-Type without a boundary, or a boundary over 256 bytes.
 * They are plain `Error`s (no code, no status), so they are told apart by message.
 */
const MALFORMED_MULTIPART = [
  /^Unexpected end of multipart data$/,
  /terminated early due to unexpected end of multipart data$/,
  /^Multipart: Boundary not found$/,
  /^The needle cannot (have a length bigger than 256|be an empty String\/Buffer)\.$/,
];

/** True for an error of the multipart parser reading a malformed request body. */
export function isMalformedMultipart(err: { message?: unknown; code?: unknown }): boolean {
  if (err.code !== undefined || typeof err.message !== 'string') return false;
  const message = err.message;
  return MALFORMED_MULTIPART.some((re) => re.test(message));
}
