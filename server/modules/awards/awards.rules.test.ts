import { describe, expect, it } from 'vitest';
import {
  awardAmount,
  effectiveEnd,
  newEffectiveFromProblems,
  newVersionProblems,
  roundedProduct,
  versionOn,
  vnd,
  type Rounding,
} from './awards.rules';
import { BASE_2024, BASE_2026, decree152Table } from './awards.fixtures';

const up10k: Rounding = { mode: 'up', step: 10_000, effectiveFrom: '2024-01-01' };
const bases = [BASE_2024, BASE_2026];
const form = (coefficient: number | null, fixedAmount: number | null = null) => ({
  name: 'Giấy khen',
  coefficient,
  fixedAmount,
});
const amountOn = (coefficient: number, decisionDate: string) => {
  const r = awardAmount({
    version: form(coefficient),
    decisionDate,
    baseSalaries: bases,
    roundings: [up10k],
  });
  if (!r.ok) throw new Error(r.reason);
  return r;
};

describe('awardAmount: every row of the Decree 152 table', () => {
  it.each(decree152Table)('%s (hệ số %s): %s at 2.340.000đ', (_code, coefficient, at2340) => {
    expect(amountOn(coefficient, '2025-12-31').amount).toBe(at2340);
  });
  it.each(decree152Table)('%s (hệ số %s): %s at 2.530.000đ', (_code, coefficient, _a, at2530) => {
    expect(amountOn(coefficient, '2026-07-01').amount).toBe(at2530);
  });
});

describe('awardAmount: the base salary of the decision date, boundaries included', () => {
  it.each([
    ['2024-06-30', null],
    ['2024-07-01', 710_000],
    ['2026-06-30', 710_000],
    ['2026-07-01', 760_000],
    ['2030-01-01', 760_000],
  ])('Giấy khen cá nhân decided on %s: %s', (date, expected) => {
    const r = awardAmount({
      version: form(0.3),
      decisionDate: date,
      baseSalaries: bases,
      roundings: [up10k],
    });
    if (expected === null) {
      expect(r).toEqual({ ok: false, reason: 'Chưa có mức lương cơ sở áp dụng ngày 30/06/2024.' });
    } else {
      expect(r.ok && r.amount).toBe(expected);
    }
  });

  it('explains the product and the rounding in Vietnamese', () => {
    expect(amountOn(0.3, '2025-09-01').explanation).toBe(
      '0,3 × 2.340.000đ = 702.000đ, làm tròn lên 710.000đ',
    );
    expect(amountOn(1, '2025-09-01').explanation).toBe('1 × 2.340.000đ = 2.340.000đ');
    expect(amountOn(0.45, '2026-07-01').explanation).toBe(
      '0,45 × 2.530.000đ = 1.138.500đ, làm tròn lên 1.140.000đ',
    );
  });

  it("takes the plan's fixed amount before the coefficient, and the form's own fixed amount", () => {
    const gift = awardAmount({
      version: form(0.3),
      decisionDate: '2023-05-01',
      baseSalaries: [],
      roundings: [],
      fixedAmount: 300_000,
    });
    expect(gift).toMatchObject({
      ok: true,
      amount: 300_000,
      explanation: 'Mức cố định theo kế hoạch: 300.000đ',
    });
    const own = awardAmount({
      version: form(null, 500_000),
      decisionDate: '2025-09-01',
      baseSalaries: bases,
      roundings: [],
    });
    expect(own).toMatchObject({ ok: true, amount: 500_000 });
  });

  it('says why when the form has no amount', () => {
    const r = awardAmount({
      version: { name: 'Giấy chứng nhận', coefficient: null, fixedAmount: null },
      decisionDate: '2025-09-01',
      baseSalaries: bases,
      roundings: [up10k],
    });
    expect(r).toEqual({ ok: false, reason: 'Giấy chứng nhận không có hệ số hay mức tiền thưởng.' });
  });
});

