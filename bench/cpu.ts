import fs from 'node:fs';
import os from 'node:os';

/**
 * How busy the machine was with work that is not the benchmark's own (this process, its embedded
 * PostgreSQL and the load generator), from /proc. Linux only; elsewhere the figures are null.
 * On a shared machine this says whether a measurement was disturbed.
 */

export type CpuSnapshot = { at: number; busy: number; total: number; ours: number } | null;

function readStat(pid: string): { ppid: number; ticks: number } | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: parse after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const n = (i: number) => Number(fields[i] ?? 0);
    // Fields 4 (ppid) and 14–17 (utime, stime, cutime, cstime), counted from 1 in proc(5).
    return { ppid: n(1), ticks: n(11) + n(12) + n(13) + n(14) };
  } catch {
    return undefined;
  }
}

export function cpuSnapshot(): CpuSnapshot {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] =
      v;
    const busy = user + nice + system + irq + softirq + steal;
    const stats = new Map<number, { ppid: number; ticks: number }>();
    for (const name of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      const s = readStat(name);
      if (s !== undefined) stats.set(Number(name), s);
    }
    // This process and every live descendant (the postmaster and its backends, a load generator).
    const ours = new Set<number>([process.pid]);
    for (let grew = true; grew;) {
      grew = false;
      for (const [pid, s] of stats) {
        if (!ours.has(pid) && ours.has(s.ppid)) {
          ours.add(pid);
          grew = true;
        }
      }
    }
    let oursTicks = 0;
    for (const pid of ours) oursTicks += stats.get(pid)?.ticks ?? 0;
    return { at: performance.now(), busy, total: busy + idle + iowait, ours: oursTicks };
  } catch {
    return null;
  }
}

/** /proc counts CPU time in USER_HZ ticks, 100 a second on Linux (`getconf CLK_TCK`). */
const TICK_MS = 10;

/**
 * Between two snapshots: how busy the whole machine was (percent of all cores), the share used by
 * other processes, and the CPU milliseconds the benchmark's own processes used.
 */
export function cpuShares(
  a: CpuSnapshot,
  b: CpuSnapshot,
): { busyPct: number; othersPct: number; oursMs: number } | null {
  if (a === null || b === null) return null;
  const total = b.total - a.total;
  if (total <= 0) return null;
  const pct = (x: number) => Math.round((Math.max(0, x) / total) * 1000) / 10;
  return {
    busyPct: pct(b.busy - a.busy),
    othersPct: pct(b.busy - a.busy - (b.ours - a.ours)),
    oursMs: (b.ours - a.ours) * TICK_MS,
  };
}

export const cores = os.cpus().length;
