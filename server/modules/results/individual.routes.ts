import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendFile, userCtx, type AppDeps } from '../../http/context';
import { route } from '../../http/route';
import { readUpload } from '../../http/upload';
import { resultsEndpoints as e } from '../../../shared/api/results';
import {
  attachItemEvidence,
  confirmItem,
  downloadItemEvidence,
  getChecklist,
} from './individual.service';

/** HTTP for an individual's checklist of the plan's criteria: parse → call the service → present. */

const params = (req: FastifyRequest) => req.params as { id?: string; index?: string };

export function registerIndividualRoutes(app: FastifyInstance, deps: AppDeps): void {
  route(app, e.checklist, async (req) => getChecklist(userCtx(deps, req), params(req).id));
  route(app, e.confirmItem, async (req) =>
    confirmItem(userCtx(deps, req), params(req).id, params(req).index, req.body),
  );
  // Multipart: one file and optionally the item's `version`.
  route(app, e.attachItemEvidence, async (req) => {
    const ctx = userCtx(deps, req);
    const { fileName, data, fields } = await readUpload(req);
    const input = { fileName, data, version: fields.version };
    return attachItemEvidence(ctx, params(req).id, params(req).index, input);
  });
  route(app, e.itemEvidence, async (req, reply) => {
    const file = await downloadItemEvidence(userCtx(deps, req), params(req).id, params(req).index);
    return sendFile(reply, file.data, file.fileName, file.contentType);
  });
}
