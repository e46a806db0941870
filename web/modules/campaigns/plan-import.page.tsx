import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Spin,
  Steps,
  Switch,
  Tabs,
  Tag,
  Typography,
  Upload,
} from 'antd';
import type { FormInstance, UploadFile } from 'antd';
import {
  FileSearchOutlined,
  FileTextOutlined,
  InboxOutlined,
  LinkOutlined,
} from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../api/client';
import type { FieldError } from '../../api/client';
import { useCurrentUser } from '../../shell/current-user';
import { ErrorAlert } from '../../ui/error-alert';
import { formatDate } from '../../ui/format';
import { useIsMobile } from '../../ui/hooks';
import { PageHeader } from '../../ui/page-header';
import {
  campaignModeLabels,
  campaignModes,
  planDocTypeLabels,
  planDocTypes,
  planFieldLabels,
  planKindLabels,
  planKinds,
  rewardScopeLabels,
  rewardScopes,
} from '../../../shared/campaign';
import {
  personCategories,
  personCategoryLabels,
  unitKindLabels,
  unitKinds,
} from '../../../shared/org';
import { useCreatePlanFromImport, useReadPlan } from './plan-import.api';
import type { PlanReading, ReadSource } from './plan-import.api';
import {
  EvidenceContext,
  Excerpts,
  MissingHint,
  RowListField,
  TextListField,
} from './plan-import-fields';
import type { EvidenceApi } from './plan-import-fields';
import { flattenEvidence, formNameOf, initialValues, toCreateBody } from './plan-import-form';
import type { ImportFormValues, KeyedEvidence } from './plan-import-form';
import { PlanImportSource } from './plan-import-source';
import type { SourceHandle } from './plan-import-source';
import './plan-import.css';

const DATE_FORMAT = 'DD/MM/YYYY';
const ACCEPT =
  '.txt,.docx,.pdf,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Accent- and case-insensitive form for matching names ("Châu Thành" ~ "CHAU THANH"). */
function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Labels users read for a found-field path ("legalBases.0" → "Căn cứ 1"). */
const foundLabels: Record<string, string> = {
  kind: 'Loại kế hoạch',
  documentNumber: 'Số văn bản',
  documentSymbol: 'Ký hiệu văn bản',
  issuedOn: 'Ngày ban hành',
  issuedYear: 'Năm ban hành',
  place: 'Địa danh',
  issuer: 'Cơ quan ban hành',
  title: 'Trích yếu',
  legalBases: 'Căn cứ',
  periodStart: 'Thời gian bắt đầu',
  periodEnd: 'Thời gian kết thúc',
  registrationDeadline: 'Hạn đăng ký thi đua',
  deadlines: 'Mốc thời hạn',
  participants: 'Đối tượng thi đua',
  contents: 'Nội dung thi đua',
  criteria: 'Tiêu chí',
  rewards: 'Hình thức khen thưởng',
  quotas: 'Số lượng khen thưởng',
  dossier: 'Hồ sơ',
  prizes: 'Giải thưởng',
  entryQuotas: 'Chỉ tiêu bài dự thi',
  signer: 'Người ký',
  recipients: 'Nơi nhận',
};

function labelOfFound(field: string): string {
  const [top, ...rest] = field.split('.');
  const base = foundLabels[top ?? ''] ?? field;
  const row = rest.find((p) => /^\d+$/.test(p));
  return row === undefined ? base : `${base} ${Number(row) + 1}`;
}

type Step = 'source' | 'review';

export default function PlanImportPage() {
  const read = useReadPlan();
  const isMobile = useIsMobile();
  const [reading, setReading] = useState<PlanReading | null>(null);

  useEffect(() => {
    document.title = 'Nhập kế hoạch từ văn bản — ThiĐua';
  }, []);

  const step: Step = reading ? 'review' : 'source';
  const onRead = (source: ReadSource) => read.mutate(source, { onSuccess: (r) => setReading(r) });

  return (
    <>
      <PageHeader
        title="Nhập kế hoạch từ văn bản"
        subtitle="Đọc một kế hoạch đã có (tệp .docx, .pdf, .txt hoặc văn bản dán vào), đối chiếu rồi tạo dự thảo"
        breadcrumb={[{ title: 'Kế hoạch thi đua', to: '/plans' }, { title: 'Nhập từ văn bản' }]}
      />
      {isMobile ? (
        <Typography.Paragraph strong style={{ marginBottom: 12 }}>
          Bước {step === 'source' ? '1/3: Tải văn bản lên' : '2/3: Đối chiếu, sửa thông tin'}
        </Typography.Paragraph>
      ) : (
        <Steps
          size="small"
          current={step === 'source' ? 0 : 1}
          style={{ marginBottom: 16 }}
          items={[
            { title: 'Tải văn bản lên' },
            { title: 'Đối chiếu, sửa thông tin' },
            { title: 'Tạo dự thảo' },
          ]}
        />
      )}
      {reading ? (
        <ReviewStep reading={reading} onRestart={() => setReading(null)} />
      ) : (
        <SourceStep onRead={onRead} reading={read.isPending} error={read.error} />
      )}
    </>
  );
}

