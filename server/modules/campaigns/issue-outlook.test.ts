import { describe, expect, it } from 'vitest';
import { issueOutlook } from './campaigns.rules';

/** Table tests of what issuing a draft today leads to (issue 9, item 1). */
describe('issue outlook', () => {
  const today = '2026-12-07';
  it.each([
    // [periodStart, periodEnd, registrationDeadline] → status, open, days left, past fields
    [
      'seed 000 as written: from the issue date to 31/12/2023',
      null,
      '2023-12-31',
      null,
      'in_review',
      false,
      null,
      ['periodEnd'],
    ],
    [
      'seed 000 with its start date read as 06/3/2023',
      '2023-03-06',
      '2023-12-31',
      null,
      'in_review',
      false,
      null,
      ['periodEnd'],
    ],
    [
      'period and deadline both past',
      '2023-01-01',
      '2023-12-31',
      '2023-03-31',
      'in_review',
      false,
      null,
      ['periodEnd', 'registrationDeadline'],
    ],
    [
      'running, deadline passed yesterday',
      '2026-01-01',
      '2026-12-31',
      '2026-12-06',
      'in_progress',
      false,
      null,
      ['registrationDeadline'],
    ],
    [
      'running, deadline today (inclusive)',
      '2026-01-01',
      '2026-12-31',
      '2026-12-07',
      'in_progress',
      true,
      0,
      [],
    ],
    ['running, deadline in 24 days', null, '2027-12-31', '2026-12-31', 'in_progress', true, 24, []],
    ['running across the month end', null, '2027-12-31', '2027-01-01', 'in_progress', true, 25, []],
    ['running, no deadline', null, '2027-12-31', null, 'in_progress', true, null, []],
    ['ends today: still running', '2026-01-01', '2026-12-07', null, 'in_progress', true, null, []],
    [
      'starts later: issued, registration open',
      '2027-01-01',
      '2027-12-31',
      '2027-01-31',
      'issued',
      true,
      55,
      [],
    ],
    ['no end yet', null, null, null, 'in_progress', true, null, []],
  ] as const)('%s', (_, periodStart, periodEnd, registrationDeadline, status, open, left, past) => {
    const o = issueOutlook({ periodStart, periodEnd, registrationDeadline }, today);
    expect(o.status).toBe(status);
    expect(o.registrationOpen).toBe(open);
    expect(o.registrationDaysLeft).toBe(left);
    expect(o.pastDates.map((d) => d.field)).toEqual(past);
    expect(o.periodEnded).toBe(past.includes('periodEnd' as never));
  });

  it('starts a plan without a start date on a back-dated issue date', () => {
    const o = issueOutlook(
      { periodStart: null, periodEnd: '2027-12-31', registrationDeadline: null },
      today,
      '2026-11-30',
    );
    expect(o.status).toBe('in_progress');
  });

  it('names the field and the date in Vietnamese and says what will happen', () => {
    const [end, deadline] = issueOutlook(
      { periodStart: '2023-03-06', periodEnd: '2023-12-31', registrationDeadline: '2023-03-31' },
      today,
    ).pastDates;
    expect(end).toMatchObject({ label: 'Thời gian kết thúc', date: '2023-12-31' });
    expect(end?.message).toContain('31/12/2023');
    expect(end?.message).toContain('"Đang sơ kết, tổng kết"');
    expect(deadline).toMatchObject({ label: 'Hạn đăng ký thi đua', date: '2023-03-31' });
    expect(deadline?.message).toContain('31/03/2023');
  });
});
