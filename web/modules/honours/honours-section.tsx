import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import type { UploadFile } from 'antd';
import { DeleteOutlined, DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { isApiError } from '../../api/client';
import { honourSourceLabels } from '../../../shared/honours';
import { ErrorAlert } from '../../ui/error-alert';
import { applyFormErrors } from '../../ui/form-errors';
import { formatDate, formatNumber } from '../../ui/format';
import { useModalForm } from '../../ui/hooks';
import { ReasonModal } from '../../ui/reason-modal';
import { RowErrorsTable } from '../../ui/row-errors-table';
import { useAwardCatalogue } from '../awards/awards.api';
import {
  honourTemplateUrl,
  useAddHonour,
  useHonours,
  useImportHonours,
  useRemoveHonour,
  type HonourRow,
  type HonourSubject,
} from './honours.api';

/**
 * "Khen thưởng đã nhận": the award history of a person or a unit by year, form and decision, the
 * suggestions it gives, and — for those allowed — adding, removing and (on a unit) importing
 * past awards from Excel.
 */
export function HonoursSection({ subject }: { subject: HonourSubject }) {
  const history = useHonours(subject);
  const [dialog, setDialog] = useState<'add' | 'import' | null>(null);
  const [removing, setRemoving] = useState<HonourRow | null>(null);
  const remove = useRemoveHonour();
  const { message } = App.useApp();

  if (history.error) return <ErrorAlert error={history.error} />;
  const h = history.data;
  return (
    <>
      {h && h.suggestions.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`Gợi ý từ lịch sử khen thưởng (xét năm ${h.year ?? ''})`}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {h.suggestions.map((s) => (
                <li key={s.formCode}>{s.message}</li>
              ))}
            </ul>
          }
        />
      )}
      {h?.canManage && (
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Button icon={<PlusOutlined />} onClick={() => setDialog('add')}>
            Thêm khen thưởng
          </Button>
          {subject.kind === 'unit' && (
            <Button icon={<UploadOutlined />} onClick={() => setDialog('import')}>
              Nhập khen thưởng từ Excel
            </Button>
          )}
        </Flex>
      )}
      <Table<HonourRow>
        size="small"
        rowKey="id"
        loading={history.isLoading}
        dataSource={h?.items ?? []}
        pagination={(h?.items.length ?? 0) > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 1040 }}
        locale={{ emptyText: 'Chưa có khen thưởng nào được ghi nhận' }}
        columns={[
          { title: 'Năm', dataIndex: 'year', width: 70 },
          {
            title: 'Hình thức',
            dataIndex: 'formName',
            width: 200,
            render: (name: string, r) => (
              <>
                {name}
                {r.formCode === null && (
                  <Tag style={{ marginInlineStart: 6 }} title="Không có trong danh mục khen thưởng">
                    ngoài danh mục
                  </Tag>
                )}
              </>
            ),
          },
          {
            title: 'Quyết định',
            key: 'decision',
            width: 170,
            render: (_: unknown, r) =>
              r.decisionNumber || r.decisionDate ? (
                <>
                  {r.decisionNumber ?? '—'}
                  {r.decisionDate && (
                    <Typography.Text type="secondary">
                      {' '}
                      ngày {formatDate(r.decisionDate)}
                    </Typography.Text>
                  )}
                </>
              ) : (
                '—'
              ),
          },
          {
            title: 'Cơ quan ban hành',
            dataIndex: 'issuer',
            width: 170,
            render: (v: string | null) => v ?? '—',
          },
          {
            title: 'Thành tích',
            dataIndex: 'achievement',
            render: (v: string | null, r) => [v, r.period].filter(Boolean).join(' — ') || '—',
          },
          {
            title: 'Số tiền',
            dataIndex: 'amount',
            width: 110,
            align: 'right',
            render: (v: number | null) => (v === null ? '—' : `${formatNumber(v)} đ`),
          },
          {
            title: 'Nguồn',
            dataIndex: 'source',
            width: 120,
            render: (v: HonourRow['source']) => honourSourceLabels[v],
          },
          ...(h?.canManage
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: 56,
                  render: (_: unknown, r: HonourRow) =>
                    r.source !== 'decision' && (
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`Xóa khen thưởng ${r.formName} năm ${r.year}`}
                        onClick={() => setRemoving(r)}
                      />
                    ),
                },
              ]
            : []),
        ]}
      />
      <HonourModal open={dialog === 'add'} subject={subject} onClose={() => setDialog(null)} />
      {subject.kind === 'unit' && (
        <ImportHonoursModal
          open={dialog === 'import'}
          unitId={String(subject.id)}
          onClose={() => setDialog(null)}
        />
      )}
      <ReasonModal
        open={removing !== null}
        title="Xóa khen thưởng đã nhận"
        intro={
          removing
            ? `Xóa “${removing.formName}” năm ${removing.year} khỏi lịch sử khen thưởng. Bản ghi vẫn được lưu trong nhật ký thay đổi.`
            : ''
        }
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
                void message.success('Đã xóa khen thưởng.');
              },
            },
          )
        }
      />
    </>
  );
}

type HonourValues = {
  formName: string;
  year: number;
  period?: string;
  decisionNumber?: string;
  decisionDate?: Dayjs | null;
  issuer?: string;
  achievement?: string;
  amount?: number | null;
};
const honourFields = [
  'formName',
  'year',
  'period',
  'decisionNumber',
  'decisionDate',
  'issuer',
  'achievement',
  'amount',
];

