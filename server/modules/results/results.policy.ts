import type { Actor } from '../../platform/context';
import { can, canAtUnit } from '../../platform/access';
import { canAppraise as canScoreAsAppraiser } from '../appraisal/index';

/** Who may compute, publish and reopen a campaign's results (the permission catalogue). */

/**
 * Computing results is appraisers' work: the same rule as scoring (appraisal.policy.ts); the system
 * actor (benchmarks, jobs) may too.
 */
export function canAppraise(actor: Actor, planUnitPath: string): boolean {
  return actor.kind === 'system' || canScoreAsAppraiser(actor, planUnitPath);
}

/**
 * The head of the issuing unit itself publishes (results are announced by decision):
 * `results.publish`, held at that very unit.
 */
export function canPublishResults(actor: Actor, plan: { issuingUnitId: number }): boolean {
  return canAtUnit(actor, 'results.publish', plan.issuingUnitId);
}

/** Reopening published results needs the council: `results.reopen` over the plan's unit. */
export function canReopenResults(actor: Actor, planUnitPath: string): boolean {
  return can(actor, 'results.reopen', planUnitPath) && can(actor, 'campaign.view', planUnitPath);
}
