import { App, Button, Descriptions, Flex, Popconfirm, Tooltip, Typography } from 'antd';
import {
  CheckOutlined,
  EditOutlined,
  FileWordOutlined,
  RollbackOutlined,
  SendOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { formatDateTime } from '../../ui/format';
import { OpenSheetButton } from '../evaluation/sheet-open-button';
import { IndividualChecklistButton } from '../evaluation/individual-checklist';
import { registrationFormUrl, useDecideRegistration } from './registrations.api';
import type { Decision, Registration, RegistrationPermissions } from './registrations.api';

export type RowIntent = { kind: 'return' | 'edit' | 'resubmit'; registration: Registration };

/** The actions on one registration the user may take, each confirmed or opening its modal. */
export function RowActions({
  registration: r,
  permissions: p,
  onIntent,
}: {
  registration: Registration;
  permissions: RegistrationPermissions;
  onIntent: (intent: RowIntent) => void;
}) {
  const decide = useDecideRegistration();
  const { message } = App.useApp();
  const run = (action: Decision, done: string) =>
    decide.mutateAsync({ id: r.id, action, version: r.version }).then(
      () => void message.success(done),
      (e: Error) => void message.error(e.message),
    );
  const busy = decide.isPending;
  return (
    <Flex gap={4} wrap>
      {p.canApprove && (
        <Popconfirm
          title="Duyệt đăng ký này?"
          okText="Duyệt"
          cancelText="Không"
          onConfirm={() => run('approve', 'Đã duyệt đăng ký.')}
        >
          <Button size="small" type="primary" icon={<CheckOutlined />} loading={busy}>
            Duyệt
          </Button>
        </Popconfirm>
      )}
      {p.canReturn && (
        <Button
          size="small"
          danger
          icon={<RollbackOutlined />}
          onClick={() => onIntent({ kind: 'return', registration: r })}
        >
          Trả lại
        </Button>
      )}
      {p.canResubmit && (
        <Button
          size="small"
          type="primary"
          icon={<SendOutlined />}
          onClick={() => onIntent({ kind: 'resubmit', registration: r })}
        >
          Sửa &amp; nộp lại
        </Button>
      )}
      {p.canEdit && (
        <Button
          size="small"
          icon={<EditOutlined />}
          onClick={() => onIntent({ kind: 'edit', registration: r })}
        >
          Sửa
        </Button>
      )}
      {p.canWithdraw && (
        <Popconfirm
          title="Rút đăng ký này?"
          description="Sau khi rút, đơn vị hoặc cán bộ có thể đăng ký lại."
          okText="Rút đăng ký"
          okButtonProps={{ danger: true }}
          cancelText="Không"
          onConfirm={() => run('withdraw', 'Đã rút đăng ký.')}
        >
          <Button size="small" icon={<StopOutlined />} loading={busy}>
            Rút
          </Button>
        </Popconfirm>
      )}
      <OpenSheetButton registration={r} />
      <IndividualChecklistButton registration={r} />
      <Tooltip title="Bản đăng ký (.docx)">
        <Button
          size="small"
          icon={<FileWordOutlined />}
          href={registrationFormUrl(r.id)}
          aria-label="Tải bản đăng ký (.docx)"
        />
      </Tooltip>
    </Flex>
  );
}

function Items({ items }: { items: string[] }) {
  if (items.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <ol style={{ margin: 0, paddingInlineStart: 20 }}>
      {items.map((t, i) => (
        <li key={i}>{t}</li>
      ))}
    </ol>
  );
}

/** The expanded row: everything the registrant committed to, and who decided what. */
export function RegistrationDetails({ registration: r }: { registration: Registration }) {
  const c = r.commitments;
  return (
    <>
      <Descriptions
        size="small"
        column={1}
        bordered
        styles={{ label: { width: 200 } }}
        items={[
          {
            key: 'title',
            label: 'Danh hiệu, kết quả phấn đấu',
            children: c.targetTitle ?? '—',
          },
          { key: 'targets', label: 'Chỉ tiêu', children: <Items items={c.targets} /> },
          { key: 'key', label: 'Nhiệm vụ trọng tâm', children: <Items items={c.keyTasks} /> },
          {
            key: 'breakthrough',
            label: 'Nhiệm vụ đột phá',
            children: <Items items={c.breakthroughTasks} />,
          },
          {
            key: 'submitted',
            label: 'Đăng ký',
            children: `${formatDateTime(r.submittedAt)}${r.submittedByName ? ` — ${r.submittedByName}` : ''}`,
          },
          ...(r.late
            ? [{ key: 'late', label: 'Lý do nhận muộn', children: r.lateReason ?? '—' }]
            : []),
          ...(r.decidedAt
            ? [
                {
                  key: 'decided',
                  label: r.status === 'returned' ? 'Trả lại' : 'Duyệt',
                  children: `${formatDateTime(r.decidedAt)}${r.decidedByName ? ` — ${r.decidedByName}` : ''}`,
                },
              ]
            : []),
          ...(r.returnReason
            ? [{ key: 'reason', label: 'Lý do trả lại', children: r.returnReason }]
            : []),
        ]}
      />
      <Button
        icon={<FileWordOutlined />}
        href={registrationFormUrl(r.id)}
        style={{ marginTop: 8 }}
        size="small"
      >
        Bản đăng ký (.docx)
      </Button>
    </>
  );
}
