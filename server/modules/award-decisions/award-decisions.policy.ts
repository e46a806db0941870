import type { Actor } from '../../platform/context';
import { can, canAtUnit } from '../../platform/access';

/** Who may see a unit's decisions: anyone who sees its plans (`campaign.view` over the unit). */
export function canViewDecision(actor: Actor, unitPath: string): boolean {
  return can(actor, 'campaign.view', unitPath);
}

/** Who may draft, edit, delete a draft or draft a replacement: `award_decision.manage` over it. */
export function canManageDecision(actor: Actor, unitPath: string): boolean {
  return can(actor, 'award_decision.manage', unitPath);
}

/** Who may issue (sign) a unit's decision: `decision.sign` held at that very unit. */
export function canIssueDecision(actor: Actor, unitId: number): boolean {
  return canAtUnit(actor, 'decision.sign', unitId);
}
