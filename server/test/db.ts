import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, type Db } from '../platform/db';
import { localDiskStorage, type FileStorage } from '../platform/storage';

export type TestDb = { db: Db; url: string; storage: FileStorage; close: () => Promise<void> };

/** A fresh database cloned from the migrated template: one per test file. */
export async function createTestDb(): Promise<TestDb> {
  const adminUrl = inject('pgAdminUrl');
  const template = inject('templateDb');
  const name = `${template}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
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

/** An empty database (no migrations run), for tests of a data migration: one per test file. */
export async function createEmptyTestDb(): Promise<TestDb> {
  const adminUrl = inject('pgAdminUrl');
  const name = `${inject('templateDb')}_empty_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = createDb(url.toString(), 2);
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
