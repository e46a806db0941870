import type { Role } from '../../shared/permissions';
import type { Db } from './db';
import type { FileStorage } from './storage';

/** A role held at a unit (unitPath = that unit's ltree path) or system-wide (null). */
export type Grant = { role: Role; unitId: number | null; unitPath: string | null };

export type UserActor = {
  kind: 'user';
  userId: number;
  username: string;
  displayName: string;
  grants: Grant[];
  /** The person record linked to the account, when there is one (self-registration). */
  personId?: number | null;
};
/** Start-up, the CLI and demo seeding act as the system: unrestricted, audited by name. */
export type SystemActor = { kind: 'system'; name: string };
/** A visitor of the public pages: no grants, sees only what is published. */
export type PublicActor = { kind: 'public' };
export type Actor = UserActor | SystemActor | PublicActor;

export type Logger = {
  info: (obj: object | string, msg?: string) => void;
  warn: (obj: object | string, msg?: string) => void;
  error: (obj: object | string, msg?: string) => void;
};

/** Everything a service function needs; no globals in domain code. */
export type Ctx = {
  db: Db;
  actor: Actor;
  log: Logger;
  now: () => Date;
  storage: FileStorage;
  requestId?: string;
};

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

export function systemActor(name: string): SystemActor {
  return { kind: 'system', name };
}

export function actorId(actor: Actor): number | null {
  return actor.kind === 'user' ? actor.userId : null;
}

export function actorName(actor: Actor): string {
  if (actor.kind === 'user') return actor.displayName;
  return actor.kind === 'system' ? `hệ thống (${actor.name})` : 'khách (trang công khai)';
}
