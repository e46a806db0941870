import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { roleAllows, type Action } from '../../shared/permissions';
import type { Actor } from './context';
import { forbidden } from './errors';

/**
 * Where an actor may perform an action: everywhere, or in the subtrees under some unit paths.
 * Roles are granted at units and cover their whole subtree.
 */
export type Scope = { all: true } | { all: false; paths: string[] };

export function scopeFor(actor: Actor, action: Action): Scope {
  if (actor.kind === 'system') return { all: true };
  if (actor.kind === 'public') return { all: false, paths: [] };
  const paths: string[] = [];
  for (const g of actor.grants) {
    if (!roleAllows(g.role, action)) continue;
    if (g.unitPath === null) return { all: true };
    paths.push(g.unitPath);
  }
  return { all: false, paths: minimalPaths(paths) };
}

/** Drops paths already covered by an ancestor path in the list. */
export function minimalPaths(paths: string[]): string[] {
  const sorted = [...new Set(paths)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const p of sorted) if (!kept.some((k) => isWithin(p, k))) kept.push(p);
  return kept;
}

/** True when `path` is `ancestor` or lies below it. */
export function isWithin(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}.`);
}

export function scopeCovers(scope: Scope, unitPath: string): boolean {
  return scope.all || scope.paths.some((p) => isWithin(unitPath, p));
}

export function can(actor: Actor, action: Action, unitPath: string): boolean {
  return scopeCovers(scopeFor(actor, action), unitPath);
}

export function assertCan(actor: Actor, action: Action, unitPath: string, message?: string): void {
  if (!can(actor, action, unitPath)) throw forbidden(message);
}

/**
 * Actions held at the very unit concerned (`unitOwnActions`: drafting and issuing a plan,
 * publishing its results, signing a decision): a grant at that unit itself, not at an ancestor.
 * The system actor may; the public may not.
 */
export function canAtUnit(actor: Actor, action: Action, unitId: number): boolean {
  if (actor.kind !== 'user') return actor.kind === 'system';
  return actor.grants.some((g) => g.unitId === unitId && roleAllows(g.role, action));
}

/** True when the actor may perform the action somewhere (used for system-wide screens). */
export function canAnywhere(actor: Actor, action: Action): boolean {
  const scope = scopeFor(actor, action);
  return scope.all || scope.paths.length > 0;
}

/** SQL predicate restricting an ltree column to the scope, for list queries filtered in SQL. */
export function pathInScope(
  scope: Scope,
  column: Expression<string> | RawBuilder<string>,
): RawBuilder<SqlBool> {
  if (scope.all) return sql<SqlBool>`true`;
  if (scope.paths.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`${column} <@ ${sql.val(scope.paths)}::ltree[]`;
}
