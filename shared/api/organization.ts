import { z } from 'zod';
import { genders, personCategories, unitKinds } from '../org';
import { AuditPage, HistoryQuery } from './audit';
import { defineEndpoint } from './endpoint';
import {
  IdParams,
  dateOnly,
  id,
  isoDate,
  optionalText,
  page,
  pageSize,
  text,
  version,
} from './fields';

/**
 * Organization: units (the tree), people and their assignments, spreadsheet imports and exports —
 * request and response schemas and the endpoints (decision 027). The server parses requests with
 * these (and its labels, server/modules/organization/organization.schemas.ts); the web takes its
 * types from them.
 */

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// ── Requests ────────────────────────────────────────────────────────────────────────────────

const adminCode = optionalText(20).refine(
  (v) => v === null || /^[0-9A-Za-z.-]+$/.test(v),
  'chỉ gồm chữ số, chữ cái không dấu, dấu chấm hoặc gạch',
);

/** POST /api/units: a unit under `parentId` (null: a province, system-wide managers only). */
export const CreateUnit = z.object({
  parentId: id.nullable(),
  name: text(200),
  kind: z.enum(unitKinds),
  adminCode: adminCode.optional(),
  active: z.boolean().default(true),
});
export type CreateUnitInput = z.input<typeof CreateUnit>;

/** PATCH /api/units/:id: any of the fields; a new `parentId` moves the whole subtree. */
export const UpdateUnit = z.object({
  version,
  parentId: id.nullable().optional(),
  name: text(200).optional(),
  kind: z.enum(unitKinds).optional(),
  adminCode: adminCode.optional(),
  active: z.boolean().optional(),
});
export type UpdateUnitInput = z.input<typeof UpdateUnit>;

/** GET /api/units: children of `parentId`, or name matches, or the user's top units. */
export const ListUnitsQuery = z.object({
  search: z.string().trim().max(100).optional(),
  parentId: id.optional(),
  kind: z.enum(unitKinds).optional(),
  page,
  pageSize,
});

const email = z
  .string()
  .trim()
  .max(200)
  .nullish()
  .transform((v) => (v === undefined || v === null || v === '' ? null : v))
  .refine((v) => v === null || z.email().safeParse(v).success, 'không đúng định dạng email');

/** A person's own fields, as created (the server also checks birth year and phone format). */
export const personFields = {
  fullName: text(120),
  gender: z
    .enum(genders)
    .nullish()
    .transform((v) => v ?? null),
  birthYear: z
    .number()
    .int()
    .nullish()
    .transform((v) => v ?? null),
  category: z.enum(personCategories),
  position: optionalText(200),
  email,
  phone: optionalText(30),
};

/** POST /api/people. `startedOn`: the day the person began in this unit (default today, Vietnam time). */
export const CreatePerson = z.object({
  ...personFields,
  unitId: id,
  startedOn: isoDate.optional(),
});
export type CreatePersonInput = z.input<typeof CreatePerson>;

/** PATCH /api/people/:id: any of the person's own fields (the unit changes by a move). */
export const UpdatePerson = z.object({
  version,
  fullName: personFields.fullName.optional(),
  gender: z.enum(genders).nullable().optional(),
  birthYear: z.number().int().nullable().optional(),
  category: personFields.category.optional(),
  position: personFields.position.optional(),
  email: personFields.email.optional(),
  phone: personFields.phone.optional(),
  active: z.boolean().optional(),
});
export type UpdatePersonInput = z.input<typeof UpdatePerson>;

/** POST /api/people/:id/move: to another unit from `effectiveDate` (the history is kept). */
export const MovePerson = z.object({
  version,
  unitId: id,
  position: optionalText(200).optional(),
  effectiveDate: isoDate,
});
export type MovePersonInput = z.input<typeof MovePerson>;

export const ListPeopleQuery = z.object({
  search: z.string().trim().max(100).optional(),
  unitId: id.optional(),
  category: z.enum(personCategories).optional(),
  active: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  page,
  pageSize,
});

export const importTypes = ['people', 'units'] as const;
export type ImportType = (typeof importTypes)[number];

