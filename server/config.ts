import path from 'node:path';
import { z } from 'zod';

const booleanish = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['1', '0', 'true', 'false', 'yes', 'no']))
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // Loopback only unless the operator opens it up: the demo accounts share the password `demo`.
  HOST: z.string().trim().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  DEMO_DATA: booleanish.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(60),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
  SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  LOGIN_ACCOUNT_MAX_FAILURES: z.coerce.number().int().min(1).default(10),
  LOGIN_ACCOUNT_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  MAX_UPLOAD_MB: z.coerce.number().int().min(1).default(20),
  COOKIE_SECURE: booleanish.optional(),
  TRUST_PROXY: booleanish.default(false),
  DB_POOL_SIZE: z.coerce.number().int().min(1).default(10),
  WORKER: booleanish.default(true),
  /** Test-only: the clock starts at this instant and runs on from there (refused in production). */
  CLOCK_START: z.iso.datetime({ offset: true }).optional(),
  /** Check every JSON response against its endpoint's schema (on by default in tests). */
  CHECK_RESPONSES: booleanish.optional(),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  /** Address to listen on; 127.0.0.1 unless `HOST` says otherwise (`0.0.0.0` = every interface). */
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Demo data is seeded and demo accounts are shown only when this is true. */
  demo: boolean;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** Seconds a process may reuse a resolved session before asking the database again. */
  sessionCacheSeconds: number;
  loginRateLimitPerMinute: number;
  /** Failed logins per username (across IPs) within the window before it is refused for a while. */
  loginAccountMaxFailures: number;
  loginAccountLockMinutes: number;
  maxUploadBytes: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  dbPoolSize: number;
  worker: boolean;
  /**
   * When set (development and test only), the process clock starts at this instant instead of the
   * real time and runs on from there; end-to-end tests use it to replay a campaign of a past year.
   */
  clockStart: Date | undefined;
  /**
   * Every JSON response is parsed against its endpoint's response schema and a mismatch is a 500
   * (server/http/route.ts): on in tests (`NODE_ENV=test`) unless `CHECK_RESPONSES` says otherwise.
   */
  checkResponses: boolean;
  version: string;
};

export const APP_VERSION = '0.1.0';

/** Parses the environment once. Throws a readable error naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty value (e.g. `DATABASE_URL=` in an env file) means "not set".
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''),
  );
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Cấu hình môi trường không hợp lệ (invalid environment):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production' || e.DATABASE_URL !== undefined;
  if (e.CLOCK_START !== undefined && production)
    throw new Error(
      'CLOCK_START chỉ dùng khi kiểm thử, không dùng ở môi trường production (test-only clock).',
    );
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    demo: e.DEMO_DATA ?? !production,
    logLevel: e.LOG_LEVEL,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    sessionCacheSeconds: e.SESSION_CACHE_SECONDS,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    loginAccountMaxFailures: e.LOGIN_ACCOUNT_MAX_FAILURES,
    loginAccountLockMinutes: e.LOGIN_ACCOUNT_LOCK_MINUTES,
    maxUploadBytes: e.MAX_UPLOAD_MB * 1024 * 1024,
    cookieSecure: e.COOKIE_SECURE ?? e.NODE_ENV === 'production',
    trustProxy: e.TRUST_PROXY,
    dbPoolSize: e.DB_POOL_SIZE,
    worker: e.WORKER,
    clockStart: e.CLOCK_START === undefined ? undefined : new Date(e.CLOCK_START),
    checkResponses: e.CHECK_RESPONSES ?? e.NODE_ENV === 'test',
    version: APP_VERSION,
  };
}
