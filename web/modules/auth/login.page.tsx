import { useEffect, useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, List, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { applyFormErrors } from '../../ui/form-errors';
import { useDemoAccounts, useLogin, useMe } from './auth.api';

type Values = { username: string; password: string };

/** Only local paths are followed after login (no open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login')
    ? next
    : '/';
}

export default function LoginPage() {
  const [form] = Form.useForm<Values>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  const me = useMe();
  const demo = useDemoAccounts();
  const login = useLogin();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    document.title = 'Đăng nhập — ThiĐua';
  }, []);

  if (me.data) return <Navigate to={next} replace />;

  const onFinish = (values: Values) => {
    setError(null);
    login.mutate(values, {
      onSuccess: () => void navigate(next, { replace: true }),
      onError: (e) => setError(applyFormErrors(form, e, ['username', 'password'])),
    });
  };

  const demoData = demo.data;
  return (
    <main
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: 'linear-gradient(160deg, #e6f4ff 0%, #f5f5f5 60%)',
      }}
    >
      <Flex
        gap={16}
        wrap
        justify="center"
        align="flex-start"
        style={{ width: '100%', maxWidth: 900 }}
      >
        <Card style={{ flex: '1 1 340px', maxWidth: 420 }}>
          <Typography.Title level={2} style={{ marginBottom: 0, color: '#c41d1d' }}>
            ThiĐua
          </Typography.Title>
          <Typography.Paragraph type="secondary">
            Quản lý thi đua, khen thưởng cho cơ quan, đơn vị
          </Typography.Paragraph>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            Đăng nhập
          </Typography.Title>
          {error && (
            <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />
          )}
          <Form<Values>
            form={form}
            layout="vertical"
            onFinish={onFinish}
            requiredMark={false}
            name="login"
          >
            <Form.Item
              label="Tên đăng nhập"
              name="username"
              rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên đăng nhập' }]}
            >
              <Input
                prefix={<UserOutlined aria-hidden />}
                autoComplete="username"
                autoFocus
                size="large"
              />
            </Form.Item>
            <Form.Item
              label="Mật khẩu"
              name="password"
              rules={[{ required: true, message: 'Vui lòng nhập mật khẩu' }]}
            >
              <Input.Password
                prefix={<LockOutlined aria-hidden />}
                autoComplete="current-password"
                size="large"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
              Đăng nhập
            </Button>
          </Form>
          <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
            <Link to="/cong-khai">Xem kế hoạch thi đua đã ban hành</Link>
          </Typography.Paragraph>
        </Card>
        {demoData?.enabled && demoData.accounts.length > 0 && (
          <Card
            title="Tài khoản dùng thử"
            size="small"
            style={{ flex: '1 1 340px', maxWidth: 440 }}
            styles={{ body: { maxHeight: 460, overflowY: 'auto' } }}
            extra={
              <Typography.Text>
                Mật khẩu: <Typography.Text code>{demoData.password ?? 'demo'}</Typography.Text>
              </Typography.Text>
            }
          >
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              Chọn một tài khoản để điền sẵn vào biểu mẫu.
            </Typography.Paragraph>
            <List
              size="small"
              dataSource={demoData.accounts}
              renderItem={(a) => (
                <List.Item style={{ padding: '4px 0' }}>
                  <Button
                    type="text"
                    block
                    style={{
                      height: 'auto',
                      justifyContent: 'flex-start',
                      textAlign: 'left',
                      whiteSpace: 'normal',
                      padding: '6px 8px',
                    }}
                    aria-label={`Dùng tài khoản ${a.username}: ${a.roleLabel}${a.unitName ? `, ${a.unitName}` : ''}`}
                    onClick={() => {
                      form.setFieldsValue({
                        username: a.username,
                        password: demoData.password ?? 'demo',
                      });
                      setError(null);
                    }}
                  >
                    <span style={{ display: 'block' }}>
                      <Typography.Text strong>{a.username}</Typography.Text>
                      <br />
                      <Typography.Text type="secondary">
                        {a.roleLabel}
                        {a.unitName ? ` — ${a.unitName}` : ''}
                      </Typography.Text>
                    </span>
                  </Button>
                </List.Item>
              )}
            />
          </Card>
        )}
      </Flex>
    </main>
  );
}
