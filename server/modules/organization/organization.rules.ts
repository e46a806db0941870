import { unitKindLabels, type UnitKind } from '../../../shared/org';

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

export function canContain(parent: UnitKind | null, child: UnitKind): boolean {
  return parent === null ? rootKinds.includes(child) : allowedChildKinds[parent].includes(child);
}

/** The Vietnamese reason a kind cannot go under a parent, or null when it can. */
export function containmentError(parent: UnitKind | null, child: UnitKind): string | null {
  if (canContain(parent, child)) return null;
  if (parent === null)
    return `đơn vị cấp cao nhất phải là ${unitKindLabels.province.toLowerCase()}`;
  return `"${unitKindLabels[child]}" không thể trực thuộc "${unitKindLabels[parent]}"`;
}

/** Birth years accepted for staff: 15 to 100 years before the given year. */
export function birthYearBounds(currentYear: number): { min: number; max: number } {
  return { min: currentYear - 100, max: currentYear - 15 };
}

/** Vietnamese phone numbers: 0 or +84 then 9–10 digits; spaces, dots and dashes ignored. */
export function normalisePhone(raw: string): string | null {
  const compact = raw.replace(/[\s.-]/g, '');
  if (/^(\+84|0)\d{9,10}$/.test(compact)) return compact;
  return null;
}
