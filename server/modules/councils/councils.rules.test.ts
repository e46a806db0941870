import { describe, expect, it } from 'vitest';
import { COUNCIL_SETTINGS } from '../../../shared/councils';
import { ballotOutcome, canMoveMeeting, quorumMet, votesNeeded } from './councils.rules';

const { cstdcs, cstd_province: province, majority } = COUNCIL_SETTINGS.thresholds;

describe('quorumMet (default ≥ 80 % of members present)', () => {
  it.each([
    [10, 8, 80, true, 8],
    [10, 7, 80, false, 8],
    [9, 8, 80, true, 8], // 7.2 → 8 people
    [9, 7, 80, false, 8],
    [5, 4, 80, true, 4],
    [5, 3, 80, false, 4],
    [3, 2, 67, false, 3], // 2/3 = 66.7 % < 67 %
    [3, 2, 66, true, 2],
    [0, 0, 80, false, 0],
    [7, 7, 100, true, 7],
  ])('%i members, %i present, %i %% → %s (needs %i)', (members, present, pct, met, needed) => {
    const q = quorumMet(members, present, pct);
    expect(q.met).toBe(met);
    expect(q.needed).toBe(needed);
    expect(q.explanation).toContain(met ? 'Đủ' : members === 0 ? 'chưa có' : 'Không đủ');
  });
});

describe('ballotOutcome: thresholds on the WHOLE membership', () => {
  it.each([
    // members, yes, no, abstain, rule, passed, needed
    [10, 8, 0, 0, cstdcs, true, 8],
    [10, 7, 0, 0, cstdcs, false, 8], // 7 of 7 present is 100 %, but 70 % of all members
    [9, 8, 1, 0, cstdcs, true, 8], // 88.9 %
    [9, 7, 0, 0, cstdcs, false, 8], // 77.8 %
    [10, 9, 1, 0, province, true, 9],
    [10, 8, 0, 0, province, false, 9],
    [11, 10, 1, 0, province, true, 10], // 90.9 %
    [11, 9, 0, 0, province, false, 10], // 81.8 %
    [10, 6, 4, 0, majority, true, 6],
    [10, 5, 5, 0, majority, false, 6], // exactly half is not a majority
    [9, 5, 0, 4, majority, true, 5],
    [9, 4, 0, 0, majority, false, 5],
    [0, 0, 0, 0, majority, false, 1],
  ])('%i members, %i yes %i no %i abstain', (members, yes, no, abstain, rule, passed, needed) => {
    const out = ballotOutcome(members, { yes, no, abstain }, rule);
    expect(out.passed).toBe(passed);
    expect(out.needed).toBe(needed);
    expect(out.explanation.startsWith(passed ? 'Đạt' : 'Không đạt')).toBe(true);
    expect(out.explanation).toContain(`${yes}/${members}`);
  });

  it('takes the threshold as data (a province setting of 75 %)', () => {
    const rule = { comparison: 'at_least' as const, percent: 75, label: 'Tỉnh quy định 75 %' };
    expect(ballotOutcome(8, { yes: 6, no: 2, abstain: 0 }, rule).passed).toBe(true);
    expect(ballotOutcome(8, { yes: 5, no: 0, abstain: 0 }, rule).passed).toBe(false);
    expect(votesNeeded(8, rule)).toBe(6);
  });

  it('explains in Vietnamese, naming the whole membership and who did not vote', () => {
    const out = ballotOutcome(10, { yes: 7, no: 1, abstain: 1 }, cstdcs);
    expect(out.explanation).toBe(
      'Không đạt: 7/10 thành viên Hội đồng đồng ý (70 % tổng số thành viên; 1 không đồng ý, ' +
        '1 không biểu quyết, 1 không bỏ phiếu). Ngưỡng: từ 80 % tổng số thành viên — cần ít nhất ' +
        `8 phiếu đồng ý (${cstdcs.label}).`,
    );
  });

  it('refuses a tally with more ballots than members', () => {
    expect(() => ballotOutcome(3, { yes: 2, no: 2, abstain: 0 }, majority)).toThrow(RangeError);
  });
});

describe('meeting transitions', () => {
  it.each([
    ['scheduled', 'open', true],
    ['open', 'closed', true],
    ['scheduled', 'closed', false],
    ['closed', 'open', false],
    ['open', 'scheduled', false],
  ] as const)('%s → %s: %s', (from, to, ok) => {
    expect(canMoveMeeting(from, to)).toBe(ok);
  });
});
