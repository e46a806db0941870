import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './platform/embedded-postgres';

const root = path.resolve(import.meta.dirname, '..');
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

function refused(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

describe('starting the server (`npm start`) from a fresh checkout', () => {
  it('works from a mode-700 directory (as root too) and listens on 127.0.0.1 only', async () => {
    // Like a clone into /root or a `mktemp -d` folder: no one but the owner may enter.
    const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-start-'));
    fs.chmodSync(privateDir, 0o700);
    const dataDir = path.join(privateDir, 'checkout', 'data');
    cleanups.push(() => {
      const pointer = path.join(dataDir, 'postgres.location');
      // As root the cluster lives in /var/lib/thidua/clusters/<hash>: remove it with the data dir.
      if (fs.existsSync(pointer))
        fs.rmSync(path.dirname(fs.readFileSync(pointer, 'utf8').trim()), {
          recursive: true,
          force: true,
        });
      fs.rmSync(privateDir, { recursive: true, force: true });
    });

    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DEMO_DATA: '0',
      WORKER: '0',
      LOG_LEVEL: 'info',
      NODE_ENV: 'development',
    };
    delete env.HOST;
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    try {
      const deadline = Date.now() + 90_000;
      while (!output.includes(`at http://127.0.0.1:${port}`)) {
        if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
        if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(health.status).toBe(200);
      // Not reachable on any other interface of this machine.
      const others = Object.values(os.networkInterfaces())
        .flat()
        .filter((a) => a !== undefined && !a.internal && a.family === 'IPv4')
        .map((a) => a?.address ?? '');
      for (const address of others) expect(await refused(address, port)).toBe(true);
      if (process.getuid?.() === 0)
        expect(fs.existsSync(path.join(dataDir, 'postgres.location'))).toBe(true);
    } finally {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    }
    expect(child.exitCode).toBe(0);
    expect(output).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/); // no stack trace anywhere
  });
});
