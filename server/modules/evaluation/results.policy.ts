import { roleAllows } from '../../../shared/permissions';
import type { Actor } from '../../platform/context';
import { isWithin } from '../../platform/access';
import { canAppraise as canScoreAsAppraiser } from './appraisal.policy';

/** Who may compute, publish and reopen a campaign's results. */

function holdsRoleOver(actor: Actor, roles: readonly string[], unitPath: string): boolean {
  if (actor.kind !== 'user') return actor.kind === 'system';
  return actor.grants.some(
    (g) =>
      roles.includes(g.role) &&
      roleAllows(g.role, 'campaign.view') &&
      (g.unitPath === null ? g.role === 'admin' : isWithin(unitPath, g.unitPath)),
  );
}

/**
 * Computing results is appraisers' work: the same rule as scoring (appraisal.policy.ts); the system
 * actor (benchmarks, jobs) may too.
 */
export function canAppraise(actor: Actor, planUnitPath: string): boolean {
  return actor.kind === 'system' || canScoreAsAppraiser(actor, planUnitPath);
}

/** The head of the issuing unit itself publishes (results are announced by decision). */
export function canPublishResults(actor: Actor, plan: { issuingUnitId: number }): boolean {
  if (actor.kind !== 'user') return actor.kind === 'system';
  return actor.grants.some((g) => g.role === 'unit_head' && g.unitId === plan.issuingUnitId);
}

/** Reopening published results needs the council. */
export function canReopenResults(actor: Actor, planUnitPath: string): boolean {
  return holdsRoleOver(actor, ['council_member'], planUnitPath);
}
