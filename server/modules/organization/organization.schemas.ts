import {
  genderLabels,
  personCategoryLabels,
  unitKindLabels,
  type Gender,
  type PersonCategory,
  type UnitKind,
} from '../../../shared/org';

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

// The request schemas are the contract's (decision 027); services import them from here.
export {
  CreatePerson,
  CreateUnit,
  ListPeopleQuery,
  ListUnitsQuery,
  MovePerson,
  UpdatePerson,
  UpdateUnit,
} from '../../../shared/api/organization';

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

/** A person as the API answers (shared/api Person); `unitPath` only where it was loaded. */
export function toPersonResponse<
  Path extends { id: number; name: string }[] | undefined = undefined,
>(p: PersonListRow, unitPath?: Path) {
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
    unitPath: unitPath as Path,
    email: p.email,
    phone: p.phone,
    active: p.active,
    version: p.version,
  };
}
