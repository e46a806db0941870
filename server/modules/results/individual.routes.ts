import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendFile, userCtx, type AppDeps } from '../../http/context';
import { readUpload } from '../../http/upload';
import {
  attachItemEvidence,
  confirmItem,
  downloadItemEvidence,
  getChecklist,
} from './individual.service';

/** HTTP for an individual's checklist of the plan's criteria: parse → call the service → present. */

const params = (req: FastifyRequest) => req.params as { id?: string; index?: string };

export function registerIndividualRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/api/registrations/:id/checklist', async (req) =>
    getChecklist(userCtx(deps, req), params(req).id),
  );
  app.put('/api/registrations/:id/checklist/:index', async (req) =>
    confirmItem(userCtx(deps, req), params(req).id, params(req).index, req.body),
  );
  // Multipart: one file and optionally the item's `version`.
  app.post('/api/registrations/:id/checklist/:index/evidence', async (req) => {
    const ctx = userCtx(deps, req);
    const { fileName, data, fields } = await readUpload(req);
    const input = { fileName, data, version: fields.version };
    return attachItemEvidence(ctx, params(req).id, params(req).index, input);
  });
  app.get('/api/registrations/:id/checklist/:index/evidence', async (req, reply) => {
    const file = await downloadItemEvidence(userCtx(deps, req), params(req).id, params(req).index);
    return sendFile(reply, file.data, file.fileName, file.contentType);
  });
}
