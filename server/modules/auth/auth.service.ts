import { createHash, randomBytes } from 'node:crypto';
import type { Ctx, UserActor } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { recordAudit } from '../../platform/audit';
import { parseInput } from '../../platform/validation';
import { LoginInput, PasswordChange } from '../../../shared/api/auth';
import { canAnywhere } from '../../platform/access';
import { actions, roleLabels, type Action } from '../../../shared/permissions';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password';
import * as q from './auth.queries';
import type { LoginThrottle } from './login-throttle';

/** `cacheSeconds`: how long a resolved session may be reused by this process (0 = never). */
export type SessionSettings = { idleMinutes: number; maxHours: number; cacheSeconds?: number };

type CachedSession = {
  actor: UserActor & { personId: number | null };
  lastSeenAt: number;
  expiresAt: number;
  cachedAt: number;
};
/**
 * Resolved sessions, reused for a few seconds so most requests skip the session query. Cleared on
 * logout and on any account or grant change made by this process; other processes see such a
 * change within `cacheSeconds`.
 */
const sessionCache = new Map<string, CachedSession>();
const SESSION_CACHE_MAX = 20_000;

export function forgetCachedSessions(): void {
  sessionCache.clear();
}

export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

const invalidLogin = () =>
  new AppError('UNAUTHENTICATED', 'Tên đăng nhập hoặc mật khẩu không đúng.');

/**
 * Checks the password (argon2id) and opens a new session. A fresh session id is issued at every
 * login (the old one, if any, is ended, in the database and in this process's session cache), so
 * a planted cookie cannot be carried into the account. With a `throttle`, a username with too many
 * recent failed attempts (from any IP) is refused for a bounded time, unknown usernames alike.
 * Throws VALIDATION_FAILED (blank fields), RATE_LIMITED (throttled username) or UNAUTHENTICATED
 * (wrong username/password, inactive).
 */
