import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { sendFile, userCtx, XLSX_TYPE, type AppDeps } from '../../http/context';
import { route } from '../../http/route';
import { readUpload } from '../../http/upload';
import { id, parseInput } from '../../platform/validation';
import { appraisalEndpoints as e } from '../../../shared/api/appraisal';
import { assessmentEndpoints, nodeId } from '../../../shared/api/assessment';
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
  parseInput(z.object({ id, nodeId: nodeId.optional() }), req.params, {
    id: 'Mã',
    nodeId: 'Tiêu chí',
  });

/** The sheet's id, labelled as the self-assessment routes label it (the export's errors). */
const sheetId = (req: FastifyRequest) =>
  parseInput(z.object({ id }), req.params, { id: 'Mã phiếu' }).id;

export function registerAppraisalRoutes(app: FastifyInstance, deps: AppDeps): void {
  route(app, e.get, async (req) => sideBySide(userCtx(deps, req), params(req).id));
  route(app, e.save, async (req) => {
    const p = params(req);
    return saveAppraisalEntry(userCtx(deps, req), p.id, p.nodeId ?? '', req.body);
  });
  route(app, e.requestExplanation, async (req) =>
    requestExplanation(userCtx(deps, req), params(req).id, req.body),
  );
  route(app, e.answerExplanation, async (req) => {
    const p = params(req);
    return answerExplanation(userCtx(deps, req), p.id, p.nodeId ?? '', req.body);
  });
  route(app, e.submitExplanation, async (req) =>
    submitExplanation(userCtx(deps, req), params(req).id, req.body),
  );
  route(app, e.acceptSelf, async (req) =>
    acceptSelfScores(userCtx(deps, req), params(req).id, req.body),
  );
  route(app, e.complete, async (req) =>
    completeAppraisal(userCtx(deps, req), params(req).id, req.body),
  );
  route(app, e.surveyTemplate, async (req, reply) => {
    const { data, fileName } = await surveyTemplate(userCtx(deps, req), params(req).id);
    return sendFile(reply, data, fileName, XLSX_TYPE);
  });
  // Multipart: one .xlsx file (size capped by the app's multipart limit).
  route(app, e.surveyImport, async (req) => {
    const ctx = userCtx(deps, req);
    const planId = params(req).id;
    const { fileName, data } = await readUpload(req);
    return importSurveyScores(ctx, planId, { fileName, data });
  });
  route(app, assessmentEndpoints.exportXlsx, async (req, reply) => {
    const file = await exportSheetXlsx(userCtx(deps, req), sheetId(req));
    return sendFile(reply, file.data, file.fileName, XLSX_TYPE);
  });
  route(app, assessmentEndpoints.exportDocx, async (req, reply) => {
    const file = await exportSheetDocx(userCtx(deps, req), sheetId(req));
    return sendFile(reply, file.data, file.fileName, DOCX_TYPE);
  });
}
