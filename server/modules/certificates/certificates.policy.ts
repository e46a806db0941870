import type { Actor } from '../../platform/context';
import { can } from '../../platform/access';

/**
 * Who may manage a unit's certificate templates (decision 043): certificate_template.manage over
 * the unit (emulation officers, who print the certificates; administrators system-wide).
 * Previews of a saved template follow the same rule; a preview of an unsaved layout needs the
 * action somewhere.
 */
export const canManageTemplates = (actor: Actor, unitPath: string) =>
  can(actor, 'certificate_template.manage', unitPath);