export async function login(
  ctx: Ctx,
  input: unknown,
  meta: {
    ip: string | null;
    userAgent: string | null;
    previousToken?: string | undefined;
    throttle?: LoginThrottle | undefined;
  },
  settings: SessionSettings,
): Promise<{ token: string; user: { id: number; username: string; displayName: string } }> {
  const { username, password } = parseInput(LoginInput, input, {
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
  });
  const { throttle } = meta;
  const wait = throttle?.retryAfterMs(username, meta.ip, ctx.now().getTime()) ?? 0;
  if (wait > 0) {
    throw new AppError(
      'RATE_LIMITED',
      `Tài khoản này đã bị đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${Math.ceil(wait / 60_000)} phút.`,
    );
  }
  const failed = () => {
    throttle?.recordFailure(username, ctx.now().getTime());
    return invalidLogin();
  };
  const user = await q.findUserByUsername(ctx.db, username);
  if (user === undefined) {
    await verifyPassword(await dummyPasswordHash(), password);
    throw failed();
  }
  if (!(await verifyPassword(user.passwordHash, password)) || !user.active) throw failed();
  const now = ctx.now();
  throttle?.recordSuccess(username, meta.ip, now.getTime());
  const token = randomBytes(32).toString('base64url');
  // The planted/previous cookie must stop working at once, not when the cache entry ages out.
  if (meta.previousToken) sessionCache.delete(sessionIdOf(meta.previousToken));
  await ctx.db.transaction().execute(async (trx) => {
    if (meta.previousToken) await q.deleteSession(trx, sessionIdOf(meta.previousToken));
    await q.insertSession(trx, {
      id: sessionIdOf(token),
      userId: user.id,
      now,
      expiresAt: new Date(now.getTime() + settings.maxHours * 3_600_000),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    await q.setLastLogin(trx, user.id, now);
    await recordAudit(
      trx,
      {
        ...ctx,
        actor: {
          kind: 'user',
          userId: user.id,
          username: user.username,
          displayName: user.displayName,
          grants: [],
        },
      },
      {
        action: 'auth.login',
        entityType: 'user_account',
        entityId: user.id,
        unitPath: null,
        after: { ip: meta.ip },
      },
    );
  });
  return { token, user: { id: user.id, username: user.username, displayName: user.displayName } };
}

export async function logout(db: Db, token: string | undefined): Promise<void> {
  if (!token) return;
  sessionCache.delete(sessionIdOf(token));
  await q.deleteSession(db, sessionIdOf(token));
}

/**
 * How long the idle clock may go unrefreshed: a minute (to keep writes off the hot path), but at
 * most a quarter of the idle timeout, so a session used within 3/4 of the timeout never expires.
 */
export function touchIntervalMs(idleMinutes: number): number {
  return Math.min(60_000, (idleMinutes * 60_000) / 4);
}

/**
 * Resolves a session cookie to the acting user with their grants, or undefined when the session
 * is unknown, expired (absolute), idle too long, or the account is inactive. Refreshes the idle
 * clock when more than touchIntervalMs has passed since the last refresh.
 */
export async function resolveSession(
  db: Db,
  token: string,
  now: Date,
  settings: SessionSettings,
): Promise<(UserActor & { personId: number | null }) | undefined> {
  const id = sessionIdOf(token);
  const t = now.getTime();
  const cacheMs = (settings.cacheSeconds ?? 0) * 1000;
  const touchMs = touchIntervalMs(settings.idleMinutes);
  const hit = sessionCache.get(id);
  // Served from cache only while the idle clock needs no refresh.
  if (
    hit &&
    Date.now() - hit.cachedAt < cacheMs &&
    t < hit.expiresAt &&
    t - hit.lastSeenAt < touchMs
  ) {
    return hit.actor;
  }
  sessionCache.delete(id);
  const s = await q.findLiveSession(db, id, now, settings.idleMinutes);
  if (s === undefined) return undefined;
  let lastSeenAt = new Date(s.lastSeenAt).getTime();
  if (t - lastSeenAt >= touchMs) {
    await q.touchSession(db, s.sessionId, now);
    lastSeenAt = t;
  }
  const actor = {
    kind: 'user' as const,
    userId: s.userId,
    username: s.username,
    displayName: s.displayName,
    personId: s.personId,
    grants: s.grants,
  };
  if (cacheMs > 0) {
    if (sessionCache.size >= SESSION_CACHE_MAX) sessionCache.clear();
    sessionCache.set(id, {
      actor,
      lastSeenAt,
      expiresAt: new Date(s.expiresAt).getTime(),
      cachedAt: Date.now(),
    });
  }
  return actor;
}

/** Loads a user's current grants as an actor (for jobs running on a user's behalf). */
export async function loadUserActor(db: Db, userId: number): Promise<UserActor> {
  const user = await q.findUserById(db, userId);
  if (user === undefined || !user.active)
    throw new AppError('FORBIDDEN', 'Tài khoản không còn hoạt động.');
  const grants = await q.listGrants(db, userId);
  return {
    kind: 'user',
    userId,
    username: user.username,
    displayName: user.displayName,
    grants: grants.map(({ role, unitId, unitPath }) => ({ role, unitId, unitPath })),
    personId: user.personId,
  };
}

/** What GET /api/auth/me answers: the user, their grants (with unit names) and allowed actions. */
export async function describeMe(
  ctx: Ctx & { actor: UserActor },
  personId: number | null,
  demo: boolean,
) {
  const grants = await q.listGrants(ctx.db, ctx.actor.userId);
  const allowed: Action[] = actions.filter((a) => canAnywhere(ctx.actor, a));
  return {
    user: {
      id: ctx.actor.userId,
      username: ctx.actor.username,
      displayName: ctx.actor.displayName,
      personId,
    },
    grants: grants.map((g) => ({
      id: g.id,
      role: g.role,
      roleLabel: roleLabels[g.role],
      unitId: g.unitId,
      unitName: g.unitName,
    })),
    actions: allowed,
    demo,
  };
}

/** Changes the actor's own password; ends their other sessions. Throws VALIDATION_FAILED. */
export async function changePassword(
  ctx: Ctx & { actor: UserActor },
  input: unknown,
  keepToken: string | undefined,
): Promise<void> {
  const { currentPassword, newPassword } = parseInput(PasswordChange, input, {
    currentPassword: 'Mật khẩu hiện tại',
    newPassword: 'Mật khẩu mới',
  });
  const user = await q.findUserById(ctx.db, ctx.actor.userId);
  if (user === undefined || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError('VALIDATION_FAILED', 'Mật khẩu hiện tại không đúng.', {
      fields: [{ field: 'currentPassword', label: 'Mật khẩu hiện tại', message: 'không đúng' }],
    });
  }
  const passwordHash = await hashPassword(newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await q.setPasswordHash(trx, user.id, passwordHash, ctx.now());
    await q.deleteUserSessions(trx, user.id, keepToken ? sessionIdOf(keepToken) : undefined);
    await recordAudit(trx, ctx, {
      action: 'auth.password_changed',
      entityType: 'user_account',
      entityId: user.id,
      unitPath: null,
    });
  });
  forgetCachedSessions();
}
