import type { Gender } from '../../shared/org';

/** Deterministic plausible Vietnamese names (family, middle, given) for demo and benchmark data. */

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Đinh',
  'Trương',
  'Lương',
  'Mai',
  'Cao',
  'Tạ',
  'Lưu',
  'Đoàn',
  'Vương',
  'Trịnh',
  'Hà',
  'Châu',
  'Quách',
  'Thái',
];
const FAMILY_WEIGHTS = [
  38, 11, 9.5, 7, 5, 4, 4.5, 4, 2, 2.1, 2, 1.4, 1.3, 1.3, 1, 0.5, 0.6, 0.5, 0.5, 0.5, 0.4, 0.3, 0.3,
  0.4, 0.2, 0.4, 0.4, 0.2, 0.1, 0.3,
];
const MIDDLE: Record<Gender, string[]> = {
  male: [
    'Văn',
    'Hữu',
    'Đức',
    'Minh',
    'Quang',
    'Công',
    'Thành',
    'Xuân',
    'Ngọc',
    'Trọng',
    'Đình',
    'Tiến',
    'Anh',
    'Hoàng',
    'Mạnh',
  ],
  female: [
    'Thị',
    'Ngọc',
    'Thu',
    'Thanh',
    'Kim',
    'Thị Thu',
    'Minh',
    'Hồng',
    'Thùy',
    'Phương',
    'Bích',
    'Mỹ',
    'Hải',
    'Khánh',
    'Diệu',
  ],
};
const GIVEN: Record<Gender, string[]> = {
  male: [
    'An',
    'Bình',
    'Cường',
    'Dũng',
    'Đạt',
    'Đức',
    'Giang',
    'Hải',
    'Hiếu',
    'Hoàng',
    'Hùng',
    'Huy',
    'Khang',
    'Khoa',
    'Kiên',
    'Long',
    'Lâm',
    'Minh',
    'Nam',
    'Nghĩa',
    'Phong',
    'Phúc',
    'Quân',
    'Quang',
    'Sơn',
    'Tài',
    'Thắng',
    'Thành',
    'Thịnh',
    'Toàn',
    'Trung',
    'Tuấn',
    'Tùng',
    'Việt',
    'Vinh',
    'Vũ',
  ],
  female: [
    'An',
    'Anh',
    'Ánh',
    'Châu',
    'Chi',
    'Dung',
    'Duyên',
    'Giang',
    'Hà',
    'Hạnh',
    'Hằng',
    'Hiền',
    'Hoa',
    'Hòa',
    'Hương',
    'Huyền',
    'Lan',
    'Linh',
    'Loan',
    'Mai',
    'My',
    'Nga',
    'Ngân',
    'Nhung',
    'Oanh',
    'Phương',
    'Quỳnh',
    'Tâm',
    'Thảo',
    'Thủy',
    'Trang',
    'Trâm',
    'Tuyết',
    'Uyên',
    'Vân',
    'Yến',
  ],
};

/** Small fast seeded PRNG (mulberry32) so demo and benchmark data are reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(r: () => number, list: readonly T[]): T {
  const v = list[Math.floor(r() * list.length)];
  if (v === undefined) throw new Error('empty list');
  return v;
}

const totalWeight = FAMILY_WEIGHTS.reduce((s, w) => s + w, 0);
function pickFamily(r: () => number): string {
  let x = r() * totalWeight;
  for (let i = 0; i < FAMILY.length; i++) {
    x -= FAMILY_WEIGHTS[i] ?? 0;
    if (x <= 0) return FAMILY[i] ?? 'Nguyễn';
  }
  return 'Nguyễn';
}

export function vietnameseName(r: () => number, gender: Gender): string {
  return `${pickFamily(r)} ${pick(r, MIDDLE[gender])} ${pick(r, GIVEN[gender])}`;
}
