/** Response shapes of the HTTP API (docs/API.md). */
import type { Gender, PersonCategory, UnitKind } from '../../shared/org';
import type { Action, Role } from '../../shared/permissions';

/** Ids are opaque to the web: compare them with `sameId`, put them in URLs as strings. */
export type Id = string | number;

export function sameId(a: Id | null | undefined, b: Id | null | undefined): boolean {
  return a !== null && a !== undefined && b !== null && b !== undefined && String(a) === String(b);
}

/** `totalCapped`: the server stopped counting at `total` (lists answer "more than N"). */
export type Page<T> = { items: T[]; total: number; totalCapped?: boolean };

export type PathItem = { id: Id; name: string };

export type Grant = {
  id?: Id;
  role: Role;
  roleLabel: string;
  unitId: Id | null;
  unitName: string | null;
};

export type Me = {
  user: { id: Id; username: string; displayName: string; personId: Id | null };
  grants: Grant[];
  actions: Action[];
  demo: boolean;
};

/** GET /api/auth/me: the signed-in user, or `{ user: null }` without a session (200 both). */
export type MeResponse = Me | { user: null };

export type DemoAccounts = {
  enabled: boolean;
  password: string | null;
  accounts: { username: string; roleLabel: string; unitName: string | null }[];
};

export type Unit = {
  id: Id;
  parentId: Id | null;
  name: string;
  /** The name with its parents' where another unit of the province bears the same name. */
  displayName: string;
  kind: UnitKind;
  kindLabel: string;
  adminCode: string | null;
  active: boolean;
  childCount: number;
  peopleCount: number;
  path: PathItem[];
  version: number;
};

export type UnitPermissions = {
  canEdit: boolean;
  canCreateChild: boolean;
  canManagePeople: boolean;
  canImport: boolean;
  canExport: boolean;
  canViewAudit: boolean;
};

export type UnitDetail = Unit & { permissions: UnitPermissions };

export type Person = {
  id: Id;
  fullName: string;
  gender: Gender | null;
  genderLabel?: string | null;
  birthYear: number | null;
  category: PersonCategory;
  categoryLabel: string;
  position: string | null;
  unitId: Id;
  unitName: string;
  unitPath: PathItem[];
  email: string | null;
  phone: string | null;
  active: boolean;
  version: number;
};

export type Assignment = {
  id: Id;
  unitId: Id;
  unitName: string;
  position: string | null;
  startedOn: string;
  endedOn: string | null;
};

export type PersonDetail = Person & {
  assignments: Assignment[];
  permissions: { canEdit: boolean; canMove: boolean };
};

// Converted to the contract (shared/api, decision 027); re-exported for the existing imports.
export type { AuditEntry } from '../../shared/api/audit';
export type { Job, JobStatus } from '../../shared/api/jobs';

export type Account = {
  id: Id;
  username: string;
  displayName: string;
  active: boolean;
  grants: Grant[];
};
