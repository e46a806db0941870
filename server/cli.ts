import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import {
  DataDirLockedError,
  StartupError,
  existingClusterDir,
  runningEmbeddedUrl,
} from './platform/embedded-postgres';
import { loadConfig, type Config } from './config';
import { openRuntime } from './runtime';
import { writeBackup } from './platform/backup';
import { restoreBackup } from './platform/restore';
import { createDb, type Db } from './platform/db';
import { systemActor } from './platform/context';
import { verifyAuditChain, type ChainReport } from './platform/audit';
import { sealAuditEvents } from './platform/audit-seal';
import { anchorDirOf } from './platform/audit-anchor';
import { isAppError } from './platform/errors';
import { createAdministrator } from './modules/auth/index';
import { extractPlanText, formatPlanSummary, readPlanText } from './modules/campaigns/index';

const usage = `Cách dùng / usage:
  npm run cli -- create-admin <username>   tạo quản trị viên đầu tiên (mật khẩu hỏi trên màn hình hoặc lấy từ THIDUA_ADMIN_PASSWORD)
  npm run cli -- verify-audit              kiểm tra chuỗi băm của nhật ký thay đổi và các mốc neo (mã lỗi: LINK_BROKEN, HASH_MISMATCH, SEQUENCE_GAP, TRUNCATED, ANCHOR_MISMATCH, ANCHOR_INVALID, UNSEALED_STALE)
  npm run cli -- seal-audit                niêm phong ngay các bản ghi nhật ký chưa niêm phong và ghi mốc neo
  npm run cli -- backup <tệp>              sao lưu cơ sở dữ liệu và các tệp đã lưu vào một tệp (chạy được khi ứng dụng đang chạy)
  npm run cli -- restore <tệp>             khôi phục bản sao lưu vào cơ sở dữ liệu và thư mục dữ liệu trống
  npm run cli -- import-plan <tệp> [--json]  đọc kế hoạch (.txt, .docx, .pdf có lớp chữ) thành bản nháp; --json in đúng một đối tượng JSON`;

