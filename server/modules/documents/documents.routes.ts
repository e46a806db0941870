import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendFile, userCtx, type AppDeps } from '../../http/context';
import { route } from '../../http/route';
import { id, parseInput, z } from '../../platform/validation';
import { IdParams } from '../../../shared/api/fields';
import { documentEndpoints as e } from '../../../shared/api/documents';
import { cancelRegisterEntry, exportRegister, listRegister } from './register.service';

const EntryParams = z.object({ entryId: id });
// Parsed as an object so the error names the parameter ("Mã đơn vị: phải là số nguyên").
const unitParam = (req: FastifyRequest) => parseInput(IdParams, req.params, { id: 'Mã đơn vị' }).id;
const entryParam = (req: FastifyRequest) =>
  parseInput(EntryParams, req.params, { entryId: 'Mã số trong sổ' }).entryId;

/** The register of outgoing documents: read per unit and year, export, cancel a number. */
export function registerDocumentRoutes(app: FastifyInstance, deps: AppDeps): void {
  route(app, e.register, async (req) =>
    listRegister(userCtx(deps, req), unitParam(req), req.query),
  );
  route(app, e.registerXlsx, async (req, reply) => {
    const file = await exportRegister(userCtx(deps, req), unitParam(req), req.query);
    return sendFile(reply, file.data, file.fileName, e.registerXlsx.response.contentType);
  });
  route(app, e.cancel, async (req) =>
    cancelRegisterEntry(userCtx(deps, req), entryParam(req), req.body),
  );
}
