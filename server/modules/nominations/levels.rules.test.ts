import { describe, expect, it } from 'vitest';
import type { Quota } from '../../../shared/campaign';
import {
  decidingUnit,
  dossierChecklist,
  forwardTarget,
  levelApplies,
  quotasAt,
  type LevelUnit,
} from './levels.rules';

const oneStop: LevelUnit = { id: 4, kind: 'one_stop', name: 'Bộ phận một cửa' };
const office: LevelUnit = { id: 3, kind: 'department', name: 'Văn phòng' };
const ward: LevelUnit = { id: 2, kind: 'ward', name: 'Phường An Cựu' };
const city: LevelUnit = { id: 1, kind: 'province', name: 'Thành phố Huế' };

describe('levelApplies', () => {
  it.each([
    ['Cấp thành phố', 'province', 'this'],
    ['Cấp thành phố', 'ward', 'other'],
    ['Cấp xã', 'ward', 'this'],
    ['Trình cấp phường', 'commune', 'this'],
    ['Trinh cdp thanh phe', 'province', 'this'], // seed 003's OCR
    ['Trinh cdp thanh phe', 'ward', 'other'],
    ['Giấy khen tập thể', 'ward', 'any'],
    ['Hồ sơ đề nghị khen thưởng', 'province', 'any'],
  ] as const)('%s at a %s → %s', (text, kind, expected) => {
    expect(levelApplies(text, kind)).toBe(expected);
  });
});

describe('decidingUnit', () => {
  it('is the nearest unit above whose kind holds a decider of the form', () => {
    expect(decidingUnit(['commune_chair', 'department_head'], [office, ward, city])).toBe(ward);
    expect(decidingUnit(['provincial_chair', 'minister'], [ward, city])).toBe(city);
  });
  it('is null when no unit on the way up holds it (the top decides)', () => {
    expect(decidingUnit(['prime_minister'], [ward, city])).toBeNull();
    expect(decidingUnit(['provincial_chair'], [ward])).toBeNull();
  });
});

describe('forwardTarget', () => {
  it('goes to the next level of government, skipping departments, up to the top', () => {
    expect(forwardTarget(oneStop.id, [office, ward, city], city.id)).toBe(ward);
    expect(forwardTarget(ward.id, [city], city.id)).toBe(city);
  });
  it('never goes past the top', () => {
    expect(forwardTarget(city.id, [], city.id)).toBeNull();
    expect(forwardTarget(ward.id, [city], ward.id)).toBeNull();
    // The top is not above the current level: nowhere to go.
    expect(forwardTarget(ward.id, [city], 99)).toBeNull();
  });
  it('takes the top even when it is not a level of government', () => {
    expect(forwardTarget(oneStop.id, [office, ward], office.id)).toBe(office);
  });
});

describe('dossierChecklist (seed 003: the dossier differs by level)', () => {
  // As the plan reader imports seed 003: one rule, the level in each item's prefix.
  const imported = [
    {
      level: 'Hồ sơ đề nghị khen thưởng',
      items: [
        'Trinh cdp thanh phe: To trinh de nghi khen thudng cta co quan',
        'Trinh cdp thanh phe: Bien ban hop xet cia Thu trudng co quan',
        'Trinh cdp thanh phe: B4o c4o thanh tich',
        'Trinh cdp xa: Bien ban hop xet cia Thu trudng co quan',
        'Trinh cdp xa: B4o c4o thanh tich',
      ],
    },
  ];
  it('to the city: tờ trình, biên bản, báo cáo; to the ward: biên bản, báo cáo', () => {
    expect(dossierChecklist(imported, 'province')).toHaveLength(3);
    expect(dossierChecklist(imported, 'ward')).toEqual([
      'Trinh cdp xa: Bien ban hop xet cia Thu trudng co quan',
      'Trinh cdp xa: B4o c4o thanh tich',
    ]);
  });
  it('a rule per level, and items that name no level apply everywhere', () => {
    const rules = [
      { level: 'Trình cấp thành phố', items: ['Tờ trình', 'Biên bản họp xét'] },
      { level: 'Trình cấp xã', items: ['Biên bản họp xét', 'Báo cáo thành tích'] },
      { level: 'Hồ sơ', items: ['Báo cáo thành tích'] },
    ];
    expect(dossierChecklist(rules, 'province')).toEqual([
      'Tờ trình',
      'Biên bản họp xét',
      'Báo cáo thành tích',
    ]);
    expect(dossierChecklist(rules, 'commune')).toEqual(['Biên bản họp xét', 'Báo cáo thành tích']);
    expect(dossierChecklist([], 'commune')).toEqual([]);
  });
});

describe('quotasAt', () => {
  const q = (id: string, scope: Quota['scope'], level: string, maxCount: number): Quota => ({
    id,
    scope,
    level,
    maxCount,
    maxPercent: null,
  });
  const seed003 = [
    q('q-city0001', 'collective', 'Cấp thành phố', 1),
    q('q-city0002', 'individual', 'Cấp thành phố', 2),
    q('q-ward0001', 'collective', 'Cấp xã', 1),
    q('q-ward0002', 'individual', 'Cấp xã', 3),
  ];
  it('keeps the subject’s quotas at the deciding level, counted per deciding unit', () => {
    expect(quotasAt(seed003, 'person', ward)).toEqual([
      { quota: seed003[3], quotaKey: 'q-ward0002@unit:2' },
    ]);
    expect(quotasAt(seed003, 'unit', city)).toEqual([
      { quota: seed003[0], quotaKey: 'q-city0001@unit:1' },
    ]);
  });
  it('a quota that names no level counts over the whole plan (seed 002)', () => {
    const seed002 = [q('q-gk000001', 'collective', 'Giấy khen tập thể', 3)];
    expect(quotasAt(seed002, 'unit', ward)).toEqual([
      { quota: seed002[0], quotaKey: 'q-gk000001' },
    ]);
    expect(quotasAt(seed002, 'person', ward)).toEqual([]);
  });
});
