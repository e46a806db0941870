import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Typography } from 'antd';
import { RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { isApiError } from '../../api/client';
import type { FieldError } from '../../api/client';
import { ErrorAlert } from '../../ui/error-alert';
import { useModalForm } from '../../ui/hooks';
import { useReturnSheet, useSubmitSheet } from './sheet.api';
import type { ScoreSheet } from './sheet.api';

/** Submitting the self-assessment (the unit) and returning it (the plan's officer). */

/**
 * What the server refused a submission for: one line per leaf, each a link to its row. `field`
 * is the leaf's id (self-assessment) or code (appraisal); `onJump` gets it as it is.
 */
export function SubmitProblems({
  fields,
  onJump,
  onClose,
  title = (n) => `Chưa nộp được: còn ${n} tiêu chí cần xử lý`,
}: {
  fields: readonly FieldError[];
  onJump: (field: string) => void;
  onClose: () => void;
  title?: (count: number) => string;
}) {
  // One line per leaf: "Mục 1.2: chưa chấm điểm; chưa có tài liệu kiểm chứng …".
  const byLeaf: { field: string; label: string; messages: string[] }[] = [];
  for (const f of fields) {
    const line = byLeaf.find((l) => l.field === f.field);
    if (line) line.messages.push(f.message);
    else byLeaf.push({ field: f.field, label: f.label ?? f.field, messages: [f.message] });
  }
  return (
    <Alert
      type="error"
      showIcon
      closable={{ onClose }}
      role="alert"
      style={{ marginBottom: 16 }}
      title={title(byLeaf.length)}
      data-testid="sheet-problems"
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20, maxHeight: 240, overflowY: 'auto' }}>
          {byLeaf.map((f) => (
            <li key={f.field}>
              <Typography.Link onClick={() => onJump(f.field)}>{f.label}</Typography.Link>:{' '}
              {f.messages.join('; ')}
            </li>
          ))}
        </ul>
      }
    />
  );
}

export function SubmitButton({
  sheet,
  unsaved,
  onProblems,
}: {
  sheet: ScoreSheet;
  unsaved: number;
  onProblems: (fields: FieldError[]) => void;
}) {
  const { modal, message } = App.useApp();
  const submit = useSubmitSheet(sheet.id);
  const onClick = () =>
    modal.confirm({
      title: 'Nộp bản tự đánh giá?',
      content: (
        <>
          Sau khi nộp, phiếu bị khóa cho đến khi cơ quan ban hành kế hoạch trả lại.
          {unsaved > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 8 }}
              title={`Còn ${unsaved} mục chưa lưu: các thay đổi này sẽ không được nộp.`}
            />
          )}
        </>
      ),
      okText: 'Nộp',
      cancelText: 'Chưa nộp',
      onOk: () =>
        submit.mutateAsync(sheet.version).then(
          () => {
            onProblems([]);
            void message.success('Đã nộp bản tự đánh giá.');
          },
          (e: Error) => {
            if (isApiError(e, 'VALIDATION_FAILED') && e.fields.length > 0) onProblems(e.fields);
            else void message.error({ content: e.message, duration: 8 });
          },
        ),
    });
  return (
    <Button type="primary" icon={<SendOutlined />} loading={submit.isPending} onClick={onClick}>
      Nộp bản tự đánh giá
    </Button>
  );
}

export function ReturnButton({ sheet }: { sheet: ScoreSheet }) {
  const [open, setOpen] = useState(false);
  const { form, error, setError } = useModalForm<{ reason: string }>(open);
  const back = useReturnSheet(sheet.id);
  const { message } = App.useApp();
  const onOk = async () => {
    const { reason } = await form.validateFields();
    setError(null);
    back.mutate(
      { version: sheet.version, reason: reason.trim() },
      {
        onSuccess: () => {
          setOpen(false);
          void message.success('Đã trả lại phiếu cho đơn vị.');
        },
        onError: (e) => setError(e.message),
      },
    );
  };
  return (
    <>
      <Button danger icon={<RollbackOutlined />} onClick={() => setOpen(true)}>
        Trả lại
      </Button>
      <Modal
        open={open}
        title={`Trả lại phiếu tự chấm của ${sheet.unitName}`}
        okText="Trả lại"
        okButtonProps={{ danger: true, loading: back.isPending }}
        cancelText="Hủy"
        onOk={() => void onOk()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <ErrorAlert error={error ? new Error(error) : null} />
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label="Lý do trả lại"
            rules={[
              { required: true, whitespace: true, message: 'Cần ghi lý do trả lại.' },
              { max: 2000 },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
