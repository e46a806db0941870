import { describe, expect, it } from 'vitest';
import { describeQuota, quotaCap, roundQuota } from '../../../shared/quotas';
import { selectWithinQuota, type QuotaCandidate } from './quotas.rules';

const c = (key: string, score: number, extra: Partial<QuotaCandidate> = {}): QuotaCandidate => ({
  key,
  name: key.toUpperCase(),
  score,
  ...extra,
});
const pct = (maxPercent: number, subject: 'individual' | 'collective' = 'individual') => ({
  maxCount: null,
  maxPercent,
  rounding: 'floor' as const,
  subject,
});
const count = (maxCount: number, subject: 'individual' | 'collective' = 'individual') => ({
  maxCount,
  maxPercent: null,
  rounding: 'floor' as const,
  subject,
});
const statuses = (o: ReturnType<typeof selectWithinQuota>) =>
  Object.fromEntries(o.rows.map((r) => [r.key, r.status]));

describe('roundQuota / quotaCap', () => {
  it.each([
    [0.6, 'floor', 0],
    [0.6, 'round', 1],
    [0.6, 'ceil', 1],
    [3, 'floor', 3],
    [(20 * 15) / 100, 'floor', 3],
    [(7 * 100) / 100, 'floor', 7],
    [(14 * 50) / 100, 'ceil', 7],
    [1.4, 'floor', 1],
    [2.5, 'round', 3],
  ] as const)('%s by %s → %s', (value, rounding, expected) => {
    expect(roundQuota(value, rounding)).toBe(expected);
  });

  it('the smaller of count and percent wins, and says why', () => {
    expect(quotaCap({ maxCount: 2, maxPercent: 20, rounding: 'floor' }, 15)).toEqual({
      cap: 2,
      reason: '2 (số lượng tối đa)',
    });
    expect(quotaCap({ maxCount: 5, maxPercent: 20, rounding: 'floor' }, 15)).toEqual({
      cap: 3,
      reason: '3 (20% của 15)',
    });
    expect(quotaCap({ maxCount: null, maxPercent: 12.5, rounding: 'floor' }, 16).reason).toBe(
      '2 (12,5% của 16)',
    );
  });
});

describe('describeQuota', () => {
  it('names a quota as the plan would write it, or keeps its own words', () => {
    const q = { maxCount: 1, maxPercent: null, subject: 'collective' as const, text: null };
    expect(describeQuota(q)).toBe('không quá 01 tập thể');
    expect(describeQuota({ ...q, maxCount: 3, maxPercent: 20, subject: 'individual' })).toBe(
      'không quá 03 cá nhân và 20% cá nhân',
    );
    expect(describeQuota({ ...q, text: 'Cấp xã: không quá 01 tập thể' })).toBe(
      'Cấp xã: không quá 01 tập thể',
    );
  });
});

