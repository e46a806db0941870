import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir, stopOrphan } from './embedded-postgres';
import { isAlive, isPostmasterOf, parseStamp, stampOf } from './process-identity';

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-pid-'));
  dirs.push(dir);
  return dir;
}

/** A live process standing in for whatever got a recycled pid. */
function sleeper(): number {
  const c = spawn('sleep', ['60'], { stdio: 'ignore' });
  children.push(c);
  return c.pid ?? 0;
}

/** A live Node.js process; with `argv0` and `args` it can pose as `postgres -D <dir>`. */
async function nodeChild(opts: { argv0?: string; args?: string[] } = {}): Promise<ChildProcess> {
  const c = spawn(
    process.execPath,
    [
      '-e',
      'process.on("SIGINT", () => process.exit(0)); setTimeout(() => {}, 60000)',
      '--',
      ...(opts.args ?? []),
    ],
    { stdio: 'ignore', ...(opts.argv0 ? { argv0: opts.argv0 } : {}) },
  );
  children.push(c);
  await new Promise((r) => setTimeout(r, 300)); // let it install its SIGINT handler
  return c;
}

const onLinux = fs.existsSync('/proc/self/stat');

describe('process identity', () => {
  it('reads lock stamps, and bare pids of earlier versions', () => {
    expect(parseStamp('1234\n')).toEqual({ pid: 1234 });
    expect(parseStamp('{"pid":7,"bootId":"b","startTicks":"99"}')).toEqual({
      pid: 7,
      bootId: 'b',
      startTicks: '99',
    });
    for (const bad of ['', 'abc', '{"pid":-1}', '{"pid":"7"}', '{'])
      expect(parseStamp(bad)).toBe(undefined);
    if (onLinux)
      expect(stampOf()).toMatchObject({
        pid: process.pid,
        bootId: expect.any(String),
        startTicks: expect.any(String),
      });
  });

  it('takes over a lock whose pid now belongs to another process', () => {
    const dataDir = tempDir();
    const lockPath = path.join(dataDir, 'thidua.lock');
    const other = sleeper();
    // A bare pid (earlier versions) of something that is not Node.js: stale.
    fs.writeFileSync(lockPath, String(other));
    lockDataDir(dataDir)();
    // A stamp whose start time does not match the running process: stale.
    if (onLinux) {
      fs.writeFileSync(lockPath, JSON.stringify({ ...stampOf(other), startTicks: '1' }));
      const unlock = lockDataDir(dataDir);
      expect(parseStamp(fs.readFileSync(lockPath, 'utf8'))).toEqual(stampOf());
      unlock();
      expect(fs.existsSync(lockPath)).toBe(false);
    }
    expect(isAlive(other)).toBe(true);
  });

  it('refuses a lock held by a live ThiĐua process', async () => {
    const dataDir = tempDir();
    const lockPath = path.join(dataDir, 'thidua.lock');
    const owner = (await nodeChild()).pid ?? 0;
    fs.writeFileSync(lockPath, JSON.stringify(stampOf(owner)));
    expect(() => lockDataDir(dataDir)).toThrow(DataDirLockedError);
    fs.writeFileSync(lockPath, String(owner)); // a bare pid running Node.js: still respected
    expect(() => lockDataDir(dataDir)).toThrow(DataDirLockedError);
  });

  it('never signals a process that took over the pid of a crashed postmaster', async () => {
    const pgDir = tempDir();
    const pidFile = path.join(pgDir, 'postmaster.pid');
    const other = sleeper();
    fs.writeFileSync(pidFile, `${other}\n${pgDir}\n`);
    expect(isPostmasterOf(other, pgDir)).toBe(false);
    await stopOrphan(pgDir);
    expect(isAlive(other)).toBe(true);
    expect(fs.existsSync(pidFile)).toBe(false); // would make postgres refuse to start

    // A postgres on another cluster is not ours either.
    const elsewhere = await nodeChild({ argv0: '/opt/pg/bin/postgres', args: ['-D', tempDir()] });
    fs.writeFileSync(pidFile, `${elsewhere.pid}\n${pgDir}\n`);
    await stopOrphan(pgDir);
    expect(elsewhere.exitCode).toBe(null);
  });

  it('stops an orphaned postmaster of this cluster', async () => {
    const pgDir = tempDir();
    const orphan = await nodeChild({ argv0: '/opt/pg/bin/postgres', args: ['-D', pgDir] });
    const pid = orphan.pid ?? 0;
    expect(isPostmasterOf(pid, pgDir)).toBe(true);
    fs.writeFileSync(path.join(pgDir, 'postmaster.pid'), `${pid}\n${pgDir}\n`);
    const exited = new Promise((r) => orphan.once('exit', r));
    await stopOrphan(pgDir);
    await exited;
    expect(isAlive(pid)).toBe(false);
  });
});
