import { Alert, App, Form, Input, Modal } from 'antd';
import { applyFormErrors } from '../../ui/form-errors';
import { useModalForm } from '../../ui/hooks';
import type { AccountRow } from './accounts.api';
import { useCreateAccount, useUpdateAccount } from './accounts.api';

type CreateValues = { username: string; displayName: string; password: string; confirm: string };

const passwordRules = [
  { required: true, message: 'Vui lòng nhập mật khẩu' },
  { min: 8, message: 'Mật khẩu phải có ít nhất 8 ký tự' },
];

const confirmRule = ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
  validator: (_: unknown, v: string | undefined) =>
    !v || v === getFieldValue('password')
      ? Promise.resolve()
      : Promise.reject(new Error('Mật khẩu nhập lại không khớp')),
});

export function CreateAccountModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { form, error, setError } = useModalForm<CreateValues>(open);
  const create = useCreateAccount();
  const { message } = App.useApp();

  const onFinish = ({ username, displayName, password }: CreateValues) => {
    setError(null);
    create.mutate(
      { username: username.trim(), displayName: displayName.trim(), password },
      {
        onSuccess: () => {
          void message.success(`Đã tạo tài khoản ${username}. Hãy phân quyền cho tài khoản.`);
          onClose();
        },
        onError: (e) => setError(applyFormErrors(form, e, ['username', 'displayName', 'password'])),
      },
    );
  };

  return (
    <Modal
      open={open}
      title="Tạo tài khoản"
      okText="Tạo tài khoản"
      cancelText="Huỷ"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      forceRender
      afterOpenChange={(o) => o && form.focusField('username')}
    >
      {error && (
        <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />
      )}
      <Form<CreateValues> form={form} layout="vertical" onFinish={onFinish} name="account-create">
        <Form.Item
          label="Tên đăng nhập"
          name="username"
          extra="Chữ không dấu, số, dấu chấm hoặc gạch; 3–64 ký tự. Ví dụ: thidua.luongdien"
          rules={[
            { required: true, whitespace: true, message: 'Vui lòng nhập tên đăng nhập' },
            {
              pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/,
              message: 'Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch; 3–64 ký tự',
            },
          ]}
        >
          <Input autoComplete="off" autoCapitalize="none" />
        </Form.Item>
        <Form.Item
          label="Tên hiển thị"
          name="displayName"
          rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên hiển thị' }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="Mật khẩu" name="password" rules={passwordRules}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="Nhập lại mật khẩu"
          name="confirm"
          dependencies={['password']}
          rules={[{ required: true, message: 'Vui lòng nhập lại mật khẩu' }, confirmRule]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <button type="submit" hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}

type ResetValues = { password: string; confirm: string };

export function ResetPasswordModal({
  account,
  onClose,
}: {
  account: AccountRow | null;
  onClose: () => void;
}) {
  const { form, error, setError } = useModalForm<ResetValues>(account !== null);
  const update = useUpdateAccount();
  const { message } = App.useApp();

  const onFinish = ({ password }: ResetValues) => {
    if (!account) return;
    update.mutate(
      { id: account.id, password },
      {
        onSuccess: () => {
          void message.success(`Đã đặt lại mật khẩu cho ${account.username}.`);
          onClose();
        },
        onError: (e) => setError(applyFormErrors(form, e, ['password'])),
      },
    );
  };

  return (
    <Modal
      open={account !== null}
      title={`Đặt lại mật khẩu: ${account?.username ?? ''}`}
      okText="Đặt lại mật khẩu"
      cancelText="Huỷ"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={update.isPending}
      forceRender
      afterOpenChange={(o) => o && form.focusField('password')}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="Người dùng sẽ bị đăng xuất khỏi mọi thiết bị và phải đăng nhập bằng mật khẩu mới."
      />
      {error && (
        <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />
      )}
      <Form<ResetValues> form={form} layout="vertical" onFinish={onFinish} name="account-reset">
        <Form.Item label="Mật khẩu mới" name="password" rules={passwordRules}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="Nhập lại mật khẩu mới"
          name="confirm"
          dependencies={['password']}
          rules={[{ required: true, message: 'Vui lòng nhập lại mật khẩu' }, confirmRule]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <button type="submit" hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
