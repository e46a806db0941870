import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../platform/embedded-postgres';

/**
 * The real server as a child process, as `npm start` runs it (`tsx server/main.ts`, embedded
 * PostgreSQL in a data directory of its own): for the end-to-end tests (e2e/harness.ts) and the
 * fault-injection suite (faults/), which need a process they can watch, starve and kill.
 */

const root = path.resolve(import.meta.dirname, '..', '..');

export { freePort };

export type RunningServer = {
  url: string;
  port: number;
  dataDir: string;
  /** The Node process of the server (its VmRSS is the server's memory). */
  child: ChildProcess;
  /** true while the server process has not exited. */
  alive: () => boolean;
  /** Everything the server wrote to stdout and stderr so far. */
  output: () => string;
  /**
   * SIGTERM, then SIGKILL after `graceMs` (default 15 s); removes the data directory unless it
   * was given to `startServer` to reuse.
   */
  stop: (graceMs?: number) => Promise<void>;
};

/** Servers this process started and has not seen exit: asked to stop if the test run dies. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGTERM');
});

/** Spawns the server as `npm start` runs it; `dataDir` reuses a data directory (kept on stop). */
export function spawnServer(
  dataDir: string,
  port: number,
  env: Record<string, string> = {},
): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      DATABASE_URL: '',
      // Every JSON answer of a contract route is checked against shared/api (decision 027).
      CHECK_RESPONSES: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

/** Waits for `child` to exit, at most `ms`; true when it did. */
export function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Starts the server on a free port in a fresh temporary data directory (or `reuseDataDir`) and
 * resolves once `/api/health` answers 200; throws with the server's output if it exits first or
 * is not up within `startMs` (default 90 s), killing it.
 */
export async function startServer(
  env: Record<string, string> = {},
  reuseDataDir?: string,
  startMs = 90_000,
): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = reuseDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-e2e-'));
  let output = '';
  const child = spawnServer(dataDir, port, env);
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const alive = () => child.exitCode === null && child.signalCode === null;
  const server: RunningServer = {
    url,
    port,
    dataDir,
    child,
    alive,
    output: () => output,
    async stop(graceMs = 15_000) {
      if (alive()) {
        child.kill('SIGTERM');
        if (!(await exited(child, graceMs))) {
          child.kill('SIGKILL');
          await exited(child, 5_000);
        }
      }
      if (reuseDataDir === undefined) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  const deadline = Date.now() + startMs;
  for (;;) {
    if (!alive()) throw new Error(`server exited early:\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      await server.stop(5_000);
      throw new Error(`server did not start within ${startMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return server;
}
