import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendFile, userCtx, XLSX_TYPE, type AppDeps } from '../../http/context';
import { id, parseInput, z } from '../../platform/validation';
import { registerAppraisalRoutes } from './appraisal.routes';
import { registerResultsRoutes } from './results.routes';
import { registerIndividualRoutes } from './individual.routes';
import { registerDashboardRoutes } from './dashboard.routes';
import { DOCX_TYPE, exportSheetDocx, exportSheetXlsx } from './sheet-export.service';

const sheetId = (req: FastifyRequest) =>
  parseInput(z.object({ id }), req.params, { id: 'Mã phiếu' }).id;

export function registerEvaluationRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerAppraisalRoutes(app, deps);
  registerResultsRoutes(app, deps);
  registerIndividualRoutes(app, deps);
  registerDashboardRoutes(app, deps);
  app.get('/api/score-sheets/:id/export.xlsx', async (req, reply) => {
    const file = await exportSheetXlsx(userCtx(deps, req), sheetId(req));
    return sendFile(reply, file.data, file.fileName, XLSX_TYPE);
  });
  app.get('/api/score-sheets/:id/export.docx', async (req, reply) => {
    const file = await exportSheetDocx(userCtx(deps, req), sheetId(req));
    return sendFile(reply, file.data, file.fileName, DOCX_TYPE);
  });
}
