import { describe, expect, it } from 'vitest';
import type { CriteriaTree } from '../../../shared/criteria';
import { diffStages, rankEntry, rankUnits, type RankEntry } from './ranking.rules';
import { rollUp } from './scoring.rules';

describe('rankUnits', () => {
  const base: RankEntry = {
    unitId: '',
    percent: 90,
    appraised: 60,
    fieldTotals: [10, 5, 3],
    missingCount: 0,
    submittedAt: new Date('2026-01-08T08:00:00+07:00'),
  };
  const unit = (unitId: string, over: Partial<RankEntry> = {}): RankEntry => ({
    ...base,
    ...over,
    unitId,
  });
  const order = (entries: RankEntry[], tieBreak?: Parameters<typeof rankUnits>[1]) =>
    rankUnits(entries, tieBreak).map((r) => [r.entry.unitId, r.rank, r.decidedBy]);

  it.each([
    ['percent', unit('A', { percent: 91, appraised: 70 }), unit('B', { percent: 92 })],
    ['appraised', unit('A', { appraised: 60, fieldTotals: [20] }), unit('B', { appraised: 61 })],
    ['fields', unit('A', { fieldTotals: [10, 5, 4] }), unit('B', { fieldTotals: [10, 6, 2] })],
    [
      'missing',
      unit('A', { missingCount: 2, submittedAt: new Date('2026-01-01') }),
      unit('B', { missingCount: 0 }),
    ],
    ['submittedAt', unit('A', { submittedAt: new Date('2026-01-09') }), unit('B')],
    ['submittedAt', unit('A', { submittedAt: null }), unit('B')],
  ])('decided by %s (later steps would favour A)', (step, a, b) => {
    expect(order([a, b])).toEqual([
      ['B', 1, null],
      ['A', 2, step],
    ]);
  });

  it('gives tied units the same rank: 1, 2, 2, 4 (input order kept)', () => {
    const entries = [unit('D', { percent: 80 }), unit('B'), unit('C'), unit('A', { percent: 95 })];
    expect(order(entries)).toEqual([
      ['A', 1, null],
      ['B', 2, 'percent'],
      ['C', 2, 'tied'],
      ['D', 4, 'percent'],
    ]);
  });

  it('follows a custom tie-break order', () => {
    const a = unit('A', { appraised: 70, submittedAt: new Date('2026-01-09') });
    const b = unit('B', { appraised: 50 });
    expect(order([a, b], ['submittedAt'])).toEqual([
      ['B', 1, null],
      ['A', 2, 'submittedAt'],
    ]);
    expect(order([a, b])[0]?.[0]).toBe('A');
  });

  it('compares at 2 decimals, as printed', () => {
    const ranked = rankUnits([unit('A', { percent: 0.1 + 0.2 }), unit('B', { percent: 0.3 })]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 1]);
  });

  it('builds an entry from a roll-up', () => {
    const tree: CriteriaTree = {
      maxTotal: 10,
      fields: ['a', 'b'].map((id, i) => ({
        id,
        code: String(i + 1),
        title: id,
        maxPoints: 5,
        scoring: { method: 'manual' },
        evidenceRequired: true,
        children: [],
      })),
    };
    const r = rollUp(tree, new Map([['a', 2]]));
    expect(rankEntry('X', r, null)).toEqual({
      unitId: 'X',
      percent: 20,
      appraised: 2,
      fieldTotals: [2, 0],
      missingCount: 1,
      submittedAt: null,
    });
  });
});

describe('diffStages', () => {
  it('puts self-score and appraisals side by side with appraisal − self', () => {
    const self = new Map<string, number | null>([
      ['a', 2],
      ['b', 3],
      ['c', null],
      ['d', 0.3],
    ]);
    const r1 = new Map<string, number | null>([
      ['a', 2],
      ['b', 1.5],
      ['c', 1],
      ['s', 12],
      ['d', 0.1 + 0.2],
    ]);
    const r2 = new Map<string, number | null>([['b', 2]]);
    expect(diffStages(self, r1, r2)).toEqual([
      {
        leafId: 'a',
        self: 2,
        appraisal1: 2,
        appraisal2: null,
        diff1: 0,
        diff2: null,
        changed: false,
      },
      {
        leafId: 'b',
        self: 3,
        appraisal1: 1.5,
        appraisal2: 2,
        diff1: -1.5,
        diff2: -1,
        changed: true,
      },
      {
        leafId: 'c',
        self: null,
        appraisal1: 1,
        appraisal2: null,
        diff1: null,
        diff2: null,
        changed: false,
      },
      {
        leafId: 'd',
        self: 0.3,
        appraisal1: 0.3,
        appraisal2: null,
        diff1: 0,
        diff2: null,
        changed: false,
      },
      {
        leafId: 's',
        self: null,
        appraisal1: 12,
        appraisal2: null,
        diff1: null,
        diff2: null,
        changed: false,
      },
    ]);
  });

  it('flags a change made only in round 2', () => {
    const one = (v: number) => new Map([['a', v]]);
    expect(diffStages(one(2), one(2), one(2.5))[0]).toMatchObject({ diff2: 0.5, changed: true });
  });
});
