import { Worker } from 'node:worker_threads';
import type { WorkerReply, WorkerTask } from './tasks';

/**
 * Runs a task on an untrusted file in its own worker thread (decision 031): one fresh worker per
 * file, at most MAX_FILE_WORKERS at once (others wait their turn), each with a heap limit and a
 * wall-clock limit. A worker that runs out of memory, overruns its time or crashes is gone; the
 * server gets WorkerDeath and carries on.
 */

export type WorkerLimits = {
  /** V8 old generation of the worker, MB. */
  heapMb: number;
  /** V8 young generation (semi-spaces) of the worker, MB. */
  youngMb: number;
  /** From the worker's start to its answer. */
  timeoutMs: number;
};

/**
 * The worker's budget. Measured: the 100,000-row people sheet reads in about 4 s with a heap
 * peak near 130 MB (its rows are what the import needs anyway); 256 MB leaves room, and two such
 * workers stay well under the process's budget. Two minutes is far more than any file the
 * limits of zip.ts let through takes on a busy machine.
 */
export const WORKER_LIMITS: WorkerLimits = { heapMb: 256, youngMb: 32, timeoutMs: 120_000 };

/** Files read at once; the rest queue (each worker may use WORKER_LIMITS.heapMb). */
export const MAX_FILE_WORKERS = 2;

/** Why a worker died: out of memory, out of time, or any other crash. */
export class WorkerDeath extends Error {
  constructor(
    readonly kind: 'memory' | 'timeout' | 'crash',
    detail: string,
  ) {
    super(detail);
    this.name = 'WorkerDeath';
  }
}

const BOOTSTRAP = new URL('./worker-bootstrap.mjs', import.meta.url);

let active = 0;
const waiting: (() => void)[] = [];

async function acquire(): Promise<void> {
  if (active < MAX_FILE_WORKERS) {
    active++;
    return;
  }
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function release(): void {
  const next = waiting.shift();
  if (next) next();
  else active--;
}

function once(task: WorkerTask, data: Buffer, limits: WorkerLimits): Promise<WorkerReply> {
  // A copy the worker owns (the caller's Buffer may share a pool or be used again).
  const copy = new Uint8Array(data);
  return new Promise<WorkerReply>((resolve, reject) => {
    const worker = new Worker(BOOTSTRAP, {
      workerData: { task, data: copy },
      transferList: [copy.buffer],
      execArgv: [],
      resourceLimits: {
        maxOldGenerationSizeMb: limits.heapMb,
        maxYoungGenerationSizeMb: limits.youngMb,
      },
    });
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      f();
      void worker.terminate();
    };
    const timer = setTimeout(
      () => settle(() => reject(new WorkerDeath('timeout', `no answer in ${limits.timeoutMs} ms`))),
      limits.timeoutMs,
    );
    worker.on('message', (reply: WorkerReply) => settle(() => resolve(reply)));
    worker.on('error', (e: Error & { code?: string }) =>
      settle(() =>
        reject(
          new WorkerDeath(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash', e.message),
        ),
      ),
    );
    worker.on('exit', (code) =>
      settle(() => reject(new WorkerDeath('crash', `worker exited with code ${code}`))),
    );
  });
}

/** Runs `task` on `data` in a worker within `limits`; WorkerDeath if the worker dies. */
export async function runInWorker(
  task: WorkerTask,
  data: Buffer,
  limits: WorkerLimits = WORKER_LIMITS,
): Promise<WorkerReply> {
  await acquire();
  try {
    return await once(task, data, limits);
  } finally {
    release();
  }
}
