import {
  CamelCasePlugin,
  Kysely,
  Migrator,
  PostgresDialect,
  sql,
  type Compilable,
  type LogEvent,
  type OperationNodeSource,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import type { Database } from '../db/schema';
import { migrationProvider } from '../db/migrations/index';

export type Db = Kysely<Database>;
/** Query functions accept either the pool-backed db or a transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;

// pg returns int8 and numeric as strings; parse them once, here. Ids and counts stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
// Dates (no time) stay as 'YYYY-MM-DD' strings: no time-zone shifts.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

/**
 * A Kysely over a `pg` pool that survives the database going away (decision 028): a connection
 * the server drops — restart, failover, `kill -9` of the postmaster, an administrator's
 * pg_terminate_backend — fails only the query it carried (mapped to 503 DATABASE_UNAVAILABLE by
 * `isDatabaseUnavailable`), is discarded by the pool, and the next query opens a new connection.
 * Nothing here throws an unhandled 'error' event, idle or checked out.
 */
export function createDb(
  connectionString: string,
  poolSize = 10,
  onConnectionError: (message: string) => void = (m) => console.error(m),
  /** Sees every statement sent, BEGIN and COMMIT included (tests count round trips with it). */
  log?: (event: LogEvent) => void,
): Db {
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    application_name: 'thidua',
    // A server that does not answer (network partition, host down) fails the request with 503
    // after this long instead of holding it forever; waiting for a busy pool counts too.
    connectionTimeoutMillis: 15_000,
    // Notices a peer that vanished without closing the TCP connection (external servers).
    keepAlive: true,
  });
  // An idle client dropped by the server: the pool has already discarded it.
  pool.on('error', (err) => onConnectionError(`PostgreSQL idle connection error: ${err.message}`));
  // A checked-out client (inside a transaction, between two queries) has no listener of the
  // pool's: without this one its 'error' event would crash the process. The query in flight, if
  // any, fails on its own; the client is no longer queryable, so the pool drops it on release.
  pool.on('connect', (client) => {
    client.on('error', (err) => {
      if (!isDatabaseUnavailable(err))
        onConnectionError(`PostgreSQL connection error: ${err.message}`);
    });
  });
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
    ...(log === undefined ? {} : { log }),
  });
}

/** Node socket errors that mean "the database is not there right now". */
const UNREACHABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
]);
/**
 * SQLSTATEs of a server going away or not yet back: admin_shutdown (fast shutdown,
 * pg_terminate_backend), crash_shutdown (a backend crashed and the rest were reset),
 * cannot_connect_now (starting up, recovering), too_many_connections. Class 08 is added below.
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** What `pg` and `pg-pool` say, without a code, when a connection ends or cannot be had. */
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'is not queryable',
  'Cannot use a pool after calling end on the pool',
];

/**
 * True when `e` says the database cannot be reached right now rather than that the statement was
 * wrong: the request may be retried once the database is back (503, not 500).
 */
export function isDatabaseUnavailable(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const err = e as { code?: unknown; message?: unknown; errors?: unknown };
  if (typeof err.code === 'string') {
    if (UNREACHABLE_ERRNOS.has(err.code) || UNAVAILABLE_SQLSTATES.has(err.code)) return true;
    if (/^08[0-9A-Z]{3}$/.test(err.code)) return true; // connection_exception
  }
  if (
    typeof err.message === 'string' &&
    UNAVAILABLE_MESSAGES.some((m) => String(err.message).includes(m))
  )
    return true;
  // `localhost` tried on ::1 and 127.0.0.1: Node reports both refusals in an AggregateError.
  return (
    Array.isArray(err.errors) && err.errors.length > 0 && err.errors.every(isDatabaseUnavailable)
  );
}

/** Applies pending migrations; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error !== undefined) {
    const name = failed?.migrationName ?? '?';
    throw new Error(
      `Migration ${name} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** True for a PostgreSQL unique violation, optionally of one named constraint or index. */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const err = e as { code?: string; constraint?: string };
  return err.code === '23505' && (constraint === undefined || err.constraint === constraint);
}

/**
 * A data-modifying statement built but not yet sent (an insert, update or delete builder of
 * Kysely, or a raw `sql` one): what `writeTogether` sends.
 */
export type PendingWrite = Compilable & OperationNodeSource;

/**
 * Sends independent writes of one transaction in ONE round trip: each becomes a data-modifying
 * CTE of a single statement (`WITH w0 AS (…), w1 AS (…) SELECT 1`), which PostgreSQL runs
 * completely, in one snapshot. For writes that do not read each other's rows (an audit event
 * and a notification beside the change they record): each still fails or succeeds with the
 * statement, so a constraint violation in any aborts them all, as separate statements in the
 * transaction would. Results (RETURNING) are not read. Decision 040.
 */
export async function writeTogether(db: Executor, writes: readonly PendingWrite[]): Promise<void> {
  const [only] = writes;
  if (only === undefined) return;
  if (writes.length === 1) {
    await db.executeQuery(only.compile());
    return;
  }
  const ctes = writes.map((w, i) => sql`${sql.raw(`w${i}`)} AS (${w})`);
  await sql`WITH ${sql.join(ctes)} SELECT 1`.execute(db);
}
