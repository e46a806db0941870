/** Text sections of the plan: aims, contents, participants, criteria. */
import { Col, Form, Input, Row, Select } from 'antd';
import {
  personCategories,
  personCategoryLabels,
  unitKindLabels,
  unitKinds,
} from '../../../../shared/org';
import { LinesField } from './fields';
import { UnitListField } from './unit-list-field';

const unitKindOptions = unitKinds.map((k) => ({ value: k, label: unitKindLabels[k] }));
const categoryOptions = personCategories.map((c) => ({ value: c, label: personCategoryLabels[c] }));

/** Chủ đề, mục đích, yêu cầu, mục tiêu. */
export function AimsSection() {
  return (
    <>
      <Form.Item label="Chủ đề thi đua" name={['content', 'theme']}>
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 4 }}
          placeholder='"Đoàn kết, sáng tạo, hoàn thành xuất sắc nhiệm vụ …"'
        />
      </Form.Item>
      <Row gutter={24}>
        <Col xs={24} lg={12}>
          <LinesField name={['content', 'purposes']} label="Mục đích" itemLabel="mục đích" />
        </Col>
        <Col xs={24} lg={12}>
          <LinesField name={['content', 'requirements']} label="Yêu cầu" itemLabel="yêu cầu" />
        </Col>
      </Row>
      <LinesField
        name={['content', 'goals']}
        label="Mục tiêu, chỉ tiêu"
        itemLabel="mục tiêu"
        numbered
      />
    </>
  );
}

/** Nội dung thi đua: a numbered, reorderable list. */
export function ContentsSection() {
  return (
    <LinesField
      name={['content', 'contents']}
      label="Nội dung thi đua"
      itemLabel="nội dung"
      numbered
      help="Mỗi dòng là một nội dung, được đánh số trong văn bản. Bắt buộc trước khi ban hành (trừ cuộc thi)."
    />
  );
}

/** Đối tượng thi đua: computable kinds and categories, plus how the plan words them. */
export function ParticipantsSection() {
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            label="Tập thể tham gia (loại đơn vị)"
            name={['content', 'participants', 'collectiveUnitKinds']}
            extra="Dùng để xác định đơn vị được đăng ký thi đua."
          >
            <Select mode="multiple" allowClear options={unitKindOptions} placeholder="Chọn loại" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label="Cá nhân tham gia (đối tượng)"
            name={['content', 'participants', 'individualCategories']}
          >
            <Select mode="multiple" allowClear options={categoryOptions} placeholder="Chọn" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label="Đơn vị tham gia (chọn từ cơ cấu tổ chức)"
        name={['content', 'participants', 'collectiveUnitIds']}
        extra="Khi kế hoạch chỉ dành cho một số đơn vị cụ thể, ví dụ Bộ phận một cửa của các xã."
      >
        <UnitListField
          aria-label="Thêm đơn vị tham gia"
          placeholder="Thêm đơn vị tham gia (gõ để tìm)"
        />
      </Form.Item>
      <Row gutter={24}>
        <Col xs={24} lg={12}>
          <LinesField
            name={['content', 'participants', 'collectives']}
            label="Tập thể (diễn đạt trong văn bản)"
            itemLabel="tập thể"
          />
        </Col>
        <Col xs={24} lg={12}>
          <LinesField
            name={['content', 'participants', 'individuals']}
            label="Cá nhân (diễn đạt trong văn bản)"
            itemLabel="cá nhân"
          />
        </Col>
      </Row>
      <LinesField
        name={['content', 'participants', 'excluded']}
        label="Không thuộc đối tượng"
        itemLabel="trường hợp loại trừ"
      />
    </>
  );
}

/** Tiêu chí thi đua for collectives and individuals. */
export function CriteriaSection() {
  return (
    <Row gutter={24}>
      <Col xs={24} lg={12}>
        <LinesField
          name={['content', 'criteria', 'collective']}
          label="Tiêu chí đối với tập thể"
          itemLabel="tiêu chí tập thể"
          numbered
          textKey="text"
        />
      </Col>
      <Col xs={24} lg={12}>
        <LinesField
          name={['content', 'criteria', 'individual']}
          label="Tiêu chí đối với cá nhân"
          itemLabel="tiêu chí cá nhân"
          numbered
          textKey="text"
        />
      </Col>
    </Row>
  );
}
