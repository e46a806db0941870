import { useState } from 'react';
import { Alert, Button, Flex, Form, Modal, Popconfirm, Typography } from 'antd';
import { BULK_REVIEW_MAX } from '../../../shared/registration';
import type { ReviewDecision } from '../../../shared/registration';
import { isApiError } from '../../api/client';
import { useModalForm } from '../../ui/hooks';
import { ReturnReasonItem } from './review-modals';
import { fetchPendingRegistrations, useBulkReview } from './registrations.api';
import type { RegistrationsFilter } from './registrations.api';

/** The registrations ticked for a bulk review, with the version each was seen at. */
export type Selection = ReadonlyMap<number, { id: number; version: number }>;

type Outcome =
  | { kind: 'done'; text: string }
  | { kind: 'error'; text: string; failed: number[] }
  | { kind: 'info'; text: string };

const verbs: Record<ReviewDecision, string> = { approve: 'duyệt', return: 'trả lại' };

/**
 * The reviewer's bar over the registration list: tick rows (or "Chọn tất cả đang chờ duyệt"),
 * then "Duyệt (N)" or "Trả lại (N)" with one reason. The server applies the decision to all or
 * none and names each registration it could not take; those stay ticked so they can be unticked.
 */
export function BulkReviewBar({
  planId,
  filter,
  selection,
  onSelectionChange,
}: {
  planId: number;
  filter: Pick<RegistrationsFilter, 'kind' | 'search'>;
  selection: Selection;
  onSelectionChange: (next: Selection) => void;
}) {
  const review = useBulkReview(planId);
  const [loadingAll, setLoadingAll] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [returning, setReturning] = useState(false);
  const n = selection.size;

  const selectAllPending = async () => {
    setLoadingAll(true);
    setOutcome(null);
    try {
      const { items, total } = await fetchPendingRegistrations(planId, filter, BULK_REVIEW_MAX);
      const next = new Map(selection);
      for (const r of items)
        if (r.permissions?.canApprove !== false) next.set(r.id, { id: r.id, version: r.version });
      onSelectionChange(next);
      if (total === 0) setOutcome({ kind: 'info', text: 'Không có đăng ký nào đang chờ duyệt.' });
      else if (total > items.length)
        setOutcome({
          kind: 'info',
          text: `Đã chọn ${items.length.toLocaleString('vi-VN')} trong ${total.toLocaleString('vi-VN')} đăng ký đang chờ duyệt (mỗi lần xét tối đa ${BULK_REVIEW_MAX}).`,
        });
    } catch (e) {
      setOutcome({ kind: 'error', text: (e as Error).message, failed: [] });
    } finally {
      setLoadingAll(false);
    }
  };

  /** Sends the decision; the outcome (done, or which failed and why) shows above the list. */
  const run = (decision: ReviewDecision, reason?: string): Promise<void> => {
    const items = [...selection.values()];
    setOutcome({
      kind: 'info',
      text: `Đang ${verbs[decision]} ${items.length.toLocaleString('vi-VN')} đăng ký…`,
    });
    return review.mutateAsync({ decision, items, reason }).then(
      (res) => {
        onSelectionChange(new Map());
        setOutcome({
          kind: 'done',
          text: `Đã ${verbs[decision]} ${res.count.toLocaleString('vi-VN')} đăng ký.`,
        });
      },
      (e: Error) => {
        const failures = isApiError(e) ? e.details.failures : undefined;
        const failed = Array.isArray(failures)
          ? failures.flatMap((f: unknown) =>
              typeof f === 'object' && f !== null && 'id' in f && typeof f.id === 'number'
                ? [f.id]
                : [],
            )
          : [];
        setOutcome({ kind: 'error', text: e.message, failed });
      },
    );
  };

  const untickFailed = (ids: number[]) => {
    const next = new Map(selection);
    for (const id of ids) next.delete(id);
    onSelectionChange(next);
    setOutcome(null);
  };

  return (
    <>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Button onClick={() => void selectAllPending()} loading={loadingAll}>
          Chọn tất cả đang chờ duyệt
        </Button>
        <Popconfirm
          title={`Duyệt ${n.toLocaleString('vi-VN')} đăng ký đã chọn?`}
          okText="Duyệt"
          cancelText="Không"
          disabled={n === 0}
          onConfirm={() => run('approve')}
        >
          <Button type="primary" disabled={n === 0} loading={review.isPending}>
            {`Duyệt (${n})`}
          </Button>
        </Popconfirm>
        <Button danger disabled={n === 0 || review.isPending} onClick={() => setReturning(true)}>
          {`Trả lại (${n})`}
        </Button>
        {n > 0 && (
          <>
            <Typography.Text type="secondary">
              Đã chọn {n.toLocaleString('vi-VN')} đăng ký
            </Typography.Text>
            <Button
              type="link"
              size="small"
              onClick={() => {
                onSelectionChange(new Map());
                setOutcome(null);
              }}
            >
              Bỏ chọn
            </Button>
          </>
        )}
      </Flex>
      {outcome && (
        <Alert
          type={outcome.kind === 'done' ? 'success' : outcome.kind === 'error' ? 'error' : 'info'}
          showIcon
          closable
          onClose={() => setOutcome(null)}
          role={outcome.kind === 'error' ? 'alert' : 'status'}
          title={outcome.text}
          action={
            outcome.kind === 'error' && outcome.failed.length > 0 ? (
              <Button size="small" onClick={() => untickFailed(outcome.failed)}>
                Bỏ chọn các đăng ký này
              </Button>
            ) : undefined
          }
          style={{ marginBottom: 12 }}
        />
      )}
      <BulkReturnModal
        open={returning}
        count={n}
        onClose={() => setReturning(false)}
        onReturn={(reason) => run('return', reason)}
      />
    </>
  );
}

/** One reason for returning every selected registration. */
function BulkReturnModal({
  open,
  count,
  onClose,
  onReturn,
}: {
  open: boolean;
  count: number;
  onClose: () => void;
  onReturn: (reason: string) => Promise<void>;
}) {
  const { form } = useModalForm<{ reason: string }>(open);
  const [pending, setPending] = useState(false);
  // The outcome, success or the registrations that failed, shows above the list.
  const onFinish = (v: { reason: string }) => {
    setPending(true);
    void onReturn(v.reason.trim()).finally(() => {
      setPending(false);
      onClose();
    });
  };
  return (
    <Modal
      open={open}
      title={`Trả lại ${count.toLocaleString('vi-VN')} đăng ký`}
      okText="Trả lại"
      okButtonProps={{ danger: true }}
      cancelText="Đóng"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={pending}
      forceRender
      afterOpenChange={(o) => o && form.focusField('reason')}
    >
      <Typography.Paragraph>
        Các đăng ký đã chọn được trả lại cùng một lý do để đơn vị, cá nhân sửa và nộp lại.
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={onFinish} name="registration-bulk-return">
        <ReturnReasonItem />
      </Form>
    </Modal>
  );
}
