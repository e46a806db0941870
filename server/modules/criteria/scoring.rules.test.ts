import { describe, expect, it } from 'vitest';
import { defaultBands, type CriteriaTree, type Scoring } from '../../../shared/criteria';
import { classify, leafScore, rollUp, round2, validateTree, type LeafInput } from './scoring.rules';

const binary: Scoring = { method: 'binary' };
const tiered: Scoring = {
  method: 'tiered_percent',
  // Deliberately not sorted: tiers are read from the highest threshold down whatever the order.
  tiers: [
    { minPercent: 95, points: 2 },
    { minPercent: 100, points: 4 },
    { minPercent: 98, points: 3 },
  ],
};
const deduction: Scoring = { method: 'deduction', perIncident: 1 };
const manual: Scoring = { method: 'manual' };
const survey: Scoring = { method: 'survey', surveyMax: 100 };
const adjustment: Scoring = { method: 'adjustment', maxBonus: 3, maxPenalty: 3 };

describe('round2 (decisions print 2 decimals)', () => {
  it.each([
    [1.005, 1.01],
    [-1.005, -1.01],
    [0.1 + 0.2, 0.3],
    [2.675, 2.68],
    [13.1025, 13.1],
    [-0.001, 0],
  ])('%s → %s', (x, expected) => {
    expect(Object.is(round2(x), expected)).toBe(true);
  });
});

