import type { Decider, AwardKind, AwardSubject } from '../../../shared/awards';
import type { FormVersion } from './awards.rules';
import type { PlanReward } from './plan-link.rules';

/**
 * The reward passages of the user's five seed plans (copied from /work/shared/seeds, which the
 * product never reads) and the reward forms the plan reader makes of them
 * (campaigns/plan-reader tests), for the link to the catalogue.
 */
export const seedRewards: { seed: string; text: string; rewards: PlanReward[] }[] = [
  {
    seed: '000',
    text: 'Đồng thời, cán bộ, công chức xã có thành tích tiêu biểu trong công tác CCHC sẽ được UBND xã khen thưởng bằng quà với mức tiền trị giá: 300.000đ/ người.',
    rewards: [
      { id: 'r-seed0000', form: 'Quà', scope: null, issuerTitle: 'UBND xã', amountVnd: 300_000 },
    ],
  },
  {
    seed: '001',
    text: 'Giao cơ quan Thường trực tham mưu Ban Chỉ đạo ban hành Hướng dẫn khen thưởng thành tích trong thực hiện phong trào thi đua … hàng năm và khi tổng kết vào năm 2025.',
    rewards: [],
  },
  {
    seed: '002',
    text: '2. Cơ cấu số lượng khen thưởng: * Giấy khen tập thể: không quá 20%. * Giấy khen cá nhân: không quá 20%. … tổng hợp đề xuất Chủ tịch UBND huyện khen thưởng cho các tập thể và cá nhân đạt thành tích xuất sắc theo kế hoạch',
    rewards: [
      {
        id: 'r-seed0020',
        form: 'Giấy khen',
        scope: null,
        issuerTitle: 'Chủ tịch UBND huyện',
        amountVnd: null,
      },
    ],
  },
  {
    seed: '003',
    // As scanned (OCR) in the seed; the plan reader reads it as the two forms below.
    text: 'a. Hinh thirc: Gidy khen ctia Cha tich UBND thanh phé va Chu tich UBND phuong.',
    rewards: [
      {
        id: 'r-seed0030',
        form: 'Giấy khen',
        scope: null,
        issuerTitle: 'Chủ tịch UBND thành phố',
        amountVnd: null,
      },
      {
        id: 'r-seed0031',
        form: 'Giấy khen',
        scope: null,
        issuerTitle: 'Chủ tịch UBND phường',
        amountVnd: null,
      },
    ],
  },
  {
    seed: '004',
    text: '- Tham mưu mẫu giấy chứng nhận Sáng kiến, giải pháp đạt giải tại cuộc thi.',
    rewards: [
      {
        id: 'r-seed0040',
        form: 'Giấy chứng nhận',
        scope: null,
        issuerTitle: null,
        amountVnd: null,
      },
    ],
  },
];

let nextId = 1;
const v = (
  code: string,
  name: string,
  kind: AwardKind,
  subject: AwardSubject,
  coefficient: number,
  deciders: Decider[],
): FormVersion => ({
  id: nextId,
  formId: nextId++,
  code,
  name,
  kind,
  subject,
  coefficient,
  fixedAmount: null,
  deciders,
  legalBasis: null,
  validFrom: '2025-07-01',
  validTo: null,
});
const commune: Decider[] = ['commune_chair', 'department_head'];
const province: Decider[] = ['provincial_chair', 'minister'];

/** The national catalogue as migration 0020 seeds it (the forms the link tests need). */
export const catalogue: FormVersion[] = [
  v('CSTDCS', 'Chiến sĩ thi đua cơ sở', 'title', 'individual', 1, commune),
  v('LDTT', 'Lao động tiên tiến', 'title', 'individual', 0.3, commune),
  v('TTLDXS', 'Tập thể lao động xuất sắc', 'title', 'collective', 1.5, province),
  v('TTLDTT', 'Tập thể lao động tiên tiến', 'title', 'collective', 0.8, commune),
  v('BK_TTG_CN', 'Bằng khen của Thủ tướng Chính phủ', 'form', 'individual', 3.5, [
    'prime_minister',
  ]),
  v('BK_TTG_TT', 'Bằng khen của Thủ tướng Chính phủ', 'form', 'collective', 7, ['prime_minister']),
  v('BK_TINH_CN', 'Bằng khen của Chủ tịch UBND tỉnh', 'form', 'individual', 1.5, province),
  v('BK_TINH_TT', 'Bằng khen của Chủ tịch UBND tỉnh', 'form', 'collective', 3, province),
  v('GK_CN', 'Giấy khen', 'form', 'individual', 0.3, commune),
  v('GK_TT', 'Giấy khen', 'form', 'collective', 0.6, commune),
  v('GK_HGD', 'Giấy khen', 'form', 'household', 0.45, commune),
];
