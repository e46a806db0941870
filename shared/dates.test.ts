import { describe, expect, it } from 'vitest';
import { addDays, daysLeft, formatVietnamDate, vietnamDate } from './dates';

describe('vietnamDate', () => {
  it.each([
    // Midnight in Vietnam is 17:00 UTC the day before.
    ['2025-03-09T16:59:59.999Z', '2025-03-09'],
    ['2025-03-09T17:00:00.000Z', '2025-03-10'],
    ['2025-03-10T00:00:00+07:00', '2025-03-10'],
    ['2025-03-09T23:59:59+07:00', '2025-03-09'],
    // Month end, year end, leap day.
    ['2025-04-30T17:00:00Z', '2025-05-01'],
    ['2024-12-31T16:59:59Z', '2024-12-31'],
    ['2024-12-31T17:00:00Z', '2025-01-01'],
    ['2024-02-28T17:00:00Z', '2024-02-29'],
    ['2024-02-29T17:00:00Z', '2024-03-01'],
    ['2023-02-28T17:00:00Z', '2023-03-01'],
    // A date stays the date it is.
    ['2024-02-29', '2024-02-29'],
  ])('%s is %s in Vietnam', (at, expected) => {
    expect(vietnamDate(at)).toBe(expected);
    if (at.includes('T')) expect(vietnamDate(new Date(at))).toBe(expected);
  });

  it('refuses what is not a date', () => {
    expect(() => vietnamDate('31/12/2024')).toThrow(RangeError);
    expect(() => vietnamDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('daysLeft', () => {
  it.each([
    // [deadline, now, days]
    // Five days before the deadline is 5, at any hour of the Vietnam day (the "7").
    ['2025-07-15', '2025-07-10T00:00:00+07:00', 5],
    ['2025-07-15', '2025-07-10T23:59:00+07:00', 5],
    ['2025-07-15', '2025-07-09T17:00:00Z', 5],
    ['2025-07-15', '2025-07-09T16:59:59Z', 6],
    // The deadline day itself is 0 until Vietnam midnight, then it has passed.
    ['2025-07-15', '2025-07-14T17:00:00Z', 0],
    ['2025-07-15', '2025-07-15T16:59:59Z', 0],
    ['2025-07-15', '2025-07-15T17:00:00Z', -1],
    // Tomorrow is 1 however few hours remain.
    ['2025-07-15', '2025-07-14T16:59:59Z', 1],
    // Month ends (30, 31 and February), year end, leap day.
    ['2025-05-01', '2025-04-30T08:00:00+07:00', 1],
    ['2025-04-01', '2025-03-31T08:00:00+07:00', 1],
    ['2025-03-01', '2025-02-28T08:00:00+07:00', 1],
    ['2024-03-01', '2024-02-28T08:00:00+07:00', 2],
    ['2024-02-29', '2024-02-28T17:00:00Z', 0],
    ['2025-01-01', '2024-12-31T16:59:59Z', 1],
    ['2025-01-01', '2024-12-31T17:00:00Z', 0],
    ['2025-01-07', '2024-12-25T12:00:00+07:00', 13],
    ['2024-12-31', '2024-01-01', 365],
    ['2025-12-31', '2025-01-01', 364],
    // Both dates, and a deadline given as an instant (its Vietnam day counts).
    ['2025-07-15', '2025-07-08', 7],
    ['2025-07-15T10:00:00Z', '2025-07-08', 7],
    ['2025-07-14T18:00:00Z', '2025-07-08', 7],
    ['2020-07-31', '2020-08-03', -3],
  ])('to %s from %s is %i', (deadline, now, days) => {
    expect(daysLeft(deadline, now)).toBe(days);
    if (now.includes('T')) expect(daysLeft(deadline, new Date(now))).toBe(days);
  });
});

describe('addDays and formatVietnamDate', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-28', 2, '2024-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2024-12-31T17:30:00Z', 30, '2025-01-31'],
  ])('%s + %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('writes DD/MM/YYYY of the Vietnam day', () => {
    expect(formatVietnamDate('2023-12-20T17:30:00Z')).toBe('21/12/2023');
    expect(formatVietnamDate('2024-02-29')).toBe('29/02/2024');
  });
});
