import { AppError } from '../platform/errors';
import { UNSTORABLE_MESSAGES, unstorableInput } from '../platform/validation';

/**
 * Text PostgreSQL cannot store as sent — U+0000, or a lone UTF-16 surrogate ("\ud800") — in a
 * route parameter or the query string is refused before any handler runs, naming the parameter.
 * JSON bodies are checked by `parseInput` (platform/validation.ts), where each field has its
 * Vietnamese label; every service parses its input there, and so do jobs and imports.
 */
export function assertStorableParams(req: { params: unknown; query: unknown }): void {
  for (const [where, value] of [
    ['tham số', req.params],
    ['truy vấn', req.query],
  ] as const) {
    const found = unstorableInput(value, 1)[0];
    if (found === undefined) continue;
    const field = found.path.join('.') || '(dữ liệu)';
    const message = UNSTORABLE_MESSAGES[found.problem];
    throw new AppError('VALIDATION_FAILED', `${field}: ${message} trong ${where}.`, {
      fields: [{ field, label: field, message }],
    });
  }
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