describe('rounding rule as a dated setting', () => {
  it.each([
    [{ mode: 'up', step: 10_000 }, 0.3, 2_340_000, 710_000],
    [{ mode: 'up', step: 1_000 }, 0.3, 2_340_000, 702_000],
    [{ mode: 'nearest', step: 10_000 }, 0.3, 2_340_000, 700_000],
    [{ mode: 'nearest', step: 10_000 }, 0.8, 2_340_000, 1_870_000],
    [{ mode: 'none', step: 1 }, 0.45, 2_340_001, 1_053_000],
  ] as const)('%o: %s × %s → %s', (rounding, coefficient, base, expected) => {
    expect(roundedProduct(coefficient, base, rounding).amount).toBe(expected);
  });

  it('applies the rule in force on the decision date; before any rule, up to 10.000đ', () => {
    const exact: Rounding = { mode: 'none', step: 1, effectiveFrom: '2026-01-01' };
    const on = (date: string) =>
      awardAmount({
        version: form(0.3),
        decisionDate: date,
        baseSalaries: bases,
        roundings: [exact],
      });
    expect(on('2025-12-31')).toMatchObject({ amount: 710_000 });
    expect(on('2026-01-01')).toMatchObject({
      amount: 702_000,
      explanation: '0,3 × 2.340.000đ = 702.000đ',
    });
  });

  it('writes fractions of a đồng with a decimal comma', () => {
    expect(vnd(1_053_000.45)).toBe('1.053.000,45đ');
    expect(vnd(702_000)).toBe('702.000đ');
  });
});

describe('versions in force', () => {
  const versions = [
    { id: 1, validFrom: '2024-01-01', validTo: null },
    { id: 2, validFrom: '2025-07-01', validTo: '2026-12-31' },
  ];
  it.each([
    ['2023-12-31', undefined],
    ['2024-01-01', 1],
    ['2025-06-30', 1],
    ['2025-07-01', 2],
    ['2026-12-31', 2],
    ['2027-01-01', undefined],
  ])('on %s: version %s', (date, id) => {
    expect(versionOn(versions, date)?.id).toBe(id);
  });
  it('ends an open version the day before the next starts', () => {
    expect(effectiveEnd(versions[0]!, versions)).toBe('2025-06-30');
    expect(effectiveEnd(versions[1]!, versions)).toBe('2026-12-31');
  });
});

describe('checks on a new version', () => {
  const open = [{ validFrom: '2025-07-01', validTo: null }];
  const closed = [{ validFrom: '2025-07-01', validTo: '2026-06-30' }];
  const v = (validFrom: string, validTo: string | null = null) => ({
    validFrom,
    validTo,
    coefficient: 0.3,
    fixedAmount: null,
  });
  it.each([
    ['after an open version', open, v('2026-07-01'), []],
    ['on the open version’s start', open, v('2025-07-01'), ['validFrom']],
    ['before the latest start', open, v('2025-01-01'), ['validFrom']],
    ['inside a closed version', closed, v('2026-06-30'), ['validFrom']],
    ['the day after a closed version', closed, v('2026-07-01'), []],
    ['ending before it starts', [], v('2026-07-01', '2026-06-30'), ['validTo']],
    ['one-day version', [], v('2026-07-01', '2026-07-01'), []],
  ])('%s', (_name, existing, input, fields) => {
    expect(newVersionProblems(existing, input).map((p) => p.field)).toEqual(fields);
  });
  it('refuses both a coefficient and a fixed amount', () => {
    const p = newVersionProblems([], { ...v('2026-07-01'), fixedAmount: 1000 });
    expect(p).toEqual([
      { field: 'fixedAmount', message: 'chỉ nhập hệ số hoặc mức tiền cố định, không nhập cả hai' },
    ]);
  });
  it('names the date of the latest base salary when a new one is not after it', () => {
    expect(newEffectiveFromProblems([BASE_2024], '2026-07-01')).toEqual([]);
    expect(newEffectiveFromProblems([BASE_2024], '2024-07-01')[0]?.message).toContain('01/07/2024');
  });
});
