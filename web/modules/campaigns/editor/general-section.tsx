import { Col, Form, Input, Row, Select } from 'antd';
import {
  campaignModeLabels,
  campaignModes,
  planDocTypeLabels,
  planDocTypes,
  planKindLabels,
  planKinds,
} from '../../../../shared/campaign';
import type { PlanFormValues } from '../plan-form';

const kindOptions = planKinds.map((k) => ({ value: k, label: planKindLabels[k] }));
const modeOptions = campaignModes.map((m) => ({ value: m, label: campaignModeLabels[m] }));
const docTypeOptions = planDocTypes.map((t) => ({
  value: t,
  label: `${planDocTypeLabels[t]} (${t})`,
}));

/** "Huyện Châu Thành" → "Châu Thành" (the place in "Châu Thành, ngày … tháng … năm …"). */
export function placeOf(unitName: string): string {
  return unitName
    .replace(
      /^(ủy ban nhân dân|ubnd|tỉnh|thành phố|huyện|quận|thị xã|thị trấn|xã|phường|đặc khu)\s+/iu,
      '',
    )
    .trim();
}

type Props = {
  /** Units the plan may be issued by; the choice is locked once the plan exists. */
  unitOptions: { value: string; label: string }[];
  unitLocked: boolean;
  /** Amending an issued plan: the number's type and symbol stay as issued. */
  numberLocked: boolean;
};

/** Thông tin chung: issuing unit, kind, mode, document type and symbol, place, trích yếu. */
export function GeneralSection({ unitOptions, unitLocked, numberLocked }: Props) {
  const form = Form.useFormInstance<PlanFormValues>();
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            label="Đơn vị ban hành"
            name="issuingUnitId"
            rules={[{ required: true, message: 'Vui lòng chọn đơn vị ban hành' }]}
            extra={
              unitLocked
                ? 'Không đổi được đơn vị ban hành sau khi đã tạo kế hoạch.'
                : 'Các đơn vị bạn là cán bộ thi đua.'
            }
          >
            <Select
              options={unitOptions}
              disabled={unitLocked}
              showSearch={{ optionFilterProp: 'label' }}
              onChange={(v: string) => {
                const name = unitOptions.find((o) => o.value === v)?.label;
                if (name && !form.getFieldValue('place'))
                  form.setFieldValue('place', placeOf(name));
              }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} md={6}>
          <Form.Item
            label="Loại kế hoạch"
            name="kind"
            rules={[{ required: true, message: 'Vui lòng chọn loại kế hoạch' }]}
          >
            <Select options={kindOptions} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} md={6}>
          <Form.Item label="Hình thức thi đua" name="mode">
            <Select options={modeOptions} allowClear placeholder="Không xác định" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Form.Item
            label="Loại văn bản"
            name="docType"
            rules={[{ required: true, message: 'Vui lòng chọn loại văn bản' }]}
          >
            <Select options={docTypeOptions} disabled={numberLocked} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item
            label="Ký hiệu cơ quan ban hành"
            name="issuerSymbol"
            rules={[
              { required: true, whitespace: true, message: 'Vui lòng nhập ký hiệu, ví dụ UBND' },
              { max: 30, message: 'Ký hiệu không dài quá 30 ký tự' },
            ]}
            extra="Ví dụ: UBND → số văn bản 47/KH-UBND"
            normalize={(v: string) => v.toLocaleUpperCase('vi')}
          >
            <Input disabled={numberLocked} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item
            label="Địa danh"
            name="place"
            rules={[
              { required: true, whitespace: true, message: 'Vui lòng nhập địa danh' },
              { max: 100, message: 'Địa danh không dài quá 100 ký tự' },
            ]}
            extra='Dùng trong "…, ngày … tháng … năm …"'
          >
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label="Trích yếu (tên kế hoạch)"
        name="title"
        rules={[
          { required: true, whitespace: true, message: 'Vui lòng nhập trích yếu' },
          { max: 1000, message: 'Trích yếu không dài quá 1000 ký tự' },
        ]}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 5 }}
          placeholder="Phát động phong trào thi đua …"
        />
      </Form.Item>
    </>
  );
}
