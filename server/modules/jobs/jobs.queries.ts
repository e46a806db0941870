import type { Executor } from '../../platform/db';

/** A job's row as its status page shows it, with who started it. */
export function findJob(db: Executor, id: number) {
  return db
    .selectFrom('job')
    .select([
      'id',
      'kind',
      'status',
      'progress',
      'total',
      'message',
      'result',
      'error',
      'createdBy',
      'createdAt',
      'startedAt',
      'finishedAt',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}
