import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../config';
import { buildApp } from '../app';
import type { TestDb } from './db';

/**
 * The real app over a test database, for `app.inject()` tests: silent logs, a generous login
 * rate limit, and an optional fixed clock.
 */
export async function buildTestApp(
  t: TestDb,
  options: { now?: () => Date; env?: Record<string, string> } = {},
): Promise<FastifyInstance> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: '/tmp/unused',
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    // Responses are checked against shared/api (decision 027); CHECK_RESPONSES=0 turns it off.
    ...(process.env.CHECK_RESPONSES ? { CHECK_RESPONSES: process.env.CHECK_RESPONSES } : {}),
    ...options.env,
  });
  const app = await buildApp(
    {
      db: t.db,
      config,
      storage: t.storage,
      now: options.now ?? (() => new Date()),
      databaseKind: 'embedded',
    },
    { logger: false },
  );
  await app.ready();
  return app;
}

/** Logs in and returns the `cookie` header value of the session. */
export async function loginCookie(
  app: FastifyInstance,
  username: string,
  password: string,
): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  const c = res.cookies.find((x) => x.name === 'thidua_sid');
  if (!c) throw new Error(`login ${username} failed: HTTP ${res.statusCode}`);
  return `thidua_sid=${c.value}`;
}
