import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SESSION_COOKIE, userCtx, type AppDeps } from '../../http/context';
import { route } from '../../http/route';
import { parseInput } from '../../platform/validation';
import { IdParams } from '../../../shared/api/fields';
import { GrantParams, authEndpoints as e } from '../../../shared/api/auth';
import { changePassword, describeMe, login, logout } from './auth.service';
import { LoginThrottle } from './login-throttle';
import {
  createAccount,
  grantRole,
  listAccounts,
  revokeRole,
  updateAccount,
} from './accounts.service';

// Parsed as an object so the error names the parameter ("Mã tài khoản: phải là số nguyên").
const accountParam = (req: FastifyRequest) =>
  parseInput(IdParams, req.params, { id: 'Mã tài khoản' }).id;

export function registerAuthRoutes(app: FastifyInstance, deps: AppDeps): void {
  const settings = {
    idleMinutes: deps.config.sessionIdleMinutes,
    maxHours: deps.config.sessionMaxHours,
  };
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: deps.config.cookieSecure,
    maxAge: deps.config.sessionMaxHours * 3600,
  };
  const throttle = new LoginThrottle({
    maxFailures: deps.config.loginAccountMaxFailures,
    windowMs: deps.config.loginAccountLockMinutes * 60_000,
  });

  route(
    app,
    e.login,
    async (req, reply) => {
      const ctx = {
        db: deps.db,
        actor: { kind: 'system' as const, name: 'login' },
        log: req.log,
        now: deps.now,
        storage: deps.storage,
        requestId: req.id,
      };
      const result = await login(
        ctx,
        req.body,
        {
          ip: req.ip,
          userAgent: req.headers['user-agent'] ?? null,
          previousToken: req.sessionToken,
          throttle,
        },
        settings,
      );
      reply.setCookie(SESSION_COOKIE, result.token, cookieOptions);
      return { user: result.user };
    },
    { config: { rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: 60_000 } } },
  );

  route(app, e.logout, async (req, reply) => {
    await logout(deps.db, req.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  });

  // "Who am I" is a question, not a protected resource: without a (live) session the answer is
  // `{ user: null }` with 200, so the login page does not log a failed request on every visit.
  route(app, e.me, async (req) => {
    if (req.actor === undefined) return { user: null };
    const ctx = userCtx(deps, req);
    return describeMe(ctx, req.actor.personId ?? null, deps.config.demo);
  });

  route(app, e.changePassword, async (req) => {
    await changePassword(userCtx(deps, req), req.body, req.sessionToken);
  });

  route(app, e.listAccounts, async (req) => {
    const page = await listAccounts(userCtx(deps, req), req.query);
    return {
      ...page,
      items: page.items.map((a) => ({ ...a, lastLoginAt: a.lastLoginAt?.toISOString() ?? null })),
    };
  });
  route(app, e.createAccount, async (req) => createAccount(userCtx(deps, req), req.body));
  route(app, e.updateAccount, async (req) =>
    updateAccount(userCtx(deps, req), accountParam(req), req.body),
  );
  route(app, e.grantRole, async (req) => {
    const grant = await grantRole(userCtx(deps, req), accountParam(req), req.body);
    return { ...grant, grantedAt: grant.grantedAt.toISOString() };
  });
  route(app, e.revokeRole, async (req) => {
    const p = parseInput(GrantParams, req.params, { id: 'Mã tài khoản', grantId: 'Mã vai trò' });
    await revokeRole(userCtx(deps, req), p.id, p.grantId);
  });
}
