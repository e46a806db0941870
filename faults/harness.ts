import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { existingClusterDir, runningEmbeddedUrl } from '../server/platform/embedded-postgres';
import { startServer, type RunningServer } from '../server/test/server-process';

/**
 * Fault-injection harness (issue 11 item 7, `npm run test:faults`): the real server as a child
 * process on a temporary data directory, an administrator made with the CLI, an HTTP client with
 * a timeout on every request, and the handles a fault needs: the postmaster's pid, a SQL
 * connection to the embedded server, the server process's memory from /proc.
 */

const root = path.resolve(import.meta.dirname, '..');

export const ADMIN = { username: 'quantri.loi', password: 'Mat-khau-kiem-thu-1' };
export const OFFICER = { username: 'canbo.loi', password: 'Mat-khau-kiem-thu-2' };

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Rejects with `what` when `promise` has not settled within `ms`. */
export async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timeout after ${ms} ms: ${what}`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Calls `probe` every `everyMs` until it returns something other than undefined/false and
 * returns that; throws naming `what` after `ms` (the polling stops too).
 */
export async function waitFor<T>(
  ms: number,
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  everyMs = 20,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timeout after ${ms} ms: ${what}`);
    await sleep(everyMs);
  }
}

export type CliResult = { code: number | null; stdout: string; stderr: string };

/** `npm run cli -- <args>` on `dataDir`; killed (code null) after `timeoutMs`. */
export function runCli(
  dataDir: string,
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 90_000,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'test', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      stderr += `\n[faults] cli ${args.join(' ')} killed after ${timeoutMs} ms`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A fresh data directory the `postgres` user can enter when the suite runs as root. */
export function makeDataDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `thidua-faults-${name}-`));
  fs.chmodSync(dir, 0o755);
  return dir;
}

/** The pid in line 1 of the embedded cluster's postmaster.pid, when that process is alive. */
export function postmasterPid(dataDir: string): number | undefined {
  const dir = existingClusterDir(dataDir);
  if (dir === undefined) return undefined;
  try {
    const pid = Number(fs.readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (!Number.isInteger(pid) || pid <= 0) return undefined;
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

/** The connection URL of the embedded server running on `dataDir` (superuser `postgres`). */
export function embeddedUrl(dataDir: string): string {
  const url = runningEmbeddedUrl(dataDir);
  if (url === undefined) throw new Error(`no embedded PostgreSQL is running on ${dataDir}`);
  return url;
}

/** VmRSS and VmHWM (peak) of a process, in MB, from /proc/<pid>/status. */
export function memoryOf(pid: number): { rssMb: number; hwmMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
}

export type Reply = { status: number; headers: Headers; body: unknown; ms: number };

/** One HTTP request with a hard timeout; JSON bodies are parsed when the answer is JSON. */
export async function call(
  baseUrl: string,
  method: string,
  url: string,
  opts: { cookie?: string; json?: unknown; form?: FormData; timeoutMs?: number } = {},
): Promise<Reply> {
  const started = Date.now();
  const headers: Record<string, string> = {};
  if (opts.cookie) headers.cookie = opts.cookie;
  let body: string | FormData | undefined;
  if (opts.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.json);
  } else if (opts.form) body = opts.form;
  const res = await fetch(`${baseUrl}${url}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body }),
    signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
  });
  const text = await res.text();
  let parsed: unknown = text;
  if ((res.headers.get('content-type') ?? '').includes('json') && text !== '')
    parsed = JSON.parse(text) as unknown;
  return { status: res.status, headers: res.headers, body: parsed, ms: Date.now() - started };
}

/** GET of a file (e.g. an .xlsx export); throws unless 200. */
export async function download(baseUrl: string, url: string, cookie: string): Promise<Buffer> {
  const res = await fetch(`${baseUrl}${url}`, {
    headers: { cookie },
    signal: AbortSignal.timeout(30_000),
  });
  if (res.status !== 200) throw new Error(`GET ${url}: HTTP ${res.status} ${await res.text()}`);
  return Buffer.from(await res.arrayBuffer());
}

/** A multipart body: text fields, then `file` as an .xlsx named `fileName`. */
export function xlsxForm(fields: Record<string, string>, file: Buffer, fileName: string): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append(
    'file',
    new Blob([new Uint8Array(file)], {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    }),
    fileName,
  );
  return form;
}

/** Signs in; the `cookie` header value of the session. */
export async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
    signal: AbortSignal.timeout(30_000),
  });
  const sid = res.headers
    .getSetCookie()
    .map((c) => /^thidua_sid=([^;]*)/.exec(c)?.[1])
    .find((v) => v !== undefined);
  if (res.status !== 200 || sid === undefined)
    throw new Error(`login ${username} failed: HTTP ${res.status} ${await res.text()}`);
  return `thidua_sid=${sid}`;
}

/** Fails with the status and body when `reply` is not `status`. */
export function expectStatus<T = Record<string, unknown>>(
  reply: Reply,
  status: number,
  what: string,
): T {
  if (reply.status !== status)
    throw new Error(`${what}: HTTP ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body as T;
}

export type FaultServer = RunningServer & {
  /** Logged-in administrator and emulation officer (of `provinceId`). */
  adminCookie: string;
  officerCookie: string;
  provinceId: number;
  /**
   * Starts the server again on the same data directory when its process is gone (killed by a
   * test, or crashed); the sessions stay valid.
   */
  revive: () => Promise<void>;
  /** Stops the server (SIGKILL after a grace period), kills a leftover postmaster, removes DATA_DIR. */
  dispose: () => Promise<void>;
};

/** Server settings of the suite: no demo data, a generous login limit, warnings only. */
const SERVER_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  DEMO_DATA: 'false',
  LOG_LEVEL: 'warn',
  LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
};

/** Starts the server again on an existing data directory (e.g. after `stop()`). */
export function restartServer(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  return startServer({ ...SERVER_ENV, ...env }, dataDir, 120_000);
}

/** Kills a postmaster left behind on `dataDir` (its server was SIGKILLed) and removes the dir. */
export async function removeDataDir(dataDir: string): Promise<void> {
  const pid = postmasterPid(dataDir);
  if (pid !== undefined) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmd.includes('postgres')) process.kill(pid, 'SIGQUIT');
    } catch {
      /* gone */
    }
    for (let i = 0; i < 50 && postmasterPid(dataDir) !== undefined; i++) await sleep(100);
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
}

