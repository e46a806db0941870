import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import type { Db } from './db';
import { endOfArchive, writeAll, writeEntry, writeStreamEntry } from './tar';
import { ANCHOR_FILE, SIGNING_KEY_FILE } from './audit-anchor';

/**
 * Online, consistent backup and restore with nothing but Node and the app's own connection
 * (decision 029): every table's rows read in one REPEATABLE READ READ ONLY transaction, streamed
 * through a cursor as JSON lines of PostgreSQL text values, plus the stored files they name,
 * into one gzip-compressed tar with a manifest of sizes, SHA-256 checksums, row counts and
 * sequence values. Restore goes into an empty database (and an empty files directory) only.
 */

export const BACKUP_FORMAT = 'thidua-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const HEADER_ENTRY = 'backup.json';
export const MANIFEST_ENTRY = 'manifest.json';
/** Rows are fetched this many at a time and written in entries of about this many bytes. */
export const FETCH_ROWS = 500;
const CHUNK_BYTES = 4 * 1024 * 1024;
/** Kysely's own bookkeeping: recorded as the migration list, restored by migrating. */
const MIGRATION_TABLES = ['kysely_migration', 'kysely_migration_lock'];
/** The audit anchors folder's files (decision 032), stored as `anchors/<name>`. */
export const ANCHOR_ENTRIES = [SIGNING_KEY_FILE, ANCHOR_FILE];

export type Column = { name: string; type: string };
export type TableInfo = { name: string; columns: Column[] };
export type Header = {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_FORMAT_VERSION;
  createdAt: string;
  appVersion: string;
  serverVersion: string;
  migrations: string[];
  tables: TableInfo[];
};
export type Manifest = {
  entries: Record<string, { size: number; sha256: string }>;
  rows: Record<string, number>;
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
  missingFiles: string[];
  changedFiles: string[];
};

export type BackupSummary = {
  file: string;
  bytes: number;
  tables: number;
  rows: number;
  files: number;
  /** Storage keys the database names but DATA_DIR/files lacks (the source was already damaged). */
  missingFiles: string[];
  /** Stored files whose bytes no longer match their row's SHA-256 (copied as they are). */
  changedFiles: string[];
};

export const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The app's tables in `public` (Kysely's excluded), with their stored (not generated) columns. */
export async function listTables(db: Db): Promise<TableInfo[]> {
  const { rows } = await sql<{ table: string; column: string; type: string }>`
    SELECT c.relname AS "table", a.attname AS "column", format_type(a.atttypid, a.atttypmod) AS type
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    WHERE c.relkind = 'r' AND a.attgenerated = '' AND c.relname <> ALL(${MIGRATION_TABLES})
    ORDER BY c.relname, a.attnum`.execute(db);
  const tables: TableInfo[] = [];
  for (const r of rows) {
    let t = tables.at(-1);
    if (t?.name !== r.table) tables.push((t = { name: r.table, columns: [] }));
    t.columns.push({ name: r.column, type: r.type });
  }
  return tables;
}

export async function appliedMigrations(db: Db): Promise<string[]> {
  const exists = await sql<{
    t: string | null;
  }>`SELECT to_regclass('public.kysely_migration')::text AS t`.execute(db);
  if (!exists.rows[0]?.t) return [];
  const { rows } = await sql<{
    name: string;
  }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
  return rows.map((r) => r.name);
}

/** Streams `root/key` into the archive; undefined when it does not exist. */
async function copyStoredFile(
  out: zlib.Gzip,
  root: string,
  key: string,
): Promise<{ size: number; sha256: string } | undefined> {
  const full = path.resolve(root, key);
  if (!full.startsWith(path.resolve(root) + path.sep)) return undefined;
  let size: number;
  try {
    const stat = fs.statSync(full);
    if (!stat.isFile()) return undefined;
    size = stat.size;
  } catch {
    return undefined;
  }
  const hash = createHash('sha256');
  await writeStreamEntry(out, `files/${key}`, size, fs.createReadStream(full), (c) =>
    hash.update(c),
  );
  return { size, sha256: hash.digest('hex') };
}

