import { describe, expect, it } from 'vitest';
import { consecutiveYears, suggestionsFromHistory, type HistoryEntry } from './honours.rules';
import { achievementsCountFrom, blockingRecords, type DisciplineFacts } from './discipline.rules';
import { formMatcher } from './form-match';

const h = (year: number, formCode: string | null): HistoryEntry => ({ year, formCode });

describe('consecutiveYears', () => {
  const cases: [string, HistoryEntry[], string, number, number][] = [
    ['none', [], 'CSTDCS', 2025, 0],
    ['one in the year', [h(2025, 'CSTDCS')], 'CSTDCS', 2025, 1],
    ['two running', [h(2024, 'CSTDCS'), h(2025, 'CSTDCS')], 'CSTDCS', 2025, 2],
    ['a gap breaks it', [h(2023, 'CSTDCS'), h(2025, 'CSTDCS')], 'CSTDCS', 2025, 1],
    ['must end with the year', [h(2023, 'CSTDCS'), h(2024, 'CSTDCS')], 'CSTDCS', 2025, 0],
    ['other forms do not count', [h(2024, 'LDTT'), h(2025, 'CSTDCS')], 'CSTDCS', 2025, 1],
    ['text-only forms do not count', [h(2024, null), h(2025, 'CSTDCS')], 'CSTDCS', 2025, 1],
    [
      'two awards of one year count once',
      [h(2025, 'CSTDCS'), h(2025, 'CSTDCS')],
      'CSTDCS',
      2025,
      1,
    ],
    ['three running', [h(2023, 'CSTDCS'), h(2024, 'CSTDCS'), h(2025, 'CSTDCS')], 'CSTDCS', 2025, 3],
  ];
  it.each(cases)('%s', (_name, history, code, year, expected) => {
    expect(consecutiveYears(history, code, year)).toBe(expected);
  });
});

describe('suggestionsFromHistory', () => {
  const cases: [string, HistoryEntry[], number, string[]][] = [
    ['nothing', [], 2025, []],
    ['one CSTĐCS', [h(2025, 'CSTDCS')], 2025, []],
    [
      '2 consecutive CSTĐCS → Bằng khen tỉnh',
      [h(2024, 'CSTDCS'), h(2025, 'CSTDCS')],
      2025,
      ['BK_TINH_CN'],
    ],
    [
      '3 consecutive CSTĐCS → CSTĐ tỉnh and Bằng khen',
      [h(2023, 'CSTDCS'), h(2024, 'CSTDCS'), h(2025, 'CSTDCS')],
      2025,
      ['CSTD_TINH', 'BK_TINH_CN'],
    ],
    [
      'Bằng khen already received for the streak',
      [h(2024, 'CSTDCS'), h(2025, 'CSTDCS'), h(2025, 'BK_TINH_CN')],
      2025,
      [],
    ],
    [
      'a Bằng khen before the streak does not use it',
      [h(2022, 'BK_TINH_CN'), h(2024, 'CSTDCS'), h(2025, 'CSTDCS')],
      2025,
      ['BK_TINH_CN'],
    ],
    ['streak not ending with the year', [h(2023, 'CSTDCS'), h(2024, 'CSTDCS')], 2025, []],
    [
      '2 provincial CSTĐ → national',
      [h(2024, 'CSTD_TINH'), h(2025, 'CSTD_TINH')],
      2025,
      ['CSTD_TQ'],
    ],
    [
      '2 TTLĐXS → collective Bằng khen',
      [h(2024, 'TTLDXS'), h(2025, 'TTLDXS')],
      2025,
      ['BK_TINH_TT'],
    ],
  ];
  it.each(cases)('%s', (_name, history, year, expected) => {
    expect(suggestionsFromHistory(history, year).map((s) => s.formCode)).toEqual(expected);
  });

  it('explains the streak in Vietnamese', () => {
    const [s] = suggestionsFromHistory([h(2024, 'CSTDCS'), h(2025, 'CSTDCS')], 2025);
    expect(s?.message).toBe(
      '2 năm liên tục Chiến sĩ thi đua cơ sở (2024, 2025) → đề xuất Bằng khen của Chủ tịch UBND tỉnh.',
    );
    expect(s?.basedOn).toEqual({ formCode: 'CSTDCS', years: [2024, 2025] });
  });
});

