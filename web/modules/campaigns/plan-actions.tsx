import { useState } from 'react';
import { Alert, App, Button, Checkbox, DatePicker, Flex, Form, Modal, Typography } from 'antd';
import {
  CheckCircleOutlined,
  EditOutlined,
  FilePdfOutlined,
  FileWordOutlined,
  FlagOutlined,
  StopOutlined,
} from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { isApiError } from '../../api/client';
import type { FieldError } from '../../api/client';
import { useModalForm } from '../../ui/hooks';
import { ReasonModal } from '../../ui/reason-modal';
import { DATE_FORMAT } from './editor/fields';
import { planDocumentUrl, useCancelPlan, useClosePlan, useIssuePlan } from './plans.api';
import { FixDatesButton, PastDatesAlert, outlookSentence } from './issue-outlook';
import { unreviewedSections } from './carried-review';
import type { PlanDetail } from './plans.api';

type Props = {
  plan: PlanDetail;
  /** The editor holds changes not saved yet (issuing uses the saved draft). */
  isDirty: () => boolean;
  amending: boolean;
  onAmend: (reason: string) => void;
  /** Fields the server says still block issuing, to mark them in the editor. */
  onIssueBlocked: (error: unknown) => void;
};

type Dialog = 'issue' | 'amend' | 'cancel' | 'close' | null;

/** The plan's header buttons, each shown only when the server's permissions allow it. */
export function PlanActions({ plan, isDirty, amending, onAmend, onIssueBlocked }: Props) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const [dirty, setDirty] = useState(false);
  const p = plan.permissions;
  const close = () => setDialog(null);
  return (
    <>
      {p.canIssue && (
        <Button
          type="primary"
          icon={<CheckCircleOutlined />}
          onClick={() => {
            setDirty(isDirty());
            setDialog('issue');
          }}
        >
          Ban hành
        </Button>
      )}
      {p.canAmend && !amending && (
        <Button icon={<EditOutlined />} onClick={() => setDialog('amend')}>
          Điều chỉnh
        </Button>
      )}
      {p.canClose && (
        <Button icon={<FlagOutlined />} onClick={() => setDialog('close')}>
          Kết thúc
        </Button>
      )}
      {p.canCancel && (
        <Button danger icon={<StopOutlined />} onClick={() => setDialog('cancel')}>
          Hủy
        </Button>
      )}
      <Button icon={<FileWordOutlined />} href={planDocumentUrl(plan.id, 'docx')}>
        Tải .docx
      </Button>
      <Button icon={<FilePdfOutlined />} href={planDocumentUrl(plan.id, 'pdf')}>
        Tải .pdf
      </Button>
      <IssueModal
        open={dialog === 'issue'}
        plan={plan}
        dirty={dirty}
        onClose={close}
        onBlocked={onIssueBlocked}
      />
      <ReasonModal
        open={dialog === 'amend'}
        title="Điều chỉnh kế hoạch đã ban hành"
        intro="Điều chỉnh tạo phiên bản mới của văn bản; các phiên bản cũ vẫn được lưu. Nhập lý do rồi sửa nội dung và bấm Lưu điều chỉnh."
        okText="Bắt đầu điều chỉnh"
        onClose={close}
        onSubmit={(reason) => {
          onAmend(reason);
          close();
        }}
      />
      <CancelModal open={dialog === 'cancel'} plan={plan} onClose={close} />
      <CloseModal open={dialog === 'close'} plan={plan} onClose={close} />
    </>
  );
}