describe('leafScore', () => {
  type Case = [string, Scoring, number, LeafInput, number | string];
  const cases: Case[] = [
    ['binary met', binary, 2, { met: true }, 2],
    ['binary not met', binary, 2, { met: false }, 0],
    ['binary without a choice', binary, 2, {}, 'Cần chọn "Đạt" hoặc "Không đạt"'],
    ['binary given points instead', binary, 2, { points: 2 }, 'Cần chọn'],
    ['tiered 100 %', tiered, 4, { percent: 100 }, 4],
    ['tiered 99.99 %', tiered, 4, { percent: 99.99 }, 3],
    ['tiered 98 % (edge)', tiered, 4, { percent: 98 }, 3],
    ['tiered 97.99 %', tiered, 4, { percent: 97.99 }, 2],
    ['tiered 95 % (edge)', tiered, 4, { percent: 95 }, 2],
    ['tiered 94.99 % below all', tiered, 4, { percent: 94.99 }, 0],
    ['tiered 0 %', tiered, 4, { percent: 0 }, 0],
    ['tiered capped at max', tiered, 2.5, { percent: 100 }, 2.5],
    ['tiered above 100', tiered, 4, { percent: 100.5 }, 'Tỷ lệ phải trong khoảng 0 – 100 %'],
    ['tiered negative', tiered, 4, { percent: -1 }, 'Tỷ lệ phải trong khoảng 0 – 100 %'],
    ['tiered NaN', tiered, 4, { percent: Number.NaN }, 'Cần nhập tỷ lệ % đạt được'],
    ['tiered missing', tiered, 4, {}, 'Cần nhập tỷ lệ % đạt được'],
    ['deduction none', deduction, 3, { incidents: 0 }, 3],
    ['deduction two', deduction, 3, { incidents: 2 }, 1],
    ['deduction never below 0', deduction, 3, { incidents: 5 }, 0],
    ['deduction 0.75 each', { method: 'deduction', perIncident: 0.75 }, 2, { incidents: 1 }, 1.25],
    ['deduction negative', deduction, 3, { incidents: -1 }, 'số nguyên không âm (đã nhập -1)'],
    ['deduction fraction', deduction, 3, { incidents: 1.5 }, 'số nguyên không âm (đã nhập 1,5)'],
    ['deduction missing', deduction, 3, {}, 'Cần nhập số lần vi phạm'],
    ['manual inside', manual, 2, { points: 1.5 }, 1.5],
    ['manual zero', manual, 2, { points: 0 }, 0],
    ['manual at max', manual, 2, { points: 2 }, 2],
    ['manual rounded', manual, 2, { points: 1.234 }, 1.23],
    [
      'manual above max',
      manual,
      2,
      { points: 2.01 },
      'Điểm phải trong khoảng 0 – 2 (đã nhập 2,01)',
    ],
    ['manual decimal max', manual, 1.5, { points: 3 }, 'Điểm phải trong khoảng 0 – 1,5'],
    ['manual negative', manual, 2, { points: -0.5 }, 'Điểm phải trong khoảng 0 – 2'],
    ['manual infinite', manual, 2, { points: Number.POSITIVE_INFINITY }, 'Cần nhập số điểm'],
    ['survey 80/100 of 15', survey, 15, { surveyScore: 80 }, 12],
    ['survey full', survey, 15, { surveyScore: 100 }, 15],
    ['survey zero', survey, 15, { surveyScore: 0 }, 0],
    ['survey rounded', survey, 15, { surveyScore: 87.35 }, 13.1],
    ['survey other scale', { method: 'survey', surveyMax: 10 }, 10, { surveyScore: 7.777 }, 7.78],
    ['survey above scale', survey, 15, { surveyScore: 100.5 }, 'trong khoảng 0 – 100'],
    ['survey negative', survey, 15, { surveyScore: -1 }, 'Điểm khảo sát phải trong khoảng'],
    ['survey missing', survey, 15, {}, 'Cần nhập điểm khảo sát'],
    ['adjustment full bonus', adjustment, 3, { points: 3 }, 3],
    ['adjustment full penalty', adjustment, 3, { points: -3 }, -3],
    ['adjustment none', adjustment, 3, { points: 0 }, 0],
    ['adjustment over penalty', adjustment, 3, { points: -3.01 }, 'khoảng −3 – +3'],
    ['adjustment over bonus', adjustment, 3, { points: 3.5 }, 'khoảng −3 – +3 (đã nhập 3,5)'],
    [
      'adjustment asymmetric caps',
      { method: 'adjustment', maxBonus: 2, maxPenalty: 5 },
      2,
      { points: -5 },
      -5,
    ],
    [
      'adjustment asymmetric over bonus',
      { method: 'adjustment', maxBonus: 2, maxPenalty: 5 },
      2,
      { points: 2.5 },
      'khoảng −5 – +2',
    ],
    ['adjustment missing', adjustment, 3, {}, 'Cần nhập điểm thưởng'],
  ];
  it.each(cases)('%s', (_name, scoring, max, input, expected) => {
    const result = leafScore(scoring, max, input);
    if (typeof expected === 'number') {
      expect(result).toEqual({ ok: true, points: expected });
    } else {
      expect(result.ok).toBe(false);
      expect(result.ok ? '' : result.message).toContain(expected);
    }
  });
});

/** Field A (6 = a1 binary 2 + a2 tiered 4), field B (4 = b1 survey), ± (adjustment 2/2). */
function smallTree(): CriteriaTree {
  const leaf = (id: string, maxPoints: number, scoring: Scoring) => ({
    id,
    code: id.toUpperCase(),
    title: id,
    maxPoints,
    scoring,
    evidenceRequired: true,
    children: [],
  });
  return {
    maxTotal: 10,
    fields: [
      {
        id: 'a',
        code: '1',
        title: 'A',
        maxPoints: 6,
        evidenceRequired: false,
        children: [
          leaf('a1', 2, binary),
          leaf('a2', 4, { method: 'tiered_percent', tiers: [{ minPercent: 100, points: 4 }] }),
        ],
      },
      {
        id: 'b',
        code: '2',
        title: 'B',
        maxPoints: 4,
        evidenceRequired: false,
        children: [leaf('b1', 4, survey)],
      },
      leaf('adj', 2, { method: 'adjustment', maxBonus: 2, maxPenalty: 2 }),
    ],
  };
}

