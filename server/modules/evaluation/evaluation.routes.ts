import type { FastifyInstance, FastifyRequest } from 'fastify';
import { userCtx, type AppDeps } from '../../http/context';
import { id, parseInput } from '../../platform/validation';
import {
  createCriteriaSet,
  getCriteriaVersion,
  listCriteriaVersions,
  newCriteriaVersion,
  publishCriteriaVersion,
  updateCriteriaDraft,
} from './criteria.service';
import { bindPlanCriteria } from './plan-criteria.service';

const idParam = (req: FastifyRequest) =>
  parseInput(id, (req.params as { id?: string }).id, { '(dữ liệu)': 'Mã' });

export function registerEvaluationRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/api/criteria', async (req) => listCriteriaVersions(userCtx(deps, req), req.query));
  app.post('/api/criteria', async (req, reply) =>
    reply.code(201).send(await createCriteriaSet(userCtx(deps, req), req.body)),
  );
  app.get('/api/criteria/versions/:id', async (req) =>
    getCriteriaVersion(userCtx(deps, req), idParam(req)),
  );
  app.put('/api/criteria/versions/:id', async (req) =>
    updateCriteriaDraft(userCtx(deps, req), idParam(req), req.body),
  );
  app.post('/api/criteria/versions/:id/publish', async (req) =>
    publishCriteriaVersion(userCtx(deps, req), idParam(req), req.body),
  );
  app.post('/api/criteria/sets/:id/versions', async (req, reply) =>
    reply.code(201).send(await newCriteriaVersion(userCtx(deps, req), idParam(req), req.body)),
  );
  app.put('/api/plans/:id/evaluation', async (req) =>
    bindPlanCriteria(userCtx(deps, req), idParam(req), req.body),
  );
}
