import {
  Alert,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  Row,
  Select,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { LinkOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { formatDate } from '../../ui/format';
import {
  campaignModeLabels,
  campaignModes,
  planDocTypeLabels,
  planDocTypes,
  planKindLabels,
  planKinds,
} from '../../../shared/campaign';
import type { FoundPlan, PlanReading } from './plan-import.api';
import { DATE_FORMAT, Excerpts, Group, MissingHint, RowListField } from './plan-import-fields';
import type { KeyedEvidence } from './plan-import-form';

/** The review form's first cards: who issues the draft, the source document, its legal bases. */

export function IssuingUnitCard({
  units,
  issuer,
}: {
  units: { value: string; label: string }[];
  issuer: string | null;
}) {
  return (
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
            issuer ? (
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
  );
}

export function DocumentInfoGroup({
  found,
  evidence,
}: {
  found: FoundPlan;
  evidence: readonly KeyedEvidence[];
}) {
  return (
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
            <Select options={planKinds.map((k) => ({ value: k, label: planKindLabels[k] }))} />
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
        missingNote={found.documentSymbol ? 'Văn bản để trống số (chưa ban hành)' : undefined}
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
        Số và ngày của dự thảo được cấp khi lãnh đạo ban hành; hai dòng trên chỉ để đối chiếu.
      </Typography.Paragraph>
      <Form.Item
        label="Ký hiệu văn bản (loại – cơ quan)"
        extra={
          <Excerpts
            path="documentSymbol"
            missing={found.documentSymbol === null}
            note={
              found.documentSymbol === null ? 'Để trống: dự thảo dùng ký hiệu KH-UBND' : undefined
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
  );
}

export function LegalBasesGroup({ reading }: { reading: PlanReading }) {
  const { found } = reading;
  const hasParentLink = reading.draft.content.legalBases.some((b) => b.planId !== null);
  return (
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
              rules={[{ required: true, whitespace: true, message: 'Nhập nội dung căn cứ' }]}
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
