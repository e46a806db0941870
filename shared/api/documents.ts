import { z } from 'zod';
import { registerStatuses } from '../documents';
import { dateOnly, id, instant, page, pageSize } from './fields';
import { defineEndpoint } from './endpoint';

/**
 * The register of outgoing documents (sổ đăng ký văn bản đi): request and response schemas of its
 * endpoints, and the endpoints themselves (decision 027). The server parses requests with these
 * (and its labels); the web takes its types from them. Statuses and labels are shared/documents.ts.
 */

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// ── Requests ────────────────────────────────────────────────────────────────────────────────

/** GET /api/units/:id/document-register: a year (default this year), a type, a text, a page. */
export const ListRegisterQuery = z.object({
  year: z.coerce.number().int().min(1900).max(9999).optional(),
  docType: z.string().trim().min(1).max(10).optional(),
  q: z.string().trim().max(200).optional(),
  page,
  pageSize,
});
export const ExportRegisterQuery = ListRegisterQuery.omit({ page: true, pageSize: true });

/** POST /api/document-register/:entryId/cancel: the reason is required. */
export const CancelNumber = z.object({
  reason: z.string().trim().min(1, 'không được để trống').max(1000),
});
export type CancelNumberInput = z.input<typeof CancelNumber>;

// ── Responses ───────────────────────────────────────────────────────────────────────────────

/** A row of the register: a number's entry, or a gap (a number never used). */
export const RegisterRow = z
  .object({
    /** Null for a gap. */
    id: z.number().int().nullable(),
    year: z.number().int(),
    docType: z.string(),
    issuerSymbol: z.string(),
    number: z.number().int(),
    /** "05/KH-UBND". */
    documentNumber: z.string(),
    /** Null for a gap. */
    status: z.enum(registerStatuses).nullable(),
    gap: z.boolean(),
    subjectKind: z.enum(['plan', 'award_decision']).nullable(),
    subjectId: z.number().int().nullable(),
    summary: z.string().nullable(),
    issuedOn: dateOnly.nullable(),
    reason: z.string().nullable(),
    cancelledAt: instant.nullable(),
    /** Whether the actor may cancel this number (server-computed). */
    canCancel: z.boolean(),
  })
  .meta({ id: 'RegisterRow' });
export type RegisterRow = z.infer<typeof RegisterRow>;

export const RegisterPage = z.object({
  unit: z.object({ id: z.number().int(), name: z.string() }),
  year: z.number().int(),
  /** The years that have entries, newest first (for the year selector). */
  years: z.array(z.number().int()),
  /** The document types that have entries in the year. */
  docTypes: z.array(z.string()),
  items: z.array(RegisterRow),
  total: z.number().int(),
  /** Gaps in the whole year's register (all types), whatever the filter. */
  gapCount: z.number().int(),
});
export type RegisterPage = z.infer<typeof RegisterPage>;

/** The answer to a cancellation: the entry, now cancelled, and the reason kept. */
export const CancelledNumber = z.object({
  id: z.number().int(),
  status: z.enum(registerStatuses),
  reason: z.string(),
});
export type CancelledNumber = z.infer<typeof CancelledNumber>;

// ── Endpoints ───────────────────────────────────────────────────────────────────────────────

const tags = ['documents'] as const;
const unitParams = z.object({ id }).describe('the issuing unit');
const entryParams = z.object({ entryId: id }).describe('the register entry');

export const documentEndpoints = {
  register: defineEndpoint({
    method: 'GET',
    path: '/api/units/:id/document-register',
    summary:
      "A unit's register of outgoing documents for a year, gaps included, filtered and paged",
    tags,
    access: 'user',
    params: unitParams,
    query: ListRegisterQuery,
    response: RegisterPage,
  }),
  registerXlsx: defineEndpoint({
    method: 'GET',
    path: '/api/units/:id/document-register.xlsx',
    summary: 'The same register rows (same filters, no paging) as .xlsx',
    tags,
    access: 'user',
    params: unitParams,
    query: ExportRegisterQuery,
    response: { kind: 'file', contentType: XLSX },
  }),
  cancel: defineEndpoint({
    method: 'POST',
    path: '/api/document-register/:entryId/cancel',
    summary: 'Cancel a number of the register (it is never given out again); reason required',
    tags,
    access: 'user',
    params: entryParams,
    body: CancelNumber,
    response: CancelledNumber,
  }),
};