/**
 * Writes a backup of the database `db` and the stored files under `filesDir` to `file` while the
 * service keeps running. The rows come from one snapshot; the files copied are those its
 * `stored_file` rows name (stored files are never rewritten in place, so each is complete). The archive
 * is written to `<file>.partial` and renamed when complete. Memory stays bounded: rows are
 * fetched through a cursor and written in entries of a few megabytes, files are streamed.
 */
export async function writeBackup(
  db: Db,
  opts: { file: string; filesDir: string; appVersion: string; anchorDir?: string | undefined },
): Promise<BackupSummary> {
  // The audit anchors (decision 032) as they are before the snapshot: the anchors file is
  // append-only and an anchor is written after its events commit, so its first `size` bytes hold
  // only anchors the snapshot's chain reaches (a later anchor would read as truncation).
  const anchorFiles = ANCHOR_ENTRIES.flatMap((name) => {
    if (opts.anchorDir === undefined) return [];
    const full = path.join(opts.anchorDir, name);
    try {
      return [{ name, full, size: fs.statSync(full).size }];
    } catch {
      return [];
    }
  });
  const partial = `${opts.file}.partial`;
  const out = fs.createWriteStream(partial, { mode: 0o600 });
  const gzip = zlib.createGzip({ level: 6 });
  gzip.pipe(out);
  const manifest: Manifest = {
    entries: {},
    rows: {},
    sequences: [],
    missingFiles: [],
    changedFiles: [],
  };
  const put = async (name: string, data: Buffer) => {
    manifest.entries[name] = { size: data.length, sha256: sha256(data) };
    await writeEntry(gzip, name, data);
  };
  let tableCount = 0;
  let fileCount = 0;
  try {
    await db.connection().execute(async (conn) => {
      await sql`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`.execute(conn);
      try {
        for (const q of [
          `SET LOCAL TimeZone = 'UTC'`,
          `SET LOCAL DateStyle = 'ISO, YMD'`,
          `SET LOCAL IntervalStyle = 'postgres'`,
          `SET LOCAL extra_float_digits = 3`,
          `SET LOCAL bytea_output = 'hex'`,
        ])
          await sql.raw(q).execute(conn);
        const tables = await listTables(conn);
        const version = await sql<{
          v: string;
        }>`SELECT current_setting('server_version') AS v`.execute(conn);
        const header: Header = {
          format: BACKUP_FORMAT,
          version: BACKUP_FORMAT_VERSION,
          createdAt: new Date().toISOString(),
          appVersion: opts.appVersion,
          serverVersion: version.rows[0]?.v ?? '?',
          migrations: await appliedMigrations(conn),
          tables,
        };
        await put(HEADER_ENTRY, Buffer.from(JSON.stringify(header, null, 1)));
        for (const table of tables) {
          tableCount++;
          manifest.rows[table.name] = await dumpTable(conn, table, put);
        }
        const seqs = await sql<{ name: string }>`
          SELECT c.relname AS name FROM pg_class c
          JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
          WHERE c.relkind = 'S' ORDER BY c.relname`.execute(conn);
        for (const { name } of seqs.rows) {
          // Sequences are not transactional: this value is at least the snapshot's, which is safe.
          const v = await sql<{ lastValue: string; isCalled: boolean }>`
            SELECT last_value::text AS "lastValue", is_called AS "isCalled"
            FROM ${sql.raw(quote(name))}`.execute(conn);
          const row = v.rows[0];
          if (row) manifest.sequences.push({ name, ...row });
        }
        // The files the snapshot's `stored_file` rows name. A file is written before its row
        // commits and never rewritten, so each is complete; files of rolled-back uploads and
        // uploads still in progress are left out. Each is checked against the row's checksum.
        if (tables.some((t) => t.name === 'stored_file')) {
          await sql`DECLARE keys NO SCROLL CURSOR FOR
            SELECT storage_key AS "key", sha256 FROM stored_file ORDER BY storage_key`.execute(
            conn,
          );
          for (;;) {
            const batch = await sql<{ key: string; sha256: string }>`FETCH ${sql.raw(
              String(FETCH_ROWS),
            )} FROM keys`.execute(conn);
            for (const r of batch.rows) {
              const copied = await copyStoredFile(gzip, opts.filesDir, r.key);
              if (copied === undefined) manifest.missingFiles.push(r.key);
              else {
                manifest.entries[`files/${r.key}`] = copied;
                fileCount++;
                if (copied.sha256 !== r.sha256) manifest.changedFiles.push(r.key);
              }
            }
            if (batch.rows.length < FETCH_ROWS) break;
          }
        }
      } finally {
        await sql`COMMIT`.execute(conn);
      }
    });
    for (const a of anchorFiles) {
      if (a.size === 0) {
        await put(`anchors/${a.name}`, Buffer.alloc(0));
        continue;
      }
      const hash = createHash('sha256');
      const body = fs.createReadStream(a.full, { start: 0, end: a.size - 1 });
      await writeStreamEntry(gzip, `anchors/${a.name}`, a.size, body, (c) => hash.update(c));
      manifest.entries[`anchors/${a.name}`] = { size: a.size, sha256: hash.digest('hex') };
    }
    await writeEntry(gzip, MANIFEST_ENTRY, Buffer.from(JSON.stringify(manifest)));
    await writeAll(gzip, endOfArchive());
    gzip.end();
    await finished(out);
    const fd = fs.openSync(partial, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(partial, opts.file);
  } catch (e) {
    gzip.destroy();
    out.destroy();
    fs.rmSync(partial, { force: true });
    throw e;
  }
  return {
    file: opts.file,
    bytes: fs.statSync(opts.file).size,
    tables: tableCount,
    rows: Object.values(manifest.rows).reduce((a, b) => a + b, 0),
    files: fileCount,
    missingFiles: manifest.missingFiles,
    changedFiles: manifest.changedFiles,
  };
}

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Streams one table as JSON lines (one array of text values per row) in entries of ~4 MB. */
async function dumpTable(
  conn: Db,
  table: TableInfo,
  put: (name: string, data: Buffer) => Promise<void>,
): Promise<number> {
  const select = table.columns.map((c, i) => `${quote(c.name)}::text AS c${i}`).join(', ');
  const cursor = `dump_${table.name}`;
  await sql
    .raw(`DECLARE ${quote(cursor)} NO SCROLL CURSOR FOR SELECT ${select} FROM ${quote(table.name)}`)
    .execute(conn);
  let rows = 0;
  let part = 0;
  let lines: Buffer[] = [];
  let bytes = 0;
  const flush = async () => {
    if (lines.length === 0) return;
    part++;
    await put(`data/${table.name}/${String(part).padStart(5, '0')}.jsonl`, Buffer.concat(lines));
    lines = [];
    bytes = 0;
  };
  for (;;) {
    const batch = await sql
      .raw<Record<string, string | null>>(`FETCH ${FETCH_ROWS} FROM ${quote(cursor)}`)
      .execute(conn);
    for (const r of batch.rows) {
      const line = Buffer.from(
        `${JSON.stringify(table.columns.map((_, i) => r[`c${i}`] ?? null))}\n`,
      );
      lines.push(line);
      bytes += line.length;
      rows++;
      if (bytes >= CHUNK_BYTES) await flush();
    }
    if (batch.rows.length < FETCH_ROWS) break;
  }
  await flush();
  await sql.raw(`CLOSE ${quote(cursor)}`).execute(conn);
  return rows;
}
