import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Card, Flex, Form, Result, Spin, Tabs, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client';
import { planKindLabels } from '../../../shared/campaign';
import { EntityHistory } from '../../ui/audit-table';
import { ErrorAlert } from '../../ui/error-alert';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { PlanActions } from './plan-actions';
import { PlanDoubts } from './plan-doubts';
import { PlanCascade } from './plan-cascade';
import { PlanRegistrations } from '../registrations/plan-registrations';
import { PlanEditor } from './plan-editor';
import type { EditorMode } from './plan-editor';
import {
  applyPlanErrors,
  cleanContent,
  emptyContentValues,
  formValuesToInput,
  planToFormValues,
} from './plan-form';
import type { PlanFormValues } from './plan-form';
import { PlanStatusTag } from './plan-labels';
import { PlanPreview } from './plan-preview';
import { PlanTimeline } from './plan-timeline';
import { PlanTreeView } from './plan-tree';
import { PlanVersions } from './plan-versions';
import { PlanEvaluationTab } from '../evaluation/plan-evaluation';
import { PlanResultsTab } from '../evaluation/results-tab';
import { PlanDashboardTab } from '../evaluation/dashboard-tab';
import { planHistoryUrl, planKeys, usePlan } from './plans.api';
import type { PlanDetail } from './plans.api';
import NewPlan from './plan-new';
import { useDirtyTracker } from './unsaved-guard';
import { visiblePlanTabs } from './plan-tabs';

/** /plans/new creates a plan; /plans/:planId shows one. */
export default function PlanPage() {
  const { planId } = useParams();
  if (!planId) return <NewPlan />;
  return <PlanDetailPage key={planId} id={planId} />;
}

