import { useEffect } from 'react';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import {
  awardKindLabels,
  awardSubjectLabels,
  deciderLabels,
  roundingModeLabels,
  type AwardKind,
  type AwardSubject,
  type Decider,
  type RoundingMode,
} from '../../../shared/awards';
import { applyFormErrors } from '../../ui/form-errors';
import { useModalForm } from '../../ui/hooks';
import {
  useAddAwardForm,
  useAddAwardFormVersion,
  useAddBaseSalary,
  useSetRounding,
  type AwardCatalogue,
  type AwardFormRow,
} from './awards.api';

const options = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const money = (v: string | number | undefined) =>
  v === undefined || v === '' ? '' : String(v).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const unmoney = (v: string | undefined) => (v ?? '').replace(/\./g, '');
const dateField = <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />;

type VersionValues = {
  code?: string;
  scope?: 'national' | 'province';
  provinceUnitId?: number;
  name: string;
  kind: AwardKind;
  subject: AwardSubject;
  coefficient?: number | null;
  fixedAmount?: number | null;
  deciders: Decider[];
  legalBasis?: string;
  validFrom: Dayjs;
  validTo?: Dayjs | null;
};
const versionFields = [
  'code',
  'scope',
  'provinceUnitId',
  'name',
  'kind',
  'subject',
  'coefficient',
  'fixedAmount',
  'deciders',
  'legalBasis',
  'validFrom',
  'validTo',
];

/**
 * Adds a version of a form (`form` given: its subject and kind stay, the fields start from the
 * version in force) or a new form with its first version (`form` null).
 */
