import type { PersonCategory, UnitKind } from '../shared/org';
import { pick } from '../server/demo/names';
import type { Scale } from './generate';

/**
 * The shape of the national benchmark data: the 34 provinces, commune place names, and the
 * staffing templates of communes and provincial agencies, with the arithmetic that spreads
 * 3,321 communes and 300,000 people over them.
 */

export const PROVINCES = [
  'Thành phố Hà Nội',
  'Thành phố Huế',
  'Tỉnh Lai Châu',
  'Tỉnh Điện Biên',
  'Tỉnh Sơn La',
  'Tỉnh Lạng Sơn',
  'Tỉnh Quảng Ninh',
  'Tỉnh Thanh Hóa',
  'Tỉnh Nghệ An',
  'Tỉnh Hà Tĩnh',
  'Tỉnh Cao Bằng',
  'Tỉnh Tuyên Quang',
  'Tỉnh Lào Cai',
  'Tỉnh Thái Nguyên',
  'Tỉnh Phú Thọ',
  'Tỉnh Bắc Ninh',
  'Tỉnh Hưng Yên',
  'Thành phố Hải Phòng',
  'Tỉnh Ninh Bình',
  'Tỉnh Quảng Trị',
  'Thành phố Đà Nẵng',
  'Tỉnh Quảng Ngãi',
  'Tỉnh Gia Lai',
  'Tỉnh Khánh Hòa',
  'Tỉnh Lâm Đồng',
  'Tỉnh Đắk Lắk',
  'Thành phố Hồ Chí Minh',
  'Tỉnh Đồng Nai',
  'Tỉnh Tây Ninh',
  'Thành phố Cần Thơ',
  'Tỉnh Vĩnh Long',
  'Tỉnh Đồng Tháp',
  'Tỉnh Cà Mau',
  'Tỉnh An Giang',
];

export const PLACE_WORDS = [
  'An',
  'Bình',
  'Phú',
  'Tân',
  'Hòa',
  'Long',
  'Thạnh',
  'Mỹ',
  'Đông',
  'Tây',
  'Nam',
  'Bắc',
  'Hưng',
  'Thuận',
  'Phước',
  'Lộc',
  'Hải',
  'Sơn',
  'Trung',
  'Nghĩa',
  'Quang',
  'Vĩnh',
  'Thành',
  'Hiệp',
  'Đức',
  'Xuân',
  'Thịnh',
  'Khánh',
  'Lợi',
  'Hội',
  'Định',
  'Tiến',
  'Minh',
  'Phong',
  'Cường',
  'Thắng',
  'Lạc',
  'Yên',
  'Hồng',
  'Kim',
];

export type StaffSlot = { position: string; category: PersonCategory };
export type ChildTemplate = {
  kind: UnitKind;
  name: (communeKind: CommuneKind, placeName: string) => string;
  weight: number;
  staff: StaffSlot[];
};
export type CommuneKind = keyof Scale['communeKinds'];

export const cb = (position: string): StaffSlot => ({ position, category: 'can_bo' });
export const cc = (position: string): StaffSlot => ({ position, category: 'cong_chuc' });
export const vc = (position: string): StaffSlot => ({ position, category: 'vien_chuc' });

export const communePrefix: Record<CommuneKind, string> = {
  commune: 'Xã',
  ward: 'Phường',
  special_zone: 'Đặc khu',
};
export const communeWord: Record<CommuneKind, string> = {
  commune: 'xã',
  ward: 'phường',
  special_zone: 'đặc khu',
};

/** The commune's own leaders, then its child units in order; staff weights sum to 40. */
export const COMMUNE_LEADERS = { weight: 3, staff: [cb('Chủ tịch UBND'), cb('Phó Chủ tịch UBND')] };
export const COMMUNE_CHILDREN: ChildTemplate[] = [
  {
    kind: 'department',
    name: () => 'Văn phòng HĐND và UBND',
    weight: 10,
    staff: [cc('Chánh Văn phòng'), cc('Phó Chánh Văn phòng'), cc('Chuyên viên Văn phòng')],
  },
  {
    kind: 'department',
    name: (k) => (k === 'ward' ? 'Phòng Kinh tế, Hạ tầng và Đô thị' : 'Phòng Kinh tế'),
    weight: 8,
    staff: [cc('Trưởng phòng'), cc('Phó Trưởng phòng'), cc('Chuyên viên')],
  },
  {
    kind: 'department',
    name: () => 'Phòng Văn hóa - Xã hội',
    weight: 7,
    staff: [cc('Trưởng phòng'), cc('Phó Trưởng phòng'), cc('Chuyên viên')],
  },
  {
    kind: 'one_stop',
    name: () => 'Trung tâm Phục vụ hành chính công',
    weight: 6,
    staff: [
      cc('Giám đốc Trung tâm'),
      cc('Phó Giám đốc Trung tâm'),
      cc('Chuyên viên tiếp nhận hồ sơ'),
    ],
  },
  {
    kind: 'party_mass_org',
    name: (k, place) => `Đảng ủy ${communeWord[k]} ${place}`,
    weight: 4,
    staff: [
      cb('Bí thư Đảng ủy'),
      cb('Phó Bí thư Thường trực Đảng ủy'),
      cb('Chuyên viên Văn phòng Đảng ủy'),
    ],
  },
  {
    kind: 'party_mass_org',
    name: () => 'Ủy ban MTTQ Việt Nam',
    weight: 2,
    staff: [cb('Chủ tịch Ủy ban MTTQ'), cb('Phó Chủ tịch Ủy ban MTTQ')],
  },
  {
    kind: 'party_mass_org',
    name: () => 'Hội Liên hiệp Phụ nữ',
    weight: 1,
    staff: [cb('Chủ tịch Hội Liên hiệp Phụ nữ')],
  },
  {
    kind: 'party_mass_org',
    name: () => 'Đoàn Thanh niên Cộng sản Hồ Chí Minh',
    weight: 1,
    staff: [cb('Bí thư Đoàn Thanh niên')],
  },
  {
    kind: 'party_mass_org',
    name: () => 'Hội Nông dân',
    weight: 1,
    staff: [cb('Chủ tịch Hội Nông dân')],
  },
  {
    kind: 'party_mass_org',
    name: () => 'Hội Cựu chiến binh',
    weight: 1,
    staff: [cb('Chủ tịch Hội Cựu chiến binh')],
  },
];

