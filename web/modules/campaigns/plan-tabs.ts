import type { PlanStatus } from '../../../shared/campaign';

/** The tabs of a plan page, in display order. */
export const planTabKeys = [
  'content',
  'preview',
  'versions',
  'cascade',
  'registrations',
  'tree',
  'timeline',
  'evaluation',
  'dashboard',
  'results',
  'history',
] as const;
export type PlanTabKey = (typeof planTabKeys)[number];

/** What the tab choice reads from the plan detail the server sent. */
export type PlanTabFacts = {
  status: PlanStatus;
  documentVersion: number;
  cascadeUnitIds: readonly number[];
  parent: unknown;
  criteriaVersionId?: number | null;
  permissions: { canEdit: boolean; canViewHistory?: boolean; canViewDashboard?: boolean };
};

const live: readonly PlanStatus[] = ['issued', 'in_progress', 'in_review', 'closed'];
const evaluating: readonly PlanStatus[] = ['in_progress', 'in_review', 'closed'];

/**
 * The tabs a plan's status makes useful, decided only from the server's status and permissions:
 * - a draft: its content and document; the criteria choice to whoever drafts it; the plan tree
 *   when it implements a parent plan; the log to those who may read it;
 * - from issue on (registration opens): versions, the units required to follow (when there are
 *   any), registrations, the plan tree and the timeline, the criteria;
 * - once evaluation has started (in progress with criteria chosen, in review, closed): the
 *   evaluation overview (to those inside the issuer's tree, who may read it) and the results;
 * - a cancelled plan: its content, document, versions and registrations if it had been issued.
 */
export function visiblePlanTabs(p: PlanTabFacts): PlanTabKey[] {
  const issued = p.documentVersion > 0;
  const show: Record<PlanTabKey, boolean> = {
    content: true,
    preview: true,
    versions: issued,
    cascade: live.includes(p.status) && p.cascadeUnitIds.length > 0,
    registrations: live.includes(p.status) || (p.status === 'cancelled' && issued),
    tree: live.includes(p.status) || p.parent !== null,
    timeline: live.includes(p.status),
    evaluation: live.includes(p.status) || (p.status === 'draft' && p.permissions.canEdit),
    dashboard:
      p.permissions.canViewDashboard === true &&
      evaluating.includes(p.status) &&
      (p.status !== 'in_progress' || (p.criteriaVersionId ?? null) !== null),
    results:
      evaluating.includes(p.status) &&
      (p.status !== 'in_progress' || (p.criteriaVersionId ?? null) !== null),
    history: p.permissions.canViewHistory === true,
  };
  return planTabKeys.filter((k) => show[k]);
}
