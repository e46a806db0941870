import { describe, expect, it } from 'vitest';
import { Participants } from '../../../shared/campaign';
import {
  acceptsRegistrations,
  allowsReview,
  bulkReviewRefusal,
  deadlineOutcome,
  formatDate,
  isPastDeadline,
  nextStatus,
  personIneligibility,
  registrantName,
  unitIneligibility,
} from './registrations.rules';

const oneStops = Participants.parse({
  collectiveUnitKinds: ['one_stop'],
  collectiveUnitIds: [7],
  individualCategories: ['cong_chuc'],
});
const nobody = Participants.parse({});
const issuer = '1.2';

describe('plan states', () => {
  it.each([
    ['draft', false, false],
    ['issued', true, true],
    ['in_progress', true, true],
    ['in_review', false, true],
    ['closed', false, false],
    ['cancelled', false, false],
  ] as const)('%s: registrations %s, review %s', (status, accepts, review) => {
    expect(acceptsRegistrations(status)).toBe(accepts);
    expect(allowsReview(status)).toBe(review);
  });
});

describe('deadline (Vietnam calendar date, inclusive)', () => {
  it.each([
    [null, '2030-01-01', false],
    ['2020-07-31', '2020-07-30', false],
    ['2020-07-31', '2020-07-31', false],
    ['2020-07-31', '2020-08-01', true],
  ] as const)('deadline %s on %s → past %s', (deadline, today, past) => {
    expect(isPastDeadline(deadline, today)).toBe(past);
  });

  it.each([
    ['2020-07-31', false, null, 'on_time'],
    ['2020-07-31', true, 'Đơn vị gửi muộn do bão', 'on_time'],
    ['2020-08-01', false, null, 'refused'],
    ['2020-08-01', false, 'Xin nhận muộn', 'refused'],
    ['2020-08-01', true, null, 'refused'],
    ['2020-08-01', true, 'Đơn vị gửi muộn do bão', 'late'],
  ] as const)('on %s, may accept late %s, reason %s → %s', (today, may, reason, expected) => {
    expect(deadlineOutcome('2020-07-31', today, may, reason)).toBe(expected);
  });

  it('writes the deadline with two-digit day and month', () => {
    expect(formatDate('2020-07-31')).toBe('31/07/2020');
    expect(formatDate('2021-01-05')).toBe('05/01/2021');
  });
});

describe('collective eligibility', () => {
  const unit = (id: number, path: string, kind: string, active = true) =>
    ({ id, path, kind, active }) as Parameters<typeof unitIneligibility>[0];
  it.each([
    ['a one-stop unit below the issuer', unit(9, '1.2.5.9', 'one_stop'), null],
    ['a unit picked by id', unit(7, '1.2.7', 'department'), null],
    ['the issuer itself, picked by id', unit(7, '1.2', 'commune'), null],
    [
      'a unit of another kind',
      unit(8, '1.2.8', 'department'),
      'loại đơn vị này không thuộc đối tượng thi đua của kế hoạch',
    ],
    [
      'a one-stop unit outside the issuer',
      unit(10, '1.3.10', 'one_stop'),
      'đơn vị không thuộc phạm vi của đơn vị ban hành',
    ],
    [
      'a path that only starts with the same digits',
      unit(11, '1.22.11', 'one_stop'),
      'đơn vị không thuộc phạm vi của đơn vị ban hành',
    ],
    ['an inactive unit', unit(9, '1.2.9', 'one_stop', false), 'đơn vị đã ngừng hoạt động'],
  ])('%s', (_name, u, expected) => {
    expect(unitIneligibility(u, issuer, oneStops)).toBe(expected);
  });

  it('refuses every unit when the plan names no collectives', () => {
    expect(unitIneligibility(unit(9, '1.2.9', 'one_stop'), issuer, nobody)).toBe(
      'kế hoạch không có đối tượng thi đua là tập thể',
    );
  });
});

