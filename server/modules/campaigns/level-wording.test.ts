import { describe, expect, it } from 'vitest';
import type { Participants } from '../../../shared/campaign';
import {
  adaptCarriedContent,
  adaptLevelWording,
  childParticipants,
  levelOf,
  unitPhrase,
} from './level-wording';
import { samplePlanContent, storedPlanContent } from '../../test/plans';

/**
 * The district's wording carried down to a commune's plan (issue 9, item 7). The texts are
 * snippets of the seed plans: 001 (UBND huyện Châu Thành, 47/KH-UBND), 002 (UBND huyện An Biên,
 * 49/KH-UBND) and the demo's live district plan.
 */

const chauThanh = levelOf({ kind: 'district', name: 'Huyện Châu Thành' });
const haoDuoc = levelOf({ kind: 'commune', name: 'Xã Hảo Đước' });
const anBien = levelOf({ kind: 'district', name: 'Huyện An Biên' });
const tienThanh = levelOf({ kind: 'ward', name: 'Phường Tiền Thành' });
const thiTran = levelOf({ kind: 'township', name: 'Thị trấn Thứ Ba' });
if (!chauThanh || !haoDuoc || !anBien || !tienThanh || !thiTran) throw new Error('levels');

describe('levels of units', () => {
  it.each([
    [
      { kind: 'district', name: 'Huyện Châu Thành' },
      { word: 'huyện', short: 'Châu Thành' },
    ],
    [
      { kind: 'district', name: 'Thị xã Hồng Lĩnh' },
      { word: 'thị xã', short: 'Hồng Lĩnh' },
    ],
    [
      { kind: 'district', name: 'Thành phố Phan Thiết' },
      { word: 'thành phố', short: 'Phan Thiết' },
    ],
    [
      { kind: 'commune', name: 'Xã Lương Điền' },
      { word: 'xã', short: 'Lương Điền' },
    ],
    [
      { kind: 'ward', name: 'Phường Tiền Thành' },
      { word: 'phường', short: 'Tiền Thành' },
    ],
    [
      { kind: 'township', name: 'Thị trấn Thứ Ba' },
      { word: 'thị trấn', short: 'Thứ Ba' },
    ],
    [
      { kind: 'province', name: 'Tỉnh Tây Ninh' },
      { word: 'tỉnh', short: 'Tây Ninh' },
    ],
    [
      { kind: 'commune', name: 'Hảo Đước' },
      { word: 'xã', short: 'Hảo Đước' },
    ],
    [{ kind: 'department', name: 'Phòng Nội vụ' }, null],
  ] as const)('%o → %o', (unit, level) => {
    expect(levelOf(unit)).toEqual(level);
  });

  it('writes a unit inside a sentence with its level in lower case', () => {
    expect(unitPhrase({ kind: 'district', name: 'Huyện Châu Thành' })).toBe('huyện Châu Thành');
    expect(unitPhrase({ kind: 'department', name: 'Phòng Nội vụ' })).toBe('Phòng Nội vụ');
  });
});

