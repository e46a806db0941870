import { can } from '../../platform/access';
import type { Actor } from '../../platform/context';

/** Create a council, schedule its meetings, record attendance, agenda and paper tallies. */
export function canManageCouncil(actor: Actor, unitPath: string): boolean {
  return can(actor, 'council.manage', unitPath);
}

/** Vote in the app: a member of the council who holds council.vote over its unit. */
export function canVote(actor: Actor, unitPath: string, isMember: boolean): boolean {
  return isMember && can(actor, 'council.vote', unitPath);
}
