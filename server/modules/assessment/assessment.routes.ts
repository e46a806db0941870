import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { XLSX_TYPE, sendFile, userCtx, type AppDeps } from '../../http/context';
import { route } from '../../http/route';
import { readUpload } from '../../http/upload';
import { id, parseIdParam, parseInput } from '../../platform/validation';
import { assessmentEndpoints as e, nodeId } from '../../../shared/api/assessment';
import { criteriaEndpoints } from '../../../shared/api/criteria';
import { getSheet, openSheet, returnSheet, saveSelfEntry, submitSheet } from './assessment.service';
import { downloadEvidence, removeEvidence, uploadEvidence } from './evidence.service';
import { listScoreSheets } from './sheet-list.service';
import { importSelfAssessment, selfTemplate } from './self-import.service';
import { bindPlanCriteria } from './plan-criteria.service';

/** HTTP for self-assessment and the plan's criteria binding: parse → call the service → present. */

const params = (req: FastifyRequest) =>
  parseInput(z.object({ id, evidenceId: id.optional(), nodeId: nodeId.optional() }), req.params, {
    id: 'Mã phiếu',
    evidenceId: 'Mã tệp',
    nodeId: 'Tiêu chí',
  });

/** A plan's id (the plan's criteria binding). */
const planIdParam = (req: FastifyRequest) => parseIdParam(req.params, 'Mã');

export function registerAssessmentRoutes(app: FastifyInstance, deps: AppDeps): void {
  route(app, e.open, async (req) =>
    openSheet(userCtx(deps, req), (req.params as { id?: string }).id),
  );
  route(app, e.list, async (req) => listScoreSheets(userCtx(deps, req), req.query));
  route(app, e.get, async (req) => getSheet(userCtx(deps, req), params(req).id));
  route(app, e.saveSelf, async (req) => {
    const p = params(req);
    return saveSelfEntry(userCtx(deps, req), p.id, p.nodeId ?? '', req.body);
  });
  route(app, e.submit, async (req) => submitSheet(userCtx(deps, req), params(req).id, req.body));
  route(app, e.return, async (req) => returnSheet(userCtx(deps, req), params(req).id, req.body));
  route(app, e.selfTemplate, async (req, reply) => {
    const file = await selfTemplate(userCtx(deps, req), params(req).id);
    return sendFile(reply, file.data, file.fileName, XLSX_TYPE);
  });
  // Multipart: one .xlsx file (size capped by the app's multipart limit).
  route(app, e.selfImport, async (req) => {
    const ctx = userCtx(deps, req);
    const sheetId = params(req).id;
    const { fileName, data } = await readUpload(req);
    return importSelfAssessment(ctx, sheetId, { fileName, data });
  });
  route(app, e.uploadEvidence, async (req) => {
    const ctx = userCtx(deps, req);
    const sheetId = params(req).id;
    const { fileName, data, fields } = await readUpload(req);
    return uploadEvidence(ctx, sheetId, { nodeId: fields.nodeId, fileName, data });
  });
  route(app, e.downloadEvidence, async (req, reply) => {
    const p = params(req);
    const file = await downloadEvidence(userCtx(deps, req), p.id, p.evidenceId ?? 0);
    return sendFile(reply, file.data, file.fileName, file.contentType);
  });
  route(app, e.removeEvidence, async (req) => {
    const p = params(req);
    return removeEvidence(userCtx(deps, req), p.id, p.evidenceId ?? 0);
  });
  route(app, criteriaEndpoints.bindPlan, async (req) =>
    bindPlanCriteria(userCtx(deps, req), planIdParam(req), req.body),
  );
}
