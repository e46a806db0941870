import { z } from 'zod';
import { disciplineKinds, honourSources } from '../honours';
import { dateOnly, id, instantOrDate, isoDate, optionalText, refId, text, version } from './fields';
import { defineEndpoint } from './endpoint';

/**
 * Award history (khen thưởng đã nhận) of people and collectives, its .xlsx import, and the
 * discipline records that may block an award (decision 036): request and response schemas and the
 * endpoints (decision 027). Enums and labels are shared/honours.ts.
 */

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const year = z.coerce.number().int().min(1945).max(2100);
const money = z.number().int().min(0).max(100_000_000_000);

// ── Requests ────────────────────────────────────────────────────────────────────────────────

/** GET …/honours: the year whose review the suggestions are for (default: the latest award's). */
export const HonourQuery = z.object({ year: year.optional() });

/**
 * POST /api/honours: an award received in the past, entered by hand for a person or a collective
 * (exactly one). The form is a catalogue version (its code and name are copied) or, for an old
 * award the catalogue does not know, its name as text.
 */
export const NewHonour = z.object({
  personId: refId.nullable().default(null),
  unitId: refId.nullable().default(null),
  formVersionId: refId.nullable().default(null),
  formName: optionalText(300),
  year: z.number().int().min(1945).max(2100),
  period: optionalText(100),
  decisionNumber: optionalText(100),
  decisionDate: isoDate.nullable().default(null),
  issuer: optionalText(300),
  achievement: optionalText(2000),
  amount: money.nullable().default(null),
});
export type NewHonourInput = z.input<typeof NewHonour>;

/** Removing a record (an award or a discipline record) needs a reason; the row stays, marked. */
export const Removal = z.object({ reason: text(1000) });
export type RemovalInput = z.input<typeof Removal>;

/** The text fields beside an uploaded .xlsx of past awards: the unit whose people and units it names. */
export const HonourImportFields = z.object({ unitId: id });

/** A discipline, investigation, inspection or complaint record of a person. */
export const DisciplineFields = z.object({
  kind: z.enum(disciplineKinds),
  /** The discipline's form (khiển trách, cảnh cáo, …); only for kind 'discipline'. */
  level: optionalText(100),
  fromDate: isoDate,
  /** Last day (inclusive); null: pending or ongoing. */
  toDate: isoDate.nullable().default(null),
  reason: text(2000),
  decisionRef: optionalText(200),
});
export type DisciplineInput = z.input<typeof DisciplineFields>;

export const DisciplineUpdate = DisciplineFields.extend({ version });
export type DisciplineUpdateInput = z.input<typeof DisciplineUpdate>;

// ── Responses ───────────────────────────────────────────────────────────────────────────────

export const HonourRow = z
  .object({
    id: z.number().int(),
    subject: z.object({
      kind: z.enum(['person', 'unit']),
      id: z.number().int(),
      name: z.string(),
    }),
    formVersionId: z.number().int().nullable(),
    /** The catalogue code as recorded (null: a form known only by its name). */
    formCode: z.string().nullable(),
    formName: z.string(),
    year: z.number().int(),
    period: z.string().nullable(),
    decisionNumber: z.string().nullable(),
    decisionDate: dateOnly.nullable(),
    issuer: z.string().nullable(),
    achievement: z.string().nullable(),
    amount: z.number().int().nullable(),
    source: z.enum(honourSources),
    enteredBy: z.string().nullable(),
    createdAt: instantOrDate,
  })
  .meta({ id: 'HonourRow' });
export type HonourRow = z.infer<typeof HonourRow>;
export type HonourRowInput = z.input<typeof HonourRow>;

export const HonourSuggestion = z.object({
  formCode: z.string(),
  basedOn: z.object({ formCode: z.string(), years: z.array(z.number().int()) }),
  message: z.string(),
});

export const HonourHistory = z.object({
  subject: z.object({ kind: z.enum(['person', 'unit']), id: z.number().int(), name: z.string() }),
  /** Newest year first. */
  items: z.array(HonourRow),
  /** The year the suggestions are for (null: no history). */
  year: z.number().int().nullable(),
  /** Suggestions from history (never rules: an officer weighs them). */
  suggestions: z.array(HonourSuggestion),
  canManage: z.boolean(),
});
export type HonourHistory = z.infer<typeof HonourHistory>;
export type HonourHistoryInput = z.input<typeof HonourHistory>;

