import { describe, expect, it } from 'vitest';
import { periodText } from '../modules/portal/portal-format';
import { formatDate, formatNumber, formatPath } from './format';

describe('format', () => {
  it.each([
    ['2026-03-01', '01/03/2026'],
    [null, ''],
    [undefined, ''],
    ['', ''],
  ])('formatDate(%j) → %j', (iso, text) => {
    expect(formatDate(iso)).toBe(text);
  });

  it('formatNumber groups thousands the Vietnamese way, blank without a number', () => {
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatNumber(null)).toBe('');
  });

  it('formatPath joins unit names from the top', () => {
    expect(formatPath([{ name: 'Tỉnh A' }, { name: 'Xã B' }])).toBe('Tỉnh A › Xã B');
    expect(formatPath([])).toBe('');
  });

  it.each([
    ['2022-03-01', '2025-12-31', '01/03/2022 – 31/12/2025'],
    ['2022-03-01', null, 'Từ 01/03/2022'],
    [null, '2025-12-31', 'Đến 31/12/2025'],
    [null, null, ''],
  ])('periodText(%j, %j) → %j', (start, end, text) => {
    expect(periodText(start, end)).toBe(text);
  });
});
