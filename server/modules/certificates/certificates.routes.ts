import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendFile, userCtx, type AppDeps } from '../../http/context';
import { route } from '../../http/route';
import { parseIdParam } from '../../platform/validation';
import { certificateEndpoints as e } from '../../../shared/api/certificates';
import {
  createTemplate,
  deleteTemplate,
  listTemplates,
  previewLayout,
  previewTemplate,
  updateTemplate,
} from './templates.service';

const templateParam = (req: FastifyRequest) => parseIdParam(req.params, 'Mã mẫu in giấy khen');
const PDF = e.preview.response.contentType;

/** Certificate templates: list, add, change, delete, and sample certificates as PDF. */
export function registerCertificateRoutes(app: FastifyInstance, deps: AppDeps): void {
  route(app, e.list, async (req) => listTemplates(userCtx(deps, req), req.query));
  route(app, e.create, async (req) => createTemplate(userCtx(deps, req), req.body));
  route(app, e.update, async (req) =>
    updateTemplate(userCtx(deps, req), templateParam(req), req.body),
  );
  route(app, e.remove, async (req) => deleteTemplate(userCtx(deps, req), templateParam(req)));
  route(app, e.preview, async (req, reply) => {
    const file = await previewTemplate(userCtx(deps, req), templateParam(req));
    return sendFile(reply, file.data, file.fileName, PDF);
  });
  route(app, e.previewLayout, async (req, reply) => {
    const file = await previewLayout(userCtx(deps, req), req.body);
    return sendFile(reply, file.data, file.fileName, PDF);
  });
}
