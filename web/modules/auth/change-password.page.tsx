import { useState } from 'react';
import { App, Button, Card, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../ui/error-alert';
import { applyFormErrors } from '../../ui/form-errors';
import { PageHeader } from '../../ui/page-header';
import { useChangePassword } from './auth.api';

type Values = { currentPassword: string; newPassword: string; confirm: string };

export default function ChangePasswordPage() {
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);

  const onFinish = ({ currentPassword, newPassword }: Values) => {
    setError(null);
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          void message.success('Đã đổi mật khẩu.');
          void navigate('/');
        },
        onError: (e) => setError(applyFormErrors(form, e, ['currentPassword', 'newPassword'])),
      },
    );
  };

  return (
    <>
      <PageHeader
        title="Đổi mật khẩu"
        breadcrumb={[{ title: 'Tổng quan', to: '/' }, { title: 'Đổi mật khẩu' }]}
      />
      <Card style={{ maxWidth: 480 }}>
        {error && <ErrorAlert error={new Error(error)} />}
        <Form<Values> form={form} layout="vertical" onFinish={onFinish} name="change-password">
          <Form.Item
            label="Mật khẩu hiện tại"
            name="currentPassword"
            rules={[{ required: true, message: 'Vui lòng nhập mật khẩu hiện tại' }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            label="Mật khẩu mới"
            name="newPassword"
            rules={[
              { required: true, message: 'Vui lòng nhập mật khẩu mới' },
              { min: 8, message: 'Mật khẩu mới phải có ít nhất 8 ký tự' },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label="Nhập lại mật khẩu mới"
            name="confirm"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: 'Vui lòng nhập lại mật khẩu mới' },
              ({ getFieldValue }) => ({
                validator: (_, v: string | undefined) =>
                  !v || v === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error('Mật khẩu nhập lại không khớp')),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            Đổi mật khẩu
          </Button>
        </Form>
      </Card>
    </>
  );
}
