import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendFile, userCtx, type AppDeps } from '../../http/context';
import { AppError } from '../../platform/errors';
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
    if (!req.isMultipart())
      throw new AppError('VALIDATION_FAILED', 'Cần gửi tệp theo dạng multipart/form-data.');
    let version: unknown;
    let fileName: string | undefined;
    let data: Buffer | undefined;
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        fileName = part.filename;
        data = await part.toBuffer();
      } else if (part.fieldname === 'version') version = part.value;
    }
    return attachItemEvidence(ctx, params(req).id, params(req).index, { fileName, data, version });
  });
  app.get('/api/registrations/:id/checklist/:index/evidence', async (req, reply) => {
    const file = await downloadItemEvidence(userCtx(deps, req), params(req).id, params(req).index);
    return sendFile(reply, file.data, file.fileName, file.contentType);
  });
}
