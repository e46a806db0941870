import type { AwardKind, AwardSubject, Decider } from '../../../shared/awards';

/**
 * What every installation starts with (decision 035), installed by `ensureNationalCatalogue`:
 * the national titles and forms from 1/7/2025 with their Decree 152/2025 coefficients (Art. 50
 * and 54; household = 1.5 × the individual's) and deciders after Decree 129/2025 Art. 59; the
 * base salary of 1/7/2024 (Decree 73/2024); rounding up to 10.000đ (Decree 98/2023).
 */

export const NATIONAL_FROM = '2025-07-01';

const basis = (article: string) =>
  `${article} Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 của Chính phủ; thẩm quyền theo Nghị định số 129/2025/NĐ-CP, Điều 59`;

export type CatalogueSeedRow = {
  code: string;
  name: string;
  kind: AwardKind;
  subject: AwardSubject;
  coefficient: number;
  deciders: Decider[];
  legalBasis: string;
};

const commune: Decider[] = ['commune_chair', 'department_head'];
const provinceChair: Decider[] = ['provincial_chair', 'minister'];
const provinceCommittee: Decider[] = ['provincial_committee', 'minister'];
const pm: Decider[] = ['prime_minister'];

const row = (
  code: string,
  name: string,
  kind: AwardKind,
  subject: AwardSubject,
  coefficient: number,
  deciders: Decider[],
  article: string,
): CatalogueSeedRow => ({
  code,
  name,
  kind,
  subject,
  coefficient,
  deciders,
  legalBasis: basis(article),
});

export const nationalCatalogue: CatalogueSeedRow[] = [
  row(
    'CSTD_TQ',
    'Chiến sĩ thi đua toàn quốc',
    'title',
    'individual',
    4.5,
    pm,
    'Điều 50 khoản 1 điểm a',
  ),
  row(
    'CSTD_TINH',
    'Chiến sĩ thi đua cấp bộ, ngành, tỉnh',
    'title',
    'individual',
    3,
    provinceCommittee,
    'Điều 50 khoản 1 điểm b',
  ),
  row(
    'CSTDCS',
    'Chiến sĩ thi đua cơ sở',
    'title',
    'individual',
    1,
    commune,
    'Điều 50 khoản 1 điểm c',
  ),
  row('LDTT', 'Lao động tiên tiến', 'title', 'individual', 0.3, commune, 'Điều 50 khoản 1 điểm d'),
  row(
    'TTLDXS',
    'Tập thể lao động xuất sắc',
    'title',
    'collective',
    1.5,
    provinceChair,
    'Điều 50 khoản 2 điểm a',
  ),
  row(
    'TTLDTT',
    'Tập thể lao động tiên tiến',
    'title',
    'collective',
    0.8,
    commune,
    'Điều 50 khoản 2 điểm b',
  ),
  row(
    'XA_TIEU_BIEU',
    'Xã, phường, đặc khu tiêu biểu',
    'title',
    'collective',
    2,
    ['provincial_chair'],
    'Điều 50 khoản 2 điểm c',
  ),
  row(
    'THON_VH',
    'Thôn, tổ dân phố văn hóa',
    'title',
    'collective',
    1.5,
    ['commune_chair'],
    'Điều 50 khoản 2 điểm d',
  ),
  row(
    'CO_TD_CP',
    'Cờ thi đua của Chính phủ',
    'title',
    'collective',
    12,
    pm,
    'Điều 50 khoản 2 điểm đ',
  ),
  row(
    'CO_TD_TINH',
    'Cờ thi đua cấp bộ, ngành, tỉnh',
    'title',
    'collective',
    8,
    provinceCommittee,
    'Điều 50 khoản 2 điểm e',
  ),
  row('BK_TTG_CN', 'Bằng khen của Thủ tướng Chính phủ', 'form', 'individual', 3.5, pm, 'Điều 54'),
  row('BK_TTG_TT', 'Bằng khen của Thủ tướng Chính phủ', 'form', 'collective', 7, pm, 'Điều 54'),
  row('BK_TTG_HGD', 'Bằng khen của Thủ tướng Chính phủ', 'form', 'household', 5.25, pm, 'Điều 54'),
  row(
    'BK_TINH_CN',
    'Bằng khen của Chủ tịch UBND tỉnh',
    'form',
    'individual',
    1.5,
    provinceChair,
    'Điều 54',
  ),
  row(
    'BK_TINH_TT',
    'Bằng khen của Chủ tịch UBND tỉnh',
    'form',
    'collective',
    3,
    provinceChair,
    'Điều 54',
  ),
  row(
    'BK_TINH_HGD',
    'Bằng khen của Chủ tịch UBND tỉnh',
    'form',
    'household',
    2.25,
    provinceChair,
    'Điều 54',
  ),
  row('GK_CN', 'Giấy khen', 'form', 'individual', 0.3, commune, 'Điều 54 khoản 1 điểm e'),
  row('GK_TT', 'Giấy khen', 'form', 'collective', 0.6, commune, 'Điều 54 khoản 1 điểm e'),
  row('GK_HGD', 'Giấy khen', 'form', 'household', 0.45, commune, 'Điều 54 khoản 1 điểm e'),
];

export const firstBaseSalary = {
  amount: 2_340_000,
  effectiveFrom: '2024-07-01',
  legalBasis: 'Nghị định số 73/2024/NĐ-CP ngày 30/6/2024 của Chính phủ',
};

export const firstRounding = {
  mode: 'up' as const,
  step: 10_000,
  effectiveFrom: '2024-01-01',
  legalBasis: 'Nghị định số 98/2023/NĐ-CP: tiền thưởng được làm tròn lên hàng chục nghìn đồng',
};
