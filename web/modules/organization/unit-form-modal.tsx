import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Select, Switch } from 'antd';
import { isApiError } from '../../api/client';
import type { Unit } from '../../api/types';
import { allowedChildKinds, rootKinds, unitKindLabels, unitKinds } from '../../../shared/org';
import type { UnitKind } from '../../../shared/org';
import { applyFormErrors } from '../../ui/form-errors';
import { useCreateUnit, useUpdateUnit } from './units.api';

type Values = { name: string; kind: UnitKind; adminCode?: string; active: boolean };
const FIELDS = ['name', 'kind', 'adminCode', 'active'] as const;

type Props = {
  open: boolean;
  onClose: () => void;
  /** Create a child of `parent`, or edit `unit`. */
  mode: { kind: 'create'; parent: Unit | null } | { kind: 'edit'; unit: Unit };
  onSaved?: (unit: Unit) => void;
};

/** Only the kinds that may sit under the parent (the server enforces the same table). */
function kindOptionsFor(parentKind: UnitKind | null | undefined) {
  const allowed =
    parentKind === undefined
      ? unitKinds
      : parentKind === null
        ? rootKinds
        : allowedChildKinds[parentKind];
  return unitKinds
    .filter((k) => allowed.includes(k))
    .map((k) => ({ value: k, label: unitKindLabels[k] }));
}

export function UnitFormModal({ open, onClose, mode, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const editing = mode.kind === 'edit' ? mode.unit : null;

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        name: editing.name,
        kind: editing.kind,
        adminCode: editing.adminCode ?? '',
        active: editing.active,
      });
    } else {
      form.setFieldsValue({ active: true });
    }
  }, [open, editing, form]);

  const onError = (e: unknown) => {
    if (isApiError(e, 'CONFLICT') && editing) {
      void message.warning(e.message);
      onClose();
      return;
    }
    setError(applyFormErrors(form, e, FIELDS));
  };

  const onFinish = (v: Values) => {
    setError(null);
    const body = {
      name: v.name,
      kind: v.kind,
      adminCode: v.adminCode?.trim() || null,
      active: v.active,
    };
    if (editing) {
      update.mutate(
        { id: editing.id, version: editing.version, ...body },
        {
          onSuccess: (u) => {
            void message.success('Đã lưu đơn vị.');
            onSaved?.(u);
            onClose();
          },
          onError,
        },
      );
    } else if (mode.kind === 'create') {
      create.mutate(
        { parentId: mode.parent?.id ?? null, ...body },
        {
          onSuccess: (u) => {
            void message.success(`Đã thêm đơn vị “${u.name}”.`);
            onSaved?.(u);
            onClose();
          },
          onError,
        },
      );
    }
  };

  return (
    <Modal
      open={open}
      title={
        editing
          ? `Sửa đơn vị: ${editing.name}`
          : mode.kind === 'create' && mode.parent === null
            ? 'Thêm tỉnh / thành phố (đơn vị cấp cao nhất)'
            : `Thêm đơn vị trực thuộc ${mode.kind === 'create' ? (mode.parent?.name ?? '') : ''}`
      }
      okText={editing ? 'Lưu' : 'Thêm đơn vị'}
      cancelText="Huỷ"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      forceRender
      afterOpenChange={(o) => o && form.focusField('name')}
    >
      {error && (
        <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} name="unit-form">
        <Form.Item
          label="Tên đơn vị"
          name="name"
          rules={[
            { required: true, whitespace: true, message: 'Vui lòng nhập tên đơn vị' },
            { max: 200, message: 'Tên đơn vị không được dài quá 200 ký tự' },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          label="Loại đơn vị"
          name="kind"
          rules={[{ required: true, message: 'Vui lòng chọn loại đơn vị' }]}
        >
          <Select
            options={kindOptionsFor(
              mode.kind === 'create' ? (mode.parent?.kind ?? null) : undefined,
            )}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item
          label="Mã hành chính"
          name="adminCode"
          extra="Mã đơn vị hành chính theo danh mục của Tổng cục Thống kê (nếu có)."
          rules={[
            { max: 20, message: 'Mã hành chính không được dài quá 20 ký tự' },
            {
              pattern: /^[0-9A-Za-z.-]*$/,
              message: 'Mã chỉ gồm chữ số, chữ cái không dấu, dấu chấm hoặc gạch',
            },
          ]}
        >
          <Input inputMode="text" />
        </Form.Item>
        <Form.Item label="Đang hoạt động" name="active" valuePropName="checked">
          <Switch />
        </Form.Item>
        <button type="submit" hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
