import { useEffect } from 'react';
import { Alert, App, Form, Input, Modal, Spin, Typography } from 'antd';
import { registrationKindLabels } from '../../../shared/registration';
import { ErrorAlert } from '../../ui/error-alert';
import { useModalForm } from '../../ui/hooks';
import {
  applyServerErrors,
  commitmentFieldNames,
  CommitmentsFields,
  ModalError,
  fromCommitments,
  toCommitments,
} from './commitments-form';
import type { CommitmentsValues } from './commitments-form';
import {
  useRegistrationDetail,
  useResubmitRegistration,
  useReturnRegistration,
  useUpdateRegistration,
} from './registrations.api';
import type { Registration } from './registrations.api';

/** "Xã Thái Bình" or "Nguyễn Văn A (Xã Thái Bình)". */
export function registrantName(r: Registration): string {
  return r.person ? `${r.person.fullName} (${r.unit.name})` : r.unit.name;
}

/**
 * Edits the commitments of a submitted registration ("Sửa"), or corrects a returned one and
 * sends it back for review ("Sửa & nộp lại"). Loads the registration fresh, so the version and
 * the permissions are the server's current ones.
 */
export function EditRegistrationModal({
  registration,
  mode,
  onClose,
}: {
  registration: Registration | null;
  mode: 'edit' | 'resubmit';
  onClose: () => void;
}) {
  const open = registration !== null;
  const detail = useRegistrationDetail(registration?.id ?? null);
  const update = useUpdateRegistration();
  const resubmit = useResubmitRegistration();
  const { message } = App.useApp();
  const { form, error, setError } = useModalForm<{ commitments?: CommitmentsValues }>(open);
  const d = detail.data;

  useEffect(() => {
    if (open && d && d.id === registration?.id)
      form.setFieldsValue({ commitments: fromCommitments(d.commitments) });
  }, [open, d, registration?.id, form]);

  const allowed = d ? (mode === 'edit' ? d.permissions.canEdit : d.permissions.canResubmit) : false;
  const pending = update.isPending || resubmit.isPending;

  const onFinish = (v: { commitments?: CommitmentsValues }) => {
    if (!d) return;
    setError(null);
    const body = { id: d.id, version: d.version, commitments: toCommitments(v.commitments) };
    const handlers = {
      onSuccess: () => {
        void message.success(
          mode === 'edit' ? 'Đã lưu nội dung đăng ký.' : 'Đã gửi lại đăng ký để xét duyệt.',
        );
        onClose();
      },
      onError: (e: Error) => setError(applyServerErrors(form, e, commitmentFieldNames)),
    };
    if (mode === 'edit') update.mutate(body, handlers);
    else resubmit.mutate(body, handlers);
  };

  return (
    <Modal
      open={open}
      title={mode === 'edit' ? 'Sửa nội dung đăng ký' : 'Sửa và nộp lại đăng ký'}
      okText={mode === 'edit' ? 'Lưu' : 'Nộp lại'}
      cancelText="Đóng"
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ disabled: !allowed }}
      confirmLoading={pending}
      forceRender
      width={640}
    >
      {registration && (
        <Typography.Paragraph>
          {registrationKindLabels[registration.kind]}:{' '}
          <strong>{registrantName(registration)}</strong>
        </Typography.Paragraph>
      )}
      <ErrorAlert error={detail.error} />
      {!d && !detail.error && <Spin description="Đang tải…" />}
      {d?.returnReason && (
        <Alert
          type="warning"
          showIcon
          title="Lý do trả lại"
          description={d.returnReason}
          style={{ marginBottom: 12 }}
        />
      )}
      {d && !allowed && (
        <Alert
          type="info"
          showIcon
          title={
            mode === 'edit'
              ? 'Đăng ký này không còn sửa được (đã được xét hoặc bạn không có quyền).'
              : 'Đăng ký này không còn nộp lại được (đã được xét hoặc bạn không có quyền).'
          }
          style={{ marginBottom: 12 }}
        />
      )}
      <ModalError error={error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        name="registration-edit"
        disabled={!allowed}
      >
        <CommitmentsFields form={form} kind={registration?.kind ?? 'collective'} />
      </Form>
    </Modal>
  );
}

/** The required reason of a return (one registration or many). */
export function ReturnReasonItem() {
  return (
    <Form.Item
      label="Lý do trả lại"
      name="reason"
      rules={[
        { required: true, whitespace: true, message: 'Vui lòng nhập lý do trả lại' },
        { max: 1000, message: 'Không dài quá 1000 ký tự' },
      ]}
    >
      <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} />
    </Form.Item>
  );
}

/** "Trả lại": back to the registrant with a reason, for correction and resubmission. */
export function ReturnRegistrationModal({
  registration,
  onClose,
}: {
  registration: Registration | null;
  onClose: () => void;
}) {
  const open = registration !== null;
  const ret = useReturnRegistration();
  const { message } = App.useApp();
  const { form, error, setError } = useModalForm<{ reason: string }>(open);

  const onFinish = (v: { reason: string }) => {
    if (!registration) return;
    setError(null);
    ret.mutate(
      { id: registration.id, version: registration.version, reason: v.reason.trim() },
      {
        onSuccess: () => {
          void message.success('Đã trả lại đăng ký.');
          onClose();
        },
        onError: (e) => setError(applyServerErrors(form, e, ['reason'])),
      },
    );
  };

  return (
    <Modal
      open={open}
      title="Trả lại đăng ký"
      okText="Trả lại"
      okButtonProps={{ danger: true }}
      cancelText="Đóng"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={ret.isPending}
      forceRender
      afterOpenChange={(o) => o && form.focusField('reason')}
    >
      {registration && (
        <Typography.Paragraph>
          Trả lại đăng ký của <strong>{registrantName(registration)}</strong> để sửa và nộp lại.
        </Typography.Paragraph>
      )}
      <ModalError error={error} />
      <Form form={form} layout="vertical" onFinish={onFinish} name="registration-return">
        <ReturnReasonItem />
      </Form>
    </Modal>
  );
}
