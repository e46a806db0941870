import { Alert, App, Form, Modal, Typography } from 'antd';
import { isApiError } from '../../api/client';
import type { Unit } from '../../api/types';
import { applyFormErrors } from '../../ui/form-errors';
import { useModalForm } from '../../ui/hooks';
import { formatPath } from '../../ui/format';
import { UnitTreeSelect } from '../../ui/unit-tree-select';
import { useUpdateUnit } from './units.api';

type Values = { parentId: string };

/** Moves a unit (with its whole subtree) under a new parent: PATCH { version, parentId }. */
export function UnitMoveModal({
  open,
  onClose,
  unit,
}: {
  open: boolean;
  onClose: () => void;
  unit: Unit;
}) {
  const { form, error, setError } = useModalForm<Values>(open);
  const update = useUpdateUnit();
  const { message } = App.useApp();

  const onFinish = (v: Values) => {
    update.mutate(
      { id: unit.id, version: unit.version, parentId: v.parentId },
      {
        onSuccess: () => {
          void message.success('Đã chuyển đơn vị.');
          onClose();
        },
        onError: (e) => {
          if (isApiError(e, 'CONFLICT')) {
            void message.warning(e.message);
            onClose();
            return;
          }
          setError(applyFormErrors(form, e, ['parentId']));
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={`Chuyển đơn vị: ${unit.name}`}
      okText="Chuyển"
      cancelText="Huỷ"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={update.isPending}
      forceRender
      afterOpenChange={(o) => o && form.focusField('parentId')}
    >
      <Typography.Paragraph type="secondary">
        Hiện trực thuộc: {formatPath(unit.path.slice(0, -1)) || '(cấp cao nhất)'}. Toàn bộ đơn vị
        trực thuộc và cán bộ sẽ được chuyển theo.
      </Typography.Paragraph>
      {error && (
        <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} name="unit-move">
        <Form.Item
          label="Đơn vị cấp trên mới"
          name="parentId"
          rules={[{ required: true, message: 'Vui lòng chọn đơn vị cấp trên mới' }]}
        >
          <UnitTreeSelect excludeId={String(unit.id)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
