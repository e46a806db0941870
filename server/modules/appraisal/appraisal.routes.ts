import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { sendFile, userCtx, XLSX_TYPE, type AppDeps } from '../../http/context';
import { readUpload } from '../../http/upload';
import { id, parseInput } from '../../platform/validation';
import {
  answerExplanation,
  completeAppraisal,
  requestExplanation,
  saveAppraisalEntry,
  submitExplanation,
} from './appraisal.service';
import { sideBySide } from './appraisal.compare';
import { acceptSelfScores } from './appraisal.bulk';
import { importSurveyScores, surveyTemplate } from './survey.service';
import { DOCX_TYPE, exportSheetDocx, exportSheetXlsx } from './sheet-export.service';

/** HTTP for appraisal, survey points and the sheet's export: parse → call the service → present. */

const params = (req: FastifyRequest) =>
  parseInput(z.object({ id, nodeId: z.string().trim().min(1).max(40).optional() }), req.params, {
    id: 'Mã',
    nodeId: 'Tiêu chí',
  });

/** The sheet's id, labelled as the self-assessment routes label it (the export's errors). */
const sheetId = (req: FastifyRequest) =>
  parseInput(z.object({ id }), req.params, { id: 'Mã phiếu' }).id;

export function registerAppraisalRoutes(app: FastifyInstance, deps: AppDeps): void {
  const base = '/api/score-sheets/:id/appraisal';
  app.get(base, async (req) => sideBySide(userCtx(deps, req), params(req).id));
  app.put(`${base}/:nodeId`, async (req) => {
    const p = params(req);
    return saveAppraisalEntry(userCtx(deps, req), p.id, p.nodeId ?? '', req.body);
  });
  app.post(`${base}/request-explanation`, async (req) =>
    requestExplanation(userCtx(deps, req), params(req).id, req.body),
  );
  app.put(`${base}/explanation/:nodeId`, async (req) => {
    const p = params(req);
    return answerExplanation(userCtx(deps, req), p.id, p.nodeId ?? '', req.body);
  });
  app.post(`${base}/submit-explanation`, async (req) =>
    submitExplanation(userCtx(deps, req), params(req).id, req.body),
  );
  app.post(`${base}/accept-self`, async (req) =>
    acceptSelfScores(userCtx(deps, req), params(req).id, req.body),
  );
  app.post(`${base}/complete`, async (req) =>
    completeAppraisal(userCtx(deps, req), params(req).id, req.body),
  );
  app.get('/api/plans/:id/survey-scores/template.xlsx', async (req, reply) => {
    const { data, fileName } = await surveyTemplate(userCtx(deps, req), params(req).id);
    return sendFile(reply, data, fileName, XLSX_TYPE);
  });
  // Multipart: one .xlsx file (size capped by the app's multipart limit).
  app.post('/api/plans/:id/survey-scores', async (req) => {
    const ctx = userCtx(deps, req);
    const planId = params(req).id;
    const { fileName, data } = await readUpload(req);
    return importSurveyScores(ctx, planId, { fileName, data });
  });
  app.get('/api/score-sheets/:id/export.xlsx', async (req, reply) => {
    const file = await exportSheetXlsx(userCtx(deps, req), sheetId(req));
    return sendFile(reply, file.data, file.fileName, XLSX_TYPE);
  });
  app.get('/api/score-sheets/:id/export.docx', async (req, reply) => {
    const file = await exportSheetDocx(userCtx(deps, req), sheetId(req));
    return sendFile(reply, file.data, file.fileName, DOCX_TYPE);
  });
}
