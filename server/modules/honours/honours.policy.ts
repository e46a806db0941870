import type { Actor } from '../../platform/context';
import { can } from '../../platform/access';

/**
 * Who may see and change award history and discipline records (decision 036). Award history is
 * read by whoever may see the person (person.view) or the unit (unit.view); it is recorded,
 * imported and removed with honour.manage over the subject's unit. Discipline records are
 * sensitive: read with discipline.view (emulation officers, unit heads), changed with
 * discipline.manage (emulation officers), over the person's unit.
 */

export const canManageHonours = (actor: Actor, subjectPath: string) =>
  can(actor, 'honour.manage', subjectPath);

export const canViewDiscipline = (actor: Actor, personUnitPath: string) =>
  can(actor, 'discipline.view', personUnitPath);

export const canManageDiscipline = (actor: Actor, personUnitPath: string) =>
  can(actor, 'discipline.manage', personUnitPath);
