import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import { Migrator, sql } from 'kysely';
import { migrationProvider } from '../db/migrations/index';
import type { Db } from './db';
import { AppError, ErrorCode } from './errors';
import {
  endOfArchive,
  readTar,
  writeAll,
  writeEntry,
  writeStreamEntry,
  type TarEntry,
} from './tar';

/**
 * Online, consistent backup and restore with nothing but Node and the app's own connection
 * (decision 029): every table's rows read in one REPEATABLE READ READ ONLY transaction, streamed
 * through a cursor as JSON lines of PostgreSQL text values, plus every file under DATA_DIR/files,
 * into one gzip-compressed tar with a manifest of sizes, SHA-256 checksums, row counts and
 * sequence values. Restore goes into an empty database (and an empty files directory) only.
 */

export const BACKUP_FORMAT = 'thidua-backup';
export const BACKUP_FORMAT_VERSION = 1;
const HEADER_ENTRY = 'backup.json';
const MANIFEST_ENTRY = 'manifest.json';
/** Rows are fetched this many at a time and written in entries of about this many bytes. */
const FETCH_ROWS = 500;
const CHUNK_BYTES = 4 * 1024 * 1024;
/** Kysely's own bookkeeping: recorded as the migration list, restored by migrating. */
const MIGRATION_TABLES = ['kysely_migration', 'kysely_migration_lock'];

