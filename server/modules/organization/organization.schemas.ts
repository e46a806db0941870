import {
  genderLabels,
  personCategories,
  personCategoryLabels,
  unitKindLabels,
  unitKinds,
  genders,
  type Gender,
  type PersonCategory,
  type UnitKind,
} from '../../../shared/org';
import { id, isoDate, optionalText, page, pageSize, text, z } from '../../platform/validation';

export const unitLabels: Record<string, string> = {
  parentId: 'Đơn vị cấp trên',
  name: 'Tên đơn vị',
  kind: 'Loại đơn vị',
  adminCode: 'Mã hành chính',
  active: 'Đang hoạt động',
  version: 'Phiên bản',
};

export const personLabels: Record<string, string> = {
  fullName: 'Họ và tên',
  gender: 'Giới tính',
  birthYear: 'Năm sinh',
  category: 'Đối tượng',
  position: 'Chức vụ',
  unitId: 'Đơn vị',
  email: 'Email',
  phone: 'Số điện thoại',
  active: 'Đang công tác',
  version: 'Phiên bản',
  effectiveDate: 'Ngày hiệu lực',
  startedOn: 'Ngày bắt đầu công tác',
};

const adminCode = optionalText(20).refine(
  (v) => v === null || /^[0-9A-Za-z.-]+$/.test(v),
  'chỉ gồm chữ số, chữ cái không dấu, dấu chấm hoặc gạch',
);

export const CreateUnit = z.object({
  parentId: id.nullable(),
  name: text(200),
  kind: z.enum(unitKinds),
  adminCode: adminCode.optional(),
  active: z.boolean().default(true),
});

export const UpdateUnit = z.object({
  version: z.number().int().positive(),
  parentId: id.nullable().optional(),
  name: text(200).optional(),
  kind: z.enum(unitKinds).optional(),
  adminCode: adminCode.optional(),
  active: z.boolean().optional(),
});

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

/** `startedOn`: the day the person began in this unit (defaults to today, Vietnam time). */
export const CreatePerson = z.object({
  ...personFields,
  unitId: id,
  startedOn: isoDate.optional(),
});

export const UpdatePerson = z.object({
  version: z.number().int().positive(),
  fullName: personFields.fullName.optional(),
  gender: z.enum(genders).nullable().optional(),
  birthYear: z.number().int().nullable().optional(),
  category: personFields.category.optional(),
  position: personFields.position.optional(),
  email: personFields.email.optional(),
  phone: personFields.phone.optional(),
  active: z.boolean().optional(),
});

export const MovePerson = z.object({
  version: z.number().int().positive(),
  unitId: id,
  position: optionalText(200).optional(),
  effectiveDate: isoDate,
});

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

export function toUnitResponse(u: {
  id: number;
  parentId: number | null;
  name: string;
  displayName: string;
  kind: UnitKind;
  adminCode: string | null;
  active: boolean;
  version: number;
  childCount: number;
  peopleCount: number;
  ancestors: { id: number; name: string }[] | null;
}) {
  return {
    id: u.id,
    parentId: u.parentId,
    name: u.name,
    /** The name with its parents' where another unit of the tree bears the same name. */
    displayName: u.displayName,
    kind: u.kind,
    kindLabel: unitKindLabels[u.kind],
    adminCode: u.adminCode,
    active: u.active,
    childCount: u.childCount,
    peopleCount: u.peopleCount,
    path: u.ancestors ?? [],
    version: u.version,
  };
}

export type PersonListRow = {
  id: number;
  fullName: string;
  gender: Gender | null;
  birthYear: number | null;
  category: PersonCategory;
  position: string | null;
  unitId: number;
  unitName: string;
  email: string | null;
  phone: string | null;
  active: boolean;
  version: number;
};

export function toPersonResponse(p: PersonListRow, unitPath?: { id: number; name: string }[]) {
  return {
    id: p.id,
    fullName: p.fullName,
    gender: p.gender,
    genderLabel: p.gender === null ? null : genderLabels[p.gender],
    birthYear: p.birthYear,
    category: p.category,
    categoryLabel: personCategoryLabels[p.category],
    position: p.position,
    unitId: p.unitId,
    unitName: p.unitName,
    unitPath,
    email: p.email,
    phone: p.phone,
    active: p.active,
    version: p.version,
  };
}
