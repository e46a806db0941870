import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { XLSX_TYPE, sendFile, userCtx, type AppDeps } from '../../http/context';
import { readUpload } from '../../http/upload';
import { id, parseInput } from '../../platform/validation';
import { getSheet, openSheet, returnSheet, saveSelfEntry, submitSheet } from './assessment.service';
import { downloadEvidence, removeEvidence, uploadEvidence } from './evidence.service';
import { listScoreSheets } from './sheet-list.service';
import { importSelfAssessment, selfTemplate } from './self-import.service';
import { bindPlanCriteria } from './plan-criteria.service';

/** HTTP for self-assessment and the plan's criteria binding: parse → call the service → present. */

const params = (req: FastifyRequest) =>
  parseInput(
    z.object({
      id,
      evidenceId: id.optional(),
      nodeId: z.string().trim().min(1).max(40).optional(),
    }),
    req.params,
    { id: 'Mã phiếu', evidenceId: 'Mã tệp', nodeId: 'Tiêu chí' },
  );

/** A plan's id (the plan's criteria binding). */
const planIdParam = (req: FastifyRequest) =>
  parseInput(id, (req.params as { id?: string }).id, { '(dữ liệu)': 'Mã' });

export function registerAssessmentRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.post('/api/registrations/:id/score-sheet', async (req) =>
    openSheet(userCtx(deps, req), (req.params as { id?: string }).id),
  );
  app.get('/api/score-sheets', async (req) => listScoreSheets(userCtx(deps, req), req.query));
  app.get('/api/score-sheets/:id', async (req) => getSheet(userCtx(deps, req), params(req).id));
  app.put('/api/score-sheets/:id/self/:nodeId', async (req) => {
    const p = params(req);
    return saveSelfEntry(userCtx(deps, req), p.id, p.nodeId ?? '', req.body);
  });
  app.post('/api/score-sheets/:id/submit', async (req) =>
    submitSheet(userCtx(deps, req), params(req).id, req.body),
  );
  app.post('/api/score-sheets/:id/return', async (req) =>
    returnSheet(userCtx(deps, req), params(req).id, req.body),
  );
  app.get('/api/score-sheets/:id/self-template.xlsx', async (req, reply) => {
    const file = await selfTemplate(userCtx(deps, req), params(req).id);
    return sendFile(reply, file.data, file.fileName, XLSX_TYPE);
  });
  // Multipart: one .xlsx file (size capped by the app's multipart limit).
  app.post('/api/score-sheets/:id/self-import', async (req) => {
    const ctx = userCtx(deps, req);
    const sheetId = params(req).id;
    const { fileName, data } = await readUpload(req);
    return importSelfAssessment(ctx, sheetId, { fileName, data });
  });
  app.post('/api/score-sheets/:id/evidence', async (req, reply) => {
    const ctx = userCtx(deps, req);
    const sheetId = params(req).id;
    const { fileName, data, fields } = await readUpload(req);
    const input = { nodeId: fields.nodeId, fileName, data };
    return reply.code(201).send(await uploadEvidence(ctx, sheetId, input));
  });
  app.get('/api/score-sheets/:id/evidence/:evidenceId', async (req, reply) => {
    const p = params(req);
    const file = await downloadEvidence(userCtx(deps, req), p.id, p.evidenceId ?? 0);
    return sendFile(reply, file.data, file.fileName, file.contentType);
  });
  app.delete('/api/score-sheets/:id/evidence/:evidenceId', async (req) => {
    const p = params(req);
    return removeEvidence(userCtx(deps, req), p.id, p.evidenceId ?? 0);
  });
  app.put('/api/plans/:id/evaluation', async (req) =>
    bindPlanCriteria(userCtx(deps, req), planIdParam(req), req.body),
  );
}
