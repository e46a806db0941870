import { describe, expect, it } from 'vitest';
import type { RegisterStatus } from '../../../shared/documents';
import {
  formatDocumentNumber,
  nextRegisterStatus,
  parseDocumentNumber,
  type RegisterChange,
} from './register.rules';

describe('register rules', () => {
  it.each([
    [5, 'KH', 'UBND', '05/KH-UBND'],
    [47, 'CTr', 'UBND', '47/CTr-UBND'],
    [120, 'HD', 'BTĐKT', '120/HD-BTĐKT'],
  ])('writes number %i of %s-%s as %s', (n, type, symbol, want) => {
    expect(formatDocumentNumber(n, type, symbol)).toBe(want);
  });

  it.each<[string, string, ReturnType<typeof parseDocumentNumber>]>([
    ['47/KH-UBND', 'KH-UBND', { number: 47 }],
    ['047 / KH - UBND', 'KH-UBND', { number: 47 }],
    ['12/ctr-ubnd', 'CTr-UBND', { number: 12 }],
    ['47/QĐ-UBND', 'KH-UBND', { error: 'phải có dạng "47/KH-UBND"' }],
    ['KH-UBND', 'KH-UBND', { error: 'phải có dạng "47/KH-UBND"' }],
    ['0/KH-UBND', 'KH-UBND', { error: 'phải lớn hơn 0' }],
  ])('reads %s against %s', (text, symbol, want) => {
    expect(parseDocumentNumber(text, symbol)).toEqual(want);
  });

  it.each<[RegisterStatus, RegisterChange, RegisterStatus | null]>([
    ['reserved', 'issue', 'issued'],
    ['issued', 'issue', null],
    ['cancelled', 'issue', null],
    ['reserved', 'cancel', 'cancelled'],
    ['issued', 'cancel', 'cancelled'],
    ['cancelled', 'cancel', null],
  ])('%s --%s--> %s', (from, change, to) => {
    expect(nextRegisterStatus(from, change)).toBe(to);
  });
});
