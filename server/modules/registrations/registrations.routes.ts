import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendFile, sendStream, userCtx, XLSX_TYPE, type AppDeps } from '../../http/context';
import { id, parseInput, z } from '../../platform/validation';
import { registerForPlan, registerStaffInBulk } from './registrations.service';
import {
  approveRegistration,
  getRegistrationDetail,
  resubmitRegistration,
  returnRegistration,
  reviewRegistrationsInBulk,
  updateRegistration,
  withdrawRegistration,
} from './review.service';
import {
  exportPlanRegistrations,
  listPlanRegistrations,
  registrationForm,
  registrationProgress,
} from './lists.service';

// Parsed as an object so the error names the parameter ("Mã kế hoạch: phải là số nguyên").
const IdParams = z.object({ id });
const planParam = (req: FastifyRequest) =>
  parseInput(IdParams, req.params, { id: 'Mã kế hoạch' }).id;
const registrationParam = (req: FastifyRequest) =>
  parseInput(IdParams, req.params, { id: 'Mã đăng ký' }).id;

const actions = {
  approve: approveRegistration,
  return: returnRegistration,
  withdraw: withdrawRegistration,
  resubmit: resubmitRegistration,
} as const;

export function registerRegistrationRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/api/plans/:id/registrations', async (req) =>
    listPlanRegistrations(userCtx(deps, req), planParam(req), req.query),
  );
  app.get('/api/plans/:id/registrations/progress', async (req) =>
    registrationProgress(userCtx(deps, req), planParam(req), req.query),
  );
  app.get('/api/plans/:id/registrations.xlsx', async (req, reply) => {
    const file = await exportPlanRegistrations(userCtx(deps, req), planParam(req), req.query);
    return sendStream(reply, file.stream, file.fileName, XLSX_TYPE);
  });
  app.post('/api/plans/:id/registrations', async (req, reply) =>
    reply.code(201).send(await registerForPlan(userCtx(deps, req), planParam(req), req.body)),
  );
  app.post('/api/plans/:id/registrations/bulk', async (req, reply) =>
    reply.code(201).send(await registerStaffInBulk(userCtx(deps, req), planParam(req), req.body)),
  );
  app.post('/api/plans/:id/registrations/review', async (req) =>
    reviewRegistrationsInBulk(userCtx(deps, req), planParam(req), req.body),
  );
  app.get('/api/registrations/:id', async (req) =>
    getRegistrationDetail(userCtx(deps, req), registrationParam(req)),
  );
  app.patch('/api/registrations/:id', async (req) =>
    updateRegistration(userCtx(deps, req), registrationParam(req), req.body),
  );
  for (const [name, action] of Object.entries(actions))
    app.post(`/api/registrations/:id/${name}`, async (req) =>
      action(userCtx(deps, req), registrationParam(req), req.body),
    );
  app.get('/api/registrations/:id/form.docx', async (req, reply) => {
    const doc = await registrationForm(userCtx(deps, req), registrationParam(req));
    return sendFile(reply, doc.data, doc.fileName, doc.contentType);
  });
}
