import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendFile, userCtx, XLSX_TYPE, type AppDeps } from '../../http/context';
import { readUpload } from '../../http/upload';
import { id, parseInput } from '../../platform/validation';
import {
  createCriteriaSet,
  getCriteriaVersion,
  listCriteriaVersions,
  newCriteriaVersion,
  publishCriteriaVersion,
  updateCriteriaDraft,
} from './criteria.service';
import { exportCriteriaXlsx, importCriteriaXlsx } from './criteria-xlsx';

const idParam = (req: FastifyRequest) =>
  parseInput(id, (req.params as { id?: string }).id, { '(dữ liệu)': 'Mã' });

export function registerCriteriaRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/api/criteria', async (req) => listCriteriaVersions(userCtx(deps, req), req.query));
  app.post('/api/criteria', async (req, reply) =>
    reply.code(201).send(await createCriteriaSet(userCtx(deps, req), req.body)),
  );
  app.get('/api/criteria/versions/:id', async (req) =>
    getCriteriaVersion(userCtx(deps, req), idParam(req)),
  );
  app.put('/api/criteria/versions/:id', async (req) =>
    updateCriteriaDraft(userCtx(deps, req), idParam(req), req.body),
  );
  app.post('/api/criteria/versions/:id/publish', async (req) =>
    publishCriteriaVersion(userCtx(deps, req), idParam(req), req.body),
  );
  app.get('/api/criteria/versions/:id/export.xlsx', async (req, reply) => {
    const { data, fileName } = await exportCriteriaXlsx(userCtx(deps, req), idParam(req));
    return sendFile(reply, data, fileName, XLSX_TYPE);
  });
  // Multipart: a `version` field and one .xlsx file (size capped by the app's multipart limit).
  app.post('/api/criteria/versions/:id/import', async (req) => {
    const ctx = userCtx(deps, req);
    const versionId = idParam(req);
    const { fileName, data, fields } = await readUpload(req);
    return importCriteriaXlsx(ctx, versionId, { version: fields.version, fileName, data });
  });
  app.post('/api/criteria/sets/:id/versions', async (req, reply) =>
    reply.code(201).send(await newCriteriaVersion(userCtx(deps, req), idParam(req), req.body)),
  );
}