describe('individual eligibility', () => {
  const person = (category: string, unitPath: string, active = true) =>
    ({ category, unitPath, active }) as Parameters<typeof personIneligibility>[0];
  it.each([
    ['a civil servant below the issuer', person('cong_chuc', '1.2.5'), null],
    ['a civil servant of the issuer itself', person('cong_chuc', '1.2'), null],
    [
      'another category',
      person('can_bo', '1.2.5'),
      'đối tượng (cán bộ, công chức, …) này không thuộc đối tượng thi đua của kế hoạch',
    ],
    [
      'a person outside the issuer',
      person('cong_chuc', '1.3.5'),
      'cán bộ không thuộc phạm vi của đơn vị ban hành',
    ],
    ['a person no longer working', person('cong_chuc', '1.2.5', false), 'cán bộ đã nghỉ công tác'],
  ])('%s', (_name, p, expected) => {
    expect(personIneligibility(p, issuer, oneStops)).toBe(expected);
  });

  it('refuses everyone when the plan names no categories', () => {
    expect(personIneligibility(person('cong_chuc', '1.2.5'), issuer, nobody)).toBe(
      'kế hoạch không có đối tượng thi đua là cá nhân',
    );
  });
});

describe('registration transitions', () => {
  it.each([
    ['submitted', 'approve', 'approved'],
    ['submitted', 'return', 'returned'],
    ['submitted', 'withdraw', 'withdrawn'],
    ['submitted', 'edit', 'submitted'],
    ['submitted', 'resubmit', null],
    ['returned', 'resubmit', 'submitted'],
    ['returned', 'edit', 'returned'],
    ['returned', 'withdraw', 'withdrawn'],
    ['returned', 'approve', null],
    ['approved', 'withdraw', null],
    ['approved', 'edit', null],
    ['approved', 'return', null],
    ['withdrawn', 'resubmit', null],
    ['withdrawn', 'edit', null],
  ] as const)('%s + %s → %s', (from, change, to) => {
    expect(nextStatus(from, change)).toBe(to);
  });
});

describe('one registration of a bulk review', () => {
  const want = { planId: 5, version: 2 };
  const reg = (
    status: 'submitted' | 'approved' | 'returned' | 'withdrawn',
    planId = 5,
    version = 2,
  ) => ({
    planId,
    status,
    version,
  });
  it.each([
    ['submitted, approve', reg('submitted'), 'approve', null],
    ['submitted, return', reg('submitted'), 'return', null],
    ['unknown id', undefined, 'approve', 'NOT_FOUND'],
    ["another plan's", reg('submitted', 6), 'approve', 'NOT_FOUND'],
    ['changed since the list was read', reg('submitted', 5, 3), 'approve', 'CONFLICT'],
    ['already approved', reg('approved', 5, 2), 'approve', 'INVALID_STATE'],
    ['approved, return', reg('approved'), 'return', 'INVALID_STATE'],
    ['returned, approve', reg('returned'), 'approve', 'INVALID_STATE'],
    ['withdrawn, return', reg('withdrawn'), 'return', 'INVALID_STATE'],
  ] as const)('%s → %s', (_, r, decision, code) => {
    expect(bulkReviewRefusal(r, want, decision)?.code ?? null).toBe(code);
  });

  it('says why in words the reviewer reads after the registrant', () => {
    expect(bulkReviewRefusal(reg('approved'), want, 'approve')?.reason).toBe(
      'đang ở trạng thái "Đã duyệt", chỉ duyệt được đăng ký đang chờ duyệt',
    );
    expect(bulkReviewRefusal(reg('withdrawn'), want, 'return')?.reason).toBe(
      'đang ở trạng thái "Đã rút", chỉ trả lại được đăng ký đang chờ duyệt',
    );
    expect(
      registrantName({ kind: 'individual', unitName: 'Bộ phận một cửa', personName: 'Nguyễn An' }),
    ).toBe('Nguyễn An (Bộ phận một cửa)');
    expect(registrantName({ kind: 'collective', unitName: 'Xã A', personName: null })).toBe('Xã A');
  });
});
