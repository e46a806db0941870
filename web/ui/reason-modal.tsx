import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useModalForm } from './hooks';

/**
 * A confirmation that asks for a reason (amending, cancelling a plan; cancelling a number in the
 * document register): the intro says what will happen, the reason is required and trimmed.
 */
export function ReasonModal({
  open,
  title,
  intro,
  okText,
  danger,
  loading,
  error,
  onClose,
  onSubmit,
}: {
  open: boolean;
  title: string;
  intro: string;
  okText: string;
  danger?: boolean;
  loading?: boolean;
  error?: string | null;
  onClose: () => void;
  onSubmit: (reason: string) => void;
}) {
  const { form } = useModalForm<{ reason: string }>(open);
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={{ danger }}
      cancelText="Đóng"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={loading}
      forceRender
      afterOpenChange={(o) => o && form.focusField('reason')}
    >
      <Typography.Paragraph>{intro}</Typography.Paragraph>
      {error && (
        <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => onSubmit(v.reason.trim())}
        name={`plan-reason-${okText}`}
      >
        <Form.Item
          label="Lý do"
          name="reason"
          rules={[
            { required: true, whitespace: true, message: 'Vui lòng nhập lý do' },
            { max: 1000, message: 'Lý do không dài quá 1000 ký tự' },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
