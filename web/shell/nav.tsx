import type { ReactNode } from 'react';
import { Menu, Tag } from 'antd';
import type { MenuProps } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  BarChartOutlined,
  BulbOutlined,
  FileExcelOutlined,
  FlagOutlined,
  FormOutlined,
  GiftOutlined,
  HistoryOutlined,
  HomeOutlined,
  OrderedListOutlined,
  PrinterOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { Link, useLocation } from 'react-router';
import type { Action } from '../../shared/permissions';
import { useCurrentUser } from './current-user';

type NavItem = { path: string; label: string; icon: ReactNode; action?: Action | Action[] };

/** The capabilities of this milestone, each hidden without its action. */
export const navItems: NavItem[] = [
  { path: '/', label: 'Tổng quan', icon: <HomeOutlined /> },
  { path: '/units', label: 'Cơ cấu tổ chức', icon: <ApartmentOutlined />, action: 'unit.view' },
  { path: '/people', label: 'Cán bộ công chức', icon: <TeamOutlined />, action: 'person.view' },
  {
    path: '/import',
    label: 'Nhập/Xuất Excel',
    icon: <FileExcelOutlined />,
    action: 'person.import',
  },
  { path: '/plans', label: 'Phong trào thi đua', icon: <FlagOutlined />, action: 'campaign.view' },
  {
    path: '/document-register',
    label: 'Sổ văn bản đi',
    icon: <BookOutlined />,
    action: 'campaign.view',
  },
  {
    path: '/registrations',
    label: 'Đăng ký thi đua',
    icon: <FormOutlined />,
    action: 'campaign.view',
  },
  { path: '/evaluation', label: 'Đánh giá', icon: <AuditOutlined />, action: 'campaign.view' },
  // No action: published criteria sets are readable by every signed-in user.
  { path: '/criteria', label: 'Bộ tiêu chí', icon: <OrderedListOutlined /> },
  // No action: the award catalogue is readable by every signed-in user.
  { path: '/award-catalogue', label: 'Danh mục khen thưởng', icon: <GiftOutlined /> },
  {
    path: '/councils',
    label: 'Hội đồng thi đua',
    icon: <TeamOutlined />,
    action: ['council.manage', 'council.vote'],
  },
  {
    path: '/award-decisions',
    label: 'Quyết định khen thưởng',
    icon: <TrophyOutlined />,
    action: ['award_decision.manage', 'decision.sign'],
  },
  {
    path: '/certificate-templates',
    label: 'Mẫu giấy khen',
    icon: <PrinterOutlined />,
    action: 'certificate_template.manage',
  },
  { path: '/audit', label: 'Nhật ký thay đổi', icon: <HistoryOutlined />, action: 'audit.view' },
  {
    path: '/accounts',
    label: 'Tài khoản & phân quyền',
    icon: <SafetyCertificateOutlined />,
    action: 'account.manage',
  },
];

/** Later capabilities, shown disabled so people see what is coming. */
const comingSoon: { key: string; label: string; icon: ReactNode }[] = [
  { key: 'initiatives', label: 'Sáng kiến', icon: <BulbOutlined /> },
  { key: 'reports', label: 'Báo cáo', icon: <BarChartOutlined /> },
];

function selectedKey(pathname: string): string {
  const match = navItems
    .filter((i) => i.path !== '/' && (pathname === i.path || pathname.startsWith(`${i.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
  return match?.path ?? (pathname === '/' ? '/' : '');
}

export function useVisibleNavItems(): NavItem[] {
  const me = useCurrentUser();
  return navItems.filter(
    (i) =>
      !i.action ||
      (Array.isArray(i.action) ? i.action : [i.action]).some((a) => me.actions.includes(a)),
  );
}

/** The side menu; `onNavigate` closes the phone drawer. */
export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const location = useLocation();
  const visible = useVisibleNavItems();

  const items: MenuProps['items'] = [
    ...visible.map((i) => ({
      key: i.path,
      icon: i.icon,
      label: (
        <Link to={i.path} onClick={onNavigate}>
          {i.label}
        </Link>
      ),
    })),
    { type: 'divider' as const },
    ...comingSoon.map((c) => ({
      key: `soon-${c.key}`,
      icon: c.icon,
      disabled: true,
      label: (
        <span aria-label={`${c.label} (sắp có)`}>
          {c.label}{' '}
          <Tag style={{ marginInlineStart: 4 }} aria-hidden>
            Sắp có
          </Tag>
        </span>
      ),
    })),
  ];

  return (
    <nav aria-label="Menu chính">
      <Menu
        mode="inline"
        selectedKeys={[selectedKey(location.pathname)]}
        items={items}
        style={{ borderInlineEnd: 'none' }}
      />
    </nav>
  );
}
