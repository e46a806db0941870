/** Response shapes of the HTTP API (docs/API.md). */

/** Ids are opaque to the web: compare them with `sameId`, put them in URLs as strings. */
export type Id = string | number;

export function sameId(a: Id | null | undefined, b: Id | null | undefined): boolean {
  return a !== null && a !== undefined && b !== null && b !== undefined && String(a) === String(b);
}

/** `totalCapped`: the server stopped counting at `total` (lists answer "more than N"). */
export type Page<T> = { items: T[]; total: number; totalCapped?: boolean };

// Auth, accounts and organization types are the contract's (shared/api; decision 027).
export type { Account, DemoAccounts, Grant, Me, MeResponse } from '../../shared/api/auth';
export type {
  Assignment,
  PathItem,
  Person,
  PersonDetail,
  Unit,
  UnitDetail,
  UnitPermissions,
} from '../../shared/api/organization';

// Converted to the contract (shared/api, decision 027); re-exported for the existing imports.
export type { AuditEntry } from '../../shared/api/audit';
export type { Job, JobStatus } from '../../shared/api/jobs';
