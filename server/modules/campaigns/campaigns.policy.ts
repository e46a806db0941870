import type { PlanStatus } from '../../../shared/campaign';
import type { Actor } from '../../platform/context';
import { can, canAtUnit } from '../../platform/access';

/**
 * Who may do what with a plan. Drafting and issuing are held at the issuing unit itself (a grant
 * at that very unit), not inherited from an ancestor: the commune's officer drafts the commune's
 * plan and the commune's head issues it. Viewing follows the subtree rule.
 */

type UnitRef = { id: number; path: string };
type PlanRef = { status: PlanStatus; unit: UnitRef };

export function canDraftPlanAt(actor: Actor, unit: UnitRef): boolean {
  return canAtUnit(actor, 'campaign.draft', unit.id);
}

export function canIssuePlanAt(actor: Actor, unit: UnitRef): boolean {
  return canAtUnit(actor, 'campaign.issue', unit.id);
}

/** Issued plans are public; drafts and cancelled drafts only inside the issuing unit's subtree. */
export function canViewPlan(actor: Actor, plan: PlanRef & { issued: boolean }): boolean {
  if (plan.issued) return true;
  return can(actor, 'campaign.view', plan.unit.path);
}

export function canEditDraft(actor: Actor, plan: PlanRef): boolean {
  return plan.status === 'draft' && canDraftPlanAt(actor, plan.unit);
}

/** Amending an issued plan (a new version) is the officer's or the head's work at that unit. */
export function canAmendPlan(actor: Actor, plan: PlanRef): boolean {
  const live =
    plan.status === 'issued' || plan.status === 'in_progress' || plan.status === 'in_review';
  return live && (canDraftPlanAt(actor, plan.unit) || canIssuePlanAt(actor, plan.unit));
}

export function canCancelPlan(actor: Actor, plan: PlanRef): boolean {
  if (plan.status === 'draft')
    return canDraftPlanAt(actor, plan.unit) || canIssuePlanAt(actor, plan.unit);
  const live =
    plan.status === 'issued' || plan.status === 'in_progress' || plan.status === 'in_review';
  return live && canIssuePlanAt(actor, plan.unit);
}

export function canClosePlan(actor: Actor, plan: PlanRef): boolean {
  return (
    (plan.status === 'in_review' || plan.status === 'in_progress') &&
    (canIssuePlanAt(actor, plan.unit) || canDraftPlanAt(actor, plan.unit))
  );
}

/**
 * The change log of a plan (drafts' content, who changed what) stays inside the issuing unit's
 * tree even once the plan is public: the published text is the issued versions.
 */
export function canViewPlanHistory(actor: Actor, plan: PlanRef): boolean {
  return can(actor, 'campaign.view', plan.unit.path);
}

/** The permissions a plan detail carries so the UI only reflects server decisions. */
export function planPermissions(actor: Actor, plan: PlanRef) {
  return {
    canEdit: canEditDraft(actor, plan),
    canIssue: plan.status === 'draft' && canIssuePlanAt(actor, plan.unit),
    canAmend: canAmendPlan(actor, plan),
    canCancel: canCancelPlan(actor, plan),
    canClose: canClosePlan(actor, plan),
    canViewHistory: canViewPlanHistory(actor, plan),
    // Registrations (registrations.policy.ts, same actions): the actor registers for every unit
    // of the plan (registration.submit over the issuer) / reviews its registrations. The web
    // needs these without reading the issuing unit, which a lower unit's officer may not see.
    registersEverywhere: can(actor, 'registration.submit', plan.unit.path),
    canReviewRegistrations: can(actor, 'registration.review', plan.unit.path),
    // The evaluation overview (evaluation/dashboard.service.ts) stays inside the issuer's tree.
    canViewDashboard: can(actor, 'campaign.view', plan.unit.path),
    // The quota what-if (quotas module) answers 403 without it: the tab is not shown then.
    canSimulateQuota: can(actor, 'quota.simulate', plan.unit.path),
  };
}
