import { sql } from 'kysely';
import type { z } from 'zod';
import { isDatabaseUnavailable, type Db, type Executor } from './db';
import { systemActor, type Ctx, type Logger } from './context';
import { AppError, isAppError } from './errors';
import type { FileStorage } from './storage';

/**
 * Background jobs in the same PostgreSQL database: a `job` row is enqueued in the caller's
 * transaction, a worker claims it with FOR UPDATE SKIP LOCKED, reports progress on its own
 * connection (so the UI sees it while the job's transaction is still open) and records the result
 * or the error. Handlers must be idempotent: a job whose worker died is queued again (unless its
 * definition says retryAfterCrash: false). A job that fails with an AppError (its input is wrong)
 * is never retried.
 */

export type Progress = (done: number, total: number, message?: string) => Promise<void>;

export type JobDefinition<P> = {
  kind: string;
  payload: z.ZodType<P>;
  /** Runs as the user who enqueued the job (ctx.actor), re-loaded with their current grants. */
  run: (ctx: Ctx, payload: P, progress: Progress, job: { id: number }) => Promise<unknown>;
  /**
   * False for jobs that read an uploaded file: if the process dies while one runs, the job fails
   * (with STALE_INPUT_JOB_ERROR) instead of being queued again, so a file that crashes the server
   * cannot crash it again on every restart (decision 031). Default true.
   */
  retryAfterCrash?: boolean;
};

/** A definition with its payload type erased: it parses the stored payload itself. */
export type JobRunner = {
  kind: string;
  retryAfterCrash: boolean;
  execute: (
    ctx: Ctx,
    payload: unknown,
    progress: Progress,
    job: { id: number },
  ) => Promise<unknown>;
};

/** What the worker runs: pass `jobRunner(definition)` for each job kind it should handle. */
export function jobRunner<P>(def: JobDefinition<P>): JobRunner {
  return {
    kind: def.kind,
    retryAfterCrash: def.retryAfterCrash ?? true,
    execute: (ctx, payload, progress, job) =>
      def.run(ctx, def.payload.parse(payload), progress, job),
  };
}

export function defineJob<P>(def: JobDefinition<P>): JobDefinition<P> {
  return def;
}

