import { Worker } from 'node:worker_threads';
import type { WorkerMessage, WorkerReply, WorkerTask } from './tasks';
import type { XlsxRow } from './xlsx';

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
  /**
   * How much the process's resident memory may grow while the worker runs: the backstop for
   * memory outside the V8 heap (ArrayBuffers of a PDF's or a .docx's inflated streams), which
   * `resourceLimits` does not count. Checked every 50 ms.
   */
  rssBudgetMb: number;
};

/**
 * The worker's budget. Measured: the 100,000-row people sheet reads in about 4 s with a heap
 * peak near 130 MB (its rows are what the import needs anyway); 256 MB leaves room, and two such
 * workers stay well under the process's budget. Two minutes is far more than any file the
 * limits of zip.ts let through takes on a busy machine. The whole 100,000-row read grows the
 * process by about 170 MB at its peak; the resident-memory backstop is set above that.
 */
export const WORKER_LIMITS: WorkerLimits = {
  heapMb: 256,
  youngMb: 32,
  timeoutMs: 120_000,
  rssBudgetMb: 320,
};

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

type OnRows = (sheet: number, rows: XlsxRow[]) => void;

function once(
  task: WorkerTask,
  data: Buffer,
  limits: WorkerLimits,
  onRows: OnRows | undefined,
): Promise<WorkerReply> {
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
      clearInterval(watchdog);
      f();
      void worker.terminate();
    };
    const timer = setTimeout(
      () => settle(() => reject(new WorkerDeath('timeout', `no answer in ${limits.timeoutMs} ms`))),
      limits.timeoutMs,
    );
    const base = process.memoryUsage.rss();
    const watchdog = setInterval(() => {
      const grown = process.memoryUsage.rss() - base;
      if (grown > limits.rssBudgetMb * 1024 * 1024)
        settle(() =>
          reject(new WorkerDeath('memory', `process grew ${Math.round(grown / 1048576)} MB`)),
        );
    }, 50);
    worker.on('message', (m: WorkerMessage) => {
      if (settled) return;
      if (m.kind === 'rows') onRows?.(m.sheet, m.rows);
      else settle(() => resolve(m.reply));
    });
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

/**
 * Runs `task` on `data` in a worker within `limits`; WorkerDeath if the worker dies. An .xlsx
 * task's rows arrive through `onRows` in batches before the reply.
 */
export async function runInWorker(
  task: WorkerTask,
  data: Buffer,
  limits: WorkerLimits = WORKER_LIMITS,
  onRows?: OnRows,
): Promise<WorkerReply> {
  await acquire();
  try {
    return await once(task, data, limits, onRows);
  } finally {
    release();
  }
}