describe('blockingRecords (Decree 152 Art. 4(4))', () => {
  const r = (over: Partial<DisciplineFacts>): DisciplineFacts => ({
    id: 1,
    kind: 'discipline',
    level: 'Khiển trách',
    fromDate: '2026-03-01',
    toDate: '2027-02-28',
    decisionRef: 'QĐ 12/QĐ-UBND',
    ...over,
  });
  const cases: [string, DisciplineFacts, string, boolean][] = [
    ['discipline in force', r({}), '2026-12-01', true],
    ['discipline on its first day', r({}), '2026-03-01', true],
    ['discipline on its last day', r({}), '2027-02-28', true],
    ['discipline ended', r({}), '2027-03-01', false],
    ['discipline not yet started', r({}), '2026-02-28', false],
    ['discipline without an end', r({ toDate: null }), '2030-01-01', true],
    ['pending investigation', r({ kind: 'investigation', toDate: null }), '2026-12-01', true],
    [
      'closed investigation',
      r({ kind: 'investigation', toDate: '2026-06-30' }),
      '2026-12-01',
      false,
    ],
    ['pending complaint', r({ kind: 'complaint', toDate: null, level: null }), '2026-12-01', true],
    [
      'inspection opened later',
      r({ kind: 'inspection', fromDate: '2027-01-01', toDate: null }),
      '2026-12-01',
      false,
    ],
  ];
  it.each(cases)('%s', (_name, record, onDate, blocks) => {
    expect(blockingRecords({ records: [record] }, onDate).length).toBe(blocks ? 1 : 0);
  });

  it('explains each block in Vietnamese with the legal basis', () => {
    const [d] = blockingRecords({ records: [r({})] }, '2026-12-01');
    expect(d?.explanation).toBe(
      'Đang chịu kỷ luật hình thức Khiển trách (QĐ 12/QĐ-UBND) từ 01/03/2026 đến 28/02/2027: chưa được khen thưởng trong thời gian thi hành kỷ luật (Nghị định 152/2025/NĐ-CP, Điều 4 khoản 4).',
    );
    const [c] = blockingRecords(
      { records: [r({ kind: 'complaint', level: null, toDate: null, decisionRef: null })] },
      '2026-12-01',
    );
    expect(c?.explanation).toContain('Khiếu nại, tố cáo đang xem xét từ 01/03/2026, chưa kết thúc');
  });

  it('lists only the blocking records among several', () => {
    const records = [
      r({ id: 1, toDate: '2025-12-31', fromDate: '2025-01-01' }),
      r({ id: 2, kind: 'investigation', toDate: null }),
    ];
    expect(blockingRecords({ records }, '2026-12-01').map((b) => b.record.id)).toEqual([2]);
  });
});

describe('formMatcher', () => {
  const v = (
    id: number,
    name: string,
    subject: 'individual' | 'collective',
    validFrom = '2025-07-01',
  ) => ({
    id,
    name,
    subject,
    validFrom,
    validTo: null,
  });
  const m = formMatcher([
    { code: 'CSTDCS', versions: [v(1, 'Chiến sĩ thi đua cơ sở', 'individual')] },
    { code: 'GK_CN', versions: [v(2, 'Giấy khen', 'individual')] },
    { code: 'GK_TT', versions: [v(3, 'Giấy khen', 'collective')] },
    { code: 'X_1', versions: [v(4, 'Trùng tên', 'individual')] },
    { code: 'X_2', versions: [v(5, 'Trùng tên', 'individual')] },
  ]);
  const cases: [string, string, 'individual' | 'collective', string, unknown][] = [
    [
      'folded name',
      'chien si thi dua co so',
      'individual',
      '2025-12-31',
      { kind: 'catalogue', code: 'CSTDCS', versionId: 1, name: 'Chiến sĩ thi đua cơ sở' },
    ],
    [
      'by code',
      'CSTDCS',
      'individual',
      '2025-12-31',
      { kind: 'catalogue', code: 'CSTDCS', versionId: 1, name: 'Chiến sĩ thi đua cơ sở' },
    ],
    [
      'older than the versions: code, no version',
      'Chiến sĩ thi đua cơ sở',
      'individual',
      '2020-12-31',
      { kind: 'catalogue', code: 'CSTDCS', versionId: null, name: 'Chiến sĩ thi đua cơ sở' },
    ],
    [
      'subject decides between same names',
      'Giấy khen',
      'collective',
      '2025-12-31',
      { kind: 'catalogue', code: 'GK_TT', versionId: 3, name: 'Giấy khen' },
    ],
    [
      'unknown kept as text',
      'Huy hiệu Tuổi trẻ sáng tạo',
      'individual',
      '2025-12-31',
      { kind: 'text', name: 'Huy hiệu Tuổi trẻ sáng tạo' },
    ],
    [
      'wrong subject kept as text',
      'Chiến sĩ thi đua cơ sở',
      'collective',
      '2025-12-31',
      { kind: 'text', name: 'Chiến sĩ thi đua cơ sở' },
    ],
    [
      'two forms of one name',
      'Trùng tên',
      'individual',
      '2025-12-31',
      { kind: 'ambiguous', codes: ['X_1', 'X_2'] },
    ],
  ];
  it.each(cases)('%s', (_name, text, subject, date, expected) => {
    expect(m.match(text, subject, date)).toEqual(expected);
  });
});

describe('achievementsCountFrom (after a discipline ends)', () => {
  const d = (over: Partial<DisciplineFacts>): DisciplineFacts => ({
    id: 1,
    kind: 'discipline',
    level: 'Khiển trách',
    fromDate: '2025-01-01',
    toDate: '2025-06-30',
    decisionRef: null,
    ...over,
  });
  const year2025 = { start: '2025-01-01', end: '2025-12-31' };
  const cases: [string, DisciplineFacts[], string | null][] = [
    ['none', [], null],
    ['ended inside the period', [d({})], '2025-07-01'],
    ['the latest of two', [d({ id: 2, toDate: '2025-03-31' }), d({})], '2025-07-01'],
    ['ended before the period', [d({ toDate: '2024-12-31', fromDate: '2024-01-01' })], null],
    ['still running at the end', [d({ toDate: null })], null],
    ['an investigation is not a discipline', [d({ kind: 'investigation' })], null],
  ];
  it.each(cases)('%s', (_name, records, from) => {
    expect(achievementsCountFrom({ records }, year2025)?.from ?? null).toBe(from);
  });

  it('explains in Vietnamese', () => {
    expect(
      achievementsCountFrom({ records: [d({ decisionRef: 'QĐ 5' })] }, year2025)?.explanation,
    ).toBe(
      'Kỷ luật (QĐ 5) kết thúc ngày 30/06/2025: thành tích chỉ được tính từ ngày 01/07/2025 (Nghị định 152/2025/NĐ-CP, Điều 4 khoản 4).',
    );
  });
});
