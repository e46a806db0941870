import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Select, Typography } from 'antd';
import { CheckCircleOutlined, CheckOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { isApiError } from '../../api/client';
import type { FieldError } from '../../api/client';
import { ErrorAlert } from '../../ui/error-alert';
import { useModalForm } from '../../ui/hooks';
import { fmt } from './criteria-tree';
import { useAcceptSelf, useCompleteAppraisal, useRequestExplanation } from './appraisal.api';
import type { Appraisal, ComparedLeaf } from './appraisal.api';

/** The appraisers' sheet-wide actions: accept self-scores, ask for explanation, close. */

type ActionProps = {
  view: Appraisal;
  /** Unsaved leaf edits on the page (they are not part of the action). */
  unsaved: number;
  onProblems: (fields: FieldError[]) => void;
};

const unsavedWarning = (unsaved: number) =>
  unsaved > 0 && (
    <Alert
      type="warning"
      showIcon
      style={{ marginTop: 8 }}
      title={`Còn ${unsaved} mục chưa lưu: hãy lưu trước, các thay đổi này không được tính.`}
    />
  );

/** Handles a refusal: the unappraised leaves go to the problem list, anything else a message. */
function useRefusal(onProblems: (fields: FieldError[]) => void) {
  const { message } = App.useApp();
  return (e: Error) => {
    if (isApiError(e, 'VALIDATION_FAILED') && e.fields.length > 0) onProblems(e.fields);
    else void message.error({ content: e.message, duration: 8 });
  };
}

/** Round 1: every leaf not yet appraised takes the unit's self-score. */
export function AcceptSelfButton({ view, unsaved, onProblems }: ActionProps) {
  const { modal, message } = App.useApp();
  const accept = useAcceptSelf(view.id);
  const refused = useRefusal(onProblems);
  const onClick = () =>
    modal.confirm({
      title: 'Chấp nhận điểm tự chấm cho các mục chưa thẩm định?',
      content: (
        <>
          Mỗi mục chưa có điểm thẩm định lần 1 sẽ lấy số liệu và điểm tự chấm của đơn vị. Các mục đã
          thẩm định giữ nguyên.
          {unsavedWarning(unsaved)}
        </>
      ),
      okText: 'Chấp nhận',
      cancelText: 'Không',
      onOk: () =>
        accept.mutateAsync(view.version).then((r) => {
          onProblems([]);
          void message.success(`Đã chấp nhận ${r.accepted} mục.`);
        }, refused),
    });
  return (
    <Button
      icon={<CheckOutlined />}
      loading={accept.isPending}
      onClick={onClick}
      data-testid="appraisal-accept-self"
      style={{ whiteSpace: 'normal', height: 'auto', minHeight: 32, textAlign: 'start' }}
    >
      Chấp nhận điểm tự chấm cho các mục chưa thẩm định
    </Button>
  );
}

/** The leaves whose round-1 points differ from the self-score (the server's default too). */
export const differingLeaves = (leaves: readonly ComparedLeaf[]) =>
  leaves.filter((l) => (l.diff1 ?? 0) !== 0).map((l) => l.nodeId);

type RequestValues = { reason: string; nodeIds: string[] };

export function RequestExplanationButton({ view, unsaved, onProblems }: ActionProps) {
  const [open, setOpen] = useState(false);
  const { form, error, setError } = useModalForm<RequestValues>(open);
  const request = useRequestExplanation(view.id);
  const { message } = App.useApp();
  const picked = Form.useWatch('nodeIds', form) ?? [];
  const onOk = async () => {
    // The form shows its own messages when a field is refused.
    const v = await form.validateFields().catch(() => null);
    if (v === null) return;
    setError(null);
    // mutateAsync: the button unmounts once the sheet leaves round 1, and the promise still settles.
    await request
      .mutateAsync({ version: view.version, reason: v.reason.trim(), nodeIds: v.nodeIds })
      .then(
        () => {
          setOpen(false);
          onProblems([]);
          void message.success('Đã gửi đề nghị giải trình cho đơn vị.');
        },
        (e: Error) => {
          if (isApiError(e, 'VALIDATION_FAILED') && e.fields.some((f) => f.field !== 'reason')) {
            setOpen(false);
            onProblems(e.fields);
          } else setError(e.message);
        },
      );
  };
  const score = (l: ComparedLeaf) =>
    `tự chấm ${l.self?.points == null ? '—' : fmt(l.self.points)}, thẩm định ${
      l.appraisal1?.points == null ? '—' : fmt(l.appraisal1.points)
    }`;
  return (
    <>
      <Button
        icon={<QuestionCircleOutlined />}
        onClick={() => setOpen(true)}
        data-testid="appraisal-request-explanation"
      >
        Đề nghị giải trình
      </Button>
      <Modal
        open={open}
        title={`Đề nghị ${view.unitName} giải trình`}
        okText="Gửi đề nghị"
        okButtonProps={{ loading: request.isPending }}
        cancelText="Hủy"
        onOk={() => void onOk()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        width={640}
      >
        <ErrorAlert error={error ? new Error(error) : null} />
        {unsavedWarning(unsaved)}
        <Form<RequestValues>
          form={form}
          layout="vertical"
          initialValues={{ reason: '', nodeIds: differingLeaves(view.leaves) }}
          style={{ marginTop: 8 }}
        >
          <Form.Item
            name="reason"
            label="Nội dung đề nghị giải trình"
            rules={[
              { required: true, whitespace: true, message: 'Cần ghi nội dung đề nghị.' },
              { max: 2000 },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount />
          </Form.Item>
          <Form.Item
            name="nodeIds"
            label="Các mục cần giải trình"
            extra={
              picked.length === 0
                ? 'Không chọn mục nào: đơn vị giải trình cho toàn bộ phiếu.'
                : `${picked.length} mục. Mặc định là các mục có điểm thẩm định lần 1 khác điểm tự chấm.`
            }
          >
            <Select
              mode="multiple"
              allowClear
              optionFilterProp="label"
              placeholder="Toàn bộ phiếu"
              aria-label="Các mục cần giải trình"
              options={view.leaves.map((l) => ({
                value: l.nodeId,
                label: `${l.code}. ${l.title}`,
                title: score(l),
              }))}
              optionRender={(o) => {
                const l = view.leaves.find((x) => x.nodeId === o.value);
                return (
                  <span>
                    {o.label}
                    {l && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {' '}
                        ({score(l)})
                      </Typography.Text>
                    )}
                  </span>
                );
              }}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export function CompleteAppraisalButton({ view, unsaved, onProblems }: ActionProps) {
  const { modal, message } = App.useApp();
  const complete = useCompleteAppraisal(view.id);
  const refused = useRefusal(onProblems);
  const round2 = view.permissions.round === 2;
  const onClick = () =>
    modal.confirm({
      title: 'Kết thúc thẩm định?',
      content: (
        <>
          Điểm thẩm định {round2 ? 'lần 2' : 'lần 1'} được chốt làm kết quả của {view.unitName}; sau
          đó không chấm lại được.
          {round2 && ' Các mục không chấm lại ở lần 2 giữ điểm lần 1.'}
          {unsavedWarning(unsaved)}
        </>
      ),
      okText: 'Kết thúc thẩm định',
      cancelText: 'Chưa',
      onOk: () =>
        complete.mutateAsync(view.version).then(() => {
          onProblems([]);
          void message.success('Đã kết thúc thẩm định.');
        }, refused),
    });
  return (
    <Button
      type="primary"
      icon={<CheckCircleOutlined />}
      loading={complete.isPending}
      onClick={onClick}
      data-testid="appraisal-complete"
    >
      Kết thúc thẩm định
    </Button>
  );
}