export function VersionModal({
  open,
  form: target,
  catalogue,
  onClose,
}: {
  open: boolean;
  form: AwardFormRow | null;
  catalogue: AwardCatalogue;
  onClose: () => void;
}) {
  const { form, error, setError } = useModalForm<VersionValues>(open);
  const addForm = useAddAwardForm();
  const addVersion = useAddAwardFormVersion();
  const { message } = App.useApp();
  const pending = addForm.isPending || addVersion.isPending;
  const scope = Form.useWatch('scope', form);

  useEffect(() => {
    if (!open) return;
    const base = target?.current ?? target?.versions.at(-1);
    form.setFieldsValue({
      scope: catalogue.canManageNational ? 'national' : 'province',
      provinceUnitId: catalogue.manageableProvinces[0]?.id,
      kind: base?.kind ?? 'form',
      subject: base?.subject ?? 'individual',
      name: base?.name,
      coefficient: base?.coefficient ?? null,
      fixedAmount: base?.fixedAmount ?? null,
      deciders: base?.deciders ?? ['commune_chair'],
      legalBasis: base?.legalBasis ?? undefined,
      validFrom: dayjs().add(1, 'day').startOf('day'),
      validTo: null,
    });
  }, [open, target, catalogue, form]);

  const onFinish = (v: VersionValues) => {
    setError(null);
    const version = {
      name: v.name,
      kind: v.kind,
      subject: v.subject,
      coefficient: v.coefficient ?? null,
      fixedAmount: v.fixedAmount ?? null,
      deciders: v.deciders,
      legalBasis: v.legalBasis?.trim() || null,
      validFrom: day(v.validFrom) ?? '',
      validTo: day(v.validTo),
    };
    const done = {
      onSuccess: (row: AwardFormRow) => {
        void message.success(
          target ? `Đã thêm phiên bản mới của ${row.code}.` : `Đã thêm ${row.code}.`,
        );
        onClose();
      },
      onError: (e: unknown) => setError(applyFormErrors(form, e, versionFields)),
    };
    if (target) addVersion.mutate({ formId: target.id, body: version }, done);
    else
      addForm.mutate(
        {
          ...version,
          code: v.code ?? '',
          scope: v.scope ?? 'national',
          provinceUnitId: v.scope === 'province' ? (v.provinceUnitId ?? null) : null,
        },
        done,
      );
  };

  return (
    <Modal
      open={open}
      title={target ? `Thêm phiên bản: ${target.code}` : 'Thêm danh hiệu, hình thức'}
      okText={target ? 'Thêm phiên bản' : 'Thêm'}
      cancelText="Huỷ"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={pending}
      forceRender
      width={640}
    >
      <Typography.Paragraph type="secondary">
        {target
          ? 'Phiên bản đã có không bao giờ bị sửa: thay đổi hệ số, tên hay thẩm quyền được ghi thành phiên bản mới, áp dụng từ ngày hiệu lực của nó. Quyết định đã ban hành giữ nguyên mức tiền.'
          : 'Danh hiệu, hình thức mới cùng phiên bản đầu tiên của nó.'}
      </Typography.Paragraph>
      {error && (
        <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />
      )}
      <Form<VersionValues> form={form} layout="vertical" onFinish={onFinish} name="award-version">
        {!target && (
          <>
            <Form.Item
              label="Mã"
              name="code"
              extra="Chữ in hoa không dấu, chữ số và dấu _ (ví dụ GK_CN)"
              rules={[{ required: true, message: 'Vui lòng nhập mã' }]}
            >
              <Input />
            </Form.Item>
            <Form.Item label="Phạm vi" name="scope">
              <Select
                options={[
                  ...(catalogue.canManageNational
                    ? [{ value: 'national', label: 'Danh mục quốc gia' }]
                    : []),
                  ...(catalogue.manageableProvinces.length > 0
                    ? [{ value: 'province', label: 'Danh mục riêng của tỉnh' }]
                    : []),
                ]}
              />
            </Form.Item>
            {scope === 'province' && (
              <Form.Item label="Tỉnh" name="provinceUnitId">
                <Select
                  options={catalogue.manageableProvinces.map((p) => ({
                    value: p.id,
                    label: p.name,
                  }))}
                />
              </Form.Item>
            )}
          </>
        )}
        <Form.Item
          label="Tên danh hiệu, hình thức"
          name="name"
          rules={[{ required: true, message: 'Vui lòng nhập tên' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item label="Loại" name="kind">
          <Select options={options(awardKindLabels)} disabled={target !== null} />
        </Form.Item>
        <Form.Item label="Đối tượng" name="subject">
          <Select options={options(awardSubjectLabels)} disabled={target !== null} />
        </Form.Item>
        <Form.Item label="Hệ số (× mức lương cơ sở)" name="coefficient">
          <InputNumber style={{ width: '100%' }} step={0.05} decimalSeparator="," />
        </Form.Item>
        <Form.Item label="Hoặc mức tiền cố định (đồng)" name="fixedAmount">
          <InputNumber style={{ width: '100%' }} step={10_000} formatter={money} parser={unmoney} />
        </Form.Item>
        <Form.Item label="Thẩm quyền quyết định" name="deciders">
          <Select mode="multiple" options={options(deciderLabels)} />
        </Form.Item>
        <Form.Item label="Căn cứ pháp lý" name="legalBasis">
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
        <Form.Item
          label="Hiệu lực từ ngày"
          name="validFrom"
          rules={[{ required: true, message: 'Vui lòng chọn ngày' }]}
        >
          {dateField}
        </Form.Item>
        <Form.Item
          label="Hiệu lực đến hết ngày (bỏ trống: đến khi có phiên bản sau)"
          name="validTo"
        >
          {dateField}
        </Form.Item>
        <button type="submit" hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}

type SalaryValues = { amount: number; effectiveFrom: Dayjs; legalBasis: string };

/** Adds a base salary from a date (after the latest one). */
export function BaseSalaryModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { form, error, setError } = useModalForm<SalaryValues>(open);
  const add = useAddBaseSalary();
  const { message } = App.useApp();
  const onFinish = (v: SalaryValues) => {
    setError(null);
    add.mutate(
      { amount: v.amount, effectiveFrom: day(v.effectiveFrom) ?? '', legalBasis: v.legalBasis },
      {
        onSuccess: () => {
          void message.success('Đã thêm mức lương cơ sở.');
          onClose();
        },
        onError: (e) =>
          setError(applyFormErrors(form, e, ['amount', 'effectiveFrom', 'legalBasis'])),
      },
    );
  };
  return (
    <Modal
      open={open}
      title="Thêm mức lương cơ sở"
      okText="Thêm"
      cancelText="Huỷ"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={add.isPending}
      forceRender
    >
      <Typography.Paragraph type="secondary">
        Mức mới áp dụng cho các quyết định khen thưởng ký từ ngày áp dụng; mức cũ được giữ nguyên.
      </Typography.Paragraph>
      {error && (
        <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />
      )}
      <Form<SalaryValues> form={form} layout="vertical" onFinish={onFinish} name="base-salary">
        <Form.Item
          label="Mức lương cơ sở (đồng/tháng)"
          name="amount"
          rules={[{ required: true, message: 'Vui lòng nhập mức lương cơ sở' }]}
        >
          <InputNumber style={{ width: '100%' }} step={10_000} formatter={money} parser={unmoney} />
        </Form.Item>
        <Form.Item
          label="Áp dụng từ ngày"
          name="effectiveFrom"
          rules={[{ required: true, message: 'Vui lòng chọn ngày' }]}
        >
          {dateField}
        </Form.Item>
        <Form.Item
          label="Căn cứ pháp lý"
          name="legalBasis"
          rules={[{ required: true, message: 'Vui lòng nhập căn cứ pháp lý' }]}
        >
          <Input placeholder="Nghị định số …/…/NĐ-CP ngày … của Chính phủ" />
        </Form.Item>
        <button type="submit" hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}

type RoundingValues = {
  mode: RoundingMode;
  step: number;
  effectiveFrom: Dayjs;
  legalBasis?: string;
};

/** Sets the rounding rule from a date. */
export function RoundingModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { form, error, setError } = useModalForm<RoundingValues>(open);
  const set = useSetRounding();
  const { message } = App.useApp();
  useEffect(() => {
    if (open) form.setFieldsValue({ mode: 'up', step: 10_000 });
  }, [open, form]);
  const onFinish = (v: RoundingValues) => {
    setError(null);
    set.mutate(
      {
        mode: v.mode,
        step: v.step,
        effectiveFrom: day(v.effectiveFrom) ?? '',
        legalBasis: v.legalBasis?.trim() || null,
      },
      {
        onSuccess: () => {
          void message.success('Đã đặt quy tắc làm tròn.');
          onClose();
        },
        onError: (e) =>
          setError(applyFormErrors(form, e, ['mode', 'step', 'effectiveFrom', 'legalBasis'])),
      },
    );
  };
  return (
    <Modal
      open={open}
      title="Quy tắc làm tròn tiền thưởng"
      okText="Lưu"
      cancelText="Huỷ"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={set.isPending}
      forceRender
    >
      {error && (
        <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />
      )}
      <Form<RoundingValues> form={form} layout="vertical" onFinish={onFinish} name="rounding">
        <Form.Item label="Cách làm tròn" name="mode">
          <Select options={options(roundingModeLabels)} />
        </Form.Item>
        <Form.Item label="Làm tròn đến (đồng)" name="step">
          <InputNumber style={{ width: '100%' }} min={1} formatter={money} parser={unmoney} />
        </Form.Item>
        <Form.Item
          label="Áp dụng từ ngày"
          name="effectiveFrom"
          rules={[{ required: true, message: 'Vui lòng chọn ngày' }]}
        >
          {dateField}
        </Form.Item>
        <Form.Item label="Căn cứ pháp lý" name="legalBasis">
          <Input />
        </Form.Item>
        <button type="submit" hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
