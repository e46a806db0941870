import type { FastifyInstance } from 'fastify';
import { userCtx, type AppDeps } from '../../http/context';
import { id, parseInput } from '../../platform/validation';
import { getJobStatus } from './jobs.service';

export function registerJobRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/api/jobs/:id', async (req) =>
    getJobStatus(userCtx(deps, req), parseInput(id, (req.params as { id?: string }).id)),
  );
}
