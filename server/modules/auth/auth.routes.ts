import type { FastifyInstance } from 'fastify';
import { SESSION_COOKIE, userCtx, type AppDeps } from '../../http/context';
import { id, parseInput } from '../../platform/validation';
import { changePassword, describeMe, login, logout } from './auth.service';
import {
  createAccount,
  grantRole,
  listAccounts,
  revokeRole,
  updateAccount,
} from './accounts.service';

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

  app.post(
    '/api/auth/login',
    { config: { rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: 60_000 } } },
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
        },
        settings,
      );
      reply.setCookie(SESSION_COOKIE, result.token, cookieOptions);
      return { user: result.user };
    },
  );

  app.post('/api/auth/logout', async (req, reply) => {
    await logout(deps.db, req.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  // "Who am I" is a question, not a protected resource: without a (live) session the answer is
  // `{ user: null }` with 200, so the login page does not log a failed request on every visit.
  app.get('/api/auth/me', async (req) => {
    if (req.actor === undefined) return { user: null };
    const ctx = userCtx(deps, req);
    return describeMe(ctx, req.actor?.personId ?? null, deps.config.demo);
  });

  app.post('/api/auth/password', async (req, reply) => {
    await changePassword(userCtx(deps, req), req.body, req.sessionToken);
    return reply.code(204).send();
  });

  app.get('/api/accounts', async (req) => listAccounts(userCtx(deps, req), req.query));
  app.post('/api/accounts', async (req, reply) =>
    reply.code(201).send(await createAccount(userCtx(deps, req), req.body)),
  );
  app.patch('/api/accounts/:id', async (req) => {
    const p = parseInput(id, (req.params as { id: string }).id, { '(dữ liệu)': 'Mã tài khoản' });
    return updateAccount(userCtx(deps, req), p, req.body);
  });
  app.post('/api/accounts/:id/grants', async (req, reply) => {
    const p = parseInput(id, (req.params as { id: string }).id);
    return reply.code(201).send(await grantRole(userCtx(deps, req), p, req.body));
  });
  app.delete('/api/accounts/:id/grants/:grantId', async (req, reply) => {
    const params = req.params as { id: string; grantId: string };
    await revokeRole(userCtx(deps, req), parseInput(id, params.id), parseInput(id, params.grantId));
    return reply.code(204).send();
  });
}
