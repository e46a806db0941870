import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { Migrator } from 'kysely';
import { createDb, type Db } from '../platform/db';
import { migrationProvider } from '../db/migrations/index';
import { localDiskStorage, type FileStorage } from '../platform/storage';

export type TestDb = { db: Db; url: string; storage: FileStorage; close: () => Promise<void> };

/** A fresh database cloned from the migrated template: one per test file. */
export async function createTestDb(): Promise<TestDb> {
  return newTestDb(true);
}

/**
 * A fresh database with no migrations applied, for migration tests (`migrateTo`, then insert what
 * an older release held, then `migrateToLatest`).
 */
export async function createEmptyTestDb(): Promise<TestDb> {
  return newTestDb(false);
}

/** Applies (or reverts) migrations up to and including `name`; throws on a failure. */
export async function migrateTo(db: Db, name: string): Promise<void> {
  const { error } = await new Migrator({ db, provider: migrationProvider }).migrateTo(name);
  if (error !== undefined)
    throw error instanceof Error ? error : new Error(`migration failed: ${JSON.stringify(error)}`);
}

async function newTestDb(fromTemplate: boolean): Promise<TestDb> {
  const adminUrl = inject('pgAdminUrl');
  const template = inject('templateDb');
  const name = `${template}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(
      fromTemplate ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`,
    );
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = createDb(url.toString(), 5);
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-test-files-'));
  return {
    db,
    url: url.toString(),
    storage: localDiskStorage(filesDir),
    async close() {
      await db.destroy();
      fs.rmSync(filesDir, { recursive: true, force: true });
    },
  };
}
