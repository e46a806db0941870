import { Suspense, useState } from 'react';
import { Button, Drawer, Dropdown, Flex, Layout, Spin, Typography } from 'antd';
import { KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Outlet, useNavigate } from 'react-router';
import { useLogout } from '../modules/auth/auth.api';
import { useIsMobile } from '../ui/hooks';
import { useCurrentUser } from './current-user';
import { NavMenu } from './nav';
import { NotificationBell } from './notification-bell';

function Brand() {
  return (
    <Link
      to="/"
      aria-label="ThiĐua — trang tổng quan"
      style={{ display: 'block', padding: '16px 24px' }}
    >
      <Typography.Text strong style={{ fontSize: 20, color: '#c41d1d' }}>
        ThiĐua
      </Typography.Text>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        Thi đua, khen thưởng
      </Typography.Text>
    </Link>
  );
}

function PageFallback() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: 240 }}>
      <Spin description="Đang tải…" />
    </Flex>
  );
}

/** Sider menu on a desktop, a drawer behind a hamburger button on a phone; header with the user. */
export function AppShell() {
  const me = useCurrentUser();
  const isMobile = useIsMobile();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const logout = useLogout();
  const navigate = useNavigate();

  const onLogout = () =>
    logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) });

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a href="#main" className="skip-link">
        Bỏ qua menu, tới nội dung chính
      </a>
      {isMobile ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={280}
          title="ThiĐua"
          styles={{ body: { padding: 0 } }}
        >
          <NavMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      ) : (
        <Layout.Sider
          width={264}
          theme="light"
          style={{
            borderInlineEnd: '1px solid #f0f0f0',
            position: 'sticky',
            top: 0,
            height: '100vh',
            overflow: 'auto',
          }}
        >
          <Brand />
          <NavMenu />
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            borderBottom: '1px solid #f0f0f0',
            padding: isMobile ? '0 8px' : '0 24px',
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          {isMobile && (
            <>
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label="Mở menu"
                aria-expanded={drawerOpen}
                onClick={() => setDrawerOpen(true)}
              />
              <Link to="/" aria-label="ThiĐua — trang tổng quan">
                <Typography.Text strong style={{ fontSize: 18, color: '#c41d1d' }}>
                  ThiĐua
                </Typography.Text>
              </Link>
            </>
          )}
          <Flex gap={4} align="center" style={{ marginInlineStart: 'auto', minWidth: 0 }}>
            <NotificationBell />
            <Dropdown
              trigger={['click']}
              menu={{
                items: [{ key: 'password', icon: <KeyOutlined />, label: 'Đổi mật khẩu' }],
                onClick: ({ key }) => {
                  if (key === 'password') void navigate('/account/password');
                },
              }}
            >
              <Button
                type="text"
                icon={<UserOutlined />}
                aria-label={`Tài khoản: ${me.user.displayName}`}
                style={{ maxWidth: isMobile ? 170 : 320 }}
              >
                <span
                  style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
                >
                  {me.user.displayName}
                </span>
              </Button>
            </Dropdown>
            <Button
              icon={<LogoutOutlined />}
              onClick={onLogout}
              loading={logout.isPending}
              aria-label={isMobile ? 'Đăng xuất' : undefined}
            >
              {isMobile ? null : 'Đăng xuất'}
            </Button>
          </Flex>
        </Layout.Header>
        <Layout.Content
          id="main"
          tabIndex={-1}
          style={{ padding: isMobile ? 12 : 24, minWidth: 0, outline: 'none' }}
        >
          <Suspense fallback={<PageFallback />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
