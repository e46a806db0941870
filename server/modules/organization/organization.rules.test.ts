import { describe, expect, it } from 'vitest';
import {
  birthYearBounds,
  canContain,
  containmentError,
  normalisePhone,
} from './organization.rules';
import type { UnitKind } from '../../../shared/org';

describe('unit containment', () => {
  const cases: [UnitKind | null, UnitKind, boolean][] = [
    [null, 'province', true],
    [null, 'commune', false],
    ['province', 'district', true], // historic three-level shape
    ['province', 'commune', true], // two-level shape since 1/7/2025
    ['province', 'special_zone', true],
    ['district', 'commune', true],
    ['district', 'township', true],
    ['province', 'township', false],
    ['commune', 'one_stop', true],
    ['commune', 'village', true],
    ['commune', 'commune', false],
    ['village', 'department', false],
    ['one_stop', 'department', false],
    ['department', 'department', true],
    ['party_mass_org', 'party_mass_org', true],
  ];
  it.each(cases)('%s › %s allowed = %s', (parent, child, expected) => {
    expect(canContain(parent, child)).toBe(expected);
    expect(containmentError(parent, child) === null).toBe(expected);
  });
  it('explains a refusal in Vietnamese naming both kinds', () => {
    expect(containmentError('village', 'department')).toBe(
      '"Cơ quan, phòng, ban chuyên môn" không thể trực thuộc "Thôn, tổ dân phố"',
    );
  });
});

describe('person fields', () => {
  it('bounds birth years to working ages', () => {
    expect(birthYearBounds(2026)).toEqual({ min: 1926, max: 2011 });
  });
  it.each([
    ['0912 345 678', '0912345678'],
    ['+84 912.345.678', '+84912345678'],
    ['0220.3812.345', '02203812345'],
    ['12345', null],
    ['09123456789012', null],
  ])('phone %s → %s', (raw, expected) => {
    expect(normalisePhone(raw)).toBe(expected);
  });
});
