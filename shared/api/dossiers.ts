import { z } from 'zod';
import { nominationRounds, nominationStatuses } from '../nominations';
import { DOSSIER_PART_MAX, dossierDocuments, reportVariants } from '../dossiers';
import { IdParams, refId, versionOrZero } from './fields';
import { defineEndpoint } from './endpoint';

/**
 * Dossier documents (decision 045): a nomination's report of achievements, a proposing unit's tờ
 * trình for a plan's round and its list of nominees — their free-text parts (editable while the
 * nominations are drafts or returned, frozen once submitted) and their .docx / .pdf.
 */

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PDF = 'application/pdf';

// ── Requests ────────────────────────────────────────────────────────────────────────────────

/** PUT …/parts: the parts to save; `version` is the part's (0 when it was never saved). */
export const DossierPartsUpdate = z.object({
  parts: z
    .array(
      z.object({
        key: z.string().min(1).max(40),
        text: z.string().max(DOSSIER_PART_MAX),
        version: versionOrZero,
      }),
    )
    .min(1)
    .max(20),
});
export type DossierPartsUpdateInput = z.input<typeof DossierPartsUpdate>;

/** POST /api/plans/:id/dossier-requests: the tờ trình of a unit for a round (made once). */
export const DossierRequestOpen = z.object({
  round: z.enum(nominationRounds),
  proposingUnitId: refId,
});
export type DossierRequestOpenInput = z.input<typeof DossierRequestOpen>;

// ── Responses ───────────────────────────────────────────────────────────────────────────────

export const DossierPart = z.object({
  key: z.string(),
  label: z.string(),
  /** One item a line (căn cứ, nơi nhận). */
  lines: z.boolean(),
  /** The saved text, or the text the document prints when nothing is saved (from the data). */
  text: z.string(),
  /** 0 while never saved (the text is the default). */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});

const DossierFields = {
  /** Frozen: the nomination (or one of the tờ trình's) has been submitted; the parts are read-only. */
  frozen: z.boolean(),
  /** Why the parts cannot be edited (frozen, or no right), in Vietnamese; null when they can. */
  readOnlyReason: z.string().nullable(),
  canEdit: z.boolean(),
  parts: z.array(DossierPart),
  /** The documents downloadable here. */
  documents: z.array(z.enum(dossierDocuments)),
};

export const NominationDossier = z
  .object({
    nominationId: z.number().int(),
    variant: z.enum(reportVariants),
    ...DossierFields,
  })
  .meta({ id: 'NominationDossier' });
export type NominationDossier = z.infer<typeof NominationDossier>;

export const DossierRequest = z
  .object({
    id: z.number().int(),
    planId: z.number().int(),
    round: z.enum(nominationRounds),
    proposingUnit: z.object({ id: z.number().int(), name: z.string() }),
    /** The unit's live nominations of the round the tờ trình covers. */
    nominations: z.array(
      z.object({
        id: z.number().int(),
        subjectName: z.string(),
        formName: z.string(),
        status: z.enum(nominationStatuses),
      }),
    ),
    ...DossierFields,
  })
  .meta({ id: 'DossierRequest' });
export type DossierRequest = z.infer<typeof DossierRequest>;

// ── Endpoints ───────────────────────────────────────────────────────────────────────────────

const tags = ['dossiers'];
const NominationParams = IdParams.describe('the nomination');
const RequestParams = IdParams.describe('the tờ trình');
const file = (format: 'docx' | 'pdf') =>
  ({ kind: 'file', contentType: format === 'docx' ? DOCX : PDF }) as const;

export const dossierEndpoints = {
  nominationDossier: defineEndpoint({
    method: 'GET',
    path: '/api/nominations/:id/dossier',
    summary:
      "A nomination's report of achievements: its free-text parts and whether they are frozen",
    tags,
    access: 'user',
    params: NominationParams,
    response: NominationDossier,
  }),
  saveNominationParts: defineEndpoint({
    method: 'PUT',
    path: '/api/nominations/:id/dossier/parts',
    summary: "Save free-text parts of a nomination's report (draft or returned nominations only)",
    tags,
    access: 'user',
    params: NominationParams,
    body: DossierPartsUpdate,
    response: NominationDossier,
  }),
  reportDocx: defineEndpoint({
    method: 'GET',
    path: '/api/nominations/:id/dossier/report.docx',
    summary: 'The report of achievements as .docx (stored once frozen)',
    tags,
    access: 'user',
    params: NominationParams,
    response: file('docx'),
  }),
  reportPdf: defineEndpoint({
    method: 'GET',
    path: '/api/nominations/:id/dossier/report.pdf',
    summary: 'The report of achievements as .pdf (stored once frozen)',
    tags,
    access: 'user',
    params: NominationParams,
    response: file('pdf'),
  }),
  openRequest: defineEndpoint({
    method: 'POST',
    path: '/api/plans/:id/dossier-requests',
    summary: "Open (once) the tờ trình of a proposing unit for a plan's round",
    tags,
    access: 'user',
    params: IdParams.describe('the plan'),
    body: DossierRequestOpen,
    response: DossierRequest,
  }),
  request: defineEndpoint({
    method: 'GET',
    path: '/api/dossier-requests/:id',
    summary: 'A tờ trình: the nominations it covers, its free-text parts, frozen or not',
    tags,
    access: 'user',
    params: RequestParams,
    response: DossierRequest,
  }),
  saveRequestParts: defineEndpoint({
    method: 'PUT',
    path: '/api/dossier-requests/:id/parts',
    summary: 'Save free-text parts of a tờ trình (before any of its nominations is submitted)',
    tags,
    access: 'user',
    params: RequestParams,
    body: DossierPartsUpdate,
    response: DossierRequest,
  }),
  requestDocx: defineEndpoint({
    method: 'GET',
    path: '/api/dossier-requests/:id/request.docx',
    summary: 'The tờ trình (Mẫu 01) as .docx',
    tags,
    access: 'user',
    params: RequestParams,
    response: file('docx'),
  }),
  requestPdf: defineEndpoint({
    method: 'GET',
    path: '/api/dossier-requests/:id/request.pdf',
    summary: 'The tờ trình (Mẫu 01) as .pdf',
    tags,
    access: 'user',
    params: RequestParams,
    response: file('pdf'),
  }),
  listDocx: defineEndpoint({
    method: 'GET',
    path: '/api/dossier-requests/:id/list.docx',
    summary: 'The list of nominees (danh sách đề nghị khen thưởng) as .docx',
    tags,
    access: 'user',
    params: RequestParams,
    response: file('docx'),
  }),
  listPdf: defineEndpoint({
    method: 'GET',
    path: '/api/dossier-requests/:id/list.pdf',
    summary: 'The list of nominees (danh sách đề nghị khen thưởng) as .pdf',
    tags,
    access: 'user',
    params: RequestParams,
    response: file('pdf'),
  }),
};
