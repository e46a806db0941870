import { useState } from 'react';
import { Badge, Button, Drawer, Empty, Flex, Popover, Spin, Typography } from 'antd';
import { BellOutlined, CheckOutlined, ClockCircleOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { useNavigate } from 'react-router';
import {
  useMarkAllNotificationsRead,
  useMarkNotificationRead,
  useRecentNotifications,
} from '../modules/notifications/notifications.api';
import type { AppNotification } from '../modules/notifications/notifications.api';
import { ErrorAlert } from '../ui/error-alert';
import { formatDate, formatDateTime } from '../ui/format';
import { useIsMobile } from '../ui/hooks';
import './notification-bell.css';

dayjs.extend(relativeTime);

/** Only paths inside the app are followed (no open redirect through a notification). */
function appPath(link: string | null): string | null {
  return link && link.startsWith('/') && !link.startsWith('//') ? link : null;
}

/** The header bell: unread count, recent notifications, mark read, open the linked page. */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const list = useRecentNotifications(10);
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const unread = list.data?.unread ?? 0;

  const onOpenItem = (n: AppNotification) => {
    if (!n.read) markRead.mutate(n.id);
    const path = appPath(n.link);
    if (path) {
      setOpen(false);
      void navigate(path);
    }
  };

  const content = (
    <div style={{ width: isMobile ? '100%' : 380 }}>
      <Flex justify="space-between" align="center" gap={8} style={{ marginBottom: 8 }}>
        <Typography.Text strong>
          {isMobile
            ? unread > 0
              ? `${unread} chưa đọc`
              : 'Không có thông báo chưa đọc'
            : `Thông báo${unread > 0 ? ` (${unread} chưa đọc)` : ''}`}
        </Typography.Text>
        <Button
          type="link"
          size="small"
          icon={<CheckOutlined />}
          disabled={unread === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
          style={{ paddingInline: 0 }}
        >
          Đánh dấu đã đọc tất cả
        </Button>
      </Flex>
      <ErrorAlert error={list.error ?? markAll.error} style={{ marginBottom: 8 }} />
      {list.isPending ? (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      ) : (list.data?.items.length ?? 0) === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có thông báo nào" />
      ) : (
        <ul className="notification-list" aria-label="Thông báo gần đây">
          {list.data?.items.map((n) => (
            <li key={String(n.id)}>
              <button
                type="button"
                className={`notification-item${n.read ? '' : ' unread'}`}
                onClick={() => onOpenItem(n)}
                aria-label={`${n.read ? '' : 'Chưa đọc: '}${n.title}`}
              >
                <span className="notification-title">
                  {!n.read && <span className="notification-dot" aria-hidden />}
                  {n.title}
                </span>
                {n.body && <span className="notification-body">{n.body}</span>}
                <span className="notification-meta">
                  {n.dueOn && (
                    <span className="notification-due">
                      <ClockCircleOutlined aria-hidden /> Hạn {formatDate(n.dueOn)}
                    </span>
                  )}
                  <time dateTime={n.createdAt} title={formatDateTime(n.createdAt)}>
                    {dayjs(n.createdAt).fromNow()}
                  </time>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {list.data && list.data.total > list.data.items.length && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
          Đang hiển thị {list.data.items.length} trong {list.data.total} thông báo gần nhất.
        </Typography.Text>
      )}
    </div>
  );

  const bell = (
    <Button
      type="text"
      aria-label={unread > 0 ? `Thông báo: ${unread} chưa đọc` : 'Thông báo'}
      aria-haspopup="dialog"
      aria-expanded={open}
      onClick={isMobile ? () => setOpen(true) : undefined}
      icon={
        <Badge count={unread} size="small" overflowCount={99} offset={[2, -2]}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      }
    />
  );

  // A phone has no room beside the bell: the list opens as a drawer over the page.
  if (isMobile) {
    return (
      <>
        {bell}
        <Drawer
          placement="right"
          size="100%"
          title="Thông báo"
          open={open}
          onClose={() => setOpen(false)}
          styles={{ body: { padding: '8px 12px' } }}
        >
          {content}
        </Drawer>
      </>
    );
  }

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      content={content}
      arrow={false}
    >
      {bell}
    </Popover>
  );
}