export const HonourImportResult = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  /** Rows whose form is not in the catalogue, kept as text. */
  formsAsText: z.number().int(),
});
export type HonourImportResult = z.infer<typeof HonourImportResult>;

export const DisciplineRow = z
  .object({
    id: z.number().int(),
    personId: z.number().int(),
    kind: z.enum(disciplineKinds),
    level: z.string().nullable(),
    fromDate: dateOnly,
    toDate: dateOnly.nullable(),
    reason: z.string(),
    decisionRef: z.string().nullable(),
    version: z.number().int(),
    enteredBy: z.string().nullable(),
    createdAt: instantOrDate,
    /** Why it blocks an award today (null: it does not). */
    blocksToday: z.string().nullable(),
  })
  .meta({ id: 'DisciplineRow' });
export type DisciplineRow = z.infer<typeof DisciplineRow>;
export type DisciplineRowInput = z.input<typeof DisciplineRow>;

export const DisciplineList = z.object({
  items: z.array(DisciplineRow),
  canManage: z.boolean(),
});
export type DisciplineList = z.infer<typeof DisciplineList>;
export type DisciplineListInput = z.input<typeof DisciplineList>;

// ── Endpoints ───────────────────────────────────────────────────────────────────────────────

const tags = ['honours'] as const;
const personParams = z.object({ id }).describe('the person');
const unitParams = z.object({ id }).describe('the unit');
const honourParams = z.object({ id }).describe('the award record');
const recordParams = z.object({ id }).describe('the discipline record');

export const honourEndpoints = {
  personHonours: defineEndpoint({
    method: 'GET',
    path: '/api/people/:id/honours',
    summary: "A person's award history, with suggestions from it",
    tags,
    access: 'user',
    params: personParams,
    query: HonourQuery,
    response: HonourHistory,
  }),
  unitHonours: defineEndpoint({
    method: 'GET',
    path: '/api/units/:id/honours',
    summary: "A collective's (unit's) award history, with suggestions from it",
    tags,
    access: 'user',
    params: unitParams,
    query: HonourQuery,
    response: HonourHistory,
  }),
  addHonour: defineEndpoint({
    method: 'POST',
    path: '/api/honours',
    summary: 'Record an award a person or a collective received (entered by hand)',
    tags,
    access: 'user',
    body: NewHonour,
    response: HonourRow,
    status: 201,
  }),
  removeHonour: defineEndpoint({
    method: 'POST',
    path: '/api/honours/:id/removal',
    summary: 'Remove an award record, with a reason (the row stays, marked removed)',
    tags,
    access: 'user',
    params: honourParams,
    body: Removal,
    response: { kind: 'empty', status: 204 },
  }),
  importTemplate: defineEndpoint({
    method: 'GET',
    path: '/api/honours/import-template',
    summary: 'The .xlsx template for importing past awards',
    tags,
    access: 'user',
    response: { kind: 'file', contentType: XLSX },
  }),
  importHonours: defineEndpoint({
    method: 'POST',
    path: '/api/honours/import',
    summary: 'Import past awards from an .xlsx into a unit: all rows or none, with row errors',
    tags,
    access: 'user',
    upload: { accept: [XLSX] },
    body: HonourImportFields,
    response: HonourImportResult,
  }),
  personDiscipline: defineEndpoint({
    method: 'GET',
    path: '/api/people/:id/discipline-records',
    summary: "A person's discipline, investigation and complaint records",
    tags,
    access: 'user',
    params: personParams,
    response: DisciplineList,
  }),
  addDiscipline: defineEndpoint({
    method: 'POST',
    path: '/api/people/:id/discipline-records',
    summary: 'Record a discipline, investigation, inspection or complaint concerning a person',
    tags,
    access: 'user',
    params: personParams,
    body: DisciplineFields,
    response: DisciplineRow,
    status: 201,
  }),
  updateDiscipline: defineEndpoint({
    method: 'PUT',
    path: '/api/discipline-records/:id',
    summary: 'Change a discipline record (e.g. its end date), with its version',
    tags,
    access: 'user',
    params: recordParams,
    body: DisciplineUpdate,
    response: DisciplineRow,
  }),
  removeDiscipline: defineEndpoint({
    method: 'POST',
    path: '/api/discipline-records/:id/removal',
    summary: 'Remove a discipline record entered in error, with a reason',
    tags,
    access: 'user',
    params: recordParams,
    body: Removal,
    response: { kind: 'empty', status: 204 },
  }),
};
