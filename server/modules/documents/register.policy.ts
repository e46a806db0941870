import type { RegisterStatus } from '../../../shared/documents';
import type { Actor } from '../../platform/context';
import { can, canAtUnit } from '../../platform/access';
import { nextRegisterStatus } from './register.rules';

/**
 * Who may see and keep a unit's register of outgoing documents. Viewing follows `campaign.view`
 * (the staff who may view the unit's plans, drafts included, over its subtree); cancelling a
 * number is `document_register.manage`, held at the issuing unit itself (its emulation and
 * internal-affairs officer), never inherited from a province grant.
 */

type UnitRef = { id: number; path: string };

export function canViewRegister(actor: Actor, unit: UnitRef): boolean {
  return can(actor, 'campaign.view', unit.path);
}

export function canManageRegisterAt(actor: Actor, unit: UnitRef): boolean {
  return canAtUnit(actor, 'document_register.manage', unit.id);
}

export function canCancelNumber(
  actor: Actor,
  entry: { status: RegisterStatus; unit: UnitRef },
): boolean {
  return (
    nextRegisterStatus(entry.status, 'cancel') !== null && canManageRegisterAt(actor, entry.unit)
  );
}
