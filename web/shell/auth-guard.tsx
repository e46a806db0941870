import type { ReactNode } from 'react';
import { Button, Flex, Result, Spin } from 'antd';
import { Navigate, useLocation } from 'react-router';
import { isApiError } from '../api/client';
import { useMe } from '../modules/auth/auth.api';
import { CurrentUserContext, useCurrentUser } from './current-user';
import type { Action } from '../../shared/permissions';

/** Renders children only for a signed-in user (GET /api/auth/me); otherwise goes to /login. */
export function AuthGuard({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();

  if (me.isPending) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" description="Đang tải…" />
      </Flex>
    );
  }
  // Nobody signed in (or, from an older server, a 401): to the login page, then back here.
  if (me.data === null || (me.error && isApiError(me.error, 'UNAUTHENTICATED'))) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (me.error) {
    return (
      <Result
        status="warning"
        title="Không tải được thông tin đăng nhập"
        subTitle={me.error.message}
        extra={
          <Button type="primary" onClick={() => void me.refetch()}>
            Thử lại
          </Button>
        }
      />
    );
  }
  return <CurrentUserContext value={me.data}>{children}</CurrentUserContext>;
}

/** Shows a 403 page instead of children when the user lacks `action` (any of them, for a list). */
export function RequireAction({
  action,
  children,
}: {
  action: Action | Action[];
  children: ReactNode;
}) {
  const me = useCurrentUser();
  const allowed = (Array.isArray(action) ? action : [action]).some((a) => me.actions.includes(a));
  if (!allowed) {
    return (
      <Result
        status="403"
        title="Không có quyền truy cập"
        subTitle="Bạn không có quyền truy cập trang này."
      />
    );
  }
  return children;
}
