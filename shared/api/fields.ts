import { z } from 'zod';

/**
 * Field schemas every request uses, in plain Zod so server and web share them. The server's
 * Vietnamese messages come from the global Zod config set in server/platform/validation.ts, which
 * applies to these schemas too (one Zod instance).
 */

/** A required trimmed text field; blank strings count as missing. */
export const text = (max = 255) => z.string().trim().min(1).max(max);
/** An optional text field: '', null and undefined all become null. */
export const optionalText = (max = 255) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v === undefined || v === null || v === '' ? null : v));
/** Ids are PostgreSQL `integer`s: larger numbers are invalid input, not a server error. */
export const id = z.coerce.number().int().positive().max(2_147_483_647);
export const isoDate = z.iso.date();
export const page = z.coerce.number().int().min(1).max(100_000).default(1);
export const pageSize = z.coerce.number().int().min(1).max(200).default(20);

/** A path parameter `:id`. */
export const IdParams = z.object({ id });

/** An instant as the API writes it: ISO 8601 in UTC (`Date.toISOString()`). */
export const instant = z.string().describe('ISO 8601 instant (UTC)');
/**
 * An instant the server may hand over as a `Date` (a row straight from the database): JSON writes
 * it as `toISOString()`, so the client always reads the same string as `instant`.
 */
export const instantOrDate = z
  .union([z.string(), z.date().transform((d) => d.toISOString())])
  .pipe(z.string())
  .describe('ISO 8601 instant (UTC)');
/** A calendar date as the API writes it: YYYY-MM-DD. */
export const dateOnly = z.string().describe('calendar date YYYY-MM-DD');

/**
 * A page of a list. `totalCapped`: the server stopped counting at `total` (lists answer "more
 * than N").
 */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), totalCapped: z.boolean().optional() });

/** The body of every error response (server/app.ts's error handler). */
export const ErrorBody = z
  .object({
    error: z.string().describe('code: NOT_FOUND, FORBIDDEN, VALIDATION_FAILED, CONFLICT, …'),
    message: z.string().describe('for the user, in Vietnamese'),
    details: z
      .record(z.string(), z.unknown())
      .nullable()
      .describe('e.g. { fields: [{ field, label, message }] } for VALIDATION_FAILED'),
    requestId: z.string(),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBody>;
