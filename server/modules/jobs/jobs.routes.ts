import type { FastifyInstance } from 'fastify';
import { userCtx, type AppDeps } from '../../http/context';
import { route } from '../../http/route';
import { id, parseInput } from '../../platform/validation';
import { jobEndpoints } from '../../../shared/api/jobs';
import { getJobStatus } from './jobs.service';

export function registerJobRoutes(app: FastifyInstance, deps: AppDeps): void {
  route(app, jobEndpoints.get, async (req) =>
    getJobStatus(userCtx(deps, req), parseInput(id, (req.params as { id?: string }).id)),
  );
}