describe('level words, district → commune', () => {
  it.each([
    // seed 001, title
    [
      chauThanh,
      haoDuoc,
      'Phát động phong trào thi đua thực hiện nhiệm vụ cải cách hành chính và kiểm soát thủ tục hành chính trên địa bàn huyện Châu Thành từ nay đến năm 2025',
      'Phát động phong trào thi đua thực hiện nhiệm vụ cải cách hành chính và kiểm soát thủ tục hành chính trên địa bàn xã Hảo Đước từ nay đến năm 2025',
    ],
    // demo live plan, title without a name
    [
      chauThanh,
      haoDuoc,
      'Phát động phong trào thi đua đẩy mạnh cải cách hành chính, chuyển đổi số trên địa bàn huyện năm 2027',
      'Phát động phong trào thi đua đẩy mạnh cải cách hành chính, chuyển đổi số trên địa bàn xã năm 2027',
    ],
    // seed 001, contents
    [
      chauThanh,
      haoDuoc,
      'Xác định công tác cải cách hành chính thực sự là nhiệm vụ trọng tâm, thường xuyên và là khâu đột phá của huyện.',
      'Xác định công tác cải cách hành chính thực sự là nhiệm vụ trọng tâm, thường xuyên và là khâu đột phá của xã.',
    ],
    // seed 001, goals
    [
      chauThanh,
      haoDuoc,
      'Duy trì, cải thiện, nâng cao điểm số và vị trí xếp hạng đối với chỉ số cải cách hành chính của huyện qua từng năm.',
      'Duy trì, cải thiện, nâng cao điểm số và vị trí xếp hạng đối với chỉ số cải cách hành chính của xã qua từng năm.',
    ],
    // seed 001, the reward issuer and the district named
    [chauThanh, haoDuoc, 'Chủ tịch UBND huyện', 'Chủ tịch UBND xã'],
    [chauThanh, haoDuoc, 'Giấy khen của Chủ tịch UBND huyện', 'Giấy khen của Chủ tịch UBND xã'],
    [
      chauThanh,
      haoDuoc,
      'Tham mưu UBND huyện Châu Thành tổng kết việc thực hiện phong trào thi đua hàng năm',
      'Tham mưu UBND xã Hảo Đước tổng kết việc thực hiện phong trào thi đua hàng năm',
    ],
    [
      chauThanh,
      haoDuoc,
      'Ủy ban nhân dân huyện xây dựng kế hoạch phát động thi đua',
      'Ủy ban nhân dân xã xây dựng kế hoạch phát động thi đua',
    ],
    [chauThanh, haoDuoc, 'Các phòng, ban, ngành cấp huyện', 'Các phòng, ban, ngành cấp xã'],
    // seed 002 into a township and a ward
    [
      anBien,
      thiTran,
      'Phát huy vai trò của từng tập thể và cá nhân trong việc tổ chức, triển khai, thực hiện Chương trình tổng thể cải cách hành chính Nhà nước giai đoạn 2011-2020 trên địa bàn huyện An Biên;',
      'Phát huy vai trò của từng tập thể và cá nhân trong việc tổ chức, triển khai, thực hiện Chương trình tổng thể cải cách hành chính Nhà nước giai đoạn 2011-2020 trên địa bàn thị trấn Thứ Ba;',
    ],
    [anBien, tienThanh, 'Huyện An Biên', 'Phường Tiền Thành'],
    // left as written: a citation of the district's decision, a quoted movement, other words
    [
      chauThanh,
      haoDuoc,
      'góp phần thực hiện thắng lợi Quyết định số 1012/QĐ-UBND ngày 05/5/2021 của UBND huyện về việc ban hành Chương trình hành động thực hiện Nghị quyết Đại hội đại biểu Đảng bộ huyện Châu Thành lần thứ XII về cải cách hành chính giai đoạn 2021 - 2025.',
      'góp phần thực hiện thắng lợi Quyết định số 1012/QĐ-UBND ngày 05/5/2021 của UBND huyện về việc ban hành Chương trình hành động thực hiện Nghị quyết Đại hội đại biểu Đảng bộ huyện Châu Thành lần thứ XII về cải cách hành chính giai đoạn 2021 - 2025.',
    ],
    [
      chauThanh,
      haoDuoc,
      'Đẩy mạnh phong trào thi đua “Cán bộ, công chức, viên chức huyện Châu Thành thi đua thực hiện văn hóa công sở” trên địa bàn huyện',
      'Đẩy mạnh phong trào thi đua “Cán bộ, công chức, viên chức huyện Châu Thành thi đua thực hiện văn hóa công sở” trên địa bàn xã',
    ],
    [
      chauThanh,
      haoDuoc,
      'thi đua thực hiện có hiệu quả Chỉ thị số 05-CT/TU ngày 20/7/2021 của Ban Thường vụ Tỉnh ủy; khâu đột phá của huyện',
      'thi đua thực hiện có hiệu quả Chỉ thị số 05-CT/TU ngày 20/7/2021 của Ban Thường vụ Tỉnh ủy; khâu đột phá của xã',
    ],
    [chauThanh, haoDuoc, 'Giao phòng Nội vụ huyện chủ trì', 'Giao phòng Nội vụ huyện chủ trì'],
    [chauThanh, haoDuoc, 'huyện lỵ của các huyện', 'huyện lỵ của các huyện'],
    [chauThanh, chauThanh, 'trên địa bàn huyện', 'trên địa bàn huyện'],
  ] as const)('%#: %s → …', (from, to, text, expected) => {
    expect(adaptLevelWording(text, from, to)).toBe(expected);
  });
});

