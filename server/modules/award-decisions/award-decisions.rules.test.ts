import { describe, expect, it } from 'vitest';
import type { AwardSubject, Decider } from '../../../shared/awards';
import { decisionPowers, formRefusal } from './award-decisions.rules';

/** Who may award a form on a decision (issue 12 item 1: the authority matrix after 1/7/2025). */
describe('decisionPowers', () => {
  it.each([
    ['ward', 'chairman', ['commune_chair']],
    ['commune', 'committee', ['commune_chair']],
    ['special_zone', 'chairman', ['commune_chair']],
    ['district', 'chairman', ['district_chair']],
    ['province', 'chairman', ['provincial_chair']],
    ['province', 'committee', ['provincial_committee']],
    // A department head's power is not placed by unit kind (decision 041): none here either.
    ['department', 'chairman', []],
    ['one_stop', 'chairman', []],
    ['party_mass_org', 'committee', []],
  ] as const)('%s, %s → %j', (kind, decider, powers) => {
    expect(decisionPowers(kind, decider)).toEqual(powers);
  });
});

describe('formRefusal', () => {
  const form = (deciders: Decider[], subject: AwardSubject = 'individual') => ({
    name: 'Giấy khen',
    deciders,
    subject,
  });
  it.each<[string, Decider[], AwardSubject, Decider[], 'person' | 'unit', RegExp | null]>([
    [
      'a commune chairman awards his Giấy khen',
      ['commune_chair'],
      'individual',
      ['commune_chair'],
      'person',
      null,
    ],
    [
      'one of several deciders suffices',
      ['commune_chair', 'department_head'],
      'individual',
      ['department_head'],
      'person',
      null,
    ],
    [
      "a plan's own form without deciders is the issuer's",
      [],
      'individual',
      ['commune_chair'],
      'person',
      null,
    ],
    [
      'a household form goes to a person',
      ['commune_chair'],
      'household',
      ['commune_chair'],
      'person',
      null,
    ],
    [
      'a ward cannot award the provincial Bằng khen',
      ['provincial_chair'],
      'individual',
      ['commune_chair'],
      'person',
      /thuộc thẩm quyền Chủ tịch UBND tỉnh/,
    ],
    [
      'a one-stop unit holds no power',
      ['commune_chair'],
      'individual',
      [],
      'person',
      /không thuộc thẩm quyền của cấp ban hành/,
    ],
    [
      'the committee is not the chairman',
      ['provincial_chair'],
      'individual',
      ['provincial_committee'],
      'person',
      /thuộc thẩm quyền/,
    ],
    [
      'an individual form never goes to a unit',
      ['commune_chair'],
      'individual',
      ['commune_chair'],
      'unit',
      /chỉ tặng cá nhân/,
    ],
    [
      'a collective form never goes to a person',
      ['commune_chair'],
      'collective',
      ['commune_chair'],
      'person',
      /chỉ tặng tập thể/,
    ],
  ])('%s', (_, deciders, subject, powers, row, expected) => {
    const why = formRefusal(form(deciders, subject), powers, row);
    if (expected === null) expect(why).toBeNull();
    else expect(why).toMatch(expected);
  });
});
