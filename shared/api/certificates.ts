import { z } from 'zod';
import { certificateFields, certificateModes } from '../certificates';
import { id, instantOrDate, refId, text, version } from './fields';
import { defineEndpoint } from './endpoint';

/**
 * Certificate templates (decision 043): request and response schemas and the endpoints. A
 * template says how a unit prints its certificates — on plain paper or onto pre-printed blanks —
 * and shifts each field by millimetres. Enums and labels are shared/certificates.ts.
 */

// ── Requests ────────────────────────────────────────────────────────────────────────────────

/** One field's shift from its standard place (mm; + is right / down) and font size (pt). */
export const FieldOffset = z
  .object({
    x: z.number().min(-150).max(150),
    y: z.number().min(-100).max(100),
    fontSize: z.number().min(6).max(60).nullable().default(null),
  })
  .strict();

/** Offsets per field; a field not listed stays at its standard place and size. */
export const FieldOffsets = z.partialRecord(z.enum(certificateFields), FieldOffset);

const formCode = z
  .string()
  .trim()
  .regex(/^[A-Z0-9_]{2,40}$/, 'là mã hình thức trong danh mục khen thưởng (chữ in hoa, số, _)')
  .nullable()
  .default(null);

/** What a template says (create and update). */
export const TemplateFields = z.object({
  name: text(200),
  /** The award catalogue's form code this template prints, or null for any form. */
  formCode,
  mode: z.enum(certificateModes),
  offsets: FieldOffsets.default({}),
});

/** POST /api/certificate-templates. */
export const NewTemplate = TemplateFields.extend({ unitId: refId });
export type NewTemplateInput = z.input<typeof NewTemplate>;

/** PUT /api/certificate-templates/:id, at the version the client read. */
export const TemplateUpdate = TemplateFields.extend({ version });
export type TemplateUpdateInput = z.input<typeof TemplateUpdate>;

/** GET /api/certificate-templates?unitId=: one unit's templates, or all the caller manages. */
export const TemplateListQuery = z.object({ unitId: id.optional() });

/** POST /api/certificate-templates/preview: a sample certificate with an unsaved layout. */
export const PreviewRequest = z.object({
  mode: z.enum(certificateModes),
  offsets: FieldOffsets.default({}),
});
export type PreviewRequestInput = z.input<typeof PreviewRequest>;

// ── Responses ───────────────────────────────────────────────────────────────────────────────

export const CertificateTemplate = z
  .object({
    id: z.number().int(),
    unit: z.object({ id: z.number().int(), name: z.string() }),
    name: z.string(),
    formCode: z.string().nullable(),
    mode: z.enum(certificateModes),
    offsets: FieldOffsets,
    version: z.number().int(),
    updatedAt: instantOrDate,
  })
  .meta({ id: 'CertificateTemplate' });
export type CertificateTemplate = z.infer<typeof CertificateTemplate>;
/** What the server hands over (dates as Date). */
export type CertificateTemplateInput = z.input<typeof CertificateTemplate>;

export const TemplateList = z.object({
  items: z.array(CertificateTemplate),
  /** Units where the caller may add templates (certificate_template.manage). */
  manageableUnits: z.array(z.object({ id: z.number().int(), name: z.string() })),
});
export type TemplateList = z.infer<typeof TemplateList>;
export type TemplateListInput = z.input<typeof TemplateList>;

// ── Endpoints ───────────────────────────────────────────────────────────────────────────────

const tags = ['certificates'] as const;
const templateParams = z.object({ id }).describe('the certificate template');
const PDF = 'application/pdf';

export const certificateEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/certificate-templates',
    summary: 'Certificate templates of the units the caller manages (or of one unit)',
    tags,
    access: 'user',
    query: TemplateListQuery,
    response: TemplateList,
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/certificate-templates',
    summary: 'Add a certificate template to a unit (mode, per-field offsets in mm)',
    tags,
    access: 'user',
    body: NewTemplate,
    response: CertificateTemplate,
    status: 201,
  }),
  update: defineEndpoint({
    method: 'PUT',
    path: '/api/certificate-templates/:id',
    summary: 'Change a certificate template at the version read',
    tags,
    access: 'user',
    params: templateParams,
    body: TemplateUpdate,
    response: CertificateTemplate,
  }),
  remove: defineEndpoint({
    method: 'DELETE',
    path: '/api/certificate-templates/:id',
    summary: 'Delete a certificate template',
    tags,
    access: 'user',
    params: templateParams,
    response: { kind: 'empty', status: 204 },
  }),
  preview: defineEndpoint({
    method: 'GET',
    path: '/api/certificate-templates/:id/preview.pdf',
    summary: 'A sample certificate printed with a saved template (PDF)',
    tags,
    access: 'user',
    params: templateParams,
    response: { kind: 'file', contentType: PDF },
  }),
  previewLayout: defineEndpoint({
    method: 'POST',
    path: '/api/certificate-templates/preview.pdf',
    summary: 'A sample certificate printed with an unsaved layout, while offsets are edited (PDF)',
    tags,
    access: 'user',
    body: PreviewRequest,
    response: { kind: 'file', contentType: PDF },
  }),
};
