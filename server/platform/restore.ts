import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import { Migrator, sql } from 'kysely';
import { migrationProvider } from '../db/migrations/index';
import {
  ANCHOR_ENTRIES,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  FETCH_ROWS,
  HEADER_ENTRY,
  MANIFEST_ENTRY,
  appliedMigrations,
  listTables,
  quote,
  sha256,
  type Column,
  type Header,
  type Manifest,
  type TableInfo,
} from './backup';
import type { Db } from './db';
import { AppError, ErrorCode } from './errors';
import { readTar, writeAll, type TarEntry } from './tar';

/** Restore of a backup made by `writeBackup` (backup.ts, decision 029). */

export type RestoreSummary = { tables: number; rows: number; files: number; migrations: string[] };

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
  opts: {
    file: string;
    filesDir: string;
    /** Where the audit anchors go (DATA_DIR/audit-anchors); without it they are checked, not kept. */
    anchorDir?: string | undefined;
    log?: (line: string) => void;
  },
): Promise<RestoreSummary> {
  const log = opts.log ?? (() => undefined);
  if (!fs.existsSync(opts.file)) throw refuse(`Không tìm thấy tệp sao lưu "${opts.file}".`);
  const targets: [string | undefined, string][] = [
    [opts.filesDir, 'tệp'],
    [opts.anchorDir, 'mốc neo nhật ký'],
  ];
  for (const [dir, what] of targets)
    if (dir !== undefined && fs.existsSync(dir) && fs.readdirSync(dir).length > 0)
      throw refuse(
        `Thư mục ${what} đích ${dir} không trống: chỉ khôi phục vào một thư mục dữ liệu trống. ` +
          `(The target directory is not empty.)`,
      );
  const input = fs.createReadStream(opts.file);
  const gunzip = zlib.createGunzip();
  input.pipe(gunzip);
  input.on('error', (e) => gunzip.destroy(e));
  const entries = readTar(gunzip);
  const staging = `${opts.filesDir}.restoring-${process.pid}`;
  const anchorStaging =
    opts.anchorDir === undefined ? undefined : `${opts.anchorDir}.restoring-${process.pid}`;
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
        const result = await loadInTransaction(
          conn,
          header,
          entries,
          seen,
          staging,
          anchorStaging,
          log,
        );
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
    if (
      opts.anchorDir !== undefined &&
      anchorStaging !== undefined &&
      fs.existsSync(anchorStaging)
    ) {
      if (fs.existsSync(opts.anchorDir)) fs.rmdirSync(opts.anchorDir);
      fs.renameSync(anchorStaging, opts.anchorDir);
    }
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
    if (anchorStaging !== undefined) fs.rmSync(anchorStaging, { recursive: true, force: true });
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
  anchorStaging: string | undefined,
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
    } else if (ANCHOR_ENTRIES.some((n) => entry.name === `anchors/${n}`)) {
      // The audit anchors (decision 032): kept when the caller names their folder.
      const data = await collect(body());
      if (anchorStaging !== undefined) {
        fs.mkdirSync(anchorStaging, { recursive: true, mode: 0o700 });
        fs.writeFileSync(path.join(anchorStaging, entry.name.slice('anchors/'.length)), data, {
          mode: 0o600,
        });
      }
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
