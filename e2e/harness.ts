import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/**
 * End-to-end harness: the real server (as `npm start` runs it, embedded PostgreSQL and demo data
 * in a fresh data directory) and Debian's Chromium driven by playwright-core.
 */

const root = path.resolve(import.meta.dirname, '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export type RunningServer = {
  url: string;
  dataDir: string;
  stop: () => Promise<void>;
  output: () => string;
};

/** Spawns the server as `npm start` runs it; `dataDir` reuses a data directory (kept on stop). */
export function spawnServer(
  dataDir: string,
  port: number,
  env: Record<string, string> = {},
): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
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
}

export { freePort };

export async function startServer(
  env: Record<string, string> = {},
  reuseDataDir?: string,
): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = reuseDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-e2e-'));
  let output = '';
  const child = spawnServer(dataDir, port, env);
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    dataDir,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      }
      if (reuseDataDir === undefined) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<{ browser: Browser; context: BrowserContext }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({
    locale: 'vi-VN',
    acceptDownloads: true,
    viewport: { width: 1366, height: 900 },
  });
  return { browser, context };
}