describe('validateTree', () => {
  it('accepts a consistent tree (the adjustment field is outside the total)', () => {
    expect(validateTree(smallTree())).toEqual([]);
  });

  type Mutation = (t: CriteriaTree) => void;
  const first = (t: CriteriaTree) => t.fields[0] as CriteriaTree['fields'][number];
  const a1 = (t: CriteriaTree) => first(t).children[0] as CriteriaTree['fields'][number];
  const cases: [string, Mutation, string | null, string][] = [
    [
      'duplicate id',
      (t) => void (a1(t).id = 'a2'),
      'A1',
      'Mã định danh "a2" bị trùng ở các mục A1, A2',
    ],
    ['duplicate code', (t) => void (a1(t).code = 'A2'), 'A2', 'Mục A2: số hiệu bị trùng (2 mục)'],
    ['leaf without scoring', (t) => void delete a1(t).scoring, 'A1', 'chưa có phương pháp chấm'],
    ['parent with scoring', (t) => void (first(t).scoring = binary), '1', 'có tiêu chí con'],
    ['children above parent', (t) => void (a1(t).maxPoints = 3), '1', 'tiêu chí con (7) vượt'],
    ['children below parent', (t) => void (first(t).maxPoints = 7), '1', '(6) thấp hơn'],
    [
      'tier above max',
      (t) =>
        void (a1(t).scoring = { method: 'tiered_percent', tiers: [{ minPercent: 90, points: 5 }] }),
      'A1',
      'Mục A1: mức ≥ 90 % cho 5 điểm, vượt điểm tối đa 2',
    ],
    [
      'same threshold twice',
      (t) =>
        void (a1(t).scoring = {
          method: 'tiered_percent',
          tiers: [
            { minPercent: 90, points: 2 },
            { minPercent: 90, points: 1 },
          ],
        }),
      'A1',
      'hai mức cùng ngưỡng 90 %',
    ],
    [
      'tiers out of order',
      (t) =>
        void (a1(t).scoring = {
          method: 'tiered_percent',
          tiers: [
            { minPercent: 100, points: 1 },
            { minPercent: 80, points: 2 },
          ],
        }),
      'A1',
      'mức ≥ 100 % cho ít điểm hơn mức ≥ 80 %',
    ],
    [
      'tiers never reach max',
      (t) =>
        void (a1(t).scoring = {
          method: 'tiered_percent',
          tiers: [{ minPercent: 100, points: 1.5 }],
        }),
      'A1',
      'mức cao nhất chỉ cho 1,5 điểm',
    ],
    [
      'adjustment max ≠ bonus cap',
      (t) => void ((t.fields[2] as CriteriaTree['fields'][number]).maxPoints = 1),
      'ADJ',
      'phải bằng mức thưởng tối đa (2)',
    ],
    ['fields ≠ maxTotal', (t) => void (t.maxTotal = 12), null, 'Tổng điểm tối đa các lĩnh vực (10'],
  ];
  it.each(cases)('%s', (_name, mutate, code, text) => {
    const tree = smallTree();
    mutate(tree);
    const problems = validateTree(tree);
    expect(problems.some((p) => p.code === code && p.message.includes(text))).toBe(true);
  });

  it('leaves a nested adjustment out of its parent sum', () => {
    const tree = smallTree();
    first(tree).children.push({
      id: 'a3',
      code: 'A3',
      title: 'thưởng',
      maxPoints: 1,
      scoring: { method: 'adjustment', maxBonus: 1, maxPenalty: 1 },
      evidenceRequired: true,
      children: [],
    });
    expect(validateTree(tree)).toEqual([]);
  });
});