function SourceStep({
  onRead,
  reading,
  error,
}: {
  onRead: (source: ReadSource) => void;
  reading: boolean;
  error: unknown;
}) {
  const [tab, setTab] = useState<'file' | 'text'>('file');
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [text, setText] = useState('');
  const file = files[0]?.originFileObj;
  const ready = tab === 'file' ? Boolean(file) : text.trim() !== '';

  const submit = () => {
    if (tab === 'file' && file) onRead({ file });
    else if (tab === 'text' && text.trim() !== '') onRead({ text });
  };

  return (
    <Card>
      <Spin spinning={reading} description="Đang đọc văn bản…" size="large">
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k === 'text' ? 'text' : 'file')}
          items={[
            {
              key: 'file',
              label: 'Tải tệp lên',
              children: (
                <Upload.Dragger
                  accept={ACCEPT}
                  beforeUpload={() => false}
                  maxCount={1}
                  fileList={files}
                  onChange={(e) => setFiles(e.fileList.slice(-1))}
                >
                  <p className="ant-upload-drag-icon">
                    <InboxOutlined aria-hidden />
                  </p>
                  <p className="ant-upload-text">Kéo thả tệp vào đây hoặc bấm để chọn tệp</p>
                  <p className="ant-upload-hint">
                    Tệp Word (.docx), PDF có lớp chữ (.pdf) hoặc văn bản (.txt). Bản scan không có
                    lớp chữ: hãy nhận dạng chữ (OCR) rồi dán nội dung vào thẻ “Dán văn bản”.
                  </p>
                </Upload.Dragger>
              ),
            },
            {
              key: 'text',
              label: 'Dán văn bản',
              children: (
                <Input.TextArea
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  autoSize={{ minRows: 10, maxRows: 24 }}
                  placeholder="Dán toàn bộ nội dung kế hoạch (kể cả phần số, ngày, căn cứ, nơi nhận)…"
                  aria-label="Nội dung kế hoạch"
                  style={{ fontFamily: "'Times New Roman', 'Noto Serif', serif", fontSize: 15 }}
                />
              ),
            },
          ]}
        />
        <ErrorAlert error={error} style={{ marginTop: 16 }} />
        <Flex gap={8} wrap style={{ marginTop: 16 }}>
          <Button
            type="primary"
            icon={<FileSearchOutlined />}
            onClick={submit}
            disabled={!ready}
            loading={reading}
          >
            Đọc văn bản
          </Button>
          <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
            Chưa có gì được lưu cho tới khi bạn bấm “Tạo dự thảo” ở bước sau.
          </Typography.Text>
        </Flex>
      </Spin>
    </Card>
  );
}

/** The units where the user may draft a plan (emulation officer grants). */
function useDraftUnits() {
  const me = useCurrentUser();
  return useMemo(() => {
    const seen = new Set<string>();
    const out: { value: string; label: string }[] = [];
    for (const g of me.grants) {
      if (g.role !== 'emulation_officer' || g.unitId === null) continue;
      const id = String(g.unitId);
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ value: id, label: g.unitName ?? `Đơn vị ${id}` });
    }
    return out;
  }, [me.grants]);
}

/** The unit whose name the issuer line contains (longest match), else the first one. */
function defaultUnit(units: { value: string; label: string }[], issuer: string | null) {
  if (issuer) {
    const f = fold(issuer);
    const match = units
      .filter((u) => f.includes(fold(u.label)))
      .sort((a, b) => b.label.length - a.label.length)[0];
    if (match) return match.value;
  }
  return units[0]?.value;
}

function fieldLabel(f: FieldError): string {
  return f.label ?? planFieldLabels[f.field] ?? f.field;
}

