/** Tổ chức thực hiện, Cuộc thi, Nơi nhận và người ký. */
import { Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { UnitTreeSelect } from '../../../ui/unit-tree-select';
import { AddButton, DateInput, LinesField, MoneyInput, RowButtons, RowCard } from './fields';

const recipientOptions = [
  { value: 'collective', label: 'Tập thể' },
  { value: 'individual', label: 'Cá nhân' },
];

/** Tổ chức thực hiện: who does what, optionally tied to a unit of the tree. */
export function AssignmentsSection() {
  return (
    <Form.List name={['content', 'assignments']}>
      {(fields, ops) => (
        <>
          {fields.map((field) => (
            <RowCard
              key={field.key}
              title={`Phân công ${field.name + 1}`}
              extra={
                <RowButtons index={field.name} count={fields.length} ops={ops} label="phân công" />
              }
            >
              <Row gutter={8}>
                <Col xs={24} md={12}>
                  <Form.Item
                    label="Cơ quan, đơn vị thực hiện"
                    name={[field.name, 'assignee']}
                    rules={[{ required: true, whitespace: true, message: 'Nhập tên cơ quan' }]}
                  >
                    <Input placeholder="Phòng Nội vụ" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    label="Đơn vị trong hệ thống (không bắt buộc)"
                    name={[field.name, 'unitId']}
                  >
                    <UnitTreeSelect allowClear />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                label="Nhiệm vụ"
                name={[field.name, 'task']}
                rules={[{ required: true, whitespace: true, message: 'Nhập nhiệm vụ' }]}
              >
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
              </Form.Item>
            </RowCard>
          ))}
          <AddButton onClick={() => ops.add({})}>Thêm phân công</AddButton>
        </>
      )}
    </Form.List>
  );
}

/** Cuộc thi (kind = contest): topics, prizes, entry quotas, novelty cutoff, funding. */
export function ContestSection() {
  const base = ['content', 'contest'];
  return (
    <>
      <LinesField name={[...base, 'topics']} label="Chủ đề, lĩnh vực dự thi" itemLabel="chủ đề" />
      <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
        Cơ cấu giải thưởng
      </Typography.Text>
      <Form.List name={[...base, 'prizes']}>
        {(fields, ops) => (
          <>
            {fields.map((field) => (
              <RowCard
                key={field.key}
                title={`Giải ${field.name + 1}`}
                extra={
                  <RowButtons index={field.name} count={fields.length} ops={ops} label="giải" />
                }
              >
                <Row gutter={8}>
                  <Col xs={24} sm={8}>
                    <Form.Item
                      label="Giải"
                      name={[field.name, 'rank']}
                      rules={[{ required: true, whitespace: true, message: 'Nhập tên giải' }]}
                    >
                      <Input placeholder="Giải Nhất" />
                    </Form.Item>
                  </Col>
                  <Col xs={8} sm={4}>
                    <Form.Item label="Số giải" name={[field.name, 'count']}>
                      <InputNumber min={0} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={16} sm={5}>
                    <Form.Item label="Dành cho" name={[field.name, 'recipient']}>
                      <Select options={recipientOptions} allowClear />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={7}>
                    <Form.Item label="Giá trị mỗi giải" name={[field.name, 'amountVnd']}>
                      <MoneyInput />
                    </Form.Item>
                  </Col>
                </Row>
              </RowCard>
            ))}
            <AddButton onClick={() => ops.add({})}>Thêm giải</AddButton>
          </>
        )}
      </Form.List>
      <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
        Số bài dự thi tối thiểu
      </Typography.Text>
      <Form.List name={[...base, 'entryQuotas']}>
        {(fields, ops) => (
          <>
            {fields.map((field) => (
              <Row key={field.key} gutter={8} align="top">
                <Col flex="auto">
                  <Form.Item
                    name={[field.name, 'unitType']}
                    rules={[{ required: true, whitespace: true, message: 'Nhập loại đơn vị' }]}
                    style={{ marginBottom: 8 }}
                  >
                    <Input
                      placeholder="Mỗi xã, thị trấn"
                      aria-label={`Loại đơn vị ${field.name + 1}`}
                    />
                  </Form.Item>
                </Col>
                <Col flex="120px">
                  <Form.Item
                    name={[field.name, 'minEntries']}
                    rules={[{ required: true, message: 'Nhập số' }]}
                    style={{ marginBottom: 8 }}
                  >
                    <InputNumber
                      min={0}
                      precision={0}
                      style={{ width: '100%' }}
                      suffix="bài"
                      aria-label={`Số bài tối thiểu ${field.name + 1}`}
                    />
                  </Form.Item>
                </Col>
                <Col flex="none">
                  <RowButtons index={field.name} count={fields.length} ops={ops} label="định mức" />
                </Col>
              </Row>
            ))}
            <AddButton onClick={() => ops.add({})}>Thêm định mức bài dự thi</AddButton>
          </>
        )}
      </Form.List>
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Form.Item
            label="Không trùng sáng kiến đã áp dụng trước ngày"
            name={[...base, 'noveltyCutoff']}
          >
            <DateInput />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item label="Kinh phí" name={[...base, 'funding']}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

/** Câu kết, Nơi nhận and Người ký. */
export function ClosingSection() {
  return (
    <>
      <Form.Item
        label="Câu kết"
        name={['content', 'closing']}
        extra="Để trống để dùng câu kết mặc định (kết thúc bằng ./.)."
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Row gutter={24}>
        <Col xs={24} lg={12}>
          <LinesField
            name={['content', 'recipients']}
            label="Nơi nhận"
            itemLabel="nơi nhận"
            placeholder="UBND huyện (b/c)"
            help='Dòng "Lưu: VT" được thêm nếu chưa có.'
          />
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
            Người ký
          </Typography.Text>
          <Form.Item
            label="Thẩm quyền ký"
            name={['content', 'signer', 'authority']}
            extra="TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH…; để trống khi thủ trưởng ký trực tiếp."
          >
            <Input />
          </Form.Item>
          <Form.Item
            label="Chức vụ"
            name={['content', 'signer', 'title']}
            extra="Bắt buộc trước khi ban hành."
          >
            <Input placeholder="CHỦ TỊCH" />
          </Form.Item>
          <Form.Item label="Họ và tên" name={['content', 'signer', 'name']}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
