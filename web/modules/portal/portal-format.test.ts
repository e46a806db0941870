import { describe, expect, it } from 'vitest';
import { periodText } from './portal-format';

describe('periodText', () => {
  it.each([
    ['2022-03-01', '2025-12-31', '01/03/2022 – 31/12/2025'],
    ['2022-03-01', null, 'Từ 01/03/2022'],
    [null, '2025-12-31', 'Đến 31/12/2025'],
    [null, null, ''],
  ])('periodText(%j, %j) → %j', (start, end, text) => {
    expect(periodText(start, end)).toBe(text);
  });
});
