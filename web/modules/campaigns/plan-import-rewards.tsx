import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { rewardScopeLabels, rewardScopes } from '../../../shared/campaign';
import type { PlanKind } from '../../../shared/campaign';
import type { FoundPlan } from './plan-import.api';
import { Group, RowListField } from './plan-import-fields';

/** The review form's card for rewards, award quotas and (for a contest) prizes and entry quotas. */

export function RewardsGroup({ found, kind }: { found: FoundPlan; kind: PlanKind | undefined }) {
  return (
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
                <Input placeholder="Giấy khen, Bằng khen…" aria-label={`Hình thức ${i + 1}`} />
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
                      typeof getFieldValue(['content', 'quotas', field.name, 'maxPercent']) ===
                        'number'
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
                    rules={[{ required: true, whitespace: true, message: 'Nhập loại đơn vị' }]}
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
  );
}