function IssueModal({
  open,
  plan,
  dirty,
  onClose,
  onBlocked,
}: {
  open: boolean;
  plan: PlanDetail;
  dirty: boolean;
  onClose: () => void;
  onBlocked: (error: unknown) => void;
}) {
  const issue = useIssuePlan();
  const { message } = App.useApp();
  const { form, error, setError } = useModalForm<{ issuedOn?: Dayjs | null }>(open);
  const [missing, setMissing] = useState<FieldError[]>([]);
  const [pastAcknowledged, setPastAcknowledged] = useState(false);
  const outlook = plan.issueOutlook;
  const pastDates = outlook?.pastDates.length ?? 0;
  const blockedByDates = pastDates > 0 && !pastAcknowledged;
  const unreviewed = unreviewedSections(plan);
  const [unreviewedAcknowledged, setUnreviewedAcknowledged] = useState(false);
  const blocked = blockedByDates || (unreviewed.length > 0 && !unreviewedAcknowledged);

  const onFinish = (v: { issuedOn?: Dayjs | null }) => {
    setError(null);
    setMissing([]);
    issue.mutate(
      {
        id: plan.id,
        version: plan.version,
        issuedOn: v.issuedOn?.format('YYYY-MM-DD'),
        acknowledgePastDates: pastDates > 0 && pastAcknowledged,
        acknowledgeUnreviewed: unreviewed.length > 0 && unreviewedAcknowledged,
      },
      {
        onSuccess: (p) => {
          void message.success(`Đã ban hành kế hoạch số ${p.documentNumber ?? ''}.`);
          onClose();
        },
        onError: (e) => {
          if (isApiError(e) && e.fields.some((f) => f.field === 'issuedOn')) {
            form.setFields([
              {
                name: 'issuedOn',
                errors: e.fields.filter((f) => f.field === 'issuedOn').map((f) => f.message),
              },
            ]);
            return;
          }
          if (isApiError(e, 'VALIDATION_FAILED') && e.fields.length > 0) {
            setMissing(e.fields);
            onBlocked(e);
            return;
          }
          setError(e.message);
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title="Ban hành kế hoạch"
      okText="Ban hành"
      cancelText="Đóng"
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ disabled: blocked }}
      confirmLoading={issue.isPending}
      forceRender
      afterOpenChange={(o) => {
        if (o) return;
        setPastAcknowledged(false);
        setUnreviewedAcknowledged(false);
      }}
      focusTriggerAfterClose={false}
    >
      <Typography.Paragraph>
        Kế hoạch sẽ được cấp số tiếp theo trong sổ {plan.documentSymbol} năm ban hành và công bố cho
        mọi người. Sau khi ban hành, mọi thay đổi phải qua Điều chỉnh.
      </Typography.Paragraph>
      {outlook && (
        <Typography.Paragraph strong={pastDates > 0} className="plan-issue-outlook">
          {outlookSentence(outlook, plan.registrationDeadline)}
        </Typography.Paragraph>
      )}
      {outlook && pastDates > 0 && (
        <PastDatesAlert outlook={outlook} className="plan-past-dates-dialog">
          <Flex vertical gap={8} style={{ marginTop: 8 }}>
            {plan.permissions.canEdit ? (
              <div>
                <FixDatesButton outlook={outlook} onClick={onClose} />
              </div>
            ) : (
              <Typography.Text>
                Cán bộ thi đua của đơn vị sửa được các ngày này trong dự thảo.
              </Typography.Text>
            )}
            <Checkbox
              checked={pastAcknowledged}
              onChange={(e) => setPastAcknowledged(e.target.checked)}
            >
              Tôi đã hiểu, vẫn ban hành với các ngày này
            </Checkbox>
          </Flex>
        </PastDatesAlert>
      )}
      {unreviewed.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="plan-unreviewed-dialog"
          title={`Còn ${unreviewed.length} phần mang sang từ kế hoạch cấp trên chưa xem lại`}
          description={
            <Flex vertical gap={8}>
              <span>
                {unreviewed.map((c) => c.label).join(', ')}. Văn bản sẽ được ban hành với cách viết
                hiện tại của các phần này.
              </span>
              <Checkbox
                checked={unreviewedAcknowledged}
                onChange={(e) => setUnreviewedAcknowledged(e.target.checked)}
              >
                Vẫn ban hành khi chưa xem lại hết
              </Checkbox>
            </Flex>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      {dirty && (
        <Alert
          type="warning"
          showIcon
          title="Bạn có thay đổi chưa lưu: bản được ban hành là bản dự thảo đã lưu."
          style={{ marginBottom: 12 }}
        />
      )}
      {error && (
        <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />
      )}
      {missing.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title="Chưa thể ban hành, còn thiếu:"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {missing.map((f) => (
                <li key={f.field}>
                  {f.label ?? f.field}: {f.message}
                </li>
              ))}
            </ul>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      <Form form={form} layout="vertical" onFinish={onFinish} name="plan-issue">
        <Form.Item
          label="Ngày ban hành"
          name="issuedOn"
          extra="Để trống: hôm nay. Không được sau hôm nay."
        >
          <DatePicker
            format={DATE_FORMAT}
            style={{ width: 200 }}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CancelModal({
  open,
  plan,
  onClose,
}: {
  open: boolean;
  plan: PlanDetail;
  onClose: () => void;
}) {
  const cancel = useCancelPlan();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  return (
    <ReasonModal
      open={open}
      title={plan.status === 'draft' ? 'Hủy dự thảo' : 'Hủy kế hoạch đã ban hành'}
      intro={
        plan.status === 'draft'
          ? 'Dự thảo sẽ không còn được sửa hay ban hành.'
          : 'Kế hoạch sẽ hết hiệu lực; các đơn vị không còn phải thực hiện. Thao tác không hoàn tác được.'
      }
      okText="Hủy kế hoạch"
      danger
      loading={cancel.isPending}
      error={error}
      onClose={() => {
        setError(null);
        onClose();
      }}
      onSubmit={(reason) =>
        cancel.mutate(
          { id: plan.id, version: plan.version, reason },
          {
            onSuccess: () => {
              void message.success('Đã hủy kế hoạch.');
              setError(null);
              onClose();
            },
            onError: (e) => setError(e.message),
          },
        )
      }
    />
  );
}

function CloseModal({
  open,
  plan,
  onClose,
}: {
  open: boolean;
  plan: PlanDetail;
  onClose: () => void;
}) {
  const closePlan = useClosePlan();
  const { message } = App.useApp();
  return (
    <Modal
      open={open}
      title="Kết thúc kế hoạch"
      okText="Kết thúc"
      cancelText="Đóng"
      onCancel={onClose}
      confirmLoading={closePlan.isPending}
      onOk={() =>
        closePlan.mutate(
          { id: plan.id, version: plan.version },
          {
            onSuccess: () => {
              void message.success('Đã kết thúc kế hoạch.');
              onClose();
            },
            onError: (e) => void message.error(e.message),
          },
        )
      }
    >
      <Typography.Paragraph>
        Kết thúc sau khi đã tổng kết. Kế hoạch chuyển sang trạng thái &quot;Đã kết thúc&quot; và
        không còn điều chỉnh được.
      </Typography.Paragraph>
    </Modal>
  );
}
