import type { Ctx } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { scopeFor } from '../../platform/access';
import type { Job } from '../../../shared/api/jobs';

/** A job's progress and outcome, visible to the user who started it and to system administrators. */
export async function getJobStatus(ctx: Ctx, id: number): Promise<Job> {
  const job = await ctx.db
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
  const mine =
    ctx.actor.kind === 'system' ||
    (ctx.actor.kind === 'user' && job?.createdBy === ctx.actor.userId);
  if (job === undefined || (!mine && !scopeFor(ctx.actor, 'account.manage').all))
    throw notFound('công việc');
  const { createdBy: _createdBy, createdAt, startedAt, finishedAt, ...rest } = job;
  return {
    ...rest,
    createdAt: createdAt.toISOString(),
    startedAt: startedAt?.toISOString() ?? null,
    finishedAt: finishedAt?.toISOString() ?? null,
  };
}