/** GET /api/imports/template: which template. */
export const TemplateQuery = z.object({ type: z.enum(importTypes) });

/** The text fields of POST /api/imports (multipart, beside the file): what, into which unit. */
export const ImportFields = z.object({ type: z.enum(importTypes), unitId: id });

/** GET /api/exports/people and /units: the unit (with its subunits; default all the user sees). */
export const ExportQuery = z.object({
  unitId: id.optional(),
  search: z.string().trim().max(100).optional(),
});

// ── Responses ───────────────────────────────────────────────────────────────────────────────

/** A unit on a path: the tree from the top down to (and including) a unit. */
export const PathItem = z.object({ id: z.number().int(), name: z.string() });
export type PathItem = z.infer<typeof PathItem>;

/** A unit as the server returns it (toUnitResponse). */
export const Unit = z
  .object({
    id: z.number().int(),
    parentId: z.number().int().nullable(),
    name: z.string(),
    /** The name with its parents' where another unit of the province bears the same name. */
    displayName: z.string(),
    kind: z.enum(unitKinds),
    kindLabel: z.string(),
    adminCode: z.string().nullable(),
    active: z.boolean(),
    childCount: z.number().int(),
    /** Active people working in the unit itself. */
    peopleCount: z.number().int(),
    /** The unit's ancestors and itself, from the top. */
    path: z.array(PathItem),
    version: z.number().int(),
  })
  .meta({ id: 'Unit' });
export type Unit = z.infer<typeof Unit>;

/** What the user may do with a unit, as decided by the server. */
export const UnitPermissions = z.object({
  canEdit: z.boolean(),
  canCreateChild: z.boolean(),
  canManagePeople: z.boolean(),
  canImport: z.boolean(),
  canExport: z.boolean(),
  canViewAudit: z.boolean(),
});
export type UnitPermissions = z.infer<typeof UnitPermissions>;

export const UnitDetail = Unit.extend({ permissions: UnitPermissions });
export type UnitDetail = z.infer<typeof UnitDetail>;

/** A person as the server returns it (toPersonResponse); `unitPath` only in the detail. */
export const Person = z
  .object({
    id: z.number().int(),
    fullName: z.string(),
    gender: z.enum(genders).nullable(),
    genderLabel: z.string().nullable(),
    birthYear: z.number().int().nullable(),
    category: z.enum(personCategories),
    categoryLabel: z.string(),
    position: z.string().nullable(),
    unitId: z.number().int(),
    unitName: z.string(),
    unitPath: z.array(PathItem).optional(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    active: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'Person' });
export type Person = z.infer<typeof Person>;

/** A period of work in a unit; `endedOn` null for the current one. */
export const Assignment = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  position: z.string().nullable(),
  startedOn: dateOnly,
  endedOn: dateOnly.nullable(),
});
export type Assignment = z.infer<typeof Assignment>;

/** GET /api/people/:id: the person with their unit path, assignments and what the user may do. */
export const PersonDetail = Person.extend({
  unitPath: z.array(PathItem),
  assignments: z.array(Assignment),
  permissions: z.object({ canEdit: z.boolean(), canMove: z.boolean() }),
});
export type PersonDetail = z.infer<typeof PersonDetail>;

/** 202 to an import: the background job to follow (GET /api/jobs/:id). */
export const ImportStarted = z.object({ jobId: z.number().int() });

// ── Endpoints ───────────────────────────────────────────────────────────────────────────────

const unitTags = ['units'] as const;
const peopleTags = ['people'] as const;
const spreadsheetTags = ['imports and exports'] as const;
const unitParams = IdParams.describe('the unit');
const personParams = IdParams.describe('the person');

