import { useState } from 'react';
import { Button, Col, Form, Input, Modal, Row, Table, Tag, Typography } from 'antd';
import { LinkOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../ui/error-alert';
import { formatDate } from '../../../ui/format';
import { useDebouncedValue } from '../../../ui/hooks';
import { citePlan } from '../plan-labels';
import type { ContentValues } from '../plan-form';
import { usePlans } from '../plans.api';
import type { PlanSummary } from '../plans.api';
import { AddButton, DateInput, RowButtons, RowCard, useEditable } from './fields';

type Basis = ContentValues['legalBases'][number];

/** A legal basis citing a plan of this system: the sentence, its number and date, and the link. */
export function basisFromPlan(p: PlanSummary): Basis {
  return {
    text: citePlan(p),
    number: p.documentNumber,
    date: p.issuedOn ? dayjs(p.issuedOn) : null,
    planId: p.id,
  };
}

/** Căn cứ: the legal-basis rows, a picker linking an issued plan, and the preamble. */
export function LegalBasesSection({ excludePlanId }: { excludePlanId?: number }) {
  const form = Form.useFormInstance();
  const editable = useEditable();
  // null: closed; 'new': add a row; a number: link that row.
  const [picking, setPicking] = useState<number | 'new' | null>(null);

  const onPick = (p: PlanSummary) => {
    const basis = basisFromPlan(p);
    const path = ['content', 'legalBases'];
    const list = (form.getFieldValue(path) as Basis[] | undefined) ?? [];
    if (picking === 'new') form.setFieldValue(path, [...list, basis]);
    else if (typeof picking === 'number')
      form.setFieldValue(
        path,
        list.map((b, i) => (i === picking ? basis : b)),
      );
    setPicking(null);
  };

  return (
    <>
      <Form.List name={['content', 'legalBases']}>
        {(fields, ops) => (
          <>
            {fields.length === 0 && (
              <Typography.Paragraph type="secondary">Chưa có căn cứ nào.</Typography.Paragraph>
            )}
            {fields.map((field) => (
              <RowCard
                key={field.key}
                title={`Căn cứ ${field.name + 1}`}
                extra={
                  <RowButtons index={field.name} count={fields.length} ops={ops} label="căn cứ" />
                }
              >
                <Form.Item
                  name={[field.name, 'text']}
                  rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập căn cứ' }]}
                  style={{ marginBottom: 8 }}
                >
                  <Input.TextArea
                    autoSize={{ minRows: 1, maxRows: 6 }}
                    placeholder="Chỉ thị số 23/CT-TTg ngày 02/9/2021 của Thủ tướng Chính phủ về …"
                    aria-label={`Nội dung căn cứ ${field.name + 1}`}
                  />
                </Form.Item>
                <Row gutter={8}>
                  <Col xs={12} sm={8}>
                    <Form.Item name={[field.name, 'number']} label="Số hiệu">
                      <Input placeholder="23/CT-TTg" />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={8}>
                    <Form.Item name={[field.name, 'date']} label="Ngày">
                      <DateInput />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={8}>
                    <Form.Item label="Kế hoạch liên kết" shouldUpdate>
                      {() => {
                        const planId = form.getFieldValue([
                          'content',
                          'legalBases',
                          field.name,
                          'planId',
                        ]) as number | null | undefined;
                        return (
                          <>
                            {planId ? (
                              <Tag color="blue" icon={<LinkOutlined />}>
                                <Link to={`/plans/${planId}`}>Xem kế hoạch</Link>
                              </Tag>
                            ) : (
                              !editable && '—'
                            )}
                            {editable && (
                              <Button size="small" onClick={() => setPicking(field.name)}>
                                {planId ? 'Đổi' : 'Chọn kế hoạch'}
                              </Button>
                            )}
                          </>
                        );
                      }}
                    </Form.Item>
                  </Col>
                </Row>
              </RowCard>
            ))}
            <AddButton onClick={() => ops.add({ text: '' })}>Thêm căn cứ</AddButton>{' '}
            {editable && (
              <Button
                icon={<LinkOutlined />}
                onClick={() => setPicking('new')}
                style={{ marginBottom: 16 }}
              >
                Căn cứ kế hoạch đã ban hành…
              </Button>
            )}
          </>
        )}
      </Form.List>
      <Form.Item
        label="Lời dẫn sau căn cứ"
        name={['content', 'preamble']}
        extra="Ví dụ: Ủy ban nhân dân xã xây dựng Kế hoạch … như sau:"
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <PlanPicker
        open={picking !== null}
        excludePlanId={excludePlanId}
        onPick={onPick}
        onClose={() => setPicking(null)}
      />
    </>
  );
}

/** Searches issued plans (accent-insensitive, on the server) to cite one. */
function PlanPicker({
  open,
  excludePlanId,
  onPick,
  onClose,
}: {
  open: boolean;
  excludePlanId?: number;
  onPick: (p: PlanSummary) => void;
  onClose: () => void;
}) {
  const [search, setSearch] = useState('');
  const term = useDebouncedValue(search.trim(), 300);
  const plans = usePlans({ search: term || undefined, page: 1, pageSize: 30 }, open);
  const issued = (plans.data?.items ?? []).filter(
    (p) => p.documentNumber !== null && p.status !== 'cancelled' && p.id !== excludePlanId,
  );

  return (
    <Modal
      open={open}
      title="Chọn kế hoạch đã ban hành làm căn cứ"
      onCancel={onClose}
      footer={null}
      width={720}
      destroyOnHidden
    >
      <Input.Search
        allowClear
        autoFocus
        placeholder="Tìm theo trích yếu (gõ không dấu được)"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        style={{ marginBottom: 12 }}
        aria-label="Tìm kế hoạch"
      />
      <ErrorAlert error={plans.error} />
      <Table<PlanSummary>
        size="small"
        rowKey="id"
        loading={plans.isFetching}
        dataSource={issued}
        pagination={false}
        scroll={{ y: 420 }}
        locale={{ emptyText: 'Không có kế hoạch đã ban hành phù hợp' }}
        columns={[
          {
            title: 'Kế hoạch',
            key: 'plan',
            render: (_: unknown, p) => (
              <>
                <div>{p.title}</div>
                <Typography.Text type="secondary">
                  Số {p.documentNumber} ngày {formatDate(p.issuedOn)} — {p.issuingUnit.name}
                </Typography.Text>
              </>
            ),
          },
          {
            title: '',
            key: 'pick',
            width: 80,
            render: (_: unknown, p) => (
              <Button type="primary" size="small" onClick={() => onPick(p)}>
                Chọn
              </Button>
            ),
          },
        ]}
      />
    </Modal>
  );
}
