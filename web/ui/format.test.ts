import { describe, expect, it } from 'vitest';
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
});
