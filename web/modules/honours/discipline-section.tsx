import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Table,
  Tag,
  Tooltip,
} from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { isApiError } from '../../api/client';
import { disciplineKindLabels, type DisciplineKind } from '../../../shared/honours';
import { ErrorAlert } from '../../ui/error-alert';
import { applyFormErrors } from '../../ui/form-errors';
import { formatDate } from '../../ui/format';
import { useModalForm } from '../../ui/hooks';
import { ReasonModal } from '../../ui/reason-modal';
import {
  useAddDiscipline,
  useDiscipline,
  useRemoveDiscipline,
  useUpdateDiscipline,
  type DisciplineRow,
} from './honours.api';

/**
 * "Kỷ luật": a person's discipline, investigation, inspection and complaint records, each saying
 * whether it blocks an award today; those allowed add, close (end date), change and remove them.
 * Render it only for users who hold discipline.view (the server decides per person).
 */
export function DisciplineSection({ personId }: { personId: string | number }) {
  const list = useDiscipline(personId, true);
  const [editing, setEditing] = useState<DisciplineRow | 'new' | null>(null);
  const [removing, setRemoving] = useState<DisciplineRow | null>(null);
  const remove = useRemoveDiscipline();
  const { message } = App.useApp();

  if (list.error) return <ErrorAlert error={list.error} />;
  const d = list.data;
  const blocking = d?.items.filter((r) => r.blocksToday !== null) ?? [];
  return (
    <>
      {blocking.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="Chưa được khen thưởng tại thời điểm này"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {blocking.map((r) => (
                <li key={r.id}>{r.blocksToday}</li>
              ))}
            </ul>
          }
        />
      )}
      {d?.canManage && (
        <Flex style={{ marginBottom: 12 }}>
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            Thêm kỷ luật, điều tra, khiếu nại
          </Button>
        </Flex>
      )}
      <Table<DisciplineRow>
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={d?.items ?? []}
        pagination={false}
        scroll={{ x: 960 }}
        locale={{ emptyText: 'Không có kỷ luật, điều tra, khiếu nại nào' }}
        columns={[
          {
            title: 'Loại',
            dataIndex: 'kind',
            width: 190,
            render: (k: DisciplineKind, r) => (
              <>
                {disciplineKindLabels[k]}
                {r.level && ` — ${r.level}`}
              </>
            ),
          },
          {
            title: 'Từ ngày',
            dataIndex: 'fromDate',
            width: 105,
            render: (v: string) => formatDate(v),
          },
          {
            title: 'Đến ngày',
            dataIndex: 'toDate',
            width: 120,
            render: (v: string | null) =>
              v ? formatDate(v) : <Tag color="orange">Chưa kết thúc</Tag>,
          },
          { title: 'Lý do', dataIndex: 'reason', width: 240 },
          {
            title: 'Văn bản',
            dataIndex: 'decisionRef',
            width: 140,
            render: (v: string | null) => v ?? '—',
          },
          {
            title: 'Chặn khen thưởng',
            dataIndex: 'blocksToday',
            width: 130,
            render: (v: string | null) =>
              v ? (
                <Tooltip title={v}>
                  <Tag color="red">Đang chặn</Tag>
                </Tooltip>
              ) : (
                <Tag>Không</Tag>
              ),
          },
          ...(d?.canManage
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: 84,
                  render: (_: unknown, r: DisciplineRow) => (
                    <Flex gap={2}>
                      <Button
                        size="small"
                        type="text"
                        icon={<EditOutlined />}
                        aria-label="Sửa"
                        onClick={() => setEditing(r)}
                      />
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label="Xóa"
                        onClick={() => setRemoving(r)}
                      />
                    </Flex>
                  ),
                },
              ]
            : []),
        ]}
      />
      <DisciplineModal personId={personId} record={editing} onClose={() => setEditing(null)} />
      <ReasonModal
        open={removing !== null}
        title="Xóa hồ sơ ghi nhầm"
        intro="Chỉ xóa hồ sơ ghi nhầm. Kỷ luật đã hết thời hạn thì sửa ngày kết thúc thay vì xóa."
        okText="Xóa"
        danger
        loading={remove.isPending}
        error={
          remove.error
            ? isApiError(remove.error)
              ? remove.error.message
              : 'Không xóa được.'
            : null
        }
        onClose={() => setRemoving(null)}
        onSubmit={(reason) =>
          removing &&
          remove.mutate(
            { id: removing.id, reason },
            {
              onSuccess: () => {
                setRemoving(null);
                void message.success('Đã xóa hồ sơ.');
              },
            },
          )
        }
      />
    </>
  );
}