describe('rollUp', () => {
  const points = (entries: Record<string, number | null>) => new Map(Object.entries(entries));

  it('sums leaves into fields, base, appraised and percent', () => {
    const r = rollUp(smallTree(), points({ a1: 2, a2: 3, b1: 2.5, adj: 1 }));
    expect(Object.fromEntries(r.totals)).toEqual({ a: 5, a1: 2, a2: 3, b: 2.5, b1: 2.5, adj: 1 });
    expect(r).toMatchObject({ fieldTotals: [5, 2.5], base: 7.5, appraised: 5, adjustments: 1 });
    expect(r).toMatchObject({ total: 8.5, percent: 85, missing: [], unknown: [] });
  });

  it('counts missing leaves as 0 and lists them; an empty adjustment is not missing', () => {
    const r = rollUp(smallTree(), points({ a1: 2, a2: null }));
    expect(r.missing).toEqual(['a2', 'b1']);
    expect(r).toMatchObject({ fieldTotals: [2, 0], total: 2, percent: 20, adjustments: 0 });
  });

  it.each([
    ['bonus clamped to maxTotal', { a1: 2, a2: 4, b1: 4, adj: 2 }, 10, 10, 100],
    ['penalty clamped to 0', { a1: 0, a2: 0, b1: 0, adj: -2 }, 0, 0, 0],
    ['penalty applied', { a1: 2, a2: 4, b1: 1, adj: -1.5 }, 7, 5.5, 55],
  ])('%s', (_name, entered, base, total, percent) => {
    expect(rollUp(smallTree(), points(entered))).toMatchObject({ base, total, percent });
  });

  it('reports ids that are not leaves and rounds percent to 2 decimals', () => {
    const tree = { ...smallTree(), maxTotal: 30 };
    const r = rollUp(tree, points({ a1: 2, a2: 0, b1: 0, zz: 1, a: 5 }));
    expect(r.unknown).toEqual(['zz', 'a']);
    expect(r.percent).toBe(6.67);
  });

  it('adds a nested adjustment to the grand total only', () => {
    const tree = smallTree();
    tree.fields[0]?.children.push({
      id: 'a3',
      code: 'A3',
      title: 'trừ',
      maxPoints: 1,
      scoring: { method: 'adjustment', maxBonus: 1, maxPenalty: 1 },
      evidenceRequired: true,
      children: [],
    });
    const r = rollUp(tree, points({ a1: 2, a2: 4, b1: 4, a3: -1 }));
    expect(r).toMatchObject({ fieldTotals: [6, 4], base: 10, adjustments: -1, total: 9 });
    expect(r.totals.get('a3')).toBe(-1);
  });

  it('keeps float noise out of sums', () => {
    const r = rollUp(smallTree(), points({ a1: 0.1, a2: 0.2, b1: 0 }));
    expect(r.totals.get('a')).toBe(0.3);
  });
});

describe('classify (default bands)', () => {
  it.each([
    [100, 'xuat_sac'],
    [90, 'xuat_sac'],
    [89.99, 'tot'],
    [80, 'tot'],
    [79.99, 'kha'],
    [70, 'kha'],
    [50, 'trung_binh'],
    [49.99, 'yeu'],
    [0, 'yeu'],
    [-5, 'yeu'],
  ])('%d %% → %s', (percent, key) => {
    expect(classify(percent, defaultBands).key).toBe(key);
    expect(classify(percent, [...defaultBands].reverse()).key).toBe(key);
  });

  it.each([
    ['no band from 0', defaultBands.slice(0, 4), 'bắt đầu từ 0 %'],
    ['no band at all', [], 'Chưa có mức xếp loại nào'],
    ['same threshold', [...defaultBands, { key: 'x', label: 'X', minPercent: 90 }], 'cùng tỷ lệ'],
    ['same key', [...defaultBands, { key: 'tot', label: 'Tốt 2', minPercent: 85 }], 'trùng mã'],
  ])('refuses bands: %s', (_name, bands, message) => {
    expect(() => classify(75, bands)).toThrow(message);
  });

  it('refuses a non-number', () => {
    expect(() => classify(Number.NaN, defaultBands)).toThrow('không hợp lệ');
  });
});
