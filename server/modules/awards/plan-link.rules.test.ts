import { describe, expect, it } from 'vitest';
import { deciderOf, linkPlanReward, linkPlanRewards, type PlanReward } from './plan-link.rules';
import { catalogue, seedRewards } from './plan-link.fixtures';

const AFTER = '2025-09-01';
const BEFORE = '2025-06-30';
const codes = (l: { forms: { code: string }[] }) => l.forms.map((f) => f.code);
const seed = (n: string) => seedRewards.find((s) => s.seed === n)?.rewards ?? [];

describe('the five seeds’ reward forms linked to the catalogue', () => {
  it('000: the gift of 300.000đ per person from the commune is a fixed amount, no catalogue form', () => {
    expect(linkPlanRewards(seed('000'), catalogue, AFTER)).toEqual([
      {
        rewardId: 'r-seed0000',
        forms: [],
        decider: 'commune_chair',
        fixedAmount: 300_000,
        notes: [],
      },
    ]);
  });

  it('001: rewards are left to a later guideline, so nothing to link', () => {
    expect(linkPlanRewards(seed('001'), catalogue, AFTER)).toEqual([]);
  });

  it('002: Giấy khen of the district chair → Giấy khen individual and collective; from 1/7/2025 the commune chair decides', () => {
    const [before] = linkPlanRewards(seed('002'), catalogue, BEFORE);
    expect(before).toMatchObject({ decider: 'district_chair', fixedAmount: null });
    expect(codes(before!)).toEqual(['GK_CN', 'GK_TT']);
    const [after] = linkPlanRewards(seed('002'), catalogue, AFTER);
    expect(after?.notes).toEqual([
      'Từ 01/7/2025, thẩm quyền của Chủ tịch UBND cấp huyện chuyển cho Chủ tịch UBND cấp xã (Nghị định số 129/2025/NĐ-CP, Điều 59).',
    ]);
  });

  it('003: Giấy khen of the city chairman and of the ward chairman, each Giấy khen with its decider', () => {
    const [city, ward] = linkPlanRewards(seed('003'), catalogue, AFTER);
    expect(city).toMatchObject({ rewardId: 'r-seed0030', decider: 'district_chair' });
    expect(codes(city!)).toEqual(['GK_CN', 'GK_TT']);
    expect(ward).toEqual({
      rewardId: 'r-seed0031',
      forms: [
        { formId: expect.any(Number), code: 'GK_CN', name: 'Giấy khen', subject: 'individual' },
        { formId: expect.any(Number), code: 'GK_TT', name: 'Giấy khen', subject: 'collective' },
      ],
      decider: 'commune_chair',
      fixedAmount: null,
      notes: [],
    });
  });

  it('004: the contest’s certificate is the plan’s own form without an amount', () => {
    expect(linkPlanRewards(seed('004'), catalogue, AFTER)).toEqual([
      {
        rewardId: 'r-seed0040',
        forms: [],
        decider: null,
        fixedAmount: null,
        notes: [
          'Hình thức riêng của kế hoạch, không có trong danh mục và không có mức tiền thưởng.',
        ],
      },
    ]);
  });
});

describe('names and deciders', () => {
  const r = (form: string, issuerTitle: string | null, over: Partial<PlanReward> = {}) =>
    linkPlanReward({ form, issuerTitle, scope: null, amountVnd: null, ...over }, catalogue, AFTER);
  it.each([
    ['Lao động tiên tiến', null, ['LDTT']],
    ['Tập thể lao động tiên tiến', 'Chủ tịch UBND xã', ['TTLDTT']],
    ['Chiến sĩ thi đua cơ sở', 'Chủ tịch UBND phường', ['CSTDCS']],
    ['Bằng khen', 'Chủ tịch UBND tỉnh', ['BK_TINH_CN', 'BK_TINH_TT']],
    ['Bằng khen của Thủ tướng Chính phủ', null, ['BK_TTG_CN', 'BK_TTG_TT']],
    ['GIẤY KHEN', 'Chủ tịch Ủy ban nhân dân phường', ['GK_CN', 'GK_TT']],
    ['Tặng quà', 'UBND xã', []],
  ])('%s (%s) → %o', (form, issuer, expected) => {
    expect(codes(r(form, issuer))).toEqual(expected);
  });
  it('keeps to the plan’s subject, households included', () => {
    expect(codes(r('Giấy khen', 'Chủ tịch UBND xã', { scope: 'household' }))).toEqual(['GK_HGD']);
    expect(codes(r('Giấy khen', 'Chủ tịch UBND xã', { scope: 'collective' }))).toEqual(['GK_TT']);
  });
  it('says when the plan’s decider may not decide the form', () => {
    expect(r('Bằng khen của Chủ tịch UBND tỉnh', 'Chủ tịch UBND xã').notes).toEqual([
      'Chủ tịch UBND xã, phường, đặc khu không có thẩm quyền quyết định Bằng khen của Chủ tịch UBND tỉnh theo danh mục.',
    ]);
  });
  it('a Giấy khen with the plan’s own amount keeps the form and takes the fixed amount', () => {
    const l = r('Giấy khen', 'Chủ tịch UBND huyện', { amountVnd: 300_000 });
    expect(codes(l)).toEqual(['GK_CN', 'GK_TT']);
    expect(l.fixedAmount).toBe(300_000);
    expect(l.notes).toContain('Mức tiền cố định theo kế hoạch thay cho hệ số của danh mục.');
  });
  it.each([
    ['Chủ tịch UBND phường', 'commune_chair'],
    ['UBND xã', 'commune_chair'],
    ['Chủ tịch UBND thị xã', 'district_chair'],
    ['Chủ tịch UBND huyện', 'district_chair'],
    ['Chủ tịch UBND thành phố', 'district_chair'],
    ['Chủ tịch UBND tỉnh Kiên Giang', 'provincial_chair'],
    ['UBND tỉnh', 'provincial_committee'],
    ['Giám đốc Sở Nội vụ', 'department_head'],
    ['Thủ tướng Chính phủ', 'prime_minister'],
    ['Hội đồng thi đua', null],
  ])('%s → %s', (issuer, decider) => {
    expect(deciderOf(issuer)).toBe(decider);
  });
});