export const PROVINCIAL_DEPARTMENTS = [
  'Văn phòng UBND tỉnh',
  'Sở Nội vụ',
  'Sở Tài chính',
  'Sở Tư pháp',
  'Sở Xây dựng',
  'Sở Công Thương',
  'Sở Nông nghiệp và Môi trường',
  'Sở Khoa học và Công nghệ',
  'Sở Giáo dục và Đào tạo',
  'Sở Y tế',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Sở Ngoại vụ',
  'Sở Dân tộc và Tôn giáo',
  'Thanh tra tỉnh',
  'Ban Quản lý các khu công nghiệp',
];
export const PROVINCIAL_AGENCIES = [
  'Bệnh viện Đa khoa tỉnh',
  'Bệnh viện Sản - Nhi',
  'Trung tâm Kiểm soát bệnh tật',
  'Trường Cao đẳng Y tế',
  'Trường Cao đẳng Kỹ thuật',
  'Báo và Phát thanh, Truyền hình',
  'Trường Chính trị',
  'Ban Quản lý dự án đầu tư xây dựng',
  'Trung tâm Xúc tiến đầu tư, Thương mại và Du lịch',
  'Quỹ Đầu tư phát triển',
];
export const DEPARTMENT_STAFF = [
  cc('Giám đốc'),
  cc('Phó Giám đốc'),
  cc('Phó Giám đốc'),
  cc('Chánh Văn phòng'),
  cc('Trưởng phòng'),
  cc('Phó Trưởng phòng'),
  cc('Chuyên viên chính'),
  cc('Chuyên viên'),
  cc('Chuyên viên'),
];
export const AGENCY_STAFF: StaffSlot[] = [
  vc('Giám đốc'),
  vc('Phó Giám đốc'),
  vc('Trưởng khoa, phòng'),
  vc('Phó Trưởng khoa, phòng'),
  vc('Viên chức'),
  vc('Viên chức'),
  vc('Viên chức'),
  { position: 'Nhân viên hợp đồng', category: 'nguoi_lao_dong' },
];

/** Largest-remainder apportionment: integer shares of `total` proportional to `weights`, summing exactly. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (weights.length === 0 || sum <= 0) {
    if (total !== 0) throw new Error(`cannot apportion ${total} over no weight`);
    return weights.map(() => 0);
  }
  const exact = weights.map((w) => (total * w) / sum);
  const shares = exact.map(Math.floor);
  let rest = total - shares.reduce((s, n) => s + n, 0);
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) {
    const o = order[k];
    if (o !== undefined) shares[o.i] = (shares[o.i] ?? 0) + 1;
  }
  return shares;
}

/** Splits `total` into `n` counts within [min, max], skewed (a few big provinces, many mid-sized). */
export function distributeCommunes(
  total: number,
  n: number,
  bounds: { min: number; max: number },
  r: () => number,
): number[] {
  const { min, max } = bounds;
  if (n * min > total || n * max < total)
    throw new Error(`${total} communes do not fit ${n} provinces of ${min}–${max}`);
  const counts = new Array<number>(n).fill(min);
  const weights = Array.from({ length: n }, () => 0.3 + r() ** 2 * 2);
  let rest = total - n * min;
  while (rest > 0) {
    const open = counts.map((c, i) => i).filter((i) => (counts[i] ?? 0) < max);
    const shares = apportion(
      rest,
      open.map((i) => weights[i] ?? 1),
    );
    let given = 0;
    open.forEach((i, k) => {
      const add = Math.min(max - (counts[i] ?? 0), shares[k] ?? 0);
      counts[i] = (counts[i] ?? 0) + add;
      given += add;
    });
    rest -= given;
  }
  return counts;
}

export function shuffle<T>(list: T[], r: () => number): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    const a = list[i] as T;
    list[i] = list[j] as T;
    list[j] = a;
  }
  return list;
}

/** Unique place names within a province: two different place words, e.g. "Tân Hưng". */
export function placeNames(count: number, r: () => number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < count) {
    let name = '';
    for (let attempt = 0; attempt < 50 && (name === '' || seen.has(name)); attempt++) {
      const a = pick(r, PLACE_WORDS);
      const b = pick(r, PLACE_WORDS);
      if (a !== b) name = `${a} ${b}`;
    }
    if (name === '' || seen.has(name)) name = `${pick(r, PLACE_WORDS)} ${out.length + 1}`;
    seen.add(name);
    out.push(name);
  }
  return out;
}
