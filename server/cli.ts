import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { DataDirLockedError, StartupError } from './platform/embedded-postgres';
import { loadConfig } from './config';
import { openRuntime } from './runtime';
import { systemActor } from './platform/context';
import { verifyAuditChain } from './platform/audit';
import { isAppError } from './platform/errors';
import { createAdministrator } from './modules/auth/index';
import { extractPlanText, formatPlanSummary, readPlanText } from './modules/campaigns/index';

const usage = `Cách dùng / usage:
  npm run cli -- create-admin <username>   tạo quản trị viên đầu tiên (mật khẩu hỏi trên màn hình hoặc lấy từ THIDUA_ADMIN_PASSWORD)
  npm run cli -- verify-audit              kiểm tra chuỗi băm của nhật ký thay đổi
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

async function main(): Promise<number> {
  const [command, arg] = process.argv.slice(2);
  if (command === 'import-plan') return importPlan(process.argv.slice(3)); // needs no database
  if (command !== 'create-admin' && command !== 'verify-audit') {
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
    const report = await verifyAuditChain(runtime.db);
    if (report.ok) {
      console.log(
        `Nhật ký toàn vẹn: đã kiểm tra ${report.checked} bản ghi. (audit chain intact: ${report.checked} events)`,
      );
      return 0;
    }
    console.log(
      `Chuỗi nhật ký bị phá vỡ tại bản ghi #${report.brokenAt}: ${report.reason}. Đã kiểm tra ${report.checked} bản ghi hợp lệ trước đó.`,
    );
    return 1;
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
