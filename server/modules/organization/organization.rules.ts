import { allowedChildKinds, rootKinds, unitKindLabels, type UnitKind } from '../../../shared/org';

export { allowedChildKinds, rootKinds };

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
