import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDb, migrateToLatest } from '../platform/db';
import { lockDataDir, startEmbeddedPostgres } from '../platform/embedded-postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    templateDb: string;
    databaseKind: 'embedded' | 'external';
  }
}

/**
 * One real PostgreSQL for the whole run: the server in DATABASE_URL when set (CI's compatibility
 * run uses Debian's PostgreSQL 15), otherwise an embedded one in a temp directory. Migrations run
 * once into a template database; each test file clones its own database from it.
 */
export default async function setup(project: TestProject) {
  let adminUrl: string;
  let stop: () => Promise<void> = async () => {};
  const external = process.env.DATABASE_URL;
  if (external) {
    adminUrl = external;
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-test-pg-'));
    const unlock = lockDataDir(dir);
    const server = await startEmbeddedPostgres(dir, { database: 'postgres' });
    adminUrl = server.url;
    stop = async () => {
      await server.stop();
      unlock();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  const templateDb = `thidua_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${templateDb}`);
  await admin.query(`CREATE DATABASE ${templateDb}`);
  const tplUrl = new URL(adminUrl);
  tplUrl.pathname = `/${templateDb}`;
  const db = createDb(tplUrl.toString(), 2);
  await migrateToLatest(db);
  await db.destroy();
  project.provide('pgAdminUrl', adminUrl);
  project.provide('templateDb', templateDb);
  project.provide('databaseKind', external ? 'external' : 'embedded');

  return async () => {
    const dbs = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 || '%'`,
      [templateDb],
    );
    for (const r of dbs.rows)
      await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
    await admin.end();
    await stop();
  };
}