export const organizationEndpoints = {
  listUnits: defineEndpoint({
    method: 'GET',
    path: '/api/units',
    summary: "Units the user may see: a unit's children, name matches, or the user's top units",
    tags: unitTags,
    access: 'user',
    query: ListUnitsQuery,
    response: z.object({ items: z.array(Unit), total: z.number().int() }),
  }),
  unit: defineEndpoint({
    method: 'GET',
    path: '/api/units/:id',
    summary: 'A unit with its counts, path and what the user may do with it',
    tags: unitTags,
    access: 'user',
    params: unitParams,
    response: UnitDetail,
  }),
  createUnit: defineEndpoint({
    method: 'POST',
    path: '/api/units',
    summary: 'Create a unit under a parent the user manages',
    tags: unitTags,
    access: 'user',
    body: CreateUnit,
    response: Unit,
    status: 201,
  }),
  updateUnit: defineEndpoint({
    method: 'PATCH',
    path: '/api/units/:id',
    summary: 'Edit a unit, or move it (with its subtree) under another parent',
    tags: unitTags,
    access: 'user',
    params: unitParams,
    body: UpdateUnit,
    response: UnitDetail,
  }),
  unitHistory: defineEndpoint({
    method: 'GET',
    path: '/api/units/:id/history',
    summary: "A unit's change history (its audit entries), newest first",
    tags: unitTags,
    access: 'user',
    params: unitParams,
    query: HistoryQuery,
    response: AuditPage,
  }),
  listPeople: defineEndpoint({
    method: 'GET',
    path: '/api/people',
    summary: 'People the user may see, filtered and paged',
    tags: peopleTags,
    access: 'user',
    query: ListPeopleQuery,
    response: z.object({
      items: z.array(Person),
      total: z.number().int(),
      totalCapped: z.boolean().optional(),
    }),
  }),
  person: defineEndpoint({
    method: 'GET',
    path: '/api/people/:id',
    summary: 'A person with their unit path, assignments and what the user may do',
    tags: peopleTags,
    access: 'user',
    params: personParams,
    response: PersonDetail,
  }),
  createPerson: defineEndpoint({
    method: 'POST',
    path: '/api/people',
    summary: 'Add a person to a unit the user manages',
    tags: peopleTags,
    access: 'user',
    body: CreatePerson,
    response: Person,
    status: 201,
  }),
  updatePerson: defineEndpoint({
    method: 'PATCH',
    path: '/api/people/:id',
    summary: "Edit a person's own fields",
    tags: peopleTags,
    access: 'user',
    params: personParams,
    body: UpdatePerson,
    response: Person,
  }),
  movePerson: defineEndpoint({
    method: 'POST',
    path: '/api/people/:id/move',
    summary: 'Move a person to another unit from a date (ends the current assignment)',
    tags: peopleTags,
    access: 'user',
    params: personParams,
    body: MovePerson,
    response: Person,
  }),
  personHistory: defineEndpoint({
    method: 'GET',
    path: '/api/people/:id/history',
    summary: "A person's change history (their audit entries), newest first",
    tags: peopleTags,
    access: 'user',
    params: personParams,
    query: HistoryQuery,
    response: AuditPage,
  }),
  importTemplate: defineEndpoint({
    method: 'GET',
    path: '/api/imports/template',
    summary: 'The .xlsx template for importing people or units',
    tags: spreadsheetTags,
    access: 'user',
    query: TemplateQuery,
    response: { kind: 'file', contentType: XLSX },
  }),
  startImport: defineEndpoint({
    method: 'POST',
    path: '/api/imports',
    summary: 'Upload an .xlsx of people or units into a unit; runs as a background job',
    tags: spreadsheetTags,
    access: 'user',
    upload: { accept: [XLSX] },
    body: ImportFields,
    response: ImportStarted,
    status: 202,
  }),
  exportPeople: defineEndpoint({
    method: 'GET',
    path: '/api/exports/people',
    summary: 'People of a unit (with its subunits) as .xlsx',
    tags: spreadsheetTags,
    access: 'user',
    query: ExportQuery,
    response: { kind: 'file', contentType: XLSX },
  }),
  exportUnits: defineEndpoint({
    method: 'GET',
    path: '/api/exports/units',
    summary: 'Units of a subtree as .xlsx',
    tags: spreadsheetTags,
    access: 'user',
    query: ExportQuery,
    response: { kind: 'file', contentType: XLSX },
  }),
};
