import { useEffect, useMemo, useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import {
  certificateFieldLabels,
  certificateFields,
  certificateModeLabels,
  certificateModes,
  preprintedFields,
  type CertificateField,
  type CertificateMode,
  type FieldOffset,
  type FieldOffsets,
} from '../../../shared/certificates';
import { ErrorAlert } from '../../ui/error-alert';
import { useDebouncedValue } from '../../ui/hooks';
import { PageHeader } from '../../ui/page-header';
import {
  useCertificatePreview,
  useCertificateTemplates,
  useCreateTemplate,
  useDeleteTemplate,
  useUpdateTemplate,
  type CertificateTemplate,
} from './certificates.api';

type Draft = {
  id: number | null;
  unitId: number | null;
  name: string;
  formCode: string;
  mode: CertificateMode;
  offsets: FieldOffsets;
  version: number;
};

const emptyDraft = (unitId: number | null): Draft => ({
  id: null,
  unitId,
  name: '',
  formCode: '',
  mode: 'blank',
  offsets: {},
  version: 1,
});

const fromTemplate = (t: CertificateTemplate): Draft => ({
  id: t.id,
  unitId: t.unit.id,
  name: t.name,
  formCode: t.formCode ?? '',
  mode: t.mode,
  offsets: t.offsets,
  version: t.version,
});

/** Offsets without the fields left at their standard place and size. */
function compact(offsets: FieldOffsets): FieldOffsets {
  const out: FieldOffsets = {};
  for (const f of certificateFields) {
    const o = offsets[f];
    if (o !== undefined && (o.x !== 0 || o.y !== 0 || o.fontSize !== null)) out[f] = o;
  }
  return out;
}

/** The PDF of a sample certificate printed with the layout being edited. */
function Preview({ mode, offsets }: { mode: CertificateMode; offsets: FieldOffsets }) {
  const layout = useDebouncedValue({ mode, offsets: compact(offsets) }, 500);
  const preview = useCertificatePreview(layout);
  const url = useMemo(
    () => (preview.data ? URL.createObjectURL(preview.data) : null),
    [preview.data],
  );
  useEffect(() => () => (url === null ? undefined : URL.revokeObjectURL(url)), [url]);
  return (
    <Card
      size="small"
      title="Xem trước (mẫu in thử)"
      extra={
        url && (
          <a href={url} target="_blank" rel="noreferrer">
            Mở PDF
          </a>
        )
      }
    >
      <ErrorAlert error={preview.error} />
      {url ? (
        <iframe
          title="Xem trước giấy khen"
          // Fit the page into the frame; the toolbar's print and download are under "Mở PDF".
          src={`${url}#toolbar=0&view=Fit`}
          className="certificate-preview"
          style={{ width: '100%', aspectRatio: '297 / 210', border: '1px solid #d9d9d9' }}
        />
      ) : (
        <Typography.Text type="secondary">Đang tạo bản xem trước…</Typography.Text>
      )}
    </Card>
  );
}

export default function CertificateTemplatesPage() {
  const { message } = App.useApp();
  const templates = useCertificateTemplates();
  const create = useCreateTemplate();
  const update = useUpdateTemplate();
  const remove = useDeleteTemplate();
  const units = templates.data?.manageableUnits ?? [];
  const [draft, setDraft] = useState<Draft>(emptyDraft(null));
  const unitId = draft.unitId ?? units[0]?.id ?? null;

  const setOffset = (field: CertificateField, patch: Partial<FieldOffset>) =>
    setDraft((d) => ({
      ...d,
      offsets: {
        ...d.offsets,
        [field]: { x: 0, y: 0, fontSize: null, ...d.offsets[field], ...patch },
      },
    }));

  const save = async () => {
    const body = {
      name: draft.name,
      formCode: draft.formCode.trim() === '' ? null : draft.formCode.trim(),
      mode: draft.mode,
      offsets: compact(draft.offsets),
    };
    const saved =
      draft.id === null
        ? await create.mutateAsync({ ...body, unitId: unitId ?? 0 })
        : await update.mutateAsync({ id: draft.id, body: { ...body, version: draft.version } });
    setDraft(fromTemplate(saved));
    void message.success('Đã lưu mẫu in giấy khen.');
  };

  const columns: TableColumnsType<CertificateField> = [
    {
      title: 'Dòng',
      key: 'field',
      render: (_, f) => (
        <span>
          {certificateFieldLabels[f]}{' '}
          {draft.mode === 'blank' && preprintedFields.includes(f) && <Tag>in sẵn trên phôi</Tag>}
        </span>
      ),
    },
    ...(['x', 'y'] as const).map((axis) => ({
      title: axis === 'x' ? 'Lệch ngang (mm)' : 'Lệch dọc (mm)',
      key: axis,
      width: 130,
      render: (_: unknown, f: CertificateField) => (
        <InputNumber
          aria-label={`${certificateFieldLabels[f]}: ${axis === 'x' ? 'lệch ngang' : 'lệch dọc'}`}
          size="small"
          step={1}
          min={axis === 'x' ? -150 : -100}
          max={axis === 'x' ? 150 : 100}
          value={draft.offsets[f]?.[axis] ?? 0}
          onChange={(v) => setOffset(f, { [axis]: v ?? 0 })}
          style={{ width: '100%' }}
        />
      ),
    })),
    {
      title: 'Cỡ chữ',
      key: 'fontSize',
      width: 110,
      render: (_, f) => (
        <InputNumber
          aria-label={`${certificateFieldLabels[f]}: cỡ chữ`}
          size="small"
          min={6}
          max={60}
          placeholder="chuẩn"
          value={draft.offsets[f]?.fontSize ?? null}
          onChange={(v) => setOffset(f, { fontSize: v ?? null })}
          style={{ width: '100%' }}
        />
      ),
    },
  ];

  const saving = create.isPending || update.isPending;
  return (
    <>
      <PageHeader
        title="Mẫu giấy khen"
        subtitle="In giấy khen trên giấy trắng hoặc trên phôi in sẵn: căn chỉnh từng dòng theo milimét, xem trước ngay."
        extra={
          <Button icon={<PlusOutlined />} onClick={() => setDraft(emptyDraft(unitId))}>
            Mẫu mới
          </Button>
        }
      />
      <ErrorAlert error={templates.error ?? create.error ?? update.error ?? remove.error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small">
            <Space direction="vertical" style={{ width: '100%' }} size="middle">
              <Select
                aria-label="Chọn mẫu"
                style={{ width: '100%' }}
                placeholder="Chọn mẫu đã lưu"
                value={draft.id ?? undefined}
                notFoundContent={<Empty description="Chưa có mẫu nào" />}
                options={(templates.data?.items ?? []).map((t) => ({
                  value: t.id,
                  label: `${t.name} — ${t.unit.name}`,
                }))}
                onChange={(id: number) => {
                  const t = templates.data?.items.find((i) => i.id === id);
                  if (t) setDraft(fromTemplate(t));
                }}
              />
              {draft.id === null && units.length > 1 && (
                <Select
                  aria-label="Đơn vị"
                  style={{ width: '100%' }}
                  value={unitId ?? undefined}
                  options={units.map((u) => ({ value: u.id, label: u.name }))}
                  onChange={(id: number) => setDraft((d) => ({ ...d, unitId: id }))}
                />
              )}
              <Flex gap={8} wrap>
                <Input
                  aria-label="Tên mẫu"
                  placeholder="Tên mẫu, ví dụ: Phôi Giấy khen 2026"
                  value={draft.name}
                  onChange={(ev) => setDraft((d) => ({ ...d, name: ev.target.value }))}
                  style={{ flex: '2 1 220px' }}
                />
                <Input
                  aria-label="Mã hình thức"
                  placeholder="Mã hình thức (trống: mọi hình thức)"
                  value={draft.formCode}
                  onChange={(ev) =>
                    setDraft((d) => ({ ...d, formCode: ev.target.value.toUpperCase() }))
                  }
                  style={{ flex: '1 1 180px' }}
                />
              </Flex>
              <Radio.Group
                aria-label="Cách in"
                value={draft.mode}
                onChange={(ev) =>
                  setDraft((d) => ({ ...d, mode: ev.target.value as CertificateMode }))
                }
                options={certificateModes.map((m) => ({
                  value: m,
                  label: certificateModeLabels[m],
                }))}
              />
              <Table
                size="small"
                rowKey={(f) => f}
                columns={columns}
                dataSource={[...certificateFields]}
                pagination={false}
                scroll={{ x: 480 }}
              />
              <Flex gap={8} justify="flex-end" wrap>
                {draft.id !== null && (
                  <Popconfirm
                    title="Xóa mẫu in này?"
                    okText="Xóa"
                    cancelText="Không"
                    onConfirm={async () => {
                      await remove.mutateAsync(draft.id ?? 0);
                      setDraft(emptyDraft(unitId));
                    }}
                  >
                    <Button danger icon={<DeleteOutlined />}>
                      Xóa
                    </Button>
                  </Popconfirm>
                )}
                <Button
                  type="primary"
                  icon={<SaveOutlined />}
                  loading={saving}
                  disabled={unitId === null && draft.id === null}
                  onClick={() => void save().catch(() => undefined)}
                >
                  Lưu mẫu
                </Button>
              </Flex>
            </Space>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Preview mode={draft.mode} offsets={draft.offsets} />
        </Col>
      </Row>
    </>
  );
}
