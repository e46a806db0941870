import { describe, expect, it } from 'vitest';
import { nominationMoves, nominationStatuses } from '../../../shared/nominations';
import type { DisciplineFacts } from '../honours/index';
import { checkEligibility, nextNominationStatus, type EligibilityInput } from './nominations.rules';

describe('nextNominationStatus', () => {
  // Every (status, move) pair: the allowed ones are listed, every other one is refused.
  const allowed: Record<string, string> = {
    'draft submit': 'submitted',
    'returned submit': 'submitted',
    'submitted return': 'returned',
    'forwarded return': 'returned',
    'accepted return': 'returned',
    'submitted accept': 'accepted',
    'forwarded accept': 'accepted',
    'submitted forward': 'forwarded',
    'forwarded forward': 'forwarded',
    'accepted forward': 'forwarded',
    'accepted approve': 'approved',
    'submitted reject': 'rejected',
    'forwarded reject': 'rejected',
    'accepted reject': 'rejected',
    // Until the award decision the deciding level may still undo an approval (decision 041).
    'approved return': 'returned',
    'approved reject': 'rejected',
    'draft withdraw': 'withdrawn',
    'submitted withdraw': 'withdrawn',
    'returned withdraw': 'withdrawn',
  };
  const table = nominationStatuses.flatMap((s) =>
    nominationMoves.map((m) => [s, m, allowed[`${s} ${m}`] ?? null] as const),
  );
  it.each(table)('%s + %s → %s', (status, move, expected) => {
    expect(nextNominationStatus(status, move)).toBe(expected);
  });

  it('ends at rejected and withdrawn; approved only goes back (return, reject)', () => {
    for (const end of ['rejected', 'withdrawn'] as const)
      for (const m of nominationMoves) expect(nextNominationStatus(end, m)).toBeNull();
    expect(nominationMoves.filter((m) => nextNominationStatus('approved', m) !== null)).toEqual([
      'return',
      'reject',
    ]);
  });
});

const base: EligibilityInput = {
  subjectKind: 'person',
  planId: 1,
  nominationId: 10,
  formCode: 'CSTDCS',
  formName: 'Chiến sĩ thi đua cơ sở',
  periodFrom: '2025-01-01',
  periodTo: '2025-12-31',
  others: [],
  history: [],
  discipline: [],
  onDate: '2026-01-10',
  bandCondition: null,
  dismissedSuggestions: [],
};
const pending: DisciplineFacts = {
  id: 1,
  kind: 'investigation',
  level: null,
  fromDate: '2025-11-01',
  toDate: null,
  decisionRef: null,
};
const other = {
  id: 11,
  planId: 1,
  status: 'submitted' as const,
  formName: 'Giấy khen',
  periodFrom: '2025-06-01',
  periodTo: '2025-12-31',
};

describe('checkEligibility', () => {
  it.each([
    ['nothing against', {}, []],
    ['same plan, overlapping period', { others: [other] }, ['one_achievement_one_award']],
    ['itself is not another', { others: [{ ...other, id: 10 }] }, []],
    ['another plan', { others: [{ ...other, planId: 2 }] }, []],
    ['withdrawn one', { others: [{ ...other, status: 'withdrawn' as const }] }, []],
    ['rejected one', { others: [{ ...other, status: 'rejected' as const }] }, []],
    [
      'disjoint period',
      { others: [{ ...other, periodFrom: '2024-01-01', periodTo: '2024-12-31' }] },
      [],
    ],
    [
      'same form awarded that year',
      { history: [{ year: 2025, formCode: 'CSTDCS' }] },
      ['already_awarded'],
    ],
    ['same form another year', { history: [{ year: 2024, formCode: 'CSTDCS' }] }, []],
    ['pending investigation', { discipline: [pending] }, ['discipline']],
    [
      'discipline ended before the check',
      { discipline: [{ ...pending, kind: 'discipline' as const, toDate: '2025-12-01' }] },
      [],
    ],
    ['no band condition: band never looked at', { bandCondition: null }, []],
    [
      'band condition met',
      { bandCondition: { qualifying: true, bandLabel: 'Xuất sắc', required: ['Xuất sắc'] } },
      [],
    ],
    [
      'band condition not met',
      { bandCondition: { qualifying: false, bandLabel: 'Tốt', required: ['Xuất sắc'] } },
      ['unit_band'],
    ],
  ] as const)('%s', (_name, patch: Partial<EligibilityInput>, rules) => {
    const r = checkEligibility({ ...base, ...patch });
    expect(r.failures.map((f) => f.rule)).toEqual(rules);
    expect(r.eligible).toBe(rules.length === 0);
    for (const f of r.failures) expect(f.message.length).toBeGreaterThan(20);
  });

  it('explains each failure in Vietnamese', () => {
    const r = checkEligibility({
      ...base,
      others: [other],
      bandCondition: { qualifying: false, bandLabel: null, required: ['Xuất sắc'] },
    });
    expect(r.failures.map((f) => f.message)).toEqual([
      'Thành tích từ 01/06/2025 đến 31/12/2025 đã được đề nghị khen thưởng "Giấy khen" (đề nghị số 11) trong kế hoạch này: một thành tích chỉ được đề nghị một hình thức khen thưởng.',
      'Kế hoạch chỉ xét khen thưởng đơn vị được xếp loại Xuất sắc; đơn vị không đạt mức này theo kết quả đã công bố.',
    ]);
  });

  it('suggests from history; a dismissed suggestion goes, a rule never does', () => {
    const history = [
      { year: 2023, formCode: 'CSTDCS' },
      { year: 2024, formCode: 'CSTDCS' },
    ];
    const r = checkEligibility({ ...base, history, discipline: [pending] });
    expect(r.suggestions.map((s) => s.formCode)).toEqual(['BK_TINH_CN']);
    const dismissed = checkEligibility({
      ...base,
      history,
      discipline: [pending],
      dismissedSuggestions: ['BK_TINH_CN', 'discipline'],
    });
    expect(dismissed.suggestions).toEqual([]);
    expect(dismissed.failures.map((f) => f.rule)).toEqual(['discipline']);
    expect(dismissed.eligible).toBe(false);
  });
});