type Values = {
  kind: DisciplineKind;
  level?: string;
  fromDate: Dayjs;
  toDate?: Dayjs | null;
  reason: string;
  decisionRef?: string;
};
const fields = ['kind', 'level', 'fromDate', 'toDate', 'reason', 'decisionRef'];

function DisciplineModal({
  personId,
  record,
  onClose,
}: {
  personId: string | number;
  record: DisciplineRow | 'new' | null;
  onClose: () => void;
}) {
  const open = record !== null;
  const { form, error, setError } = useModalForm<Values>(open);
  const add = useAddDiscipline(personId);
  const update = useUpdateDiscipline();
  const kind = Form.useWatch('kind', form);
  const existing = record !== null && record !== 'new' ? record : null;

  const onFinish = (v: Values) => {
    setError(null);
    const body = {
      kind: v.kind,
      level: v.kind === 'discipline' ? (v.level ?? null) : null,
      fromDate: v.fromDate.format('YYYY-MM-DD'),
      toDate: v.toDate ? v.toDate.format('YYYY-MM-DD') : null,
      reason: v.reason,
      decisionRef: v.decisionRef ?? null,
    };
    const handlers = {
      onSuccess: onClose,
      onError: (e: unknown) => setError(applyFormErrors(form, e, fields)),
    };
    if (existing) update.mutate({ ...body, id: existing.id, version: existing.version }, handlers);
    else add.mutate(body, handlers);
  };

  return (
    <Modal
      open={open}
      title={
        existing ? 'Sửa hồ sơ kỷ luật, điều tra, khiếu nại' : 'Thêm kỷ luật, điều tra, khiếu nại'
      }
      okText="Lưu"
      cancelText="Đóng"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={add.isPending || update.isPending}
      forceRender
      afterOpenChange={(o) => {
        if (o && existing)
          form.setFieldsValue({
            kind: existing.kind,
            level: existing.level ?? undefined,
            fromDate: dayjs(existing.fromDate),
            toDate: existing.toDate ? dayjs(existing.toDate) : null,
            reason: existing.reason,
            decisionRef: existing.decisionRef ?? undefined,
          });
      }}
    >
      {error && (
        <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        name="discipline"
        initialValues={{ kind: 'discipline' }}
      >
        <Form.Item label="Loại" name="kind" rules={[{ required: true }]}>
          <Select
            options={(Object.keys(disciplineKindLabels) as DisciplineKind[]).map((k) => ({
              value: k,
              label: disciplineKindLabels[k],
            }))}
          />
        </Form.Item>
        {kind === 'discipline' && (
          <Form.Item label="Hình thức kỷ luật" name="level">
            <Input placeholder="Ví dụ: Khiển trách, Cảnh cáo" />
          </Form.Item>
        )}
        <Flex gap={12} wrap>
          <Form.Item
            label="Từ ngày"
            name="fromDate"
            rules={[{ required: true, message: 'Vui lòng chọn ngày' }]}
            style={{ flex: '1 1 160px' }}
          >
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            label="Đến ngày"
            name="toDate"
            extra="Để trống khi chưa kết thúc"
            style={{ flex: '1 1 160px' }}
          >
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item
          label="Lý do"
          name="reason"
          rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập lý do' }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Form.Item label="Số quyết định, văn bản" name="decisionRef">
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