export async function enqueueJob<P>(
  trx: Executor,
  def: JobDefinition<P>,
  payload: P,
  createdBy: number | null,
): Promise<number> {
  const row = await trx
    .insertInto('job')
    .values({ kind: def.kind, payload: JSON.stringify(def.payload.parse(payload)), createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type WorkerDeps = {
  db: Db;
  log: Logger;
  storage: FileStorage;
  now: () => Date;
  /** Rebuilds the actor of the user who enqueued a job (their grants may have changed). */
  loadActor: (userId: number) => Promise<Ctx['actor']>;
};

export type Worker = { stop: () => Promise<void>; drain: () => Promise<void> };

const INTERRUPTED = JSON.stringify({
  error: 'INTERNAL',
  message: 'Công việc bị gián đoạn nhiều lần và đã dừng. Vui lòng thực hiện lại.',
  details: null,
});

/** The error of a file-reading job whose process died while it ran (it is not run again). */
export const STALE_INPUT_JOB_ERROR = {
  error: 'VALIDATION_FAILED',
  message:
    'Máy chủ đã dừng trong khi xử lý tệp của công việc này (tệp có thể quá lớn hoặc quá phức tạp). Công việc không được tự chạy lại; hãy kiểm tra tệp, chia nhỏ nếu cần, rồi nhập lại.',
  details: {
    fields: [{ field: 'file', label: 'Tệp', message: 'tệp có thể quá lớn hoặc quá phức tạp' }],
  },
};

/**
 * Jobs whose worker died mid-way (no heartbeat for 2 minutes) are queued again, up to 3 attempts;
 * after that they fail with a message. Kinds in `noRetry` (retryAfterCrash: false: they read an
 * uploaded file) fail at once with STALE_INPUT_JOB_ERROR. Runs at start and then every minute.
 */
async function requeueStale(db: Db, noRetry: string[]): Promise<void> {
  await sql`
    UPDATE job SET
      status = CASE WHEN attempts < 3 AND kind <> ALL(${noRetry}::text[]) THEN 'queued' ELSE 'failed' END,
      finished_at = CASE WHEN attempts < 3 AND kind <> ALL(${noRetry}::text[]) THEN NULL ELSE now() END,
      error = CASE
        WHEN kind = ANY(${noRetry}::text[]) THEN ${JSON.stringify(STALE_INPUT_JOB_ERROR)}::jsonb
        WHEN attempts < 3 THEN NULL
        ELSE ${INTERRUPTED}::jsonb END
    WHERE status = 'running' AND heartbeat_at < now() - interval '2 minutes'`.execute(db);
}

export function startWorker(deps: WorkerDeps, jobs: JobRunner[], pollMs = 300): Worker {
  const registry = new Map(jobs.map((j) => [j.kind, j]));
  const noRetry = jobs.filter((j) => !j.retryAfterCrash).map((j) => j.kind);
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const runOne = async (): Promise<boolean> => {
    const claimed = await sql<{
      id: number;
      kind: string;
      payload: unknown;
      createdBy: number | null;
    }>`
      UPDATE job SET status = 'running', started_at = now(), heartbeat_at = now(), attempts = attempts + 1
      WHERE id = (SELECT id FROM job WHERE status = 'queued' ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
      RETURNING id, kind, payload, created_by`.execute(deps.db);
    const job = claimed.rows[0];
    if (job === undefined) return false;
    const def = registry.get(job.kind);
    const finish = (status: 'succeeded' | 'failed', result: unknown, error: unknown) =>
      deps.db
        .updateTable('job')
        .set({
          status,
          result: result === undefined ? null : JSON.stringify(result),
          error: error === undefined ? null : JSON.stringify(error),
          finishedAt: new Date(),
        })
        .where('id', '=', job.id)
        .execute();
    try {
      if (def === undefined)
        throw new AppError('INTERNAL', `Không có xử lý cho công việc ${job.kind}.`);
      const actor =
        job.createdBy === null ? systemActor('jobs') : await deps.loadActor(job.createdBy);
      const ctx: Ctx = { db: deps.db, actor, log: deps.log, now: deps.now, storage: deps.storage };
      // Progress is advisory: a failed update is logged, never thrown (callers may fire and forget).
      const progress: Progress = async (done, total, message) => {
        try {
          await deps.db
            .updateTable('job')
            .set({ progress: done, total, message: message ?? null, heartbeatAt: new Date() })
            .where('id', '=', job.id)
            .execute();
        } catch (e) {
          deps.log.warn({ err: e, jobId: job.id }, 'job progress update failed');
        }
      };
      const result = await def.execute(ctx, job.payload, progress, { id: job.id });
      await finish('succeeded', result ?? null, undefined);
    } catch (e) {
      if (isAppError(e)) {
        await finish('failed', undefined, {
          error: e.code,
          message: e.message,
          details: e.details ?? null,
        });
      } else {
        deps.log.error({ err: e, jobId: job.id }, 'job failed');
        await finish('failed', undefined, {
          error: 'INTERNAL',
          message: `Công việc #${job.id} gặp lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên.`,
          details: null,
        });
      }
    }
    return true;
  };

  let lastSweep = 0;
  // While the database is away (decision 028) the worker says so once and polls less often.
  let waitingForDatabase = false;
  const loop = async () => {
    if (stopped) return;
    try {
      if (Date.now() - lastSweep > 60_000) {
        lastSweep = Date.now();
        await requeueStale(deps.db, noRetry);
      }
      while (!stopped && (await runOne()));
      if (waitingForDatabase) deps.log.info('job worker: the database is back');
      waitingForDatabase = false;
    } catch (e) {
      if (!isDatabaseUnavailable(e)) deps.log.error({ err: e }, 'job worker poll failed');
      else if (!waitingForDatabase) {
        waitingForDatabase = true;
        deps.log.warn({ err: e }, 'job worker: the database is unavailable; waiting for it');
      }
    }
    const delay = waitingForDatabase ? Math.max(pollMs, 2_000) : pollMs;
    if (!stopped) timer = setTimeout(() => void (running = loop()), delay);
  };

  running = loop();

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
    async drain() {
      while (await runOne());
    },
  };
}
