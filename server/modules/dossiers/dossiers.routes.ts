import type { FastifyInstance } from 'fastify';
import { sendFile, userCtx, type AppDeps } from '../../http/context';
import { route } from '../../http/route';
import { parseIdParam } from '../../platform/validation';
import { dossierEndpoints as e } from '../../../shared/api/dossiers';
import {
  dossierRequestFile,
  getDossierRequest,
  getNominationDossier,
  nominationReportFile,
  openDossierRequest,
  saveNominationParts,
  saveRequestParts,
} from './dossiers.service';

const NOMINATION = 'Mã đề nghị';
const REQUEST = 'Mã tờ trình';
const PLAN = 'Mã kế hoạch';

/** Dossier documents: a nomination's report, a unit's tờ trình and its list; parts and files. */
export function registerDossierRoutes(app: FastifyInstance, deps: AppDeps): void {
  route(app, e.nominationDossier, async (req) =>
    getNominationDossier(userCtx(deps, req), parseIdParam(req.params, NOMINATION)),
  );
  route(app, e.saveNominationParts, async (req) =>
    saveNominationParts(userCtx(deps, req), parseIdParam(req.params, NOMINATION), req.body),
  );
  route(app, e.openRequest, async (req) =>
    openDossierRequest(userCtx(deps, req), parseIdParam(req.params, PLAN), req.body),
  );
  route(app, e.request, async (req) =>
    getDossierRequest(userCtx(deps, req), parseIdParam(req.params, REQUEST)),
  );
  route(app, e.saveRequestParts, async (req) =>
    saveRequestParts(userCtx(deps, req), parseIdParam(req.params, REQUEST), req.body),
  );
  for (const format of ['docx', 'pdf'] as const) {
    route(app, format === 'docx' ? e.reportDocx : e.reportPdf, async (req, reply) => {
      const f = await nominationReportFile(
        userCtx(deps, req),
        parseIdParam(req.params, NOMINATION),
        format,
      );
      return sendFile(reply, f.data, f.fileName, f.contentType);
    });
    for (const doc of ['request', 'list'] as const) {
      const endpoint =
        doc === 'request'
          ? format === 'docx'
            ? e.requestDocx
            : e.requestPdf
          : format === 'docx'
            ? e.listDocx
            : e.listPdf;
      route(app, endpoint, async (req, reply) => {
        const f = await dossierRequestFile(
          userCtx(deps, req),
          parseIdParam(req.params, REQUEST),
          doc,
          format,
        );
        return sendFile(reply, f.data, f.fileName, f.contentType);
      });
    }
  }
}