describe('selectWithinQuota', () => {
  it('0 candidates: nothing selected, no tie', () => {
    const o = selectWithinQuota([], pct(20));
    expect(o).toMatchObject({ base: 0, cap: 0, selected: 0, tie: null, rows: [] });
  });

  it('base 0 with candidates given a base: cap 0, all out, explained', () => {
    const o = selectWithinQuota([c('a', 10)], pct(20), { base: 0 });
    expect(o.cap).toBe(0);
    expect(o.rows[0]).toMatchObject({
      status: 'out',
      explanation: 'Xếp thứ 1/1, ngoài hạn mức 0 (20% của 0)',
    });
  });

  it('20 % of 3 = 0.6 → 0 under floor ("không quá"), 1 when rounding', () => {
    const list = [c('a', 10), c('b', 9), c('c', 8)];
    expect(selectWithinQuota(list, pct(20)).selected).toBe(0);
    const rounded = selectWithinQuota(list, pct(20), { rounding: 'round' });
    expect(rounded.selected).toBe(1);
    expect(statuses(rounded)).toEqual({ a: 'in', b: 'out', c: 'out' });
  });

  it('highest score down: 20 % of 15 = 3, explained per row', () => {
    const list = Array.from({ length: 15 }, (_, k) => c(`u${String(k).padStart(2, '0')}`, 100 - k));
    const o = selectWithinQuota(list, pct(20, 'collective'));
    expect(o.cap).toBe(3);
    expect(o.rows.filter((r) => r.status === 'in').map((r) => r.key)).toEqual([
      'u00',
      'u01',
      'u02',
    ]);
    expect(o.rows[2]?.explanation).toBe('Xếp thứ 3/15, trong hạn mức 3 (20% của 15)');
    expect(o.rows[3]?.explanation).toBe('Xếp thứ 4/15, ngoài hạn mức 3 (20% của 15)');
  });

  it('input order does not matter', () => {
    const list = [c('b', 5), c('a', 9), c('c', 7)];
    const o = selectWithinQuota(list, count(2));
    expect(o.rows.map((r) => [r.key, r.status])).toEqual([
      ['a', 'in'],
      ['c', 'in'],
      ['b', 'out'],
    ]);
  });

  it('a tie inside the cap takes both; a tie after the cap is all out', () => {
    const o = selectWithinQuota([c('a', 9), c('b', 9), c('c', 8), c('d', 7), c('e', 7)], count(3));
    expect(statuses(o)).toEqual({ a: 'in', b: 'in', c: 'in', d: 'out', e: 'out' });
    expect(o.tie).toBeNull();
  });

  it('tie across the boundary: the woman first (Art. 4(6)), the man out, explained', () => {
    const o = selectWithinQuota(
      [c('a', 9), c('b', 8, { female: false }), c('c', 8, { female: true })],
      count(2),
    );
    expect(statuses(o)).toEqual({ a: 'in', b: 'out', c: 'in' });
    expect(o.tie).toBeNull();
    const b = o.rows.find((r) => r.key === 'b');
    expect(b?.explanation).toBe(
      'Xếp thứ 2/3, bằng điểm với C; ngoài hạn mức 2 (số lượng tối đa), ưu tiên nữ theo Điều 4 khoản 6 Nghị định 152/2025/NĐ-CP',
    );
    expect(o.rows.find((r) => r.key === 'c')?.explanation).toContain('ưu tiên nữ');
  });

  it('collectives: ≥ 70 % women first; 69 % is not enough', () => {
    const o = selectWithinQuota(
      [
        c('x', 8, { womenShare: 0.69 }),
        c('y', 8, { womenShare: 0.7 }),
        c('z', 8, { womenShare: null }),
      ],
      count(1, 'collective'),
    );
    expect(statuses(o)).toEqual({ x: 'out', y: 'in', z: 'out' });
    expect(o.rows.find((r) => r.key === 'y')?.explanation).toContain(
      'ưu tiên tập thể có từ 70% nữ trở lên',
    );
  });

  it('still tied after Art. 4(6): reported for the council, never cut', () => {
    const o = selectWithinQuota(
      [c('a', 9), c('b', 8, { female: false }), c('c', 8, { female: false }), c('d', 7)],
      count(2),
    );
    expect(statuses(o)).toEqual({ a: 'in', b: 'tie', c: 'tie', d: 'out' });
    expect(o.selected).toBe(1);
    expect(o.tie).toEqual({ keys: ['b', 'c'], seats: 1 });
    expect(o.rows.find((r) => r.key === 'b')?.explanation).toBe(
      'Xếp thứ 2/4, bằng điểm với C; còn 1 suất trong hạn mức 2 (số lượng tối đa) cho 2 người bằng điểm: Hội đồng quyết định',
    );
  });

  it('two women tied for one seat with a man: the women tie, the man is out', () => {
    const o = selectWithinQuota(
      [c('a', 8, { female: true }), c('b', 8, { female: true }), c('m', 8, { female: false })],
      count(1),
    );
    expect(statuses(o)).toEqual({ a: 'tie', b: 'tie', m: 'out' });
    expect(o.tie).toEqual({ keys: ['a', 'b'], seats: 1 });
  });

  it('a woman takes one of two seats, the two men tie for the other', () => {
    const o = selectWithinQuota(
      [c('w', 8, { female: true }), c('m1', 8, { female: false }), c('m2', 8)],
      count(2),
    );
    expect(statuses(o)).toEqual({ w: 'in', m1: 'tie', m2: 'tie' });
    expect(o.tie).toEqual({ keys: ['m1', 'm2'], seats: 1 });
  });

  it('all tied: everyone in when they fit, else a tie for the seats', () => {
    const all = Array.from({ length: 5 }, (_, k) => c(`p${k}`, 50));
    expect(selectWithinQuota(all, count(5)).selected).toBe(5);
    const o = selectWithinQuota(all, pct(40));
    expect(o.cap).toBe(2);
    expect(o.selected).toBe(0);
    expect(o.tie).toEqual({ keys: ['p0', 'p1', 'p2', 'p3', 'p4'], seats: 2 });
    expect(o.rows[0]?.explanation).toBe(
      'Xếp thứ 1/5, bằng điểm với P1, P2, P3 và 1 khác; còn 2 suất trong hạn mức 2 (40% của 5) cho 5 người bằng điểm: Hội đồng quyết định',
    );
  });

  it('a cap of 0 by count leaves everyone out', () => {
    const o = selectWithinQuota([c('a', 1)], count(0));
    expect(statuses(o)).toEqual({ a: 'out' });
  });
});
