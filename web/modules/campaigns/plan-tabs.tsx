import { EntityHistory } from '../../ui/audit-table';
import { PlanCascade } from './plan-cascade';
import { PlanPreview } from './plan-preview';
import { isLivePlan, type PlanTab } from './plan-tab-registry';
import { PlanTimeline } from './plan-timeline';
import { PlanTreeView } from './plan-tree';
import { PlanVersions } from './plan-versions';
import { planKeys } from './plans.api';

/**
 * The plan's own tabs: its content and document always; from issue on its versions, the units
 * required to follow (when there are any), the plan tree (also for a draft implementing a parent
 * plan) and the timeline; the change log to those who may read it.
 */
export const campaignPlanTabs: readonly PlanTab[] = [
  {
    key: 'content',
    label: 'Nội dung',
    order: 10,
    visible: () => true,
    forceRender: true,
    render: ({ page }) => page.editor,
  },
  {
    key: 'preview',
    label: 'Xem trước',
    order: 20,
    visible: () => true,
    render: ({ plan, active, page }) => (
      <PlanPreview planId={plan.id} active={active} getEdits={page.getEdits} />
    ),
  },
  {
    key: 'versions',
    label: 'Phiên bản',
    order: 30,
    visible: (p) => p.documentVersion > 0,
    render: ({ plan }) => <PlanVersions plan={plan} />,
  },
  {
    key: 'cascade',
    label: 'Cấp dưới',
    order: 40,
    visible: (p) => isLivePlan(p) && p.cascadeUnitIds.length > 0,
    render: ({ plan }) => <PlanCascade plan={plan} />,
  },
  {
    key: 'tree',
    label: 'Cây kế hoạch',
    order: 60,
    visible: (p) => isLivePlan(p) || p.parent !== null,
    render: ({ plan }) => <PlanTreeView planId={plan.id} />,
  },
  {
    key: 'timeline',
    label: 'Mốc thời gian',
    order: 70,
    visible: isLivePlan,
    render: ({ plan }) => <PlanTimeline plan={plan} />,
  },
  {
    key: 'history',
    label: 'Nhật ký',
    order: 110,
    visible: (p) => p.permissions.canViewHistory === true,
    render: ({ plan }) => (
      <EntityHistory url={`/api/plans/${plan.id}/history`} queryKey={planKeys.detail(plan.id)} />
    ),
  },
];
