import { z } from 'zod';
import { defineEndpoint } from './endpoint';
import { IdParams, instant } from './fields';

/** Background jobs (imports, batch documents): progress the UI shows as a bar. */

export const jobStatuses = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobStatus = (typeof jobStatuses)[number];

export const Job = z.object({
  id: z.number().int(),
  kind: z.string(),
  status: z.enum(jobStatuses),
  progress: z.number().nullable(),
  total: z.number().nullable(),
  message: z.string().nullable(),
  /** What the job produced (its kind says the shape), once succeeded. */
  result: z.unknown(),
  /** The error body ({ error, message, details }) once failed. */
  error: z.unknown(),
  createdAt: instant,
  startedAt: instant.nullable(),
  finishedAt: instant.nullable(),
});
export type Job = z.infer<typeof Job>;

export const jobEndpoints = {
  get: defineEndpoint({
    method: 'GET',
    path: '/api/jobs/:id',
    summary: "A job's progress and outcome (its starter and administrators)",
    tags: ['jobs'],
    access: 'user',
    params: IdParams,
    response: Job,
  }),
};