function HonourModal({
  open,
  subject,
  onClose,
}: {
  open: boolean;
  subject: HonourSubject;
  onClose: () => void;
}) {
  const { form, error, setError } = useModalForm<HonourValues>(open);
  const add = useAddHonour();
  const catalogue = useAwardCatalogue(undefined);
  const wanted = subject.kind === 'person' ? 'individual' : 'collective';
  const names = useMemo(() => {
    const set = new Set<string>();
    for (const f of catalogue.data?.forms ?? [])
      for (const v of f.versions) if (v.subject === wanted) set.add(v.name);
    return [...set].sort((a, b) => a.localeCompare(b, 'vi'));
  }, [catalogue.data, wanted]);

  const onFinish = (v: HonourValues) => {
    setError(null);
    add.mutate(
      {
        personId: subject.kind === 'person' ? Number(subject.id) : null,
        unitId: subject.kind === 'unit' ? Number(subject.id) : null,
        formName: v.formName,
        year: v.year,
        period: v.period,
        decisionNumber: v.decisionNumber,
        decisionDate: v.decisionDate ? v.decisionDate.format('YYYY-MM-DD') : null,
        issuer: v.issuer,
        achievement: v.achievement,
        amount: v.amount ?? null,
      },
      {
        onSuccess: onClose,
        onError: (e) => setError(applyFormErrors(form, e, honourFields)),
      },
    );
  };

  return (
    <Modal
      open={open}
      title="Thêm khen thưởng đã nhận"
      okText="Lưu"
      cancelText="Đóng"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={add.isPending}
      forceRender
    >
      {error && (
        <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />
      )}
      <Form<HonourValues> form={form} layout="vertical" onFinish={onFinish} name="honour">
        <Form.Item
          label="Hình thức, danh hiệu"
          name="formName"
          extra="Chọn trong danh mục, hoặc ghi tên hình thức cũ không có trong danh mục."
          rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập hình thức' }]}
        >
          <AutoComplete
            options={names.map((n) => ({ value: n }))}
            filterOption={(input, option) =>
              (option?.value ?? '').toLowerCase().includes(input.toLowerCase())
            }
          />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item
            label="Năm"
            name="year"
            rules={[{ required: true, message: 'Vui lòng nhập năm' }]}
            style={{ flex: '1 1 120px' }}
          >
            <InputNumber min={1945} max={2100} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label="Giai đoạn" name="period" style={{ flex: '1 1 160px' }}>
            <Input placeholder="Ví dụ 2020–2025" />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item label="Số quyết định" name="decisionNumber" style={{ flex: '1 1 160px' }}>
            <Input />
          </Form.Item>
          <Form.Item label="Ngày quyết định" name="decisionDate" style={{ flex: '1 1 160px' }}>
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item label="Cơ quan ban hành" name="issuer">
          <Input />
        </Form.Item>
        <Form.Item label="Thành tích" name="achievement">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Form.Item label="Số tiền (đồng)" name="amount">
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Import of past awards into a unit's subtree: template, upload, counts or row errors. */
function ImportHonoursModal({
  open,
  unitId,
  onClose,
}: {
  open: boolean;
  unitId: string;
  onClose: () => void;
}) {
  const [files, setFiles] = useState<UploadFile[]>([]);
  const run = useImportHonours();
  const file = files[0]?.originFileObj;
  const rows = isApiError(run.error) ? run.error.rows : [];
  return (
    <Modal
      open={open}
      title="Nhập khen thưởng đã nhận từ Excel"
      okText="Nhập"
      cancelText="Đóng"
      width={760}
      onCancel={() => {
        run.reset();
        setFiles([]);
        onClose();
      }}
      okButtonProps={{ disabled: !file }}
      confirmLoading={run.isPending}
      onOk={() => file && run.mutate({ unitId, file })}
    >
      <Typography.Paragraph>
        Mỗi dòng là một khen thưởng của một cán bộ (theo Mã cán bộ, hoặc Họ và tên cùng Đơn vị) hoặc
        một tập thể trong đơn vị này. Nếu có dòng lỗi, không dòng nào được ghi.
      </Typography.Paragraph>
      <Typography.Paragraph>
        <a href={honourTemplateUrl} download>
          <DownloadOutlined aria-hidden /> Tải file mẫu
        </a>
      </Typography.Paragraph>
      <Upload
        accept=".xlsx"
        maxCount={1}
        fileList={files}
        beforeUpload={() => false}
        onChange={({ fileList }) => {
          run.reset();
          setFiles(fileList.slice(-1));
        }}
      >
        <Button icon={<UploadOutlined />}>Chọn tệp .xlsx</Button>
      </Upload>
      {run.data && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 12 }}
          title={`Đã nhập ${formatNumber(run.data.created)} khen thưởng từ ${formatNumber(run.data.rows)} dòng${run.data.formsAsText > 0 ? ` (${formatNumber(run.data.formsAsText)} hình thức ngoài danh mục được ghi nguyên văn)` : ''}.`}
        />
      )}
      {run.error && (
        <div style={{ marginTop: 12 }}>
          <Alert
            type="error"
            showIcon
            role="alert"
            title={isApiError(run.error) ? run.error.message : 'Không nhập được tệp.'}
            style={{ marginBottom: 8 }}
          />
          {rows.length > 0 && <RowErrorsTable rows={rows} />}
        </div>
      )}
    </Modal>
  );
}
