import type { ReactNode } from 'react';
import type { PlanStatus } from '../../../shared/campaign';
import type { PlanDetail, PlanInput } from './plans.api';

/**
 * The plan page's tabs come from this registry: each web module contributes its tabs (key,
 * label, order, when visible, what it renders) in its own `plan-tabs.tsx`, and the app composes
 * them once at start (web/shell/plan-tabs.ts). The page shows the visible ones in order; a
 * `?tab=` naming a hidden or unknown tab shows the content. Campaigns never imports the modules
 * that contribute.
 */

/** What a tab's visibility reads from the plan detail the server sent. */
export type PlanTabFacts = {
  status: PlanStatus;
  documentVersion: number;
  cascadeUnitIds: readonly number[];
  parent: unknown;
  criteriaVersionId?: number | null;
  permissions: {
    canEdit: boolean;
    canViewHistory?: boolean;
    canViewDashboard?: boolean;
    canSimulateQuota?: boolean;
  };
};

/** What the plan page gives each tab it renders. */
export type PlanTabProps = {
  plan: PlanDetail;
  /** Whether this tab is the one shown. */
  active: boolean;
  /** The page's editor (the content tab) and its unsaved edits (for the preview). */
  page: { editor: ReactNode; getEdits: () => Partial<PlanInput> | null };
};

export type PlanTab = {
  /** The `?tab=` value; never change a key once shipped (links carry it). */
  key: string;
  label: string;
  /** Display order, ascending (the campaigns tabs use tens; contributors fit between). */
  order: number;
  /** Decided only from the server's status and permissions. */
  visible: (plan: PlanTabFacts) => boolean;
  /** Keep the tab mounted while hidden (the editor's form). */
  forceRender?: boolean;
  render: (props: PlanTabProps) => ReactNode;
};

/** Issued and not finished with: registration is open or evaluation is under way. */
export const isLivePlan = (p: PlanTabFacts) =>
  p.status === 'issued' ||
  p.status === 'in_progress' ||
  p.status === 'in_review' ||
  p.status === 'closed';

/** Evaluation has started: in progress with criteria chosen, in review, or closed. */
export const isEvaluatingPlan = (p: PlanTabFacts) =>
  p.status === 'in_review' ||
  p.status === 'closed' ||
  (p.status === 'in_progress' && (p.criteriaVersionId ?? null) !== null);

const registry: PlanTab[] = [];

/** Adds tabs to the plan page; a key may be registered once. Call at app start. */
export function registerPlanTabs(...tabs: readonly PlanTab[]): void {
  for (const tab of tabs) {
    if (registry.some((t) => t.key === tab.key))
      throw new Error(`plan tab "${tab.key}" is registered twice`);
    registry.push(tab);
  }
}

/** The tabs this plan shows, in display order (from `tabs`, by default the registered ones). */
export function planTabsFor(plan: PlanTabFacts, tabs: readonly PlanTab[] = registry): PlanTab[] {
  return tabs.filter((t) => t.visible(plan)).sort((a, b) => a.order - b.order);
}