function ReviewStep({ reading, onRestart }: { reading: PlanReading; onRestart: () => void }) {
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const units = useDraftUnits();
  const create = useCreatePlanFromImport();
  const [form] = Form.useForm<ImportFormValues>();
  const [submitError, setSubmitError] = useState<unknown>(null);
  const source = useRef<SourceHandle>(null);
  const { found } = reading;

  const evidence = useMemo(() => flattenEvidence(reading.evidence), [reading.evidence]);
  const byKey = useMemo(() => new Map(evidence.map((e) => [e.key, e])), [evidence]);
  const initial = useMemo(
    () => initialValues(reading, defaultUnit(units, found.issuer)),
    [reading, units, found.issuer],
  );

  // On a phone the source panel is far above the field: the passage opens in a bottom drawer.
  const [drawerKey, setDrawerKey] = useState<number | null>(null);
  const drawerSource = useRef<SourceHandle>(null);
  const show = useCallback(
    (key: number) => (isMobile ? setDrawerKey(key) : source.current?.show(key)),
    [isMobile],
  );
  const evidenceApi = useMemo<EvidenceApi>(() => ({ all: evidence, show }), [evidence, show]);

  /** A highlighted passage was clicked: scroll the form to the field it fills. */
  const onMarkClick = useCallback(
    (keys: number[]) => {
      const ordered = keys
        .map((k) => byKey.get(k))
        .filter((e): e is KeyedEvidence => e !== undefined)
        .sort((a, b) => a.end - a.start - (b.end - b.start));
      setDrawerKey(null);
      for (const e of ordered) {
        const target = document.querySelector<HTMLElement>(`[data-ev-key="${e.key}"]`);
        if (!target) continue;
        target.scrollIntoView({ block: 'center', behavior: 'smooth' });
        target.classList.remove('pi-flash');
        window.requestAnimationFrame(() => target.classList.add('pi-flash'));
        window.setTimeout(() => target.classList.remove('pi-flash'), 1800);
        return;
      }
    },
    [byKey],
  );

  const cascadeIndex = found.deadlines.findIndex(
    (d) => reading.draft.cascadeDeadline !== null && d.date === reading.draft.cascadeDeadline,
  );
  const kind = Form.useWatch('kind', form);
  const hasParentLink = reading.draft.content.legalBases.some((b) => b.planId !== null);

  const foundCount = Object.keys(foundLabels).filter((k) => {
    const v = (found as Record<string, unknown>)[k];
    if (Array.isArray(v)) return v.length > 0;
    if (k === 'participants')
      return Object.values(found.participants).some((list) => list.length > 0);
    if (k === 'criteria') return Object.values(found.criteria).some((list) => list.length > 0);
    if (k === 'kind') return evidence.some((e) => e.field === 'kind');
    return v !== null && v !== undefined;
  }).length;

  const onFinish = () => {
    setSubmitError(null);
    const values = form.getFieldsValue(true) as ImportFormValues;
    const body = toCreateBody(reading, values);
    create.mutate(body, {
      onSuccess: (plan) => void navigate(`/plans/${encodeURIComponent(String(plan.id))}`),
      onError: (e) => {
        setSubmitError(e);
        if (!isApiError(e)) return;
        const mapped = e.fields
          .map((f) => ({ name: formNameOf(f.field), message: f.message }))
          .filter((f): f is { name: (string | number)[]; message: string } =>
            Array.isArray(f.name),
          );
        if (mapped.length > 0) {
          // Server paths are dynamic (rows); an untyped instance takes any name path.
          (form as FormInstance).setFields(
            mapped.map((f) => ({
              name: f.name,
              errors: [f.message.charAt(0).toUpperCase() + f.message.slice(1)],
            })),
          );
        }
        document.getElementById('pi-errors')?.scrollIntoView({ block: 'center' });
      },
    });
  };

  const sourceHeight = isMobile ? '45vh' : 'calc(100vh - 190px)';
  const fieldErrors = isApiError(submitError) ? submitError.fields : [];

  return (
    <EvidenceContext value={evidenceApi}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={11}>
          <div style={isMobile ? undefined : { position: 'sticky', top: 80 }}>
            <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
              <Typography.Title level={5} style={{ margin: 0 }}>
                <FileTextOutlined aria-hidden /> Văn bản gốc
              </Typography.Title>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <mark style={{ background: '#fff1b8', padding: '0 4px' }}>Tô vàng</mark>: đoạn đã
                trích thông tin — bấm để tới trường tương ứng
              </Typography.Text>
            </Flex>
            <PlanImportSource
              ref={source}
              text={reading.text}
              evidence={evidence}
              labelOf={(k) => labelOfFound(byKey.get(k)?.field ?? '')}
              onMarkClick={onMarkClick}
              height={sourceHeight}
            />
          </div>
        </Col>
        <Col xs={24} lg={13}>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={`Đã tìm thấy ${foundCount}/${Object.keys(foundLabels).length} mục thông tin trong văn bản.`}
            description="Kiểm tra từng trường với đoạn trích bên dưới nó (bấm vào đoạn trích để xem trong văn bản gốc), sửa hoặc bổ sung, rồi bấm “Tạo dự thảo”. Trường ghi “Không tìm thấy trong văn bản” cần bạn tự điền nếu có."
          />
          <Form<ImportFormValues>
            form={form}
            name="plan-import"
            className="pi-form"
            layout="vertical"
            initialValues={initial}
            onFinish={onFinish}
            scrollToFirstError={{ block: 'center' }}
          >
            <Card size="small" title="Đơn vị soạn dự thảo" style={{ marginBottom: 16 }}>
              {units.length === 0 ? (
                <Alert
                  type="warning"
                  showIcon
                  title="Bạn không là cán bộ thi đua của đơn vị nào nên không tạo được dự thảo."
                />
              ) : (
                <Form.Item
                  label="Đơn vị ban hành"
                  name="issuingUnitId"
                  rules={[{ required: true, message: 'Vui lòng chọn đơn vị ban hành' }]}
                  extra={
                    found.issuer ? (
                      <Excerpts path="issuer" />
                    ) : (
                      <MissingHint>Văn bản không ghi rõ cơ quan ban hành</MissingHint>
                    )
                  }
                  style={{ marginBottom: 0 }}
                >
                  <Select options={units} showSearch={{ optionFilterProp: 'label' }} />
                </Form.Item>
              )}
            </Card>

            <Group title="Thông tin văn bản">
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item
                    label="Loại kế hoạch"
                    name="kind"
                    rules={[{ required: true, message: 'Vui lòng chọn loại kế hoạch' }]}
                    extra={
                      <Excerpts
                        path="kind"
                        note={
                          evidence.some((e) => e.field === 'kind')
                            ? undefined
                            : 'Trích yếu không nêu cuộc thi: xếp là phong trào thi đua'
                        }
                      />
                    }
                  >
                    <Select
                      options={planKinds.map((k) => ({ value: k, label: planKindLabels[k] }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item label="Hình thức thi đua" name="mode" extra={<MissingHint />}>
                    <Select
                      allowClear
                      placeholder="Chọn nếu cần"
                      options={campaignModes.map((m) => ({
                        value: m,
                        label: campaignModeLabels[m],
                      }))}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <ReadOnly
                label="Số văn bản gốc"
                value={found.documentNumber}
                path="documentNumber"
                missingNote={
                  found.documentSymbol ? 'Văn bản để trống số (chưa ban hành)' : undefined
                }
              />
              <ReadOnly
                label="Ngày ban hành văn bản gốc"
                value={
                  found.issuedOn
                    ? formatDate(found.issuedOn)
                    : found.issuedYear
                      ? `Năm ${found.issuedYear} (không rõ ngày)`
                      : null
                }
                path={['issuedOn', 'issuedYear']}
              />
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: -8 }}>
                Số và ngày của dự thảo được cấp khi lãnh đạo ban hành; hai dòng trên chỉ để đối
                chiếu.
              </Typography.Paragraph>
              <Form.Item
                label="Ký hiệu văn bản (loại – cơ quan)"
                extra={
                  <Excerpts
                    path="documentSymbol"
                    missing={found.documentSymbol === null}
                    note={
                      found.documentSymbol === null
                        ? 'Để trống: dự thảo dùng ký hiệu KH-UBND'
                        : undefined
                    }
                  />
                }
              >
                <Flex gap={8}>
                  <Form.Item name="docType" noStyle>
                    <Select
                      allowClear
                      placeholder="KH"
                      aria-label="Loại văn bản"
                      style={{ flex: '0 0 44%', minWidth: 0 }}
                      options={planDocTypes.map((t) => ({
                        value: t,
                        label: `${t} — ${planDocTypeLabels[t]}`,
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name="issuerSymbol" noStyle>
                    <Input
                      placeholder="UBND"
                      aria-label="Ký hiệu cơ quan ban hành"
                      style={{ flex: 1, minWidth: 0 }}
                    />
                  </Form.Item>
                </Flex>
              </Form.Item>
              <Form.Item
                label="Địa danh"
                name="place"
                rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập địa danh' }]}
                extra={<Excerpts path="place" missing={found.place === null} />}
              >
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item
                label="Trích yếu"
                name="title"
                rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập trích yếu' }]}
                extra={<Excerpts path="title" missing={found.title === null} />}
              >
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
              </Form.Item>
            </Group>

            <Group title="Căn cứ">
              <RowListField
                name={['content', 'legalBases']}
                found="legalBases"
                label="Văn bản làm căn cứ"
                rowLabel="Căn cứ"
                missing={found.legalBases.length === 0}
                newRow={() => ({ text: '', number: null, date: null, planId: null })}
                addLabel="Thêm căn cứ"
                renderRow={(field, i) => (
                  <>
                    <Form.Item
                      name={[field.name, 'text']}
                      rules={[
                        { required: true, whitespace: true, message: 'Nhập nội dung căn cứ' },
                      ]}
                      style={{ marginBottom: 8 }}
                    >
                      <Input.TextArea
                        autoSize={{ minRows: 1, maxRows: 6 }}
                        aria-label={`Căn cứ ${i + 1} — nội dung`}
                      />
                    </Form.Item>
                    <Row gutter={8}>
                      <Col xs={12}>
                        <Form.Item name={[field.name, 'number']} style={{ marginBottom: 0 }}>
                          <Input placeholder="Số hiệu" aria-label={`Căn cứ ${i + 1} — số hiệu`} />
                        </Form.Item>
                      </Col>
                      <Col xs={12}>
                        <Form.Item name={[field.name, 'date']} style={{ marginBottom: 0 }}>
                          <DatePicker
                            format={DATE_FORMAT}
                            placeholder="Ngày"
                            style={{ width: '100%' }}
                            aria-label={`Căn cứ ${i + 1} — ngày`}
                          />
                        </Form.Item>
                      </Col>
                    </Row>
                    <LinkedPlan index={field.name} />
                  </>
                )}
              />
              {hasParentLink && (
                <Form.Item
                  name="linkParent"
                  valuePropName="checked"
                  label="Liên kết với kế hoạch cấp trên"
                  extra="Một căn cứ là kế hoạch đã có trong hệ thống: dự thảo sẽ là kế hoạch thực hiện kế hoạch đó."
                >
                  <Switch />
                </Form.Item>
              )}
            </Group>

            <Group title="Thời gian & hạn">
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <DateField
                    label="Thời gian bắt đầu"
                    name="periodStart"
                    found={found.periodStart}
                  />
                </Col>
                <Col xs={24} sm={12}>
                  <DateField label="Thời gian kết thúc" name="periodEnd" found={found.periodEnd} />
                </Col>
                <Col xs={24} sm={12}>
                  <DateField
                    label="Hạn đăng ký thi đua"
                    name="registrationDeadline"
                    found={found.registrationDeadline}
                  />
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item
                    label="Hạn ban hành kế hoạch cấp dưới"
                    name="cascadeDeadline"
                    extra={
                      <Excerpts
                        path={cascadeIndex >= 0 ? `deadlines.${cascadeIndex}` : null}
                        missing={reading.draft.cascadeDeadline === null}
                      />
                    }
                  >
                    <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <RowListField
                name={['content', 'deadlines']}
                found="deadlines"
                label="Các mốc thời hạn khác"
                rowLabel="Mốc"
                missing={found.deadlines.length === 0}
                newRow={() => ({ label: '', date: null })}
                addLabel="Thêm mốc thời hạn"
                renderRow={(field, i) => (
                  <Row gutter={8}>
                    <Col xs={24} sm={16}>
                      <Form.Item
                        name={[field.name, 'label']}
                        rules={[{ required: true, whitespace: true, message: 'Nhập nội dung mốc' }]}
                        style={{ marginBottom: 8 }}
                      >
                        <Input.TextArea
                          autoSize={{ minRows: 1, maxRows: 4 }}
                          aria-label={`Mốc ${i + 1} — nội dung`}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={8}>
                      <Form.Item
                        name={[field.name, 'date']}
                        rules={[{ required: true, message: 'Chọn ngày' }]}
                        style={{ marginBottom: 8 }}
                      >
                        <DatePicker
                          format={DATE_FORMAT}
                          style={{ width: '100%' }}
                          aria-label={`Mốc ${i + 1} — ngày`}
                        />
                      </Form.Item>
                    </Col>
                  </Row>
                )}
              />
            </Group>

            <Group title="Đối tượng">
              <TextListField
                name={['content', 'participants', 'collectives']}
                found="participants.collectives"
                label="Tập thể"
                rowLabel="Tập thể"
                missing={found.participants.collectives.length === 0}
              />
              <Form.Item
                label="Loại đơn vị tham gia (để hệ thống tính)"
                name={['content', 'participants', 'collectiveUnitKinds']}
                extra={
                  <MissingHint>
                    {reading.draft.content.participants.collectiveUnitKinds.length > 0
                      ? 'Suy ra từ cách ghi “Tập thể” ở trên — hãy kiểm tra'
                      : 'Không suy ra được từ văn bản — chọn nếu cần'}
                  </MissingHint>
                }
              >
                <Select
                  mode="multiple"
                  allowClear
                  options={unitKinds.map((k) => ({ value: k, label: unitKindLabels[k] }))}
                />
              </Form.Item>
              <TextListField
                name={['content', 'participants', 'individuals']}
                found="participants.individuals"
                label="Cá nhân"
                rowLabel="Cá nhân"
                missing={found.participants.individuals.length === 0}
              />
              <Form.Item
                label="Nhóm cá nhân tham gia (để hệ thống tính)"
                name={['content', 'participants', 'individualCategories']}
                extra={
                  <MissingHint>
                    {reading.draft.content.participants.individualCategories.length > 0
                      ? 'Suy ra từ cách ghi “Cá nhân” ở trên — hãy kiểm tra'
                      : 'Không suy ra được từ văn bản — chọn nếu cần'}
                  </MissingHint>
                }
              >
                <Select
                  mode="multiple"
                  allowClear
                  options={personCategories.map((c) => ({
                    value: c,
                    label: personCategoryLabels[c],
                  }))}
                />
              </Form.Item>
              <TextListField
                name={['content', 'participants', 'excluded']}
                found="participants.excluded"
                label="Không thuộc đối tượng"
                rowLabel="Trường hợp loại trừ"
                missing={found.participants.excluded.length === 0}
              />
            </Group>

            <Group title="Nội dung">
              <TextListField
                name={['content', 'contents']}
                found="contents"
                label="Nội dung thi đua"
                rowLabel="Nội dung"
                missing={found.contents.length === 0}
                addLabel="Thêm nội dung"
              />
            </Group>

            <Group title="Tiêu chí">
              <TextListField
                name={['content', 'criteria', 'collective']}
                found="criteria.collective"
                label="Tiêu chí đối với tập thể"
                rowLabel="Tiêu chí tập thể"
                missing={found.criteria.collective.length === 0}
                addLabel="Thêm tiêu chí"
              />
              <TextListField
                name={['content', 'criteria', 'individual']}
                found="criteria.individual"
                label="Tiêu chí đối với cá nhân"
                rowLabel="Tiêu chí cá nhân"
                missing={found.criteria.individual.length === 0}
                addLabel="Thêm tiêu chí"
              />
            </Group>

            <Group title="Khen thưởng & số lượng">
              <RowListField
                name={['content', 'rewards']}
                found="rewards"
                label="Hình thức khen thưởng"
                rowLabel="Hình thức"
                missing={found.rewards.length === 0}
                newRow={() => ({ form: '', scope: null, issuerTitle: null, amountVnd: null })}
                addLabel="Thêm hình thức"
                renderRow={(field, i) => (
                  <Row gutter={8}>
                    <Col xs={24} sm={14}>
                      <Form.Item
                        name={[field.name, 'form']}
                        rules={[{ required: true, whitespace: true, message: 'Nhập hình thức' }]}
                        style={{ marginBottom: 8 }}
                      >
                        <Input
                          placeholder="Giấy khen, Bằng khen…"
                          aria-label={`Hình thức ${i + 1}`}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={10}>
                      <Form.Item name={[field.name, 'scope']} style={{ marginBottom: 8 }}>
                        <Select
                          allowClear
                          placeholder="Tập thể / cá nhân"
                          aria-label={`Hình thức ${i + 1} — đối tượng`}
                          options={rewardScopes.map((s) => ({
                            value: s,
                            label: rewardScopeLabels[s],
                          }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={14}>
                      <Form.Item name={[field.name, 'issuerTitle']} style={{ marginBottom: 8 }}>
                        <Input
                          placeholder="Người tặng: Chủ tịch UBND…"
                          aria-label={`Hình thức ${i + 1} — cấp tặng`}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={10}>
                      <Form.Item name={[field.name, 'amountVnd']} style={{ marginBottom: 8 }}>
                        <InputNumber<number>
                          min={0}
                          step={100000}
                          style={{ width: '100%' }}
                          placeholder="Tiền thưởng"
                          suffix="đ"
                          formatter={(v) => (v ? Number(v).toLocaleString('vi-VN') : '')}
                          parser={(v) => Number((v ?? '').replace(/\D/g, '')) || 0}
                          aria-label={`Hình thức ${i + 1} — tiền thưởng`}
                        />
                      </Form.Item>
                    </Col>
                  </Row>
                )}
              />
              <RowListField
                name={['content', 'quotas']}
                found="quotas"
                label="Số lượng khen thưởng"
                rowLabel="Chỉ tiêu"
                missing={found.quotas.length === 0}
                newRow={() => ({
                  scope: 'collective',
                  level: '',
                  maxCount: null,
                  maxPercent: null,
                })}
                addLabel="Thêm chỉ tiêu"
                renderRow={(field, i) => (
                  <Row gutter={8}>
                    <Col xs={24} sm={8}>
                      <Form.Item name={[field.name, 'scope']} style={{ marginBottom: 8 }}>
                        <Select
                          aria-label={`Chỉ tiêu ${i + 1} — đối tượng`}
                          options={[
                            { value: 'collective', label: 'Tập thể' },
                            { value: 'individual', label: 'Cá nhân' },
                          ]}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={16}>
                      <Form.Item
                        name={[field.name, 'level']}
                        rules={[{ required: true, whitespace: true, message: 'Nhập cấp khen' }]}
                        style={{ marginBottom: 8 }}
                      >
                        <Input
                          placeholder="Cấp hoặc hình thức khen"
                          aria-label={`Chỉ tiêu ${i + 1} — cấp`}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={12}>
                      <Form.Item
                        name={[field.name, 'maxCount']}
                        dependencies={[['content', 'quotas', field.name, 'maxPercent']]}
                        rules={[
                          ({ getFieldValue }) => ({
                            validator: (_r, v: number | null) =>
                              typeof v === 'number' ||
                              typeof getFieldValue([
                                'content',
                                'quotas',
                                field.name,
                                'maxPercent',
                              ]) === 'number'
                                ? Promise.resolve()
                                : Promise.reject(new Error('Cần số lượng hoặc tỷ lệ tối đa')),
                          }),
                        ]}
                        style={{ marginBottom: 8 }}
                      >
                        <InputNumber
                          min={0}
                          style={{ width: '100%' }}
                          placeholder="Tối đa (số)"
                          aria-label={`Chỉ tiêu ${i + 1} — số lượng tối đa`}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={12}>
                      <Form.Item name={[field.name, 'maxPercent']} style={{ marginBottom: 8 }}>
                        <InputNumber
                          min={0}
                          max={100}
                          suffix="%"
                          style={{ width: '100%' }}
                          placeholder="Tối đa (%)"
                          aria-label={`Chỉ tiêu ${i + 1} — tỷ lệ tối đa`}
                        />
                      </Form.Item>
                    </Col>
                  </Row>
                )}
              />
              {(kind === 'contest' || found.prizes.length > 0 || found.entryQuotas.length > 0) && (
                <>
                  <RowListField
                    name={['content', 'contest', 'prizes']}
                    found="prizes"
                    label="Cơ cấu giải thưởng (cuộc thi)"
                    rowLabel="Giải"
                    missing={found.prizes.length === 0}
                    newRow={() => ({ rank: '', count: null, recipient: null })}
                    addLabel="Thêm giải"
                    renderRow={(field, i) => (
                      <Row gutter={8}>
                        <Col xs={24} sm={10}>
                          <Form.Item
                            name={[field.name, 'rank']}
                            rules={[{ required: true, whitespace: true, message: 'Nhập tên giải' }]}
                            style={{ marginBottom: 8 }}
                          >
                            <Input placeholder="Giải Nhất…" aria-label={`Giải ${i + 1}`} />
                          </Form.Item>
                        </Col>
                        <Col xs={12} sm={6}>
                          <Form.Item name={[field.name, 'count']} style={{ marginBottom: 8 }}>
                            <InputNumber
                              min={0}
                              style={{ width: '100%' }}
                              placeholder="Số giải"
                              aria-label={`Giải ${i + 1} — số lượng`}
                            />
                          </Form.Item>
                        </Col>
                        <Col xs={12} sm={8}>
                          <Form.Item name={[field.name, 'recipient']} style={{ marginBottom: 8 }}>
                            <Select
                              allowClear
                              placeholder="Trao cho"
                              aria-label={`Giải ${i + 1} — trao cho`}
                              options={[
                                { value: 'collective', label: 'Tập thể' },
                                { value: 'individual', label: 'Cá nhân' },
                              ]}
                            />
                          </Form.Item>
                        </Col>
                      </Row>
                    )}
                  />
                  <RowListField
                    name={['content', 'contest', 'entryQuotas']}
                    found="entryQuotas"
                    label="Số bài dự thi tối thiểu"
                    rowLabel="Chỉ tiêu bài"
                    missing={found.entryQuotas.length === 0}
                    newRow={() => ({ unitType: '', minEntries: null })}
                    addLabel="Thêm chỉ tiêu bài dự thi"
                    renderRow={(field, i) => (
                      <Row gutter={8}>
                        <Col xs={16}>
                          <Form.Item
                            name={[field.name, 'unitType']}
                            rules={[
                              { required: true, whitespace: true, message: 'Nhập loại đơn vị' },
                            ]}
                            style={{ marginBottom: 8 }}
                          >
                            <Input
                              placeholder="Loại đơn vị"
                              aria-label={`Chỉ tiêu bài ${i + 1} — loại đơn vị`}
                            />
                          </Form.Item>
                        </Col>
                        <Col xs={8}>
                          <Form.Item
                            name={[field.name, 'minEntries']}
                            rules={[{ required: true, message: 'Nhập số bài' }]}
                            style={{ marginBottom: 8 }}
                          >
                            <InputNumber
                              min={0}
                              style={{ width: '100%' }}
                              placeholder="Số bài"
                              aria-label={`Chỉ tiêu bài ${i + 1} — số bài tối thiểu`}
                            />
                          </Form.Item>
                        </Col>
                      </Row>
                    )}
                  />
                </>
              )}
            </Group>

            <Group title="Hồ sơ">
              <Form.Item label="Hồ sơ gửi tới (cấp nhận)" name={['content', 'dossier', 'level']}>
                <Input />
              </Form.Item>
              <TextListField
                name={['content', 'dossier', 'items']}
                found="dossier"
                label="Thành phần hồ sơ đề nghị khen thưởng"
                rowLabel="Thành phần hồ sơ"
                missing={found.dossier.length === 0}
              />
            </Group>

            <Group title="Người ký">
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item label="Thẩm quyền ký" name={['content', 'signer', 'authority']}>
                    <Input placeholder="TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item
                    label="Chức vụ người ký"
                    name={['content', 'signer', 'title']}
                    dependencies={[
                      ['content', 'signer', 'name'],
                      ['content', 'signer', 'authority'],
                    ]}
                    rules={[
                      ({ getFieldValue }) => ({
                        validator: (_r, v: string | null) => {
                          const other = [
                            getFieldValue(['content', 'signer', 'name']) as unknown,
                            getFieldValue(['content', 'signer', 'authority']) as unknown,
                          ].some((x) => typeof x === 'string' && x.trim() !== '');
                          return other && !(v ?? '').trim()
                            ? Promise.reject(new Error('Nhập chức vụ người ký'))
                            : Promise.resolve();
                        },
                      }),
                    ]}
                  >
                    <Input placeholder="CHỦ TỊCH" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                label="Họ và tên"
                name={['content', 'signer', 'name']}
                extra={<Excerpts path="signer" missing={found.signer === null} />}
              >
                <Input />
              </Form.Item>
            </Group>

            <Group title="Nơi nhận">
              <TextListField
                name={['content', 'recipients']}
                found="recipients"
                label="Nơi nhận"
                rowLabel="Nơi nhận"
                missing={found.recipients.length === 0}
                addLabel="Thêm nơi nhận"
              />
            </Group>

            <div id="pi-errors">
              {fieldErrors.length > 0 ? (
                <Alert
                  type="error"
                  showIcon
                  role="alert"
                  style={{ marginBottom: 16 }}
                  title="Chưa tạo được dự thảo — hãy sửa các mục sau:"
                  description={
                    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                      {fieldErrors.map((f, i) => (
                        <li key={i}>
                          <strong>{fieldLabel(f)}</strong>: {f.message}
                        </li>
                      ))}
                    </ul>
                  }
                />
              ) : (
                <ErrorAlert error={submitError} />
              )}
            </div>

            <Card
              size="small"
              className="pi-actions"
              style={{ position: 'sticky', bottom: 0, zIndex: 5 }}
            >
              <Flex gap={8} wrap justify="space-between" align="center">
                <Popconfirm
                  title="Đọc văn bản khác?"
                  description="Các thông tin bạn đã sửa ở đây sẽ bị bỏ."
                  okText="Đọc văn bản khác"
                  cancelText="Ở lại"
                  onConfirm={onRestart}
                >
                  <Button>Đọc văn bản khác</Button>
                </Popconfirm>
                <Button
                  type="primary"
                  htmlType="submit"
                  loading={create.isPending}
                  disabled={units.length === 0}
                >
                  Tạo dự thảo
                </Button>
              </Flex>
            </Card>
          </Form>
        </Col>
      </Row>
      {isMobile && (
        <Drawer
          placement="bottom"
          size="65vh"
          title="Văn bản gốc"
          open={drawerKey !== null}
          onClose={() => setDrawerKey(null)}
          afterOpenChange={(open) => {
            if (open && drawerKey !== null) drawerSource.current?.show(drawerKey);
          }}
          styles={{ body: { padding: 8 } }}
        >
          <PlanImportSource
            ref={drawerSource}
            text={reading.text}
            evidence={evidence}
            labelOf={(k) => labelOfFound(byKey.get(k)?.field ?? '')}
            onMarkClick={onMarkClick}
            height="100%"
          />
        </Drawer>
      )}
    </EvidenceContext>
  );
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card size="small" title={title} style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
}

/** A value the draft does not keep (the source's number and date), shown for comparison. */
function ReadOnly({
  label,
  value,
  path,
  missingNote,
}: {
  label: string;
  value: string | null;
  path: string | string[];
  missingNote?: string;
}) {
  return (
    <Form.Item label={label} style={{ marginBottom: 12 }}>
      {value ? (
        <Typography.Text strong>{value}</Typography.Text>
      ) : (
        <Typography.Text type="secondary">—</Typography.Text>
      )}
      <Excerpts
        path={path}
        missing={value === null && !missingNote}
        note={value === null ? missingNote : undefined}
      />
    </Form.Item>
  );
}

function DateField({
  label,
  name,
  found,
}: {
  label: string;
  name: 'periodStart' | 'periodEnd' | 'registrationDeadline';
  found: string | null;
}) {
  return (
    <Form.Item label={label} name={name} extra={<Excerpts path={name} missing={found === null} />}>
      <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
    </Form.Item>
  );
}

/** A legal basis that cites a plan already in the system links to it. */
function LinkedPlan({ index }: { index: number }) {
  const form = Form.useFormInstance();
  const planId: unknown = form.getFieldValue(['content', 'legalBases', index, 'planId']);
  if (typeof planId !== 'number') return null;
  return (
    <Tag color="blue" icon={<LinkOutlined />} style={{ marginTop: 6 }}>
      <Link to={`/plans/${planId}`} target="_blank">
        Kế hoạch đã có trong hệ thống
      </Link>
    </Tag>
  );
}