describe('participants from the child unit’s own subunits', () => {
  const subunits = [
    { id: 11, kind: 'department', name: 'Văn phòng HĐND và UBND' },
    { id: 12, kind: 'one_stop', name: 'Bộ phận tiếp nhận và trả kết quả' },
    { id: 13, kind: 'party_mass_org', name: 'Đảng ủy xã Hảo Đước' },
    { id: 14, kind: 'village', name: 'Ấp Hảo Đước' },
  ] as const;
  const adapt = (t: string) => adaptLevelWording(t, chauThanh, haoDuoc);
  const base: Participants = {
    collectiveUnitKinds: [],
    collectiveUnitIds: [],
    collectives: [],
    individualCategories: [],
    individuals: [],
    excluded: [],
  };

  it.each([
    [
      // seed 001 / the sample plan: district departments and the communes compete
      'district departments and communes',
      {
        collectiveUnitKinds: ['department', 'commune', 'township'],
        collectives: ['Các phòng, ban, ngành cấp huyện', 'UBND các xã, thị trấn'],
        individualCategories: ['can_bo', 'cong_chuc'],
        individuals: ['Cá nhân thuộc các tập thể trên'],
      },
      ['department', 'one_stop', 'party_mass_org'],
      ['Bộ phận tiếp nhận và trả kết quả', 'Đảng ủy xã Hảo Đước', 'Văn phòng HĐND và UBND'],
    ],
    [
      // seed 002: the one-stop units picked by id, one of them in this commune
      'one-stop units picked by id',
      {
        collectiveUnitIds: [12, 99],
        collectives: ['Bộ phận tiếp nhận và trả kết quả các xã, thị trấn'],
      },
      [],
      ['Bộ phận tiếp nhận và trả kết quả'],
    ],
    [
      'only departments',
      { collectiveUnitKinds: ['department'] },
      ['department'],
      ['Văn phòng HĐND và UBND'],
    ],
    ['no collectives', { individualCategories: ['cong_chuc'] }, [], []],
  ] as const)('%s', (_, parent, kinds, names) => {
    const p = childParticipants(
      { ...base, ...parent } as unknown as Participants,
      { kind: 'commune' },
      [...subunits],
      (id) => id !== 99,
      adapt,
    );
    expect(p.collectiveUnitKinds).toEqual(kinds);
    expect(p.collectives).toEqual(names);
    expect(p.collectiveUnitIds).toEqual(
      (parent as unknown as Partial<Participants>).collectiveUnitIds?.filter((id) => id !== 99) ??
        [],
    );
  });

  it('keeps individual categories and adapts the individual lines', () => {
    const p = childParticipants(
      {
        ...base,
        individualCategories: ['can_bo', 'cong_chuc'],
        individuals: ['Cán bộ, công chức trên địa bàn huyện'],
      },
      { kind: 'commune' },
      [...subunits],
      () => true,
      adapt,
    );
    expect(p.individualCategories).toEqual(['can_bo', 'cong_chuc']);
    expect(p.individuals).toEqual(['Cán bộ, công chức trên địa bàn xã']);
  });
});

describe('carried content', () => {
  it('names the child head as the reward issuer and keeps a form once', () => {
    const content = storedPlanContent(
      samplePlanContent({
        goals: ['Chỉ số cải cách hành chính của huyện duy trì thuộc nhóm tốt của tỉnh.'],
        rewards: [
          {
            form: 'Giấy khen',
            scope: 'collective',
            issuerTitle: 'Chủ tịch UBND huyện',
            coefficient: 0.6,
          },
          {
            form: 'Giấy khen',
            scope: 'collective',
            issuerTitle: 'Chủ tịch UBND xã',
            coefficient: 0.6,
          },
        ],
      }),
    );
    const out = adaptCarriedContent(content, (t) => adaptLevelWording(t, chauThanh, haoDuoc));
    expect(out.goals).toEqual([
      'Chỉ số cải cách hành chính của xã duy trì thuộc nhóm tốt của tỉnh.',
    ]);
    expect(out.rewards).toHaveLength(1);
    expect(out.rewards[0]?.issuerTitle).toBe('Chủ tịch UBND xã');
    expect(out.legalBases).toEqual(content.legalBases);
  });
});
