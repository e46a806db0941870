import type { Actor } from '../../platform/context';
import { can, scopeFor } from '../../platform/access';
import type { AwardScope } from '../../../shared/awards';

/**
 * Who may change the award catalogue (`award_catalogue.manage`, held by administrators): the
 * national catalogue, the base salary and the rounding rule only with a system-wide grant; a
 * province's own forms with a grant covering that province. Plans' own forms are the plan's
 * business (not managed here). Everyone signed in may read the catalogue.
 */

export function canManageNational(actor: Actor): boolean {
  return scopeFor(actor, 'award_catalogue.manage').all;
}

export function canManageForm(
  actor: Actor,
  form: { scope: AwardScope; provincePath: string | null },
): boolean {
  if (form.scope === 'national') return canManageNational(actor);
  if (form.scope === 'province' && form.provincePath !== null)
    return can(actor, 'award_catalogue.manage', form.provincePath);
  return false;
}
