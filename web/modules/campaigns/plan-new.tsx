import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Result,
  Select,
  Spin,
  Typography,
} from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../ui/error-alert';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { useOfficerUnits } from './plan-access';
import { PlanEditor } from './plan-editor';
import { emptyContentValues } from './plan-form';
import type { PlanFormValues } from './plan-form';
import { placeOf } from './editor/general-section';
import { usePlan, useStartChildPlan } from './plans.api';
import { useDirtyTracker } from './unsaved-guard';

/**
 * /plans/new?unitId=&parentId=. With a parent: the server drafts the unit's plan from the issued
 * parent (POST children). Without: an empty editor, created on first save.
 */
export default function NewPlan() {
  const [params] = useSearchParams();
  const parentId = params.get('parentId') ?? undefined;
  const unitId = params.get('unitId') ?? undefined;
  const units = useOfficerUnits();

  if (units.length === 0) {
    return (
      <Result
        status="403"
        title="Bạn chưa được giao soạn kế hoạch"
        subTitle="Chỉ cán bộ thi đua của một đơn vị mới soạn được kế hoạch của đơn vị đó."
        extra={<Link to="/plans">Về danh sách kế hoạch</Link>}
      />
    );
  }
  const defaultUnit = units.some((u) => u.value === unitId)
    ? unitId
    : units.length === 1
      ? units[0]?.value
      : undefined;
  if (parentId) return <FromParent parentId={parentId} units={units} defaultUnit={defaultUnit} />;
  return <BlankPlan units={units} defaultUnit={defaultUnit} />;
}

type UnitOption = { value: string; label: string };

function BlankPlan({ units, defaultUnit }: { units: UnitOption[]; defaultUnit?: string }) {
  const [form] = Form.useForm<PlanFormValues>();
  const tracker = useDirtyTracker(form);
  const navigate = useNavigate();

  useEffect(() => {
    const name = units.find((u) => u.value === defaultUnit)?.label;
    form.setFieldsValue({
      issuingUnitId: defaultUnit,
      kind: 'campaign',
      mode: 'thematic',
      docType: 'KH',
      issuerSymbol: 'UBND',
      place: name ? placeOf(name) : '',
      title: '',
      cascadeUnitIds: [],
      content: emptyContentValues(),
    });
    tracker.markClean();
  }, [form, tracker, units, defaultUnit]);

  return (
    <>
      <PageHeader
        title="Tạo kế hoạch thi đua"
        subtitle="Soạn dự thảo theo từng phần; sau khi tạo có thể xem trước bản in, tải .docx/.pdf và trình ban hành."
        breadcrumb={[{ title: 'Kế hoạch thi đua', to: '/plans' }, { title: 'Tạo mới' }]}
      />
      <Card size="small">
        <PlanEditor
          form={form}
          mode="create"
          unitOptions={units}
          isDirty={tracker.isDirty}
          onSaved={(p) => {
            tracker.markClean();
            void navigate(`/plans/${p.id}`, { replace: true });
          }}
        />
      </Card>
    </>
  );
}

function FromParent({
  parentId,
  units,
  defaultUnit,
}: {
  parentId: string;
  units: UnitOption[];
  defaultUnit?: string;
}) {
  const parent = usePlan(parentId);
  const start = useStartChildPlan();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [unit, setUnit] = useState<string | undefined>(defaultUnit);

  const crumbs = [{ title: 'Kế hoạch thi đua', to: '/plans' }, { title: 'Tạo mới' }];
  if (parent.error) return <ErrorAlert error={parent.error} />;
  if (!parent.data) return <Spin description="Đang tải…" />;
  const p = parent.data;
  const candidates = units.filter((u) => u.value !== String(p.issuingUnit.id));

  return (
    <>
      <PageHeader
        title="Xây dựng kế hoạch thực hiện kế hoạch cấp trên"
        subtitle="Dự thảo được điền sẵn từ kế hoạch cấp trên: căn cứ, chủ đề, mục đích, nội dung, tiêu chí, khen thưởng và thời gian."
        breadcrumb={crumbs}
      />
      <Card size="small" style={{ maxWidth: 760 }}>
        <Descriptions
          size="small"
          column={1}
          bordered
          style={{ marginBottom: 16 }}
          items={[
            {
              key: 'plan',
              label: 'Kế hoạch cấp trên',
              children: <Link to={`/plans/${p.id}`}>{p.title}</Link>,
            },
            {
              key: 'number',
              label: 'Số, ngày',
              children: p.documentNumber
                ? `${p.documentNumber} ngày ${formatDate(p.issuedOn)}`
                : 'Chưa ban hành',
            },
            { key: 'unit', label: 'Đơn vị ban hành', children: p.issuingUnit.name },
          ]}
        />
        {p.documentNumber === null && (
          <Alert
            type="warning"
            showIcon
            title="Kế hoạch cấp trên chưa được ban hành."
            style={{ marginBottom: 16 }}
          />
        )}
        <Form layout="vertical">
          <Form.Item label="Đơn vị của bạn" htmlFor="child-unit" required>
            <Select
              id="child-unit"
              value={unit}
              onChange={setUnit}
              options={candidates}
              placeholder="Chọn đơn vị"
            />
          </Form.Item>
        </Form>
        <ErrorAlert error={start.error} />
        <Button
          type="primary"
          disabled={!unit || p.documentNumber === null}
          loading={start.isPending}
          onClick={() =>
            unit &&
            start.mutate(
              { parentId: p.id, unitId: unit },
              {
                onSuccess: (child) => {
                  void message.success('Đã tạo dự thảo từ kế hoạch cấp trên.');
                  void navigate(`/plans/${child.id}`, { replace: true });
                },
              },
            )
          }
        >
          Tạo dự thảo
        </Button>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          Mỗi đơn vị chỉ có một kế hoạch thực hiện cho mỗi kế hoạch cấp trên.
        </Typography.Paragraph>
      </Card>
    </>
  );
}
