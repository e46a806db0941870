/**
 * The Decree 152/2025 table of the domain brief (§1.5), copied here so tests never read
 * /work/shared: code in the national catalogue, coefficient, and the amount at 2.340.000đ and at
 * 2.530.000đ (a later base salary, reported from 1/7/2026), rounded up to 10.000đ.
 */
export const decree152Table: [code: string, coefficient: number, at2340: number, at2530: number][] =
  [
    ['CSTD_TQ', 4.5, 10_530_000, 11_390_000],
    ['CSTD_TINH', 3, 7_020_000, 7_590_000],
    ['CSTDCS', 1, 2_340_000, 2_530_000],
    ['LDTT', 0.3, 710_000, 760_000],
    ['TTLDXS', 1.5, 3_510_000, 3_800_000],
    ['TTLDTT', 0.8, 1_880_000, 2_030_000],
    ['XA_TIEU_BIEU', 2, 4_680_000, 5_060_000],
    ['THON_VH', 1.5, 3_510_000, 3_800_000],
    ['CO_TD_CP', 12, 28_080_000, 30_360_000],
    ['CO_TD_TINH', 8, 18_720_000, 20_240_000],
    ['BK_TTG_CN', 3.5, 8_190_000, 8_860_000],
    ['BK_TTG_TT', 7, 16_380_000, 17_710_000],
    ['BK_TINH_CN', 1.5, 3_510_000, 3_800_000],
    ['BK_TINH_TT', 3, 7_020_000, 7_590_000],
    ['GK_CN', 0.3, 710_000, 760_000],
    ['GK_TT', 0.6, 1_410_000, 1_520_000],
    ['GK_HGD', 0.45, 1_060_000, 1_140_000],
  ];

export const BASE_2024 = {
  amount: 2_340_000,
  effectiveFrom: '2024-07-01',
  legalBasis: 'Nghị định số 73/2024/NĐ-CP',
};
/** A later base salary an administrator adds (test value). */
export const BASE_2026 = {
  amount: 2_530_000,
  effectiveFrom: '2026-07-01',
  legalBasis: 'Nghị định số 161/2026/NĐ-CP',
};
