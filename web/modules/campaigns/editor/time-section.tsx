import { Col, Flex, Form, Input, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { reviewRoundKindLabels, reviewRoundKinds } from '../../../../shared/campaign';
import { AddButton, DateInput, RowButtons } from './fields';

const roundOptions = reviewRoundKinds.map((k) => ({ value: k, label: reviewRoundKindLabels[k] }));

/** Thời gian: the period, registration deadline, other deadlines and review rounds. */
export function TimeSection() {
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Form.Item label="Bắt đầu" name="periodStart" extra="Để trống: bắt đầu từ ngày ban hành.">
            <DateInput />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item
            label="Kết thúc"
            name="periodEnd"
            dependencies={['periodStart']}
            extra="Bắt buộc trước khi ban hành."
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, v: Dayjs | null | undefined) => {
                  const start = getFieldValue('periodStart') as Dayjs | null | undefined;
                  return !v || !start || !v.isBefore(start, 'day')
                    ? Promise.resolve()
                    : Promise.reject(new Error('Phải sau hoặc trùng ngày bắt đầu'));
                },
              }),
            ]}
          >
            <DateInput />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item label="Hạn đăng ký thi đua" name="registrationDeadline">
            <DateInput />
          </Form.Item>
        </Col>
      </Row>

      <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
        Các mốc thời hạn khác
      </Typography.Text>
      <Form.List name={['content', 'deadlines']}>
        {(fields, ops) => (
          <>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="start" wrap>
                <Form.Item
                  name={[field.name, 'label']}
                  rules={[{ required: true, whitespace: true, message: 'Nhập nội dung mốc' }]}
                  style={{ flex: '1 1 240px', marginBottom: 8 }}
                >
                  <Input
                    placeholder="Gửi hồ sơ đề nghị khen thưởng"
                    aria-label={`Nội dung mốc ${field.name + 1}`}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'date']}
                  rules={[{ required: true, message: 'Chọn ngày' }]}
                  style={{ flex: '0 1 160px', marginBottom: 8 }}
                >
                  <DateInput aria-label={`Ngày của mốc ${field.name + 1}`} />
                </Form.Item>
                <RowButtons index={field.name} count={fields.length} ops={ops} label="mốc" />
              </Flex>
            ))}
            <AddButton onClick={() => ops.add({})}>Thêm mốc thời hạn</AddButton>
          </>
        )}
      </Form.List>

      <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
        Sơ kết, tổng kết
      </Typography.Text>
      <Form.List name={['content', 'reviewRounds']}>
        {(fields, ops) => (
          <>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="start" wrap>
                <Form.Item
                  name={[field.name, 'kind']}
                  rules={[{ required: true, message: 'Chọn loại' }]}
                  style={{ flex: '0 1 200px', marginBottom: 8 }}
                >
                  <Select options={roundOptions} aria-label={`Loại đợt ${field.name + 1}`} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'label']}
                  rules={[{ required: true, whitespace: true, message: 'Nhập nội dung' }]}
                  style={{ flex: '1 1 220px', marginBottom: 8 }}
                >
                  <Input
                    placeholder="Sơ kết năm 2025"
                    aria-label={`Nội dung đợt ${field.name + 1}`}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'date']}
                  style={{ flex: '0 1 160px', marginBottom: 8 }}
                >
                  <DateInput aria-label={`Ngày đợt ${field.name + 1}`} />
                </Form.Item>
                <RowButtons index={field.name} count={fields.length} ops={ops} label="đợt" />
              </Flex>
            ))}
            <AddButton onClick={() => ops.add({ kind: 'annual' })}>
              Thêm đợt sơ kết, tổng kết
            </AddButton>
          </>
        )}
      </Form.List>
    </>
  );
}
