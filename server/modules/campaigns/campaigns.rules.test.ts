import { describe, expect, it } from 'vitest';
import {
  canTransition,
  cascadeState,
  formatDocumentNumber,
  issuingBodyName,
  placeOf,
  reminderStage,
  statusByDate,
} from './campaigns.rules';

describe('document numbers (Decree 30/2020)', () => {
  it.each([
    [1, 'KH', 'UBND', '01/KH-UBND'],
    [9, 'KH', 'UBND', '09/KH-UBND'],
    [10, 'HD', 'UBND', '10/HD-UBND'],
    [47, 'KH', 'UBND', '47/KH-UBND'],
    [123, 'CTr', 'HĐTĐKT', '123/CTr-HĐTĐKT'],
  ] as const)('%i %s-%s → %s', (n, type, symbol, expected) => {
    expect(formatDocumentNumber(n, type, symbol)).toBe(expected);
  });
});

describe('status by date', () => {
  const today = '2026-11-22';
  it.each([
    ['issued', '2026-12-01', '2027-12-31', 'issued'],
    ['issued', '2026-11-22', '2027-12-31', 'in_progress'],
    ['issued', null, '2027-12-31', 'in_progress'],
    ['issued', '2022-02-18', '2025-12-31', 'in_review'],
    ['in_progress', '2026-01-01', '2026-11-21', 'in_review'],
    ['in_progress', '2026-01-01', '2026-11-22', 'in_progress'],
    ['in_review', '2026-01-01', '2026-12-31', 'in_review'],
    ['draft', '2020-01-01', '2020-12-31', 'draft'],
    ['closed', '2020-01-01', '2020-12-31', 'closed'],
    ['cancelled', '2026-01-01', '2026-12-31', 'cancelled'],
  ] as const)('%s from %s to %s → %s', (status, start, end, expected) => {
    expect(statusByDate(status, start, end, today)).toBe(expected);
  });

  it('allows only the manual transitions of the lifecycle', () => {
    expect(canTransition('draft', 'issued')).toBe(true);
    expect(canTransition('issued', 'issued')).toBe(false);
    expect(canTransition('in_review', 'closed')).toBe(true);
    expect(canTransition('draft', 'closed')).toBe(false);
    expect(canTransition('closed', 'cancelled')).toBe(false);
    expect(canTransition('in_progress', 'cancelled')).toBe(true);
  });
});

describe('cascade states', () => {
  const deadline = '2022-02-28';
  it.each([
    [null, '2022-02-20', 'missing'],
    [null, '2022-03-01', 'late'],
    [{ status: 'draft', issuedOn: null }, '2022-02-27', 'draft'],
    [{ status: 'draft', issuedOn: null }, '2022-03-01', 'late'],
    [{ status: 'in_progress', issuedOn: '2022-02-25' }, '2022-03-10', 'issued'],
    [{ status: 'issued', issuedOn: '2022-02-28' }, '2022-02-28', 'issued'],
    [{ status: 'in_progress', issuedOn: '2022-03-02' }, '2022-03-10', 'late'],
  ] as const)('%o on %s → %s', (child, today, expected) => {
    expect(cascadeState(child, deadline, today)).toBe(expected);
  });

  it('without a deadline nothing is late', () => {
    expect(cascadeState(null, null, '2030-01-01')).toBe('missing');
  });
});

describe('reminders', () => {
  it.each([
    ['2022-02-10', null],
    ['2022-02-20', null],
    ['2022-02-21', 7],
    ['2022-02-24', 7],
    ['2022-02-25', 3],
    ['2022-02-27', 1],
    ['2022-02-28', 0],
    ['2022-03-01', -1],
  ] as const)('on %s the stage is %s', (today, stage) => {
    expect(reminderStage('2022-02-28', today)).toBe(stage);
  });
});

describe('names in the header', () => {
  it('builds the issuing body and the place from the unit', () => {
    expect(issuingBodyName('commune', 'Xã Lương Điền')).toBe('ỦY BAN NHÂN DÂN XÃ LƯƠNG ĐIỀN');
    expect(issuingBodyName('department', 'Phòng Nội vụ')).toBe('PHÒNG NỘI VỤ');
    expect(placeOf('Xã Lương Điền')).toBe('Lương Điền');
    expect(placeOf('Huyện Châu Thành')).toBe('Châu Thành');
    expect(placeOf('Thị xã Hồng Lĩnh')).toBe('Hồng Lĩnh');
  });
});
