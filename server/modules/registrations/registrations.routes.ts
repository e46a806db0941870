import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendFile, sendStream, userCtx, type AppDeps } from '../../http/context';
import { route } from '../../http/route';
import { parseInput } from '../../platform/validation';
import { IdParams } from '../../../shared/api/fields';
import { registrationEndpoints as e } from '../../../shared/api/registrations';
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
const planParam = (req: FastifyRequest) =>
  parseInput(IdParams, req.params, { id: 'Mã kế hoạch' }).id;
const registrationParam = (req: FastifyRequest) =>
  parseInput(IdParams, req.params, { id: 'Mã đăng ký' }).id;

export function registerRegistrationRoutes(app: FastifyInstance, deps: AppDeps): void {
  route(app, e.list, async (req) =>
    listPlanRegistrations(userCtx(deps, req), planParam(req), req.query),
  );
  route(app, e.progress, async (req) =>
    registrationProgress(userCtx(deps, req), planParam(req), req.query),
  );
  route(app, e.export, async (req, reply) => {
    const file = await exportPlanRegistrations(userCtx(deps, req), planParam(req), req.query);
    return sendStream(reply, file.stream, file.fileName, e.export.response.contentType);
  });
  route(app, e.create, async (req) =>
    registerForPlan(userCtx(deps, req), planParam(req), req.body),
  );
  route(app, e.bulkCreate, async (req) =>
    registerStaffInBulk(userCtx(deps, req), planParam(req), req.body),
  );
  route(app, e.bulkReview, async (req) =>
    reviewRegistrationsInBulk(userCtx(deps, req), planParam(req), req.body),
  );
  route(app, e.detail, async (req) =>
    getRegistrationDetail(userCtx(deps, req), registrationParam(req)),
  );
  route(app, e.update, async (req) =>
    updateRegistration(userCtx(deps, req), registrationParam(req), req.body),
  );
  route(app, e.approve, async (req) =>
    approveRegistration(userCtx(deps, req), registrationParam(req), req.body),
  );
  route(app, e.return, async (req) =>
    returnRegistration(userCtx(deps, req), registrationParam(req), req.body),
  );
  route(app, e.withdraw, async (req) =>
    withdrawRegistration(userCtx(deps, req), registrationParam(req), req.body),
  );
  route(app, e.resubmit, async (req) =>
    resubmitRegistration(userCtx(deps, req), registrationParam(req), req.body),
  );
  route(app, e.form, async (req, reply) => {
    const doc = await registrationForm(userCtx(deps, req), registrationParam(req));
    return sendFile(reply, doc.data, doc.fileName, doc.contentType);
  });
}
