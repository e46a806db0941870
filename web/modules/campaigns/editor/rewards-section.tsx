import { Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { rewardScopeLabels, rewardScopes } from '../../../../shared/campaign';
import { AddButton, LinesField, MoneyInput, RowButtons, RowCard } from './fields';

const scopeOptions = rewardScopes.map((s) => ({ value: s, label: rewardScopeLabels[s] }));
const scope2Options = [
  { value: 'collective', label: 'Tập thể' },
  { value: 'individual', label: 'Cá nhân' },
];

/** Khen thưởng: reward forms (form, scope, who signs, amount or coefficient) and quotas. */
export function RewardsSection() {
  return (
    <>
      <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
        Hình thức khen thưởng
      </Typography.Text>
      <Form.List name={['content', 'rewards']}>
        {(fields, ops) => (
          <>
            {fields.map((field) => (
              <RowCard
                key={field.key}
                title={`Hình thức ${field.name + 1}`}
                extra={
                  <RowButtons
                    index={field.name}
                    count={fields.length}
                    ops={ops}
                    label="hình thức"
                  />
                }
              >
                <Row gutter={8}>
                  <Col xs={24} sm={12} md={8}>
                    <Form.Item
                      label="Hình thức"
                      name={[field.name, 'form']}
                      rules={[{ required: true, whitespace: true, message: 'Nhập hình thức' }]}
                    >
                      <Input placeholder="Giấy khen" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12} md={4}>
                    <Form.Item label="Đối tượng" name={[field.name, 'scope']}>
                      <Select options={scopeOptions} allowClear />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item label="Người ký / cấp khen" name={[field.name, 'issuerTitle']}>
                      <Input placeholder="Chủ tịch UBND huyện" />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={8}>
                    <Form.Item label="Số tiền" name={[field.name, 'amountVnd']}>
                      <MoneyInput placeholder="300.000" />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item
                      label="Hệ số"
                      name={[field.name, 'coefficient']}
                      tooltip="Hệ số mức lương cơ sở (Nghị định 152/2025)"
                    >
                      <InputNumber min={0} max={100} step={0.1} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item label="Ghi chú" name={[field.name, 'note']}>
                      <Input />
                    </Form.Item>
                  </Col>
                </Row>
              </RowCard>
            ))}
            <AddButton onClick={() => ops.add({})}>Thêm hình thức khen thưởng</AddButton>
          </>
        )}
      </Form.List>

      <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
        Số lượng khen thưởng
      </Typography.Text>
      <Form.List name={['content', 'quotas']}>
        {(fields, ops) => (
          <>
            {fields.map((field) => (
              <RowCard
                key={field.key}
                title={`Định mức ${field.name + 1}`}
                extra={
                  <RowButtons index={field.name} count={fields.length} ops={ops} label="định mức" />
                }
              >
                <Row gutter={8}>
                  <Col xs={24} sm={6}>
                    <Form.Item
                      label="Đối tượng"
                      name={[field.name, 'scope']}
                      rules={[{ required: true, message: 'Chọn đối tượng' }]}
                    >
                      <Select options={scope2Options} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={10}>
                    <Form.Item
                      label="Cấp / hình thức"
                      name={[field.name, 'level']}
                      rules={[{ required: true, whitespace: true, message: 'Nhập cấp khen' }]}
                    >
                      <Input placeholder="Giấy khen của Chủ tịch UBND huyện" />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={4}>
                    <Form.Item label="Tối đa (số)" name={[field.name, 'maxCount']}>
                      <InputNumber min={0} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={4}>
                    <Form.Item label="Tối đa (%)" name={[field.name, 'maxPercent']}>
                      <InputNumber min={0} max={100} style={{ width: '100%' }} suffix="%" />
                    </Form.Item>
                  </Col>
                </Row>
              </RowCard>
            ))}
            <AddButton onClick={() => ops.add({ scope: 'collective' })}>
              Thêm định mức số lượng
            </AddButton>
          </>
        )}
      </Form.List>
    </>
  );
}

/** Hồ sơ đề nghị khen thưởng: per level, the list of documents. */
export function DossierSection() {
  return (
    <Form.List name={['content', 'dossier']}>
      {(fields, ops) => (
        <>
          {fields.map((field) => (
            <RowCard
              key={field.key}
              title={`Hồ sơ ${field.name + 1}`}
              extra={
                <RowButtons index={field.name} count={fields.length} ops={ops} label="hồ sơ" />
              }
            >
              <Form.Item
                label="Cấp trình"
                name={[field.name, 'level']}
                rules={[{ required: true, whitespace: true, message: 'Nhập cấp trình' }]}
              >
                <Input placeholder="Trình Chủ tịch UBND huyện" />
              </Form.Item>
              <LinesField
                name={[field.name, 'items']}
                label="Thành phần hồ sơ"
                itemLabel="thành phần"
                numbered
              />
            </RowCard>
          ))}
          <AddButton onClick={() => ops.add({ items: [''] })}>Thêm quy định hồ sơ</AddButton>
        </>
      )}
    </Form.List>
  );
}
