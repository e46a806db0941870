import type { Gender, PersonCategory, UnitKind } from '../../shared/org';
import type { Role } from '../../shared/permissions';
import { roleLabels } from '../../shared/permissions';

/**
 * Demo organisation: the seed plans' localities under their real parents, in the historic
 * three-level shape the plans were written in (province › district › commune).
 */

export type StaffSpec = {
  position: string;
  category: PersonCategory;
  gender?: Gender;
  name?: string;
};
export type UnitSpec = {
  name: string;
  kind: UnitKind;
  adminCode?: string;
  staff?: StaffSpec[];
  children?: UnitSpec[];
};

const cc = (position: string, extra: Partial<StaffSpec> = {}): StaffSpec => ({
  position,
  category: 'cong_chuc',
  ...extra,
});
const cb = (position: string, extra: Partial<StaffSpec> = {}): StaffSpec => ({
  position,
  category: 'can_bo',
  ...extra,
});

/** A commune-level People's Committee with its usual offices, one-stop unit and mass organisations. */
function commune(
  kind: 'commune' | 'ward' | 'township',
  name: string,
  named: Record<string, string> = {},
): UnitSpec {
  const n = (position: string) => (named[position] === undefined ? {} : { name: named[position] });
  const short = name.replace(/^(Xã|Phường|Thị trấn) /u, '');
  return {
    name,
    kind,
    staff: [
      cb('Chủ tịch UBND', n('Chủ tịch UBND')),
      cb('Phó Chủ tịch UBND', n('Phó Chủ tịch UBND')),
      cb('Phó Chủ tịch UBND'),
    ],
    children: [
      {
        name: 'Văn phòng HĐND và UBND',
        kind: 'department',
        staff: [
          cb('Chủ tịch HĐND'),
          cc('Công chức Văn phòng - Thống kê', n('Công chức Văn phòng - Thống kê')),
          cc('Công chức Văn phòng - Thống kê'),
          cc('Công chức Nội vụ', n('Công chức Nội vụ')),
          cc('Công chức Tư pháp - Hộ tịch'),
          cc('Công chức Địa chính - Xây dựng'),
          cc('Công chức Tài chính - Kế toán'),
          cc('Công chức Văn hóa - Xã hội'),
          { position: 'Nhân viên hợp đồng', category: 'nguoi_lao_dong' },
        ],
      },
      {
        name: 'Bộ phận tiếp nhận và trả kết quả',
        kind: 'one_stop',
        staff: [
          cc('Công chức tiếp nhận và trả kết quả'),
          cc('Công chức tiếp nhận và trả kết quả'),
          cc('Công chức Tư pháp - Hộ tịch (một cửa)'),
        ],
      },
      {
        name: `Đảng ủy ${kind === 'ward' ? 'phường' : kind === 'township' ? 'thị trấn' : 'xã'} ${short}`,
        kind: 'party_mass_org',
        staff: [cb('Bí thư Đảng ủy'), cb('Phó Bí thư Thường trực Đảng ủy')],
      },
      { name: 'Ủy ban MTTQ Việt Nam', kind: 'party_mass_org', staff: [cb('Chủ tịch Ủy ban MTTQ')] },
      {
        name: 'Hội Liên hiệp Phụ nữ',
        kind: 'party_mass_org',
        staff: [cb('Chủ tịch Hội Liên hiệp Phụ nữ', { gender: 'female' })],
      },
      {
        name: 'Đoàn Thanh niên Cộng sản Hồ Chí Minh',
        kind: 'party_mass_org',
        staff: [cb('Bí thư Đoàn Thanh niên')],
      },
      { name: 'Hội Nông dân', kind: 'party_mass_org', staff: [cb('Chủ tịch Hội Nông dân')] },
      {
        name: 'Hội Cựu chiến binh',
        kind: 'party_mass_org',
        staff: [cb('Chủ tịch Hội Cựu chiến binh', { gender: 'male' })],
      },
      {
        name: kind === 'ward' ? 'Khu phố 1' : 'Thôn Đông',
        kind: 'village',
        staff: [
          { position: kind === 'ward' ? 'Trưởng khu phố' : 'Trưởng thôn', category: 'other' },
        ],
      },
    ],
  };
}

