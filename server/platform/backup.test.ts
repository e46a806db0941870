import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { seedDemo } from '../demo/seed';
import { createTestDb, type TestDb } from '../test/db';
import { makeTree, testCtx } from '../test/factories';
import { buildTestApp, loginCookie } from '../test/http';
import { verifyAuditChain } from './audit';
import { sealAudit } from '../test/audit';
import { writeBackup } from './backup';
import { restoreBackup } from './restore';
import { createDb, migrateToLatest, type Db } from './db';
import { lockDataDir, startEmbeddedPostgres } from './embedded-postgres';
import { localDiskStorage, insertStoredFile } from './storage';

let source: TestDb;
let work: string;
let sourceFiles: string;
const targets: Db[] = [];

const root = path.resolve(import.meta.dirname, '../..');

/** Runs `npm run cli -- <args>` as a child process with `env` on top of this one's. */
function cli(
  env: Record<string, string>,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'server/cli.ts', ...args],
      { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn', ...env } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A database with nothing in it (no migrations), dropped by the global teardown. */
async function emptyDatabase(): Promise<Db> {
  const db = createDb(await emptyDatabaseUrl(), 3);
  targets.push(db);
  return db;
}

async function emptyDatabaseUrl(): Promise<string> {
  const adminUrl = inject('pgAdminUrl');
  const name = `${inject('templateDb')}_restore_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Every table's rows (all columns, generated ones too) as sorted text, and every sequence. */
async function contents(db: Db): Promise<Record<string, string[]>> {
  const tables = await sql<{ name: string; kind: string }>`
    SELECT c.relname AS name, c.relkind::text AS kind FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
    WHERE c.relkind IN ('r', 'S') ORDER BY c.relname`.execute(db);
  const out: Record<string, string[]> = {};
  for (const t of tables.rows) {
    const q =
      t.name === 'kysely_migration'
        ? `SELECT name AS v FROM kysely_migration ORDER BY 1`
        : t.name === 'kysely_migration_lock'
          ? `SELECT id AS v FROM kysely_migration_lock`
          : t.kind === 'S'
            ? `SELECT last_value::text || '/' || is_called AS v FROM "${t.name}"`
            : `SELECT x::text AS v FROM "${t.name}" x ORDER BY 1`;
    out[t.name] = (await sql.raw<{ v: string }>(q).execute(db)).rows.map((r) => r.v);
  }
  return out;
}

function filesOf(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const d of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = path.join(rel, d.name);
      if (d.isDirectory()) walk(child);
      else out[child] = fs.readFileSync(path.join(root, child)).toString('base64');
    }
  };
  walk('');
  return out;
}

beforeAll(async () => {
  source = await createTestDb();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-backup-test-'));
  sourceFiles = path.join(work, 'files');
  source = { ...source, storage: localDiskStorage(sourceFiles) };
  const ctx = testCtx(source);
  await seedDemo(ctx);
  // Stored files: binary bytes, an empty file, and a long Vietnamese name (a pax header in tar).
  const samples: [string, Buffer][] = [
    ['bien-ban.docx', randomBytes(300_000)],
    ['rong.txt', Buffer.alloc(0)],
    [`Kế hoạch thi đua năm 2026 của ${'Ủy ban nhân dân xã '.repeat(5)}.pdf`, randomBytes(1000)],
  ];
  for (const [name, data] of samples) {
    const put = await ctx.storage.put(data, name);
    await insertStoredFile(source.db, ctx, put, {
      originalName: name,
      contentType: 'application/octet-stream',
    });
  }
}, 120_000);

afterAll(async () => {
  for (const db of targets) await db.destroy();
  await source.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('round-trips every table, sequence and stored file, taken while the app serves requests', async () => {
    const app = await buildTestApp(source);
    try {
      const cookie = await loginCookie(app, 'admin', 'demo');
      // An upload still being written (no row yet) is not part of the snapshot: left out.
      const orphan = path.join(sourceFiles, '2026-12-07', 'half-written-upload.xlsx');
      fs.mkdirSync(path.dirname(orphan), { recursive: true });
      fs.writeFileSync(orphan, 'partial');
      // The chain sealed and anchored under DATA_DIR (decision 032): the anchors travel too.
      const sourceAnchors = path.join(work, 'audit-anchors');
      await sealAudit(source.db, sourceAnchors);
      const file = path.join(work, 'full.thidua-backup');
      const [summary, during] = await Promise.all([
        writeBackup(source.db, {
          file,
          filesDir: sourceFiles,
          anchorDir: sourceAnchors,
          appVersion: 'test',
        }),
        app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } }),
      ]);
      expect(during.statusCode).toBe(200);
      expect(summary.files).toBe(3);
      expect(summary.missingFiles).toEqual([]);
      expect(summary.changedFiles).toEqual([]);
      fs.rmSync(orphan);
      expect(summary.rows).toBeGreaterThan(1000);
      expect(fs.existsSync(`${file}.partial`)).toBe(false);

      const target = await emptyDatabase();
      const targetFiles = path.join(work, 'restored', 'files');
      const targetAnchors = path.join(work, 'restored', 'audit-anchors');
      const restored = await restoreBackup(target, {
        file,
        filesDir: targetFiles,
        anchorDir: targetAnchors,
      });
      expect(restored).toMatchObject({ rows: summary.rows, files: 3, tables: summary.tables });
      expect(filesOf(targetAnchors)).toEqual(filesOf(sourceAnchors));
      const anchored = await verifyAuditChain(target, { anchorDir: targetAnchors });
      expect(anchored).toMatchObject({ ok: true, unsealed: 0 });
      expect(anchored.ok && anchored.anchor?.seq).toBeGreaterThan(100);

      const [want, got] = await Promise.all([contents(source.db), contents(target)]);
      expect(Object.keys(got)).toEqual(Object.keys(want));
      for (const table of Object.keys(want)) expect(got[table], table).toEqual(want[table]);
      expect(filesOf(targetFiles)).toEqual(filesOf(sourceFiles));
      expect((await verifyAuditChain(target)).ok).toBe(true);

      // The restored database works: the admin logs in, and new rows get fresh ids.
      const restoredApp = await buildTestApp({ ...source, db: target });
      try {
        await loginCookie(restoredApp, 'admin', 'demo');
      } finally {
        await restoredApp.close();
      }
      await makeTree(testCtx({ ...source, db: target }));
    } finally {
      await app.close();
    }
  });

  it('is consistent while writes go on: the restored audit chain verifies', async () => {
    const ctx = testCtx(source);
    const count = async (db: Db) =>
      Number((await sql<{ n: string }>`SELECT count(*) AS n FROM org_unit`.execute(db)).rows[0]?.n);
    const before = await count(source.db);
    let writing = true;
    const writer = (async () => {
      while (writing) await makeTree(ctx);
    })();
    const file = path.join(work, 'busy.thidua-backup');
    try {
      await new Promise((r) => setTimeout(r, 100));
      await writeBackup(source.db, { file, filesDir: sourceFiles, appVersion: 'test' });
    } finally {
      writing = false;
      await writer;
    }
    const after = await count(source.db);
    expect(after).toBeGreaterThan(before);
    const target = await emptyDatabase();
    await restoreBackup(target, { file, filesDir: path.join(work, 'busy-files') });
    const restored = await count(target);
    expect(restored).toBeGreaterThanOrEqual(before);
    expect(restored).toBeLessThanOrEqual(after);
    const chain = await verifyAuditChain(target);
    expect(chain.ok).toBe(true);
  });

  it('refuses a non-empty database or files folder, and a damaged archive, leaving the target usable', async () => {
    const file = path.join(work, 'small.thidua-backup');
    await writeBackup(source.db, { file, filesDir: sourceFiles, appVersion: 'test' });

    await expect(
      restoreBackup(source.db, { file, filesDir: path.join(work, 'nonexistent') }),
    ).rejects.toThrow(/không trống/);
    const notEmpty = path.join(work, 'not-empty');
    fs.mkdirSync(notEmpty);
    fs.writeFileSync(path.join(notEmpty, 'x'), 'x');
    await expect(
      restoreBackup(await emptyDatabase(), { file, filesDir: notEmpty }),
    ).rejects.toThrow(/Thư mục tệp đích .* không trống/);

    // One flipped byte inside a stored file: the checksum fails, nothing is kept.
    const raw = zlib.gunzipSync(fs.readFileSync(file));
    const at = raw.indexOf(Buffer.from('-bien-ban.docx')) + 512 + 1000;
    raw[at] = (raw[at] ?? 0) ^ 0xff;
    const damaged = path.join(work, 'damaged.thidua-backup');
    fs.writeFileSync(damaged, zlib.gzipSync(raw));
    const target = await emptyDatabase();
    const targetFiles = path.join(work, 'damaged-files');
    await expect(restoreBackup(target, { file: damaged, filesDir: targetFiles })).rejects.toThrow(
      /bị hỏng/,
    );
    expect(fs.existsSync(targetFiles)).toBe(false);
    const units = await sql<{ n: string }>`SELECT count(*) AS n FROM org_unit`.execute(target);
    expect(Number(units.rows[0]?.n)).toBe(0);
    // A truncated archive is refused too; then the good one restores into the same target.
    fs.writeFileSync(damaged, zlib.gzipSync(raw.subarray(0, raw.length - 4096)));
    await expect(restoreBackup(target, { file: damaged, filesDir: targetFiles })).rejects.toThrow();
    await restoreBackup(target, { file, filesDir: targetFiles });
    expect((await verifyAuditChain(target)).ok).toBe(true);
  });

  it('npm run cli -- backup/restore work on an external DATABASE_URL', async () => {
    const file = path.join(work, 'cli-external.thidua-backup');
    const backup = await cli(
      { DATABASE_URL: source.url, DATA_DIR: work }, // DATA_DIR/files is sourceFiles
      'backup',
      file,
    );
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toMatch(/^Đã sao lưu \d+ bảng, \d+ dòng, 3 tệp vào /);
    expect(backup.code).toBe(0);
    const targetUrl = await emptyDatabaseUrl();
    const dataDir = path.join(work, 'cli-external-data');
    const restore = await cli({ DATABASE_URL: targetUrl, DATA_DIR: dataDir }, 'restore', file);
    expect(restore.stdout).toContain('Nhật ký toàn vẹn');
    expect(restore.code).toBe(0);
    const target = createDb(targetUrl, 2);
    targets.push(target);
    const [want, got] = await Promise.all([contents(source.db), contents(target)]);
    expect(got).toEqual(want);
    expect(filesOf(path.join(dataDir, 'files'))).toEqual(filesOf(sourceFiles));
    // A second restore into the same database is refused with a clear message.
    const again = await cli(
      { DATABASE_URL: targetUrl, DATA_DIR: path.join(work, 'cli-again') },
      'restore',
      file,
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Cơ sở dữ liệu đích không trống');
  });

  it('npm run cli -- backup reaches the embedded server the running app holds; restore fills an empty DATA_DIR', async () => {
    // "The app": a process holding DATA_DIR's lock with its embedded server running.
    const dataDir = path.join(work, 'embedded-app');
    const unlock = lockDataDir(dataDir);
    const server = await startEmbeddedPostgres(dataDir);
    const db = createDb(server.url, 3);
    const restoredDir = path.join(work, 'embedded-restored');
    let restoredServer: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
    let restoredDb: Db | undefined;
    try {
      await migrateToLatest(db);
      const storage = localDiskStorage(path.join(dataDir, 'files'));
      const ctx = testCtx({ ...source, db, storage });
      await makeTree(ctx);
      const put = await storage.put(Buffer.from('biên bản họp'), 'bien-ban.txt');
      await insertStoredFile(db, ctx, put, {
        originalName: 'Biên bản.txt',
        contentType: 'text/plain',
      });

      const file = path.join(work, 'cli-embedded.thidua-backup');
      const env = { DATABASE_URL: '', NODE_ENV: 'production' };
      const backup = await cli({ ...env, DATA_DIR: dataDir }, 'backup', file);
      expect(backup.stderr).toBe('');
      expect(backup.code).toBe(0);
      // Restoring into the running app's DATA_DIR is refused: it is locked (and not empty).
      const busy = await cli({ ...env, DATA_DIR: dataDir }, 'restore', file);
      expect(busy.code).toBe(1);
      expect(busy.stderr).toContain('Hãy dừng ứng dụng trước khi khôi phục');

      const restore = await cli({ ...env, DATA_DIR: restoredDir }, 'restore', file);
      expect(restore.stderr).toBe('');
      expect(restore.code).toBe(0);
      const unlockRestored = lockDataDir(restoredDir);
      try {
        restoredServer = await startEmbeddedPostgres(restoredDir);
        restoredDb = createDb(restoredServer.url, 2);
        const [want, got] = await Promise.all([contents(db), contents(restoredDb)]);
        expect(got).toEqual(want);
        expect(filesOf(path.join(restoredDir, 'files'))).toEqual(
          filesOf(path.join(dataDir, 'files')),
        );
      } finally {
        await restoredDb?.destroy();
        await restoredServer?.stop();
        unlockRestored();
      }
    } finally {
      await db.destroy();
      await server.stop();
      unlock();
    }
  }, 120_000);
});