type Column = { name: string; type: string };
type TableInfo = { name: string; columns: Column[] };
type Header = {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_FORMAT_VERSION;
  createdAt: string;
  appVersion: string;
  serverVersion: string;
  migrations: string[];
  tables: TableInfo[];
};
type Manifest = {
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

export type RestoreSummary = { tables: number; rows: number; files: number; migrations: string[] };

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The app's tables in `public` (Kysely's excluded), with their stored (not generated) columns. */
async function listTables(db: Db): Promise<TableInfo[]> {
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

async function appliedMigrations(db: Db): Promise<string[]> {
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
  opts: { file: string; filesDir: string; appVersion: string },
): Promise<BackupSummary> {
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

function sha256(data: Buffer): string {
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

function refuse(message: string): AppError {
  return new AppError(ErrorCode.invalidState, message);
}

/**
 * Restores a backup made by `writeBackup` into an empty database `db` and an empty (or absent)
 * `filesDir`, then migrates to the latest schema. The database must hold no table, or only the
 * app's tables with no rows (a fresh install, or a restore that failed part-way). Rows, sequences
 * and files are checked against the manifest's counts and checksums before anything is kept: the
 * rows are loaded in one transaction and the files into a staging folder, both kept only when
 * every check passes.
 * Errors: INVALID_STATE (Vietnamese message) for a non-empty target, a file that is not a backup,
 * a backup from a newer version, or a damaged archive.
 */
export async function restoreBackup(
  db: Db,
  opts: { file: string; filesDir: string; log?: (line: string) => void },
): Promise<RestoreSummary> {
  const log = opts.log ?? (() => undefined);
  if (!fs.existsSync(opts.file)) throw refuse(`Không tìm thấy tệp sao lưu "${opts.file}".`);
  if (fs.existsSync(opts.filesDir) && fs.readdirSync(opts.filesDir).length > 0)
    throw refuse(
      `Thư mục tệp đích ${opts.filesDir} không trống: chỉ khôi phục vào một thư mục dữ liệu trống. ` +
        `(The files directory is not empty.)`,
    );
  const input = fs.createReadStream(opts.file);
  const gunzip = zlib.createGunzip();
  input.pipe(gunzip);
  input.on('error', (e) => gunzip.destroy(e));
  const entries = readTar(gunzip);
  const staging = `${opts.filesDir}.restoring-${process.pid}`;
  try {
    const first = await entries.next().catch(() => undefined);
    if (first === undefined || first.done || first.value.name !== HEADER_ENTRY)
      throw refuse(`Tệp "${opts.file}" không phải là bản sao lưu ThiĐua.`);
    const headerBytes = await collect(first.value.body());
    const header = JSON.parse(headerBytes.toString('utf8')) as Header;
    if (header.format !== BACKUP_FORMAT || header.version !== BACKUP_FORMAT_VERSION)
      throw refuse(
        `Tệp "${opts.file}" không phải là bản sao lưu ThiĐua định dạng ${BACKUP_FORMAT_VERSION}.`,
      );
    const known = Object.keys(await migrationProvider.getMigrations());
    const unknown = header.migrations.filter((m) => !known.includes(m));
    if (unknown.length > 0)
      throw refuse(
        `Bản sao lưu được tạo bởi một phiên bản ThiĐua mới hơn (có bước nâng cấp ${unknown.join(', ')}): ` +
          `hãy cập nhật mã nguồn rồi khôi phục lại.`,
      );
    await assertEmptyTarget(db, header.migrations);
    const last = header.migrations.at(-1);
    if (last !== undefined) {
      const { error } = await new Migrator({ db, provider: migrationProvider }).migrateTo(last);
      if (error !== undefined)
        throw error instanceof Error ? error : new Error(JSON.stringify(error));
    }
    const seen: Manifest['entries'] = {
      [HEADER_ENTRY]: { size: headerBytes.length, sha256: sha256(headerBytes) },
    };
    const summary = await db.connection().execute(async (conn) => {
      await sql`BEGIN`.execute(conn);
      try {
        const result = await loadInTransaction(conn, header, entries, seen, staging, log);
        await sql`COMMIT`.execute(conn);
        return result;
      } catch (e) {
        await sql`ROLLBACK`.execute(conn);
        throw e;
      }
    });
    if (fs.existsSync(opts.filesDir)) fs.rmdirSync(opts.filesDir);
    fs.mkdirSync(path.dirname(opts.filesDir), { recursive: true });
    if (fs.existsSync(staging)) fs.renameSync(staging, opts.filesDir);
    else fs.mkdirSync(opts.filesDir);
    const { error, results } = await new Migrator({
      db,
      provider: migrationProvider,
    }).migrateToLatest();
    if (error !== undefined)
      throw error instanceof Error ? error : new Error(JSON.stringify(error));
    return { ...summary, migrations: (results ?? []).map((r) => r.migrationName) };
  } finally {
    input.destroy();
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

async function collect(body: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of body) parts.push(c);
  return Buffer.concat(parts);
}

/** Refuses a database with rows, or with migrations the backup does not have. */
async function assertEmptyTarget(db: Db, backupMigrations: string[]): Promise<void> {
  const applied = await appliedMigrations(db);
  const foreign = applied.filter((m) => !backupMigrations.includes(m));
  if (foreign.length > 0)
    throw refuse(
      `Cơ sở dữ liệu đích đã ở phiên bản mới hơn bản sao lưu (${foreign.join(', ')}): ` +
        `hãy khôi phục vào một cơ sở dữ liệu mới tạo, trống.`,
    );
  const tables = await listTables(db);
  if (applied.length === 0 && tables.length > 0)
    throw refuse(
      `Cơ sở dữ liệu đích không trống (có bảng ${tables
        .slice(0, 5)
        .map((t) => t.name)
        .join(', ')}…): hãy khôi phục vào một cơ sở dữ liệu mới tạo, trống.`,
    );
  for (const t of tables) {
    const { rows } = await sql
      .raw<{ one: number }>(`SELECT 1 AS one FROM ${quote(t.name)} LIMIT 1`)
      .execute(db);
    if (rows.length > 0)
      throw refuse(
        `Cơ sở dữ liệu đích không trống (bảng ${t.name} có dữ liệu): chỉ khôi phục vào một cơ sở ` +
          `dữ liệu trống. (The target database is not empty.)`,
      );
  }
}

async function loadInTransaction(
  conn: Db,
  header: Header,
  entries: AsyncGenerator<TarEntry>,
  seen: Manifest['entries'],
  staging: string,
  log: (line: string) => void,
): Promise<Omit<RestoreSummary, 'migrations'>> {
  for (const q of [
    `SET LOCAL TimeZone = 'UTC'`,
    `SET LOCAL DateStyle = 'ISO, YMD'`,
    `SET LOCAL IntervalStyle = 'postgres'`,
  ])
    await sql.raw(q).execute(conn);
  const target = await listTables(conn);
  // The schema at the backup's migration must hold exactly the backup's tables and columns.
  const shape = (ts: TableInfo[]) =>
    new Set(ts.flatMap((t) => t.columns.map((c) => `${t.name}.${c.name}`)));
  const want = shape(header.tables);
  const have = shape(target);
  const differ = [...want, ...have].filter((x) => !want.has(x) || !have.has(x));
  if (differ.length > 0)
    throw refuse(
      `Lược đồ của bản sao lưu không khớp với lược đồ ThiĐua cùng phiên bản (khác ở ` +
        `${differ.slice(0, 5).join(', ')}${differ.length > 5 ? ', …' : ''}): cơ sở dữ liệu nguồn ` +
        `có bảng hoặc cột ngoài các bước nâng cấp của ThiĐua, hoặc tệp sao lưu bị sửa.`,
    );
  const byName = new Map(target.map((t) => [t.name, t]));
  // Like pg_restore: foreign keys are added back after the data, user triggers are off meanwhile.
  const fks = await sql<{ table: string; name: string; def: string }>`
    SELECT c.relname AS "table", k.conname AS name, pg_get_constraintdef(k.oid) AS def
    FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
    WHERE k.contype = 'f' ORDER BY c.relname, k.conname`.execute(conn);
  for (const fk of fks.rows)
    await sql.raw(`ALTER TABLE ${quote(fk.table)} DROP CONSTRAINT ${quote(fk.name)}`).execute(conn);
  for (const t of target)
    await sql.raw(`ALTER TABLE ${quote(t.name)} DISABLE TRIGGER USER`).execute(conn);
  if (target.length > 0)
    await sql.raw(`TRUNCATE ${target.map((t) => quote(t.name)).join(', ')}`).execute(conn);

  const rows: Record<string, number> = {};
  let files = 0;
  let manifest: Manifest | undefined;
  for await (const entry of entries) {
    if (manifest !== undefined) throw refuse('Tệp sao lưu có dữ liệu sau bảng kê: tệp bị hỏng.');
    const hash = createHash('sha256');
    let size = 0;
    const body = async function* () {
      for await (const c of entry.body()) {
        hash.update(c);
        size += c.length;
        yield c;
      }
    };
    const dataMatch = /^data\/([^/]+)\/\d+\.jsonl$/.exec(entry.name);
    if (entry.name === MANIFEST_ENTRY) {
      manifest = JSON.parse((await collect(entry.body())).toString('utf8')) as Manifest;
      continue;
    } else if (dataMatch?.[1] !== undefined) {
      const table = byName.get(dataMatch[1]);
      const columns = header.tables.find((t) => t.name === dataMatch[1])?.columns;
      if (!table || !columns) throw refuse(`Tệp sao lưu có dữ liệu của bảng lạ ${dataMatch[1]}.`);
      rows[table.name] = (rows[table.name] ?? 0) + (await loadRows(conn, table, columns, body()));
    } else if (entry.name.startsWith('files/')) {
      const rel = entry.name.slice('files/'.length);
      const dest = path.resolve(staging, rel);
      if (!dest.startsWith(path.resolve(staging) + path.sep))
        throw refuse(`Tệp sao lưu có đường dẫn không hợp lệ: ${entry.name}`);
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      const out = fs.createWriteStream(dest, { mode: 0o644 });
      for await (const c of body()) await writeAll(out, c);
      out.end();
      await finished(out);
      files++;
    } else {
      throw refuse(`Tệp sao lưu có mục lạ: ${entry.name}`);
    }
    seen[entry.name] = { size, sha256: hash.digest('hex') };
  }
  if (manifest === undefined) throw refuse('Tệp sao lưu thiếu bảng kê (manifest): tệp bị cắt cụt.');
  const names = new Set([...Object.keys(manifest.entries), ...Object.keys(seen)]);
  for (const name of names) {
    const want = manifest.entries[name];
    const got = seen[name];
    if (!want || !got || want.size !== got.size || want.sha256 !== got.sha256)
      throw refuse(`Tệp sao lưu bị hỏng: mục ${name} không khớp với bảng kê (tổng kiểm SHA-256).`);
  }
  for (const t of header.tables)
    if ((rows[t.name] ?? 0) !== (manifest.rows[t.name] ?? 0))
      throw refuse(`Tệp sao lưu bị hỏng: số dòng của bảng ${t.name} không khớp với bảng kê.`);
  for (const s of manifest.sequences)
    await sql`SELECT setval(${quote(s.name)}::regclass, ${s.lastValue}::bigint, ${s.isCalled})`.execute(
      conn,
    );
  for (const fk of fks.rows)
    await sql
      .raw(`ALTER TABLE ${quote(fk.table)} ADD CONSTRAINT ${quote(fk.name)} ${fk.def}`)
      .execute(conn);
  for (const t of target)
    await sql.raw(`ALTER TABLE ${quote(t.name)} ENABLE TRIGGER USER`).execute(conn);
  const total = Object.values(rows).reduce((a, b) => a + b, 0);
  log(`${target.length} bảng, ${total} dòng, ${files} tệp`);
  return { tables: target.length, rows: total, files };
}

/** Inserts JSON-line rows in batches, casting each text value to its column's type. */
async function loadRows(
  conn: Db,
  table: TableInfo,
  columns: Column[],
  body: AsyncIterable<Buffer>,
): Promise<number> {
  const types = new Map(table.columns.map((c) => [c.name, c.type]));
  const list = columns.map((c) => quote(c.name)).join(', ');
  const casts = columns.map((c, i) => `u.a${i}::${types.get(c.name) ?? 'text'}`).join(', ');
  const aliases = columns.map((_, i) => `a${i}`).join(', ');
  let batch: (string | null)[][] = columns.map(() => []);
  let pending = 0;
  let count = 0;
  const flush = async () => {
    if (pending === 0) return;
    const arrays = sql.join(batch.map((values) => sql`${values}::text[]`));
    await sql`INSERT INTO ${sql.raw(quote(table.name))} (${sql.raw(list)}) OVERRIDING SYSTEM VALUE
      SELECT ${sql.raw(casts)} FROM unnest(${arrays}) AS u(${sql.raw(aliases)})`.execute(conn);
    batch = columns.map(() => []);
    pending = 0;
  };
  const decoder = new StringDecoder('utf8');
  let rest = '';
  const take = async (line: string) => {
    if (line === '') return;
    let values: unknown;
    try {
      values = JSON.parse(line);
    } catch {
      values = undefined;
    }
    if (!Array.isArray(values) || values.length !== columns.length)
      throw refuse(`Tệp sao lưu bị hỏng: một dòng của bảng ${table.name} sai số cột.`);
    values.forEach((v: unknown, i) => batch[i]?.push(typeof v === 'string' ? v : null));
    pending++;
    count++;
    if (pending >= FETCH_ROWS) await flush();
  };
  for await (const chunk of body) {
    const text = rest + decoder.write(chunk);
    const lines = text.split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) await take(line);
  }
  await take(rest + decoder.end());
  await flush();
  return count;
}