function district(
  name: string,
  communes: UnitSpec[],
  oneStopName = 'Bộ phận tiếp nhận và trả kết quả huyện',
): UnitSpec {
  return {
    name,
    kind: 'district',
    staff: [cb('Chủ tịch UBND'), cb('Phó Chủ tịch UBND')],
    children: [
      {
        name: 'Phòng Nội vụ',
        kind: 'department',
        staff: [
          cc('Trưởng phòng Nội vụ'),
          cc('Chuyên viên Thi đua - Khen thưởng'),
          cc('Chuyên viên Cải cách hành chính'),
        ],
      },
      {
        name: 'Văn phòng HĐND và UBND',
        kind: 'department',
        staff: [cc('Chánh Văn phòng'), cc('Chuyên viên tổng hợp')],
      },
      { name: 'Phòng Tư pháp', kind: 'department', staff: [cc('Trưởng phòng Tư pháp')] },
      {
        name: 'Phòng Tài chính - Kế hoạch',
        kind: 'department',
        staff: [cc('Trưởng phòng Tài chính - Kế hoạch')],
      },
      {
        name: oneStopName,
        kind: 'one_stop',
        staff: [
          cc('Công chức tiếp nhận và trả kết quả'),
          { position: 'Viên chức tiếp nhận hồ sơ', category: 'vien_chuc' },
        ],
      },
      ...communes,
    ],
  };
}

function province(name: string, adminCode: string, children: UnitSpec[]): UnitSpec {
  return {
    name,
    kind: 'province',
    adminCode,
    children: [
      {
        name: 'Sở Nội vụ',
        kind: 'department',
        staff: [cc('Giám đốc Sở Nội vụ')],
        children: [
          {
            name: 'Ban Thi đua - Khen thưởng',
            kind: 'department',
            staff: [
              cc('Trưởng ban Thi đua - Khen thưởng'),
              cc('Chuyên viên Ban Thi đua - Khen thưởng'),
            ],
          },
        ],
      },
      ...children,
    ],
  };
}

export const demoTree: UnitSpec[] = [
  province('Tỉnh Hải Dương', '30', [
    district('Huyện Cẩm Giàng', [
      commune('commune', 'Xã Lương Điền', {
        'Chủ tịch UBND': 'Vũ Đức Thắng',
        'Công chức Nội vụ': 'Phạm Thị Hương',
        'Công chức Văn phòng - Thống kê': 'Nguyễn Văn An',
      }),
      commune('commune', 'Xã Ngọc Liên'),
    ]),
  ]),
  province('Tỉnh Tây Ninh', '72', [
    district('Huyện Châu Thành', [
      commune('township', 'Thị trấn Châu Thành'),
      commune('commune', 'Xã Thái Bình'),
      commune('commune', 'Xã Hảo Đước'),
      commune('commune', 'Xã An Bình'),
      commune('commune', 'Xã Trí Bình'),
      commune('commune', 'Xã Biên Giới'),
    ]),
  ]),
  province('Tỉnh Kiên Giang', '91', [
    district('Huyện An Biên', [
      commune('township', 'Thị trấn Thứ Ba'),
      commune('commune', 'Xã Tây Yên'),
      commune('commune', 'Xã Nam Yên'),
      commune('commune', 'Xã Hưng Yên'),
      commune('commune', 'Xã Đông Thái'),
      commune('commune', 'Xã Nam Thái'),
    ]),
  ]),
  province('Tỉnh Bình Thuận', '60', [
    {
      ...district(
        'Thành phố Phan Thiết',
        [commune('ward', 'Phường Tiền Thành'), commune('ward', 'Phường Đức Thắng')],
        'Bộ phận tiếp nhận và trả kết quả thành phố',
      ),
    },
  ]),
  province('Tỉnh Hà Tĩnh', '42', [
    {
      ...district(
        'Thị xã Hồng Lĩnh',
        [commune('ward', 'Phường Trung Lương'), commune('ward', 'Phường Bắc Hồng')],
        'Bộ phận tiếp nhận và trả kết quả thị xã',
      ),
    },
  ]),
];

/** Demo accounts (password "demo"): the unit is named by its path from the province. */
export type DemoAccount = {
  username: string;
  role: Role;
  unitPath: string[];
  displayName: string;
  personPosition?: string;
};

