import { Button, Checkbox, Col, Flex, Form, Row, Spin, Tag, Typography } from 'antd';
import { useQueries, useQuery } from '@tanstack/react-query';
import { governmentKinds } from '../../../../shared/org';
import type { UnitKind } from '../../../../shared/org';
import { ErrorAlert } from '../../../ui/error-alert';
import { UnitTreeSelect } from '../../../ui/unit-tree-select';
import { childrenQuery, unitDetailQuery } from '../../../ui/unit-fetch';
import { usePlanCascade } from '../plans.api';
import { DateInput, useEditable } from './fields';

/**
 * Cấp dưới: lower units that must issue their own plan from this one, and by when. Read-only, the
 * names come from the plan's cascade board (a reader may not browse the issuing unit's subtree).
 */
export function CascadeSection({ planId }: { planId?: number }) {
  const unitId = Form.useWatch('issuingUnitId') as string | undefined;
  const editable = useEditable();
  return (
    <>
      <Form.Item
        label="Đơn vị cấp dưới phải xây dựng kế hoạch"
        name="cascadeUnitIds"
        extra={
          editable
            ? 'Sau khi ban hành, hệ thống theo dõi và nhắc các đơn vị này ban hành kế hoạch của mình.'
            : undefined
        }
      >
        {editable || planId === undefined ? (
          <CascadeUnitsPicker unitId={unitId} />
        ) : (
          <CascadeUnitNames planId={planId} />
        )}
      </Form.Item>
      <Row>
        <Col xs={24} sm={12} md={8}>
          <Form.Item label="Hạn ban hành kế hoạch cấp dưới" name="cascadeDeadline">
            <DateInput />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

function CascadeUnitNames({ planId }: { planId: number }) {
  const board = usePlanCascade(planId);
  if (board.error) return <ErrorAlert error={board.error} />;
  if (!board.data) return <Spin size="small" />;
  if (board.data.units.length === 0)
    return <Typography.Text type="secondary">Không có</Typography.Text>;
  return (
    <Flex gap={4} wrap>
      {board.data.units.map((u) => (
        <Tag key={String(u.unit.id)}>{u.unit.name}</Tag>
      ))}
    </Flex>
  );
}

const localKinds: readonly UnitKind[] = governmentKinds.filter(
  (k) => k !== 'province' && k !== 'district',
);

function CascadeUnitsPicker({
  unitId,
  value = [],
  onChange,
}: {
  unitId: string | undefined;
  value?: string[];
  onChange?: (v: string[]) => void;
}) {
  const editable = useEditable();
  const children = useQuery({ ...childrenQuery(unitId ?? ''), enabled: Boolean(unitId) });
  const direct = (children.data ?? []).filter((u) => u.active);
  const directIds = new Set(direct.map((u) => String(u.id)));
  const others = value.filter((id) => !directIds.has(id));
  const otherUnits = useQueries({
    queries: others.map((id) => ({ ...unitDetailQuery(id), staleTime: 60_000 })),
  });

  if (!unitId)
    return <Typography.Text type="secondary">Chọn đơn vị ban hành trước.</Typography.Text>;
  if (children.isLoading) return <Spin size="small" />;
  if (children.error) return <ErrorAlert error={children.error} />;

  const set = (ids: string[]) => onChange?.([...new Set(ids)]);
  const communes = direct.filter((u) => localKinds.includes(u.kind)).map((u) => String(u.id));

  return (
    <div>
      {editable && (
        <Flex gap={8} wrap style={{ marginBottom: 8 }}>
          {communes.length > 0 && (
            <Button size="small" onClick={() => set([...value, ...communes])}>
              Chọn tất cả xã/phường ({communes.length})
            </Button>
          )}
          <Button size="small" onClick={() => set([...value, ...directIds])}>
            Chọn tất cả trực thuộc
          </Button>
          <Button size="small" onClick={() => set(others)} disabled={value.length === 0}>
            Bỏ chọn
          </Button>
          <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
            Đã chọn {value.length}
          </Typography.Text>
        </Flex>
      )}
      {direct.length === 0 ? (
        <Typography.Text type="secondary">Đơn vị này không có đơn vị trực thuộc.</Typography.Text>
      ) : (
        <Checkbox.Group
          value={value.filter((id) => directIds.has(id))}
          onChange={(checked) => set([...others, ...checked.map(String)])}
          style={{ width: '100%' }}
        >
          <Row gutter={[8, 4]} style={{ width: '100%' }}>
            {direct.map((u) => (
              <Col key={String(u.id)} xs={24} sm={12} lg={8}>
                <Checkbox value={String(u.id)}>
                  {u.name}{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    ({u.kindLabel})
                  </Typography.Text>
                </Checkbox>
              </Col>
            ))}
          </Row>
        </Checkbox.Group>
      )}
      {others.length > 0 && (
        <div style={{ marginTop: 8 }}>
          <Typography.Text>Đơn vị cấp dưới khác: </Typography.Text>
          {others.map((id, i) => (
            <Tag
              key={id}
              closable={editable}
              onClose={() => set(value.filter((v) => v !== id))}
              style={{ marginBottom: 4 }}
            >
              {otherUnits[i]?.data?.name ?? `#${id}`}
            </Tag>
          ))}
        </div>
      )}
      {editable && (
        <div style={{ marginTop: 8, maxWidth: 420 }}>
          <UnitTreeSelect
            aria-label="Thêm đơn vị cấp dưới khác"
            placeholder="Thêm đơn vị cấp dưới khác (gõ để tìm)"
            value={undefined}
            onChange={(id) => id && id !== unitId && set([...value, id])}
          />
        </div>
      )}
    </div>
  );
}
