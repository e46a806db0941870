import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Telling "the process that wrote this pid" from "whatever process got that pid later". A pid in
 * a file outlives its process: after a crash or a reboot the number may belong to anything, so a
 * lock or pid file is trusted only when the running process still matches what was recorded
 * (Linux: boot id and start time from /proc; elsewhere the command line from `ps`).
 */

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readProc(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** This boot of the machine (Linux), so a pid recorded before a reboot is never trusted. */
function bootId(): string | undefined {
  return readProc('/proc/sys/kernel/random/boot_id')?.trim();
}

/** When `pid` started, in clock ticks since boot (field 22 of /proc/<pid>/stat), Linux only. */
function startTicks(pid: number): string | undefined {
  const stat = readProc(`/proc/${pid}/stat`);
  if (stat === undefined) return undefined;
  // The command name (field 2) is in parentheses and may contain spaces or parentheses.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19]; // fields[0] is field 3
}

/** The running process's arguments, argv[0] first, or undefined when it cannot be read. */
export function processArgv(pid: number): string[] | undefined {
  const cmdline = readProc(`/proc/${pid}/cmdline`);
  if (cmdline !== undefined && cmdline !== '') {
    const argv = cmdline.split('\0');
    if (argv[argv.length - 1] === '') argv.pop();
    return argv;
  }
  const ps = spawnSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
  if (ps.status !== 0 || ps.stdout.trim() === '') return undefined;
  return ps.stdout.trim().split(/\s+/u);
}

/** What a lock file records about its owner. */
export type ProcessStamp = {
  pid: number;
  bootId?: string | undefined;
  startTicks?: string | undefined;
};

/** The stamp of a running process (this one by default). */
export function stampOf(pid: number = process.pid): ProcessStamp {
  return { pid, bootId: bootId(), startTicks: startTicks(pid) };
}

/** Reads a stamp written by stampOf, or a bare pid (lock files of earlier versions). */
export function parseStamp(text: string): ProcessStamp | undefined {
  const trimmed = text.trim();
  if (/^\d+$/u.test(trimmed)) return { pid: Number(trimmed) };
  try {
    const v = JSON.parse(trimmed) as Partial<ProcessStamp>;
    if (typeof v.pid !== 'number' || !Number.isInteger(v.pid) || v.pid <= 0) return undefined;
    return {
      pid: v.pid,
      bootId: typeof v.bootId === 'string' ? v.bootId : undefined,
      startTicks: typeof v.startTicks === 'string' ? v.startTicks : undefined,
    };
  } catch {
    return undefined;
  }
}

const isNode = (argv0: string | undefined) => /node/iu.test(path.basename(argv0 ?? ''));

/**
 * Whether the process a stamp describes is still running: same pid, same boot, same start time.
 * A bare pid (no start time to compare) counts only while that pid runs a Node.js program.
 */
export function isStampLive(stamp: ProcessStamp): boolean {
  if (!isAlive(stamp.pid)) return false;
  if (stamp.bootId !== undefined && stamp.startTicks !== undefined) {
    return bootId() === stamp.bootId && startTicks(stamp.pid) === stamp.startTicks;
  }
  const argv = processArgv(stamp.pid);
  return argv === undefined ? true : isNode(argv[0]);
}

function samePath(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return real(a) === real(b);
}

/**
 * Whether `pid` is a PostgreSQL server running on the cluster `pgDir` (`postgres -D <pgDir>`), as
 * opposed to an unrelated process that got the pid a crashed postmaster left in postmaster.pid.
 */
export function isPostmasterOf(pid: number, pgDir: string): boolean {
  if (!isAlive(pid)) return false;
  const argv = processArgv(pid);
  if (argv === undefined) return false;
  if (path.basename(argv[0] ?? '') !== 'postgres') return false;
  const d = argv.indexOf('-D');
  const dir = d >= 0 ? argv[d + 1] : undefined;
  return dir !== undefined && samePath(dir, pgDir);
}