const at = (...path: string[]) => path;
export const demoAccountSpecs: DemoAccount[] = [
  { username: 'admin', role: 'admin', unitPath: [], displayName: 'Quản trị hệ thống' },
  {
    username: 'thidua.luongdien',
    role: 'emulation_officer',
    unitPath: at('Tỉnh Hải Dương', 'Huyện Cẩm Giàng', 'Xã Lương Điền'),
    displayName: 'Phạm Thị Hương',
    personPosition: 'Công chức Nội vụ',
  },
  {
    username: 'lanhdao.luongdien',
    role: 'unit_head',
    unitPath: at('Tỉnh Hải Dương', 'Huyện Cẩm Giàng', 'Xã Lương Điền'),
    displayName: 'Vũ Đức Thắng',
    personPosition: 'Chủ tịch UBND',
  },
  {
    username: 'canbo.luongdien',
    role: 'staff',
    unitPath: at('Tỉnh Hải Dương', 'Huyện Cẩm Giàng', 'Xã Lương Điền'),
    displayName: 'Nguyễn Văn An',
    personPosition: 'Công chức Văn phòng - Thống kê',
  },
  {
    username: 'thidua.chauthanh',
    role: 'emulation_officer',
    unitPath: at('Tỉnh Tây Ninh', 'Huyện Châu Thành'),
    displayName: 'Cán bộ thi đua huyện Châu Thành',
  },
  {
    username: 'lanhdao.chauthanh',
    role: 'unit_head',
    unitPath: at('Tỉnh Tây Ninh', 'Huyện Châu Thành'),
    displayName: 'Lãnh đạo UBND huyện Châu Thành',
  },
  {
    username: 'hoidong.chauthanh',
    role: 'council_member',
    unitPath: at('Tỉnh Tây Ninh', 'Huyện Châu Thành'),
    displayName: 'Thành viên Hội đồng TĐKT huyện Châu Thành',
  },
  {
    username: 'thidua.thaibinh',
    role: 'emulation_officer',
    unitPath: at('Tỉnh Tây Ninh', 'Huyện Châu Thành', 'Xã Thái Bình'),
    displayName: 'Cán bộ thi đua xã Thái Bình',
  },
  {
    username: 'lanhdao.thaibinh',
    role: 'unit_head',
    unitPath: at('Tỉnh Tây Ninh', 'Huyện Châu Thành', 'Xã Thái Bình'),
    displayName: 'Lãnh đạo UBND xã Thái Bình',
  },
  {
    username: 'thidua.anbien',
    role: 'emulation_officer',
    unitPath: at('Tỉnh Kiên Giang', 'Huyện An Biên'),
    displayName: 'Cán bộ thi đua huyện An Biên',
  },
  {
    username: 'lanhdao.anbien',
    role: 'unit_head',
    unitPath: at('Tỉnh Kiên Giang', 'Huyện An Biên'),
    displayName: 'Lãnh đạo UBND huyện An Biên',
  },
  {
    username: 'hoidong.anbien',
    role: 'council_member',
    unitPath: at('Tỉnh Kiên Giang', 'Huyện An Biên'),
    displayName: 'Thành viên Hội đồng TĐKT huyện An Biên',
  },
  {
    username: 'thidua.thuba',
    role: 'emulation_officer',
    unitPath: at('Tỉnh Kiên Giang', 'Huyện An Biên', 'Thị trấn Thứ Ba'),
    displayName: 'Cán bộ thi đua thị trấn Thứ Ba',
  },
  {
    username: 'thidua.tienthanh',
    role: 'emulation_officer',
    unitPath: at('Tỉnh Bình Thuận', 'Thành phố Phan Thiết', 'Phường Tiền Thành'),
    displayName: 'Cán bộ thi đua phường Tiền Thành',
  },
  {
    username: 'lanhdao.tienthanh',
    role: 'unit_head',
    unitPath: at('Tỉnh Bình Thuận', 'Thành phố Phan Thiết', 'Phường Tiền Thành'),
    displayName: 'Lãnh đạo UBND phường Tiền Thành',
  },
  {
    username: 'thidua.trungluong',
    role: 'emulation_officer',
    unitPath: at('Tỉnh Hà Tĩnh', 'Thị xã Hồng Lĩnh', 'Phường Trung Lương'),
    displayName: 'Cán bộ thi đua phường Trung Lương',
  },
  {
    username: 'lanhdao.trungluong',
    role: 'unit_head',
    unitPath: at('Tỉnh Hà Tĩnh', 'Thị xã Hồng Lĩnh', 'Phường Trung Lương'),
    displayName: 'Lãnh đạo UBND phường Trung Lương',
  },
  {
    username: 'giamkhao.trungluong',
    role: 'juror',
    unitPath: at('Tỉnh Hà Tĩnh', 'Thị xã Hồng Lĩnh', 'Phường Trung Lương'),
    displayName: 'Giám khảo cuộc thi sáng kiến phường Trung Lương',
  },
];

/** What the login page lists in demo mode. */
export const demoAccounts = demoAccountSpecs.map((a) => ({
  username: a.username,
  roleLabel: roleLabels[a.role],
  unitName: a.unitPath.length === 0 ? 'Toàn hệ thống' : a.unitPath.join(' › '),
}));
