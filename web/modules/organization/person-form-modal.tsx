import { useEffect, useState } from 'react';
import { Alert, App, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { isApiError } from '../../api/client';
import type { Person } from '../../api/types';
import { genderLabels, genders, personCategories, personCategoryLabels } from '../../../shared/org';
import type { Gender, PersonCategory } from '../../../shared/org';
import { applyFormErrors } from '../../ui/form-errors';
import { UnitTreeSelect } from '../../ui/unit-tree-select';
import { useCreatePerson, useUpdatePerson } from './people.api';
import { useNavigate } from 'react-router';

type Values = {
  fullName: string;
  gender?: Gender;
  birthYear?: number | null;
  category: PersonCategory;
  position?: string;
  unitId: string;
  email?: string;
  phone?: string;
};
const FIELDS = [
  'fullName',
  'gender',
  'birthYear',
  'category',
  'position',
  'unitId',
  'email',
  'phone',
] as const;
const thisYear = new Date().getFullYear();

type Props = {
  open: boolean;
  onClose: () => void;
  /** Edit this person; without it the modal creates one. */
  person?: Person;
  defaultUnitId?: string;
};

const blankToNull = (v: string | undefined) => (v && v.trim() ? v.trim() : null);

export function PersonFormModal({ open, onClose, person, defaultUnitId }: Props) {
  const [form] = Form.useForm<Values>();
  const create = useCreatePerson();
  const update = useUpdatePerson();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (person) {
      form.setFieldsValue({
        fullName: person.fullName,
        gender: person.gender ?? undefined,
        birthYear: person.birthYear,
        category: person.category,
        position: person.position ?? '',
        unitId: String(person.unitId),
        email: person.email ?? '',
        phone: person.phone ?? '',
      });
    } else {
      form.setFieldsValue({ unitId: defaultUnitId, category: 'cong_chuc' });
    }
  }, [open, person, defaultUnitId, form]);

  const onError = (e: unknown) => {
    if (isApiError(e, 'CONFLICT') && person) {
      void message.warning(e.message);
      onClose();
      return;
    }
    setError(applyFormErrors(form, e, FIELDS));
  };

  const onFinish = (v: Values) => {
    setError(null);
    const body = {
      fullName: v.fullName.trim(),
      gender: v.gender ?? null,
      birthYear: v.birthYear ?? null,
      category: v.category,
      position: blankToNull(v.position),
      email: blankToNull(v.email),
      phone: blankToNull(v.phone),
    };
    if (person) {
      update.mutate(
        { id: person.id, version: person.version, ...body },
        {
          onSuccess: () => {
            void message.success('Đã lưu thông tin cán bộ.');
            onClose();
          },
          onError,
        },
      );
    } else {
      create.mutate(
        { ...body, unitId: v.unitId },
        {
          onSuccess: (p) => {
            void message.success(`Đã thêm cán bộ ${p.fullName}.`);
            onClose();
            void navigate(`/people/${p.id}`);
          },
          onError,
        },
      );
    }
  };

  return (
    <Modal
      open={open}
      title={person ? `Sửa thông tin: ${person.fullName}` : 'Thêm cán bộ'}
      okText={person ? 'Lưu' : 'Thêm cán bộ'}
      cancelText="Huỷ"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      width={640}
      forceRender
      afterOpenChange={(o) => o && form.focusField('fullName')}
    >
      {error && (
        <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} name="person-form">
        <Form.Item
          label="Họ và tên"
          name="fullName"
          rules={[
            { required: true, whitespace: true, message: 'Vui lòng nhập họ và tên' },
            { max: 120, message: 'Họ và tên không được dài quá 120 ký tự' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item label="Giới tính" name="gender">
              <Select
                allowClear
                options={genders.map((g) => ({ value: g, label: genderLabels[g] }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item
              label="Năm sinh"
              name="birthYear"
              rules={[
                {
                  type: 'number',
                  min: 1900,
                  max: thisYear,
                  message: `Năm sinh phải từ 1900 đến ${thisYear}`,
                },
              ]}
            >
              <InputNumber
                style={{ width: '100%' }}
                precision={0}
                controls={false}
                inputMode="numeric"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item
              label="Đối tượng"
              name="category"
              rules={[{ required: true, message: 'Vui lòng chọn đối tượng' }]}
            >
              <Select
                options={personCategories.map((c) => ({
                  value: c,
                  label: personCategoryLabels[c],
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          label="Chức vụ"
          name="position"
          rules={[{ max: 200, message: 'Chức vụ không được dài quá 200 ký tự' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          label="Đơn vị"
          name="unitId"
          rules={[{ required: true, message: 'Vui lòng chọn đơn vị' }]}
          extra={person ? 'Để đổi đơn vị, dùng chức năng Điều chuyển.' : undefined}
        >
          <UnitTreeSelect disabled={Boolean(person)} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              label="Email"
              name="email"
              rules={[{ type: 'email', message: 'Email không đúng định dạng' }]}
            >
              <Input type="email" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label="Số điện thoại"
              name="phone"
              rules={[{ pattern: /^[0-9 +().-]{0,30}$/, message: 'Số điện thoại chỉ gồm chữ số' }]}
            >
              <Input type="tel" autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        <button type="submit" hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
