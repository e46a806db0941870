import path from 'node:path';
import type { Config } from './config';
import { createDb, migrateToLatest, type Db } from './platform/db';
import {
  lockDataDir,
  startEmbeddedPostgres,
  type EmbeddedServer,
} from './platform/embedded-postgres';
import { localDiskStorage, type FileStorage } from './platform/storage';

export type Runtime = {
  db: Db;
  storage: FileStorage;
  /** Where `storage` keeps its files (DATA_DIR/files). */
  filesDir: string;
  databaseKind: 'embedded' | 'external';
  close: () => Promise<void>;
};

/**
 * Opens the database the configuration names: DATABASE_URL when set, otherwise the embedded
 * PostgreSQL in DATA_DIR (locking the directory against a second process). Migrates to latest
 * unless `migrate` is false (backup and restore read or write the schema version themselves).
 */
export async function openRuntime(
  config: Config,
  log: (line: string) => void = () => {},
  options: { migrate?: boolean } = {},
): Promise<Runtime> {
  let embedded: EmbeddedServer | undefined;
  let unlock: (() => void) | undefined;
  let url = config.databaseUrl;
  if (url === undefined) {
    unlock = lockDataDir(config.dataDir);
    try {
      embedded = await startEmbeddedPostgres(config.dataDir, { log });
    } catch (e) {
      unlock();
      throw e;
    }
    url = embedded.url;
  }
  const db = createDb(url, config.dbPoolSize);
  try {
    if (options.migrate !== false) await migrateToLatest(db);
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
    async close() {
      await db.destroy();
      await embedded?.stop();
      unlock?.();
    },
  };
}
