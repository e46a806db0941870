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
/** The largest PostgreSQL `integer` (int4): ids, versions and counters are stored as int4. */
export const INT4_MAX = 2_147_483_647;
/** Ids are PostgreSQL `integer`s: larger numbers are invalid input, not a server error. */
export const id = z.coerce.number().int().positive().max(INT4_MAX);
/** A reference to a row inside a JSON body (a number, not coerced from a string): an int4 id. */
export const refId = z.number().int().positive().max(INT4_MAX);
/** A row's optimistic-lock version as the client read it (int4, from 1). */
export const version = z.number().int().positive().max(INT4_MAX);
/** A version where 0 (or nothing) means "no row yet", e.g. a score entry not saved before. */
export const versionOrZero = z.number().int().min(0).max(INT4_MAX);
/** `version` in a multipart text field or a query string ("3"). */
export const versionText = z.coerce.number().int().positive().max(INT4_MAX);

/**
 * The calendar dates the product accepts: administrative dates (plans, deadlines, documents,
 * periods, audit filters) of living memory. Zod's `z.iso.date()` alone takes any real date of
 * the years 0000–9999, but PostgreSQL has no year 0, and a year like 9999 only ever comes from a
 * slip of the keyboard; bounding the range also keeps date arithmetic far from its edges.
 */
export const DATE_MIN = '1900-01-01';
export const DATE_MAX = '2100-12-31';
export const DATE_RANGE_MESSAGE = 'phải là ngày trong khoảng từ 01/01/1900 đến 31/12/2100';
/** True for a 'YYYY-MM-DD' between DATE_MIN and DATE_MAX (the format is checked apart). */
export const isInDateRange = (v: string) => v >= DATE_MIN && v <= DATE_MAX;
/** A real calendar date YYYY-MM-DD (leap years checked) between DATE_MIN and DATE_MAX. */
export const isoDate = z.iso
  .date()
  .refine(isInDateRange, { message: DATE_RANGE_MESSAGE })
  .describe(`calendar date YYYY-MM-DD, ${DATE_MIN} to ${DATE_MAX}`);
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
