import {
  Alert,
  App,
  Button,
  Divider,
  Form,
  List,
  Modal,
  Popconfirm,
  Select,
  Tag,
  Typography,
} from 'antd';
import { isApiError } from '../../api/client';
import type { Grant } from '../../api/types';
import { isSystemRole, roleLabels, roles } from '../../../shared/permissions';
import type { Role } from '../../../shared/permissions';
import { applyFormErrors } from '../../ui/form-errors';
import { useModalForm } from '../../ui/hooks';
import { UnitTreeSelect } from '../../ui/unit-tree-select';
import type { AccountRow } from './accounts.api';
import { useGrantRole, useRevokeRole } from './accounts.api';

type Values = { role: Role; unitId?: string };
const roleOptions = roles.map((r) => ({ value: r, label: roleLabels[r] }));

/** Grants and revokes an account's roles; a role covers the chosen unit's whole subtree. */
export function GrantsModal({
  account,
  onClose,
}: {
  account: AccountRow | null;
  onClose: () => void;
}) {
  const { form, error, setError } = useModalForm<Values>(account !== null);
  const role = Form.useWatch('role', form);
  // A system role may be granted without a unit; every other role needs one.
  const systemWide = role !== undefined && isSystemRole(role);
  const grant = useGrantRole();
  const revoke = useRevokeRole();
  const { message } = App.useApp();

  const onFinish = (v: Values) => {
    if (!account) return;
    setError(null);
    grant.mutate(
      { accountId: account.id, role: v.role, unitId: v.unitId ?? null },
      {
        onSuccess: () => {
          void message.success(`Đã cấp vai trò ${roleLabels[v.role]}.`);
          form.resetFields();
        },
        onError: (e) => setError(applyFormErrors(form, e, ['role', 'unitId'])),
      },
    );
  };

  const onRevoke = (g: Grant) => {
    if (!account || g.id === undefined) return;
    revoke.mutate(
      { accountId: account.id, grantId: g.id },
      {
        onSuccess: () => void message.success(`Đã thu hồi vai trò ${g.roleLabel}.`),
        onError: (e) =>
          void message.error(isApiError(e) ? e.message : 'Không thu hồi được vai trò.'),
      },
    );
  };

  return (
    <Modal
      open={account !== null}
      title={`Phân quyền: ${account?.displayName ?? ''} (${account?.username ?? ''})`}
      onCancel={onClose}
      footer={<Button onClick={onClose}>Đóng</Button>}
      width={640}
      forceRender
    >
      <Typography.Title level={5}>Vai trò hiện có</Typography.Title>
      <List
        size="small"
        bordered
        dataSource={account?.grants ?? []}
        locale={{ emptyText: 'Chưa có vai trò nào' }}
        renderItem={(g) => (
          <List.Item
            actions={[
              <Popconfirm
                key="revoke"
                title={`Thu hồi vai trò “${g.roleLabel}”?`}
                okText="Thu hồi"
                cancelText="Huỷ"
                okButtonProps={{ danger: true }}
                onConfirm={() => onRevoke(g)}
              >
                <Button
                  size="small"
                  danger
                  aria-label={`Thu hồi vai trò ${g.roleLabel} tại ${g.unitName ?? 'toàn hệ thống'}`}
                >
                  Thu hồi
                </Button>
              </Popconfirm>,
            ]}
          >
            <span>
              <Tag color="red" style={{ marginInlineEnd: 8 }}>
                {g.roleLabel}
              </Tag>
              {g.unitName ?? 'Toàn hệ thống'}
            </span>
          </List.Item>
        )}
      />
      <Divider />
      <Typography.Title level={5}>Cấp thêm vai trò</Typography.Title>
      {error && (
        <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} name="grant-role">
        <Form.Item
          label="Vai trò"
          name="role"
          rules={[{ required: true, message: 'Vui lòng chọn vai trò' }]}
        >
          <Select options={roleOptions} />
        </Form.Item>
        <Form.Item
          label="Tại đơn vị"
          name="unitId"
          extra={
            systemWide
              ? 'Để trống để cấp quyền quản trị toàn hệ thống.'
              : 'Vai trò có hiệu lực ở đơn vị này và mọi đơn vị trực thuộc.'
          }
          rules={[{ required: !systemWide, message: 'Vui lòng chọn đơn vị' }]}
        >
          <UnitTreeSelect allowClear />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={grant.isPending}>
          Cấp vai trò
        </Button>
      </Form>
    </Modal>
  );
}
