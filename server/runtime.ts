import path from 'node:path';
import type { Config } from './config';
import { createDb, migrateToLatest, type Db } from './platform/db';
import {
  lockDataDir,
  startEmbeddedPostgres,
  type EmbeddedEvent,
  type EmbeddedServer,
  type EmbeddedState,
  type RestartPolicy,
} from './platform/embedded-postgres';
import { localDiskStorage, type FileStorage } from './platform/storage';

export type Runtime = {
  db: Db;
  storage: FileStorage;
  /** Where `storage` keeps its files (DATA_DIR/files). */
  filesDir: string;
  databaseKind: 'embedded' | 'external';
  /** The embedded server's supervisor state; undefined for an external database. */
  databaseState: () => EmbeddedState | undefined;
  /** The embedded server (its postmaster's pid, for fault-injection tests). */
  embedded: EmbeddedServer | undefined;
  close: () => Promise<void>;
};

export type RuntimeOptions = {
  /** PostgreSQL's own output (the embedded server's log). */
  log?: (line: string) => void;
  /** Exits and restarts of the embedded server, and dropped connections (decision 028). */
  warn?: (message: string) => void;
  /** Tests: a faster back-off for restarting the embedded server. */
  restart?: RestartPolicy;
  /** false: leave the schema as it is (backup and restore handle the version themselves). */
  migrate?: boolean;
};

/** One line for the log about what the embedded server's supervisor did. */
export function describeEmbeddedEvent(e: EmbeddedEvent): string {
  switch (e.kind) {
    case 'exited':
      return `embedded PostgreSQL exited (code ${e.code ?? '-'}, signal ${e.signal ?? '-'}); restarting`;
    case 'restarting':
      return `embedded PostgreSQL: restart attempt ${e.attempt} in ${e.delayMs} ms`;
    case 'restarted':
      return `embedded PostgreSQL is back after ${e.downMs} ms (attempt ${e.attempt})`;
    case 'restart-failed':
      return `embedded PostgreSQL restart attempt ${e.attempt} failed: ${e.message}`;
  }
}

/**
 * Opens the database the configuration names: DATABASE_URL when set, otherwise the embedded
 * PostgreSQL in DATA_DIR (locking the directory against a second process, and restarting the
 * server when it dies). Migrates to latest unless `migrate` is false (backup and restore read or
 * write the schema version themselves).
 */
export async function openRuntime(config: Config, opts: RuntimeOptions = {}): Promise<Runtime> {
  const warn = opts.warn ?? ((m: string) => console.error(m));
  let embedded: EmbeddedServer | undefined;
  let unlock: (() => void) | undefined;
  let url = config.databaseUrl;
  if (url === undefined) {
    unlock = lockDataDir(config.dataDir);
    try {
      embedded = await startEmbeddedPostgres(config.dataDir, {
        ...(opts.log ? { log: opts.log } : {}),
        ...(opts.restart ? { restart: opts.restart } : {}),
        onEvent: (e) => warn(describeEmbeddedEvent(e)),
      });
    } catch (e) {
      unlock();
      throw e;
    }
    url = embedded.url;
  }
  const db = createDb(url, config.dbPoolSize, warn);
  try {
    if (opts.migrate !== false) await migrateToLatest(db);
  } catch (e) {
    await db.destroy();
    await embedded?.stop();
    unlock?.();
    throw e;
  }
  const filesDir = path.join(config.dataDir, 'files');
  return {
    db,
    storage: localDiskStorage(filesDir),
    filesDir,
    databaseKind: embedded ? 'embedded' : 'external',
    databaseState: () => embedded?.state(),
    embedded,
    async close() {
      await db.destroy();
      await embedded?.stop();
      unlock?.();
    },
  };
}
