import { useCallback, useMemo, useRef, useState } from 'react';
import { Alert, Button, Card, Col, Drawer, Flex, Form, Popconfirm, Row, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { FileTextOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/client';
import type { FieldError } from '../../api/client';
import { useOfficerUnits } from './plan-access';
import { ErrorAlert } from '../../ui/error-alert';
import { useIsMobile } from '../../ui/hooks';
import { planFieldLabels } from '../../../shared/campaign';
import { useCreatePlanFromImport } from './plan-import.api';
import type { PlanReading } from './plan-import.api';
import { EvidenceContext } from './plan-import-fields';
import type { EvidenceApi } from './plan-import-fields';
import { flattenEvidence, formNameOf, initialValues, toCreateBody } from './plan-import-form';
import type { ImportFormValues, KeyedEvidence } from './plan-import-form';
import { DocumentInfoGroup, IssuingUnitCard, LegalBasesGroup } from './plan-import-groups';
import {
  ContentsGroup,
  CriteriaGroup,
  DossierGroup,
  ParticipantsGroup,
  RecipientsGroup,
  SignerGroup,
  TimeGroup,
} from './plan-import-groups-2';
import { RewardsGroup } from './plan-import-rewards';
import { PlanImportSource } from './plan-import-source';
import { ImportDoubts } from './plan-import-doubts';
import type { SourceHandle } from './plan-import-source';

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

/** Step 2: the source with its highlighted excerpts beside the editable fields. */
export function ReviewStep({
  reading,
  onRestart,
}: {
  reading: PlanReading;
  onRestart: () => void;
}) {
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const units = useOfficerUnits();
  const create = useCreatePlanFromImport();
  const [form] = Form.useForm<ImportFormValues>();
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [confirmed, setConfirmed] = useState<string[]>([]);
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

  const kind = Form.useWatch('kind', form);

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
    const body = { ...toCreateBody(reading, values), importReview: { confirmed } };
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
          <ImportDoubts
            reading={reading}
            form={form}
            confirmed={confirmed}
            onConfirm={(keys) => setConfirmed((c) => [...new Set([...c, ...keys])])}
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
            <IssuingUnitCard units={units} issuer={found.issuer} />
            <DocumentInfoGroup found={found} evidence={evidence} />
            <LegalBasesGroup reading={reading} />
            <TimeGroup reading={reading} />
            <ParticipantsGroup reading={reading} />
            <ContentsGroup found={found} />
            <CriteriaGroup found={found} />
            <RewardsGroup found={found} kind={kind} />
            <DossierGroup found={found} />
            <SignerGroup found={found} />
            <RecipientsGroup found={found} />

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