/** Reads the password from THIDUA_ADMIN_PASSWORD or the terminal, without echoing it. */
async function readPassword(): Promise<string> {
  const fromEnv = process.env.THIDUA_ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  const prompt = 'Mật khẩu (ít nhất 8 ký tự): ';
  const output = new Writable({
    write(_chunk, _enc, done) {
      done(); // swallow the echo of typed characters
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: process.stdin.isTTY });
  process.stderr.write(prompt);
  try {
    return await rl.question('');
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

/** Prints a verification report (decision 032); the exit code: 0 intact, 1 a check failed. */
function printAuditReport(report: ChainReport): number {
  if (!report.ok) {
    console.log(
      `[${report.code}] Nhật ký thay đổi KHÔNG toàn vẹn: ${report.reason}. ` +
        `Đã kiểm tra ${report.checked} bản ghi hợp lệ trước đó. (audit check ${report.code} failed)`,
    );
    return 1;
  }
  console.log(
    `Nhật ký toàn vẹn: đã kiểm tra ${report.checked} bản ghi đã niêm phong` +
      `${report.unsealed > 0 ? `, ${report.unsealed} bản ghi mới chưa niêm phong` : ''}. ` +
      `(audit chain intact: ${report.checked} events)`,
  );
  if (report.anchor)
    console.log(
      `Khớp với mốc neo mới nhất: số thứ tự ${report.anchor.seq} lúc ${report.anchor.at}.`,
    );
  else if (report.checked > 0)
    console.log(
      'Cảnh báo: chưa có mốc neo nào ngoài cơ sở dữ liệu (DATA_DIR/audit-anchors) để đối chiếu; ' +
        'việc xoá các bản ghi mới nhất không phát hiện được. Hãy chạy "npm run cli -- seal-audit".',
    );
  return 0;
}

/** `import-plan <file> [--json]`: reads a plan without the database; one JSON object on stdout. */
async function importPlan(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const file = args.find((a) => a !== '--json');
  if (!file) {
    console.error(usage);
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    console.error(`Không đọc được tệp "${file}" (không có hoặc không có quyền đọc).`);
    return 1;
  }
  try {
    const { result } = readPlanText(await extractPlanText(bytes, file));
    const out = json ? JSON.stringify(result) : formatPlanSummary(result);
    await new Promise<void>((resolve) => process.stdout.write(`${out}\n`, () => resolve()));
    return 0;
  } catch (e) {
    if (isAppError(e)) {
      console.error(e.message);
      return 1;
    }
    if (e instanceof StartupError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}

/**
 * The database to back up: DATABASE_URL; else the embedded server the running app started (found
 * through DATA_DIR); else the embedded cluster started for the time of the backup.
 */
async function openForBackup(config: Config): Promise<{ db: Db; close: () => Promise<void> }> {
  if (config.databaseUrl !== undefined) {
    const db = createDb(config.databaseUrl, 2);
    return { db, close: () => db.destroy() };
  }
  if (existingClusterDir(config.dataDir) === undefined)
    throw new StartupError(
      `Không có cơ sở dữ liệu nhúng trong ${config.dataDir}: không có gì để sao lưu (đặt DATA_DIR hoặc DATABASE_URL).`,
    );
  try {
    const runtime = await openRuntime(config, { migrate: false });
    return { db: runtime.db, close: runtime.close };
  } catch (e) {
    if (!(e instanceof DataDirLockedError)) throw e;
    const url = runningEmbeddedUrl(config.dataDir);
    if (url === undefined) throw e;
    const db = createDb(url, 2);
    return { db, close: () => db.destroy() };
  }
}

function printSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.ceil(bytes / 1024)} kB`;
}

/** `backup <file>`: online, consistent backup of the database and DATA_DIR/files (decision 029). */
async function backupCommand(file: string | undefined): Promise<number> {
  if (!file) {
    console.error(usage);
    return 2;
  }
  const config = loadConfig();
  const { db, close } = await openForBackup(config);
  try {
    const s = await writeBackup(db, {
      file: path.resolve(file),
      filesDir: path.join(config.dataDir, 'files'),
      anchorDir: anchorDirOf(config.dataDir),
      appVersion: config.version,
    });
    console.log(
      `Đã sao lưu ${s.tables} bảng, ${s.rows} dòng, ${s.files} tệp vào ${s.file} (${printSize(s.bytes)}).`,
    );
    if (s.missingFiles.length > 0) {
      console.error(
        `Cảnh báo: ${s.missingFiles.length} tệp có trong cơ sở dữ liệu nhưng không có trong ${path.join(config.dataDir, 'files')}: ` +
          `${s.missingFiles.slice(0, 10).join(', ')}${s.missingFiles.length > 10 ? ', …' : ''}`,
      );
      return 1;
    }
    if (s.changedFiles.length > 0) {
      console.error(
        `Cảnh báo: ${s.changedFiles.length} tệp đã lưu bị thay đổi so với tổng kiểm SHA-256 trong cơ sở dữ liệu: ` +
          `${s.changedFiles.slice(0, 10).join(', ')}${s.changedFiles.length > 10 ? ', …' : ''}`,
      );
      return 1;
    }
    return 0;
  } finally {
    await close();
  }
}

/** `restore <file>`: into an empty database (DATABASE_URL or a fresh DATA_DIR) and files folder. */
async function restoreCommand(file: string | undefined): Promise<number> {
  if (!file) {
    console.error(usage);
    return 2;
  }
  const config = loadConfig();
  let runtime;
  try {
    runtime = await openRuntime(config, { migrate: false });
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      console.error(`${e.message}\nHãy dừng ứng dụng trước khi khôi phục.`);
      return 1;
    }
    throw e;
  }
  try {
    const s = await restoreBackup(runtime.db, {
      file: path.resolve(file),
      filesDir: runtime.filesDir,
      anchorDir: anchorDirOf(config.dataDir),
    });
    console.log(`Đã khôi phục ${s.tables} bảng, ${s.rows} dòng, ${s.files} tệp từ ${file}.`);
    if (s.migrations.length > 0) console.log(`Đã nâng cấp lược đồ: ${s.migrations.join(', ')}.`);
    // Checked against the restored anchors. Events the backup held unsealed stay so (the restore
    // is an exact copy) and are sealed when the app starts: not a stalled sealer here.
    return printAuditReport(
      await verifyAuditChain(runtime.db, {
        anchorDir: anchorDirOf(config.dataDir),
        staleAfterMs: Infinity,
      }),
    );
  } finally {
    await runtime.close();
  }
}

async function main(): Promise<number> {
  const [command, arg] = process.argv.slice(2);
  if (command === 'import-plan') return importPlan(process.argv.slice(3)); // needs no database
  if (command === 'backup' || command === 'restore') {
    try {
      return await (command === 'backup' ? backupCommand(arg) : restoreCommand(arg));
    } catch (e) {
      if (isAppError(e) || e instanceof StartupError) {
        console.error(e.message);
        return 1;
      }
      throw e;
    }
  }
  if (command !== 'create-admin' && command !== 'verify-audit' && command !== 'seal-audit') {
    console.error(usage);
    return 2;
  }
  const config = loadConfig();
  let runtime;
  try {
    runtime = await openRuntime(config);
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      console.error(
        `${e.message}\nLệnh CLI dùng cùng cơ sở dữ liệu nhúng: hãy dừng ứng dụng trước khi chạy.`,
      );
      return 1;
    }
    throw e;
  }
  const ctx = {
    db: runtime.db,
    actor: systemActor('cli'),
    log: console,
    now: () => new Date(),
    storage: runtime.storage,
  };
  try {
    if (command === 'create-admin') {
      if (!arg) {
        console.error(usage);
        return 2;
      }
      const account = await createAdministrator(ctx, {
        username: arg,
        password: await readPassword(),
      });
      console.log(`Đã tạo quản trị viên "${account.username}" (id ${account.id}).`);
      return 0;
    }
    const anchorDir = anchorDirOf(config.dataDir);
    if (command === 'seal-audit') {
      const r = await sealAuditEvents(runtime.db, { anchorDir, force: true });
      if (!r.ran) {
        console.error('Bộ niêm phong đang chạy ở một tiến trình khác; không cần chạy lại.');
        return 1;
      }
      console.log(
        `Đã niêm phong ${r.sealed} bản ghi; đầu chuỗi: số thứ tự ${r.head?.seq ?? 0}` +
          `${r.anchored ? `, đã ghi mốc neo vào ${anchorDir}` : ''}.`,
      );
      return 0;
    }
    return printAuditReport(await verifyAuditChain(runtime.db, { anchorDir }));
  } catch (e) {
    if (isAppError(e)) {
      console.error(e.message);
      return 1;
    }
    throw e;
  } finally {
    await runtime.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
