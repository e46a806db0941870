/**
 * Organisation vocabulary shared by server and web: unit kinds, person categories, genders.
 * Stored as text with a CHECK constraint; labels are what users read.
 */

export const UnitKind = {
  province: 'province',
  district: 'district',
  commune: 'commune',
  ward: 'ward',
  township: 'township',
  specialZone: 'special_zone',
  department: 'department',
  oneStop: 'one_stop',
  partyMassOrg: 'party_mass_org',
  publicServiceUnit: 'public_service_unit',
  village: 'village',
} as const;
export type UnitKind = (typeof UnitKind)[keyof typeof UnitKind];
export const unitKinds = Object.values(UnitKind) as [UnitKind, ...UnitKind[]];

export const unitKindLabels: Record<UnitKind, string> = {
  province: 'Tỉnh / thành phố trực thuộc TW',
  district: 'Cấp huyện (trước 01/7/2025)',
  commune: 'Xã',
  ward: 'Phường',
  township: 'Thị trấn (trước 01/7/2025)',
  special_zone: 'Đặc khu',
  department: 'Cơ quan, phòng, ban chuyên môn',
  one_stop: 'Bộ phận một cửa',
  party_mass_org: 'Tổ chức Đảng, đoàn thể',
  public_service_unit: 'Đơn vị sự nghiệp công lập',
  village: 'Thôn, tổ dân phố',
};

/** Kinds that are a level of local government (they can have their own People's Committee). */
export const governmentKinds: readonly UnitKind[] = [
  'province',
  'district',
  'commune',
  'ward',
  'township',
  'special_zone',
];

export const PersonCategory = {
  canBo: 'can_bo',
  congChuc: 'cong_chuc',
  vienChuc: 'vien_chuc',
  nguoiLaoDong: 'nguoi_lao_dong',
  other: 'other',
} as const;
export type PersonCategory = (typeof PersonCategory)[keyof typeof PersonCategory];
export const personCategories = Object.values(PersonCategory) as [
  PersonCategory,
  ...PersonCategory[],
];
export const personCategoryLabels: Record<PersonCategory, string> = {
  can_bo: 'Cán bộ',
  cong_chuc: 'Công chức',
  vien_chuc: 'Viên chức',
  nguoi_lao_dong: 'Người lao động',
  other: 'Khác',
};

export const Gender = { male: 'male', female: 'female' } as const;
export type Gender = (typeof Gender)[keyof typeof Gender];
export const genders = Object.values(Gender) as [Gender, ...Gender[]];
export const genderLabels: Record<Gender, string> = { male: 'Nam', female: 'Nữ' };

/**
 * Which kinds of unit may sit under which. The tree holds both the historic three-level shape
 * (province › district › commune, as in the seed plans) and today's two-level shape
 * (province › commune/ward/special zone, since districts were abolished on 1/7/2025).
 */
export const allowedChildKinds: Record<UnitKind, readonly UnitKind[]> = {
  province: [
    'district',
    'commune',
    'ward',
    'special_zone',
    'department',
    'one_stop',
    'party_mass_org',
    'public_service_unit',
  ],
  district: [
    'commune',
    'ward',
    'township',
    'department',
    'one_stop',
    'party_mass_org',
    'public_service_unit',
  ],
  commune: ['department', 'one_stop', 'party_mass_org', 'public_service_unit', 'village'],
  ward: ['department', 'one_stop', 'party_mass_org', 'public_service_unit', 'village'],
  township: ['department', 'one_stop', 'party_mass_org', 'public_service_unit', 'village'],
  special_zone: ['department', 'one_stop', 'party_mass_org', 'public_service_unit', 'village'],
  department: ['department', 'one_stop', 'public_service_unit'],
  one_stop: [],
  party_mass_org: ['party_mass_org'],
  public_service_unit: ['department', 'public_service_unit'],
  village: [],
};

/** Kinds allowed at the top of a tree (no parent). */
export const rootKinds: readonly UnitKind[] = ['province'];

/**
 * Between a unit's name and the ancestors' names its display name adds where another unit of the
 * province bears the same name: "Bộ phận một cửa – Xã Lương Điền" (organization module).
 */
export const DISPLAY_NAME_SEPARATOR = ' – ';

/** The names of `place` (a unit's ancestors) its display name does not already carry. */
export function placeBeyondName(displayName: string, place: readonly string[]): string[] {
  const carried = new Set(displayName.split(DISPLAY_NAME_SEPARATOR).slice(1));
  return place.filter((name) => !carried.has(name));
}
