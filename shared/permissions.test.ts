import { describe, expect, it } from 'vitest';
import {
  actions,
  isSystemRole,
  roles,
  memberOnlyActions,
  roleAllows,
  unitsAllowing,
  unitOwnActions,
  type Action,
  type Role,
} from './permissions';

/** The catalogue's rules for the actions the evaluation, commendation and contest work needs. */
describe('permission catalogue', () => {
  const cases: [Role, Action, boolean][] = [
    ['emulation_officer', 'evaluation.appraise', true],
    ['council_member', 'evaluation.appraise', true],
    ['unit_head', 'evaluation.appraise', false],
    ['admin', 'evaluation.appraise', false],
    ['council_member', 'results.reopen', true],
    ['emulation_officer', 'results.reopen', false],
    ['admin', 'results.reopen', false],
    ['unit_head', 'results.publish', true],
    ['council_member', 'results.publish', false],
    ['admin', 'results.publish', false],
    ['council_member', 'council.vote', true],
    ['emulation_officer', 'council.vote', false],
    ['juror', 'jury.score', true],
    ['council_member', 'jury.score', false],
    ['admin', 'jury.score', false],
    ['unit_head', 'decision.sign', true],
    ['emulation_officer', 'decision.sign', false],
    ['admin', 'decision.sign', false],
    ['staff', 'campaign.view', true],
    ['admin', 'person.manage', true],
    ['emulation_officer', 'document_register.manage', true],
    ['unit_head', 'document_register.manage', false],
    ['staff', 'document_register.manage', false],
    ['admin', 'document_register.manage', false],
    ['emulation_officer', 'quota.simulate', true],
    ['unit_head', 'quota.simulate', true],
    ['council_member', 'quota.simulate', false],
    ['staff', 'quota.simulate', false],
    ['unit_head', 'nomination.submit', true],
    ['emulation_officer', 'nomination.submit', true],
    ['emulation_officer', 'nomination.review', true],
    ['unit_head', 'nomination.review', false],
    ['staff', 'nomination.submit', false],
    ['emulation_officer', 'council.manage', true],
    ['emulation_officer', 'certificate_template.manage', true],
    ['unit_head', 'certificate_template.manage', false],
    ['staff', 'certificate_template.manage', false],
    ['admin', 'certificate_template.manage', true],
    ['council_member', 'council.manage', false],
    ['unit_head', 'council.manage', false],
    ['council_member', 'council.vote', true],
    ['admin', 'council.vote', false],
    ['admin', 'award_catalogue.manage', true],
    ['emulation_officer', 'award_catalogue.manage', false],
    ['unit_head', 'award_catalogue.manage', false],
    ['emulation_officer', 'honour.manage', true],
    ['unit_head', 'honour.manage', false],
    ['admin', 'honour.manage', true],
    ['emulation_officer', 'discipline.manage', true],
    ['unit_head', 'discipline.view', true],
    ['unit_head', 'discipline.manage', false],
    ['staff', 'discipline.view', false],
    ['council_member', 'discipline.view', false],
  ];
  it.each(cases)('%s may %s: %s', (role, action, allowed) => {
    expect(roleAllows(role, action)).toBe(allowed);
  });

  it("gives administrators every action but the units' own and the members' work", () => {
    const held = actions.filter((a) => roleAllows('admin', a));
    expect(held).toEqual(
      actions.filter((a) => !unitOwnActions.includes(a) && !memberOnlyActions.includes(a)),
    );
  });
});

describe('system roles', () => {
  it('are the roles that may be granted without a unit: administration only', () => {
    expect(roles.filter(isSystemRole)).toEqual(['admin']);
  });
});

describe('unitsAllowing', () => {
  it('lists each unit whose grant allows the action once, and notes a system-wide grant', () => {
    const grants = [
      { role: 'unit_head', unitId: 7, unitName: 'Xã A' },
      { role: 'emulation_officer', unitId: '7', unitName: 'Xã A' },
      { role: 'staff', unitId: 8, unitName: 'Xã B' },
      { role: 'unit_head', unitId: 9, unitName: null },
    ] as const;
    const allowed = unitsAllowing(grants, 'registration.submit');
    expect(allowed).toEqual({
      all: false,
      units: [
        { id: '7', name: 'Xã A' },
        { id: '9', name: 'Đơn vị #9' },
      ],
    });
    expect(
      unitsAllowing([{ role: 'admin', unitId: null, unitName: null }], 'registration.submit').all,
    ).toBe(true);
  });
});
