import { Alert, Card, Col, List, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useCurrentUser } from './current-user';
import { useVisibleNavItems } from './nav';
import { DeadlinesCard, TodoCard } from './home-todo';

const descriptions: Record<string, string> = {
  '/units': 'Cây đơn vị hành chính, cơ quan, phòng ban và đơn vị trực thuộc.',
  '/people': 'Danh sách cán bộ, công chức, viên chức; quá trình công tác.',
  '/import': 'Nhập danh sách từ file Excel theo mẫu, xuất dữ liệu ra Excel.',
  '/plans': 'Kế hoạch phát động thi đua: soạn, ban hành, kế hoạch cấp dưới, văn bản Word/PDF.',
  '/registrations': 'Đăng ký thi đua của tập thể, cá nhân theo các kế hoạch đang nhận đăng ký.',
  '/evaluation': 'Phiếu tự chấm điểm, thẩm định, giải trình của các đơn vị.',
  '/criteria': 'Bộ tiêu chí chấm điểm (chỉ số CCHC): phiên bản, nhập/xuất Excel.',
  '/audit': 'Ai đã thay đổi gì, khi nào — trước và sau khi sửa.',
  '/accounts': 'Tạo tài khoản, cấp và thu hồi vai trò tại từng đơn vị.',
};

export default function HomePage() {
  const me = useCurrentUser();
  const links = useVisibleNavItems().filter((i) => i.path !== '/');

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        Xin chào, {me.user.displayName}
      </Typography.Title>
      {me.demo && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="Bạn đang dùng bản dùng thử"
          description="Dữ liệu là dữ liệu mẫu và có thể được làm mới bất cứ lúc nào."
        />
      )}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={14}>
          <TodoCard />
        </Col>
        <Col xs={24} lg={10}>
          <DeadlinesCard />
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title="Vai trò của bạn" size="small">
            {me.grants.length === 0 ? (
              <Typography.Text type="secondary">
                Tài khoản chưa được phân vai trò nào.
              </Typography.Text>
            ) : (
              <List
                size="small"
                dataSource={me.grants}
                renderItem={(g) => (
                  <List.Item>
                    <span>
                      <Tag color="red" style={{ marginInlineEnd: 8 }}>
                        {g.roleLabel}
                      </Tag>
                      {g.unitName ?? 'Toàn hệ thống'}
                    </span>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title="Truy cập nhanh" size="small">
            <Row gutter={[12, 12]}>
              {links.map((l) => (
                <Col xs={24} sm={12} key={l.path}>
                  <Link
                    to={l.path}
                    style={{ display: 'block', height: '100%' }}
                    className="quick-link"
                  >
                    <Card size="small" hoverable style={{ height: '100%' }}>
                      <Typography.Text strong>
                        <span aria-hidden style={{ marginInlineEnd: 8 }}>
                          {l.icon}
                        </span>
                        {l.label}
                      </Typography.Text>
                      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                        {descriptions[l.path] ?? ''}
                      </Typography.Paragraph>
                    </Card>
                  </Link>
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      </Row>
    </>
  );
}
