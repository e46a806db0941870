import { Alert, App, Button, Flex, Input, Tooltip, Typography } from 'antd';
import { useIsMutating } from '@tanstack/react-query';
import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { isApiError } from '../../api/client';
import type { FieldError } from '../../api/client';
import { formatDateTime } from '../../ui/format';
import { useAnswerExplanation, useSubmitExplanation } from './appraisal.api';
import { evidenceUploadKey } from './sheet.api';
import type { Appraisal, ComparedLeaf } from './appraisal.api';

/** The unit's side of the explanation (giải trình): the request, the answers, sending them. */

/** The leaves asked about: the listed ones, or every leaf when the list is empty (whole sheet). */
export function askedLeaves(view: Appraisal): Set<string> {
  if (view.explanation.requestedAt === null) return new Set();
  const ids = view.explanation.nodeIds;
  return new Set(ids.length > 0 ? ids : view.leaves.map((l) => l.nodeId));
}

/** The appraisers' request: reason, when, and the leaves asked about as jump links. */
export function ExplanationRequestAlert({
  view,
  onJump,
}: {
  view: Appraisal;
  onJump: (nodeId: string) => void;
}) {
  const { explanation: x } = view;
  if (x.requestedAt === null) return null;
  const waiting = view.status === 'explaining';
  const asked = view.leaves.filter((l) => x.nodeIds.includes(l.nodeId));
  const title = waiting
    ? view.permissions.canAnswer
      ? 'Cơ quan thẩm định đề nghị đơn vị giải trình'
      : 'Đang chờ đơn vị giải trình'
    : `Đơn vị đã giải trình${x.explainedAt ? ` lúc ${formatDateTime(x.explainedAt)}` : ''}`;
  return (
    <Alert
      type={waiting ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="explanation-request"
      title={title}
      description={
        <Flex vertical gap={4}>
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>
            <strong>Nội dung đề nghị:</strong> {x.reason}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            Đề nghị lúc {formatDateTime(x.requestedAt)}
          </Typography.Text>
          {asked.length === 0 ? (
            <Typography.Text>Giải trình cho toàn bộ phiếu (ít nhất một mục).</Typography.Text>
          ) : (
            <div>
              <Typography.Text strong>Các mục cần giải trình ({asked.length}):</Typography.Text>
              <ul style={{ margin: 0, paddingInlineStart: 20, maxHeight: 200, overflowY: 'auto' }}>
                {asked.map((l) => (
                  <li key={l.nodeId}>
                    <Typography.Link onClick={() => onJump(l.nodeId)}>Mục {l.code}</Typography.Link>{' '}
                    {l.title}
                    {l.explanation && (
                      <Typography.Text type="success" style={{ fontSize: 12 }}>
                        {' '}
                        — đã giải trình
                      </Typography.Text>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </Flex>
      }
    />
  );
}

/** The answer for one leaf asked about; saved on its own (CONFLICT when stale). */
export function ExplanationEditor({
  sheetId,
  leaf,
  draft,
  onDraft,
}: {
  sheetId: number;
  leaf: ComparedLeaf;
  draft: string | undefined;
  onDraft: (note: string | null) => void;
}) {
  const { message } = App.useApp();
  const answer = useAnswerExplanation(sheetId);
  const value = draft ?? leaf.explanation?.note ?? '';
  const saving = answer.isPending && answer.variables?.nodeId === leaf.nodeId;
  const onSave = () => {
    const note = value.trim();
    if (note === '') {
      void message.error(`Mục ${leaf.code}: cần ghi nội dung giải trình.`);
      return;
    }
    answer.mutate(
      { nodeId: leaf.nodeId, note, version: leaf.explanation?.version ?? 0 },
      {
        onSuccess: () => {
          onDraft(null);
          void message.success(`Đã lưu giải trình mục ${leaf.code}.`);
        },
        onError: (e) => {
          if (isApiError(e, 'CONFLICT')) {
            onDraft(null);
            void message.warning({
              content: `Người khác vừa lưu giải trình mục ${leaf.code}; đã tải lại nội dung mới nhất.`,
              duration: 8,
            });
          } else void message.error({ content: e.message, duration: 8 });
        },
      },
    );
  };
  return (
    <Flex vertical gap={4} data-testid={`explanation-editor-${leaf.code}`}>
      <Input.TextArea
        size="small"
        autoSize={{ minRows: 2, maxRows: 8 }}
        maxLength={4000}
        placeholder="Nội dung giải trình"
        aria-label={`Nội dung giải trình mục ${leaf.code}`}
        value={value}
        onChange={(e) => onDraft(e.target.value)}
      />
      <Flex gap={4} wrap align="center">
        <Button
          size="small"
          type={draft !== undefined ? 'primary' : 'default'}
          icon={<SaveOutlined />}
          disabled={draft === undefined}
          loading={saving}
          onClick={onSave}
          aria-label={`Lưu giải trình mục ${leaf.code}`}
        >
          Lưu
        </Button>
        {draft !== undefined && (
          <>
            <Button size="small" type="text" onClick={() => onDraft(null)}>
              Hoàn tác
            </Button>
            <Typography.Text type="warning" style={{ fontSize: 11 }}>
              chưa lưu
            </Typography.Text>
          </>
        )}
      </Flex>
    </Flex>
  );
}

/** Sends the answers (explaining → explained); lists the leaves still unanswered if refused. */
export function SubmitExplanationButton({
  view,
  unsaved,
  onProblems,
}: {
  view: Appraisal;
  unsaved: number;
  onProblems: (fields: FieldError[]) => void;
}) {
  const { modal, message } = App.useApp();
  const submit = useSubmitExplanation(view.id);
  // Sending while a file is still uploading would leave that file out (or have it refused).
  const uploading = useIsMutating({ mutationKey: evidenceUploadKey(view.id) }) > 0;
  const onClick = () =>
    modal.confirm({
      title: 'Gửi giải trình?',
      content: (
        <>
          Sau khi gửi, cơ quan thẩm định sẽ thẩm định lần 2; đơn vị không sửa được giải trình nữa.
          {unsaved > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 8 }}
              title={`Còn ${unsaved} mục chưa lưu: các nội dung này sẽ không được gửi.`}
            />
          )}
        </>
      ),
      okText: 'Gửi',
      cancelText: 'Chưa gửi',
      onOk: () =>
        submit.mutateAsync(view.version).then(
          () => {
            onProblems([]);
            void message.success('Đã gửi giải trình.');
          },
          (e: Error) => {
            if (isApiError(e, 'VALIDATION_FAILED') && e.fields.length > 0) onProblems(e.fields);
            else void message.error({ content: e.message, duration: 8 });
          },
        ),
    });
  return (
    <Tooltip title={uploading ? 'Đang tải tệp kiểm chứng lên, chờ xong rồi gửi.' : undefined}>
      <Button
        type="primary"
        icon={<SendOutlined />}
        loading={submit.isPending}
        disabled={uploading}
        onClick={onClick}
        data-testid="explanation-submit"
      >
        Gửi giải trình
      </Button>
    </Tooltip>
  );
}
