import { Suspense } from 'react';
import type { MouseEvent } from 'react';
import { Button, Flex, Layout, Spin, Typography } from 'antd';
import { AppstoreOutlined, LoginOutlined } from '@ant-design/icons';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { useMe } from '../auth/auth.api';
import { useIsMobile } from '../../ui/hooks';
import './portal.css';

/** The public portal's frame: no login, a header with the way in for officials. */
export default function PortalLayout() {
  const isMobile = useIsMobile();
  const me = useMe();
  const signedIn = Boolean(me.data);
  const navigate = useNavigate();
  // A real link (open in a new tab works), followed inside the app on a plain click.
  const go = (to: string) => (e: MouseEvent) => {
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    void navigate(to);
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a href="#portal-main" className="skip-link">
        Bỏ qua phần đầu trang, tới nội dung chính
      </a>
      <header className="portal-header">
        <Flex
          align="center"
          justify="space-between"
          gap={12}
          className="portal-width"
          style={{ padding: isMobile ? '10px 12px' : '14px 24px' }}
        >
          <Link to="/cong-khai" className="portal-brand" aria-label="Trang chủ cổng thông tin">
            <span className="portal-emblem" aria-hidden>
              ★
            </span>
            <span style={{ minWidth: 0 }}>
              <span className="portal-title">Cổng thông tin thi đua – khen thưởng</span>
              {!isMobile && (
                <span className="portal-subtitle">
                  Kế hoạch, phong trào thi đua và cuộc thi đã ban hành
                </span>
              )}
            </span>
          </Link>
          {signedIn ? (
            <Button
              href="/"
              onClick={go('/')}
              icon={<AppstoreOutlined />}
              aria-label={isMobile ? 'Vào hệ thống' : undefined}
            >
              {isMobile ? null : 'Vào hệ thống'}
            </Button>
          ) : (
            <Button href="/login" onClick={go('/login')} icon={<LoginOutlined />}>
              Đăng nhập
            </Button>
          )}
        </Flex>
        <nav className="portal-nav" aria-label="Mục của cổng thông tin">
          <Flex gap={4} className="portal-width" style={{ padding: isMobile ? '0 4px' : '0 16px' }}>
            <NavLink to="/cong-khai" end>
              Kế hoạch đã ban hành
            </NavLink>
            <NavLink to="/cong-khai/vinh-danh">Bảng vinh danh</NavLink>
          </Flex>
        </nav>
      </header>
      <main
        id="portal-main"
        tabIndex={-1}
        className="portal-width"
        style={{ padding: isMobile ? 12 : 24, width: '100%', outline: 'none', flex: 1 }}
      >
        <Suspense
          fallback={
            <Flex align="center" justify="center" style={{ minHeight: 240 }}>
              <Spin description="Đang tải…" />
            </Flex>
          }
        >
          <Outlet />
        </Suspense>
      </main>
      <footer className="portal-footer">
        <Typography.Text type="secondary">
          Thông tin công khai do các cơ quan, đơn vị ban hành. Cán bộ, công chức{' '}
          <Link to="/login">đăng nhập</Link> để đăng ký thi đua và theo dõi hồ sơ.
        </Typography.Text>
      </footer>
    </Layout>
  );
}
