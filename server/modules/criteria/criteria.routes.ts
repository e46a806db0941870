import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendFile, userCtx, XLSX_TYPE, type AppDeps } from '../../http/context';
import { readUpload } from '../../http/upload';
import { route } from '../../http/route';
import { criteriaEndpoints } from '../../../shared/api/criteria';
import { parseIdParam } from '../../platform/validation';
import {
  createCriteriaSet,
  getCriteriaVersion,
  listCriteriaVersions,
  newCriteriaVersion,
  publishCriteriaVersion,
  updateCriteriaDraft,
} from './criteria.service';
import { exportCriteriaXlsx, importCriteriaXlsx } from './criteria-xlsx';

const idParam = (req: FastifyRequest) => parseIdParam(req.params, 'Mã');

export function registerCriteriaRoutes(app: FastifyInstance, deps: AppDeps): void {
  const e = criteriaEndpoints;
  route(app, e.list, async (req) => listCriteriaVersions(userCtx(deps, req), req.query));
  route(app, e.create, async (req) => createCriteriaSet(userCtx(deps, req), req.body));
  route(app, e.get, async (req) => getCriteriaVersion(userCtx(deps, req), idParam(req)));
  route(app, e.update, async (req) =>
    updateCriteriaDraft(userCtx(deps, req), idParam(req), req.body),
  );
  route(app, e.publish, async (req) =>
    publishCriteriaVersion(userCtx(deps, req), idParam(req), req.body),
  );
  route(app, e.export, async (req, reply) => {
    const { data, fileName } = await exportCriteriaXlsx(userCtx(deps, req), idParam(req));
    return sendFile(reply, data, fileName, XLSX_TYPE);
  });
  // Multipart: a `version` field and one .xlsx file (size capped by the app's multipart limit).
  route(app, e.import, async (req) => {
    const ctx = userCtx(deps, req);
    const versionId = idParam(req);
    const { fileName, data, fields } = await readUpload(req);
    return importCriteriaXlsx(ctx, versionId, { version: fields.version, fileName, data });
  });
  route(app, e.newVersion, async (req) =>
    newCriteriaVersion(userCtx(deps, req), idParam(req), req.body),
  );
}
