import type { FastifyInstance } from 'fastify';
import { XLSX_TYPE, sendFile, sendStream, userCtx, type AppDeps } from '../../http/context';
import { route } from '../../http/route';
import { parseIdParam } from '../../platform/validation';
import { awardDecisionEndpoints as e } from '../../../shared/api/award-decisions';
import {
  addDecisionRows,
  addFromNominations,
  createDecision,
  deleteDecision,
  getDecision,
  issueDecision,
  listDecisions,
  removeDecisionRows,
  replaceDecision,
  updateDecision,
} from './award-decisions.service';
import { decisionDocument } from './decision-files.service';
import { decisionCertificates, decisionPaymentList } from './decision-outputs.service';

const DECISION = 'Mã quyết định';

/**
 * Award decisions: list, draft CRUD, rows, from nominations, issue, replace, .docx/.pdf, and an
 * issued decision's certificates (PDF, streamed) and payment list (.xlsx).
 */
export function registerAwardDecisionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const id = (req: { params: unknown }) => parseIdParam(req.params, DECISION);
  route(app, e.list, async (req) => listDecisions(userCtx(deps, req), req.query));
  route(app, e.create, async (req) => createDecision(userCtx(deps, req), req.body));
  route(app, e.get, async (req) => getDecision(userCtx(deps, req), id(req)));
  route(app, e.update, async (req) => updateDecision(userCtx(deps, req), id(req), req.body));
  route(app, e.remove, async (req) => {
    await deleteDecision(userCtx(deps, req), id(req), req.query);
  });
  route(app, e.addRows, async (req) => addDecisionRows(userCtx(deps, req), id(req), req.body));
  route(app, e.removeRows, async (req) =>
    removeDecisionRows(userCtx(deps, req), id(req), req.body),
  );
  route(app, e.fromNominations, async (req) =>
    addFromNominations(userCtx(deps, req), id(req), req.body),
  );
  route(app, e.issue, async (req) => issueDecision(userCtx(deps, req), id(req), req.body));
  route(app, e.replace, async (req) => replaceDecision(userCtx(deps, req), id(req), req.body));
  for (const format of ['docx', 'pdf'] as const) {
    route(app, format === 'docx' ? e.docx : e.pdf, async (req, reply) => {
      const doc = await decisionDocument(userCtx(deps, req), id(req), format);
      return sendFile(reply, doc.data, doc.fileName, doc.contentType);
    });
  }
  route(app, e.certificates, async (req, reply) => {
    const file = await decisionCertificates(userCtx(deps, req), id(req), req.query);
    return sendStream(reply, file.stream, file.fileName, e.certificates.response.contentType);
  });
  route(app, e.paymentList, async (req, reply) => {
    const file = await decisionPaymentList(userCtx(deps, req), id(req));
    return sendFile(reply, file.data, file.fileName, XLSX_TYPE);
  });
}