function PlanDetailPage({ id }: { id: string }) {
  const plan = usePlan(id);
  const [form] = Form.useForm<PlanFormValues>();
  const tracker = useDirtyTracker(form);
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab') ?? 'content';
  const [amendReason, setAmendReason] = useState<string | null>(null);
  // What the form was last loaded from: a newer plan replaces it unless the user has edits.
  const loaded = useRef<{ version: number; status: string } | null>(null);

  const load = useCallback(
    (p: PlanDetail) => {
      loaded.current = { version: p.version, status: p.status };
      form.resetFields();
      form.setFieldsValue(planToFormValues(p));
      tracker.markClean();
    },
    [form, tracker],
  );

  const data = plan.data;
  useEffect(() => {
    if (!data) return;
    const last = loaded.current;
    if (last && last.version === data.version) return;
    const keepEdits = last !== null && last.status === data.status && tracker.isDirty();
    if (!keepEdits) load(data);
  }, [data, tracker, load]);

  if (plan.error) {
    if (isApiError(plan.error, 'NOT_FOUND') || isApiError(plan.error, 'FORBIDDEN')) {
      return (
        <Result
          status={isApiError(plan.error, 'FORBIDDEN') ? '403' : '404'}
          title={plan.error.message}
          extra={<Link to="/plans">Về danh sách kế hoạch</Link>}
        />
      );
    }
    return <ErrorAlert error={plan.error} />;
  }
  if (!data) return <Spin description="Đang tải…" />;
  const p = data;
  // Only the tabs the plan's status makes useful; an unknown or hidden ?tab= shows the content.
  const visibleTabs: readonly string[] = visiblePlanTabs(p);
  const tab = visibleTabs.includes(tabParam) ? tabParam : 'content';

  const mode: EditorMode = p.permissions.canEdit
    ? 'edit'
    : amendReason && p.permissions.canAmend
      ? 'amend'
      : 'view';

  const getEdits = () => {
    if (mode === 'view') return null;
    const all = form.getFieldsValue(true) as PlanFormValues;
    return formValuesToInput({
      ...all,
      content: cleanContent(all.content ?? emptyContentValues()),
    });
  };

  const setTab = (key: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (key === 'content') next.delete('tab');
        else next.set('tab', key);
        return next;
      },
      { replace: true },
    );

  const numberLine = p.documentNumber
    ? `Số ${p.documentNumber} ngày ${formatDate(p.issuedOn)}`
    : 'Dự thảo — chưa có số';

  return (
    <>
      <PageHeader
        title={p.title}
        subtitle={
          <Flex gap={8} wrap align="center" component="span">
            <PlanStatusTag status={p.status} />
            <span>
              {planKindLabels[p.kind]} · {p.issuingUnit.name} · {numberLine}
              {p.documentVersion > 1 ? ` · phiên bản ${p.documentVersion}` : ''}
            </span>
          </Flex>
        }
        breadcrumb={[
          { title: 'Kế hoạch thi đua', to: '/plans' },
          { title: p.documentNumber ?? 'Dự thảo' },
        ]}
        extra={
          <PlanActions
            plan={p}
            isDirty={tracker.isDirty}
            amending={mode === 'amend'}
            onAmend={(reason) => {
              setAmendReason(reason);
              setTab('content');
            }}
            onIssueBlocked={(e) => applyPlanErrors(form, e)}
          />
        }
      />
      {p.parent && (
        <Typography.Paragraph>
          Thực hiện kế hoạch cấp trên:{' '}
          <Link to={`/plans/${p.parent.id}`}>
            {p.parent.documentNumber ? `Số ${p.parent.documentNumber} — ` : ''}
            {p.parent.title}
          </Link>{' '}
          ({p.parent.issuingUnit.name})
        </Typography.Paragraph>
      )}
      {p.status === 'cancelled' && (
        <Alert
          type="error"
          showIcon
          title="Kế hoạch đã bị hủy"
          description={p.cancelledReason ? `Lý do: ${p.cancelledReason}` : undefined}
          style={{ marginBottom: 16 }}
        />
      )}
      <PlanDoubts plan={p} form={form} />
      <Card size="small" className="plan-tabs-card">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'content',
              label: 'Nội dung',
              forceRender: true,
              children: (
                <PlanEditor
                  form={form}
                  mode={mode}
                  plan={p}
                  unitOptions={[{ value: String(p.issuingUnit.id), label: p.issuingUnit.name }]}
                  amendReason={amendReason}
                  isDirty={tracker.isDirty}
                  onSaved={() => {
                    loaded.current = null;
                    setAmendReason(null);
                  }}
                  onCancelAmend={() => {
                    setAmendReason(null);
                    load(p);
                  }}
                  onReload={() => {
                    void plan.refetch().then((r) => r.data && load(r.data));
                  }}
                />
              ),
            },
            {
              key: 'preview',
              label: 'Xem trước',
              children: (
                <PlanPreview planId={p.id} active={tab === 'preview'} getEdits={getEdits} />
              ),
            },
            { key: 'versions', label: 'Phiên bản', children: <PlanVersions plan={p} /> },
            { key: 'cascade', label: 'Cấp dưới', children: <PlanCascade plan={p} /> },
            {
              key: 'registrations',
              label: 'Đăng ký thi đua',
              children: <PlanRegistrations plan={p} />,
            },
            { key: 'tree', label: 'Cây kế hoạch', children: <PlanTreeView planId={p.id} /> },
            { key: 'timeline', label: 'Mốc thời gian', children: <PlanTimeline plan={p} /> },
            { key: 'evaluation', label: 'Đánh giá', children: <PlanEvaluationTab plan={p} /> },
            { key: 'results', label: 'Kết quả', children: <PlanResultsTab plan={p} /> },
            {
              key: 'dashboard',
              label: 'Tổng quan đánh giá',
              children: <PlanDashboardTab plan={p} />,
            },
            ...(p.permissions.canViewHistory
              ? [
                  {
                    key: 'history',
                    label: 'Nhật ký',
                    children: (
                      <EntityHistory url={planHistoryUrl(p.id)} queryKey={planKeys.detail(id)} />
                    ),
                  },
                ]
              : []),
          ].filter((item) => visibleTabs.includes(item.key))}
        />
      </Card>
    </>
  );
}