/**
 * A fresh installation: `npm run cli -- create-admin` on a new data directory, the server
 * started on it, a province created by the administrator and an emulation officer granted there,
 * both signed in. Any failure stops everything it started.
 */
export async function startFaultServer(
  name: string,
  env: Record<string, string> = {},
): Promise<FaultServer> {
  const dataDir = makeDataDir(name);
  let server: RunningServer | undefined;
  try {
    const made = await runCli(dataDir, ['create-admin', ADMIN.username], {
      THIDUA_ADMIN_PASSWORD: ADMIN.password,
    });
    if (made.code !== 0) throw new Error(`create-admin failed (${made.code}): ${made.stderr}`);
    server = await restartServer(dataDir, env);
    const url = server.url;
    const adminCookie = await login(url, ADMIN.username, ADMIN.password);
    const province = expectStatus<{ id: number }>(
      await call(url, 'POST', '/api/units', {
        cookie: adminCookie,
        json: { parentId: null, name: 'Tỉnh Thử Lỗi', kind: 'province' },
      }),
      201,
      'create province',
    );
    const officer = expectStatus<{ id: number }>(
      await call(url, 'POST', '/api/accounts', {
        cookie: adminCookie,
        json: {
          username: OFFICER.username,
          displayName: 'Cán bộ thử lỗi',
          password: OFFICER.password,
        },
      }),
      201,
      'create officer account',
    );
    expectStatus(
      await call(url, 'POST', `/api/accounts/${officer.id}/grants`, {
        cookie: adminCookie,
        json: { role: 'emulation_officer', unitId: province.id },
      }),
      201,
      'grant emulation_officer',
    );
    const officerCookie = await login(url, OFFICER.username, OFFICER.password);
    const fault: FaultServer = {
      ...server,
      adminCookie,
      officerCookie,
      provinceId: province.id,
      async revive() {
        if (fault.alive()) return;
        Object.assign(fault, await restartServer(dataDir, env));
      },
      async dispose() {
        await fault.stop(10_000);
        await removeDataDir(dataDir);
      },
    };
    return fault;
  } catch (e) {
    await server?.stop(5_000);
    await removeDataDir(dataDir);
    throw e;
  }
}
