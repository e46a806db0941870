import { useEffect, useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { isApiError } from '../../api/client';
import type { PersonDetail } from '../../api/types';
import { applyFormErrors } from '../../ui/form-errors';
import { UnitTreeSelect } from '../../ui/unit-tree-select';
import { useMovePerson } from './people.api';

type Values = { unitId: string; position?: string; effectiveDate: Dayjs };

/** The new assignment must start after the current one did. */
function earliestMoveDate(person: PersonDetail): Dayjs | undefined {
  const currentStart = person.assignments.find((a) => a.endedOn === null)?.startedOn;
  return currentStart ? dayjs(currentStart).add(1, 'day') : undefined;
}

/** Điều chuyển: POST /api/people/:id/move; the old assignment ends, a new one starts. */
export function PersonMoveModal({
  open,
  onClose,
  person,
}: {
  open: boolean;
  onClose: () => void;
  person: PersonDetail;
}) {
  const [form] = Form.useForm<Values>();
  const move = useMovePerson();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);

  const minDate = earliestMoveDate(person);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    const today = dayjs().startOf('day');
    const earliest = earliestMoveDate(person);
    const first = earliest && earliest.isAfter(today) ? earliest : today;
    form.setFieldsValue({ position: person.position ?? '', effectiveDate: first });
  }, [open, person, form]);

  const onFinish = (v: Values) => {
    setError(null);
    move.mutate(
      {
        id: person.id,
        version: person.version,
        unitId: v.unitId,
        position: v.position?.trim() || null,
        effectiveDate: v.effectiveDate.format('YYYY-MM-DD'),
      },
      {
        onSuccess: (p) => {
          void message.success(`Đã điều chuyển ${p.fullName} sang ${p.unitName}.`);
          onClose();
        },
        onError: (e) => {
          if (isApiError(e, 'CONFLICT')) {
            void message.warning(e.message);
            onClose();
            return;
          }
          setError(applyFormErrors(form, e, ['unitId', 'position', 'effectiveDate']));
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={`Điều chuyển: ${person.fullName}`}
      okText="Điều chuyển"
      cancelText="Huỷ"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={move.isPending}
      forceRender
      afterOpenChange={(o) => o && form.focusField('unitId')}
    >
      <Typography.Paragraph type="secondary">
        Đơn vị hiện tại: {person.unitName}
      </Typography.Paragraph>
      {error && (
        <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} name="person-move">
        <Form.Item
          label="Đơn vị mới"
          name="unitId"
          rules={[{ required: true, message: 'Vui lòng chọn đơn vị mới' }]}
        >
          <UnitTreeSelect />
        </Form.Item>
        <Form.Item label="Chức vụ tại đơn vị mới" name="position">
          <Input />
        </Form.Item>
        <Form.Item
          label="Ngày hiệu lực"
          name="effectiveDate"
          rules={[{ required: true, message: 'Vui lòng chọn ngày hiệu lực' }]}
        >
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} minDate={minDate} />
        </Form.Item>
        <button type="submit" hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
