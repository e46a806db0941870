import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Flex,
  Input,
  Modal,
  Radio,
  Spin,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import {
  CheckSquareOutlined,
  LockOutlined,
  PaperClipOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Link } from 'react-router';
import type { Id } from '../../api/types';
import { formatDateTime } from '../../ui/format';
import { EVIDENCE_ACCEPT } from './sheet-evidence';
import {
  checklistEvidenceUrl,
  useAttachItemEvidence,
  useChecklist,
  useConfirmItem,
  type Checklist,
  type ChecklistItem,
} from './individual.api';

/**
 * "Tiêu chí cá nhân" on an approved individual registration: the plan's individual criteria as a
 * checklist (Đạt / Chưa đạt, note, evidence, who confirmed and when) and the eligibility verdict,
 * which also depends on the unit's classification. The server decides who may confirm.
 */
export function IndividualChecklistButton({
  registration,
}: {
  registration: { id: Id; kind: string; status: string };
}) {
  const [open, setOpen] = useState(false);
  if (registration.kind !== 'individual' || registration.status !== 'approved') return null;
  return (
    <>
      <Button size="small" icon={<CheckSquareOutlined />} onClick={() => setOpen(true)}>
        Tiêu chí cá nhân
      </Button>
      {open && (
        <IndividualChecklistModal registrationId={registration.id} onClose={() => setOpen(false)} />
      )}
    </>
  );
}

function Verdict({ c }: { c: Checklist }) {
  const band = c.unitBand
    ? `Xếp loại đơn vị: ${c.unitBand.bandLabel} (${c.unitBand.unitName})${
        c.resultsStatus === 'published' ? '' : ' — kết quả chưa công bố'
      }`
    : 'Đơn vị chưa có kết quả xếp loại.';
  return c.eligible ? (
    <Alert type="success" showIcon title="Đủ điều kiện" description={band} />
  ) : (
    <Alert
      type="warning"
      showIcon
      title="Chưa đủ điều kiện"
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {c.reasons.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      }
    />
  );
}

/** Why nothing can be changed, and who can change that (the server's words). */
function LockNote({ c }: { c: Checklist }) {
  const lock = c.lock;
  if (lock === null) return null;
  return (
    <Alert
      type="info"
      showIcon
      icon={<LockOutlined />}
      data-testid="checklist-locked"
      title={lock.message}
      description={
        lock.reopenBy && (
          <>
            Người có thể mở lại: {lock.reopenBy}
            {lock.canReopen && (
              <>
                {' '}
                <Link to={`/plans/${c.planId}?tab=results`}>Mở thẻ Kết quả của kế hoạch</Link>
              </>
            )}
          </>
        )
      }
    />
  );
}

function ItemEditor({
  registrationId,
  item,
  editable,
}: {
  registrationId: Id;
  item: ChecklistItem;
  editable: boolean;
}) {
  const { message } = App.useApp();
  const confirm = useConfirmItem(registrationId);
  const attach = useAttachItemEvidence(registrationId);
  const [note, setNote] = useState(item.note ?? '');
  const save = (met: boolean | null) =>
    confirm.mutate(
      { index: item.index, met, note: note.trim() === '' ? null : note, version: item.version },
      {
        onSuccess: () => void message.success('Đã lưu xác nhận.'),
        onError: (e) => void message.error({ content: e.message, duration: 8 }),
      },
    );
  return (
    <Flex vertical gap={4}>
      {editable ? (
        <>
          <Radio.Group
            size="small"
            optionType="button"
            buttonStyle="solid"
            value={item.met}
            disabled={confirm.isPending}
            onChange={(e) => save(e.target.value as boolean)}
            options={[
              { value: true, label: 'Đạt' },
              { value: false, label: 'Chưa đạt' },
            ]}
          />
          <Input.TextArea
            rows={1}
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={2000}
            placeholder="Ghi chú, căn cứ"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            onBlur={() => {
              if ((item.note ?? '') !== note && item.met !== null) save(item.met);
            }}
            aria-label={`Ghi chú tiêu chí ${item.index + 1}`}
          />
        </>
      ) : (
        <>
          {item.met === null ? (
            <Tag>Chưa xác nhận</Tag>
          ) : item.met ? (
            <Tag color="green">Đạt</Tag>
          ) : (
            <Tag color="red">Chưa đạt</Tag>
          )}
          {item.note && <Typography.Text type="secondary">{item.note}</Typography.Text>}
        </>
      )}
      <Flex gap={6} align="center" wrap>
        {item.evidence && (
          <Typography.Link
            href={checklistEvidenceUrl(registrationId, item.index)}
            target="_blank"
            ellipsis
            style={{ maxWidth: 220 }}
          >
            <PaperClipOutlined /> {item.evidence.fileName}
          </Typography.Link>
        )}
        {editable && (
          <Upload
            accept={EVIDENCE_ACCEPT}
            showUploadList={false}
            beforeUpload={(file) => {
              attach.mutate(
                { index: item.index, file, version: item.version },
                {
                  onSuccess: () => void message.success(`Đã tải lên "${file.name}".`),
                  onError: (e) => void message.error({ content: e.message, duration: 8 }),
                },
              );
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined />} loading={attach.isPending}>
              {item.evidence ? 'Thay minh chứng' : 'Tải minh chứng'}
            </Button>
          </Upload>
        )}
      </Flex>
    </Flex>
  );
}

export function IndividualChecklistModal({
  registrationId,
  onClose,
}: {
  registrationId: Id;
  onClose: () => void;
}) {
  const q = useChecklist(registrationId);
  const c = q.data;
  return (
    <Modal
      open
      width={960}
      title={c ? `Tiêu chí cá nhân — ${c.person.fullName} (${c.unit.name})` : 'Tiêu chí cá nhân'}
      onCancel={onClose}
      footer={<Button onClick={onClose}>Đóng</Button>}
    >
      {q.isPending && <Spin />}
      {q.error && <Alert type="error" showIcon title={q.error.message} />}
      {c && (
        <Flex vertical gap={12}>
          <LockNote c={c} />
          <Verdict c={c} />
          <Table<ChecklistItem>
            size="small"
            rowKey="index"
            pagination={false}
            dataSource={c.items}
            columns={[
              { title: 'TT', width: 48, render: (_, it) => it.index + 1 },
              { title: 'Tiêu chí', dataIndex: 'text' },
              {
                title: 'Kết quả, minh chứng',
                width: 320,
                render: (_, it) => (
                  <ItemEditor
                    key={`${it.index}-${it.version}`}
                    registrationId={registrationId}
                    item={it}
                    editable={c.permissions.canConfirm}
                  />
                ),
              },
              {
                title: 'Người xác nhận',
                width: 180,
                render: (_, it) =>
                  it.confirmedBy ? (
                    <Flex vertical>
                      <span>{it.confirmedBy.name}</span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {it.confirmedAt ? formatDateTime(it.confirmedAt) : ''}
                      </Typography.Text>
                    </Flex>
                  ) : (
                    <Typography.Text type="secondary">—</Typography.Text>
                  ),
              },
            ]}
          />
        </Flex>
      )}
    </Modal>
  );
}
