import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendFile, userCtx, XLSX_TYPE, type AppDeps } from '../../http/context';
import { id, parseInput, z } from '../../platform/validation';
import { cancelRegisterEntry, exportRegister, listRegister } from './register.service';

const IdParams = z.object({ id });
const EntryParams = z.object({ entryId: id });
const unitParam = (req: FastifyRequest) => parseInput(IdParams, req.params, { id: 'Mã đơn vị' }).id;
const entryParam = (req: FastifyRequest) =>
  parseInput(EntryParams, req.params, { entryId: 'Mã số trong sổ' }).entryId;

/** The register of outgoing documents: read per unit and year, export, cancel a number. */
export function registerDocumentRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/api/units/:id/document-register', async (req) =>
    listRegister(userCtx(deps, req), unitParam(req), req.query),
  );
  app.get('/api/units/:id/document-register.xlsx', async (req, reply) => {
    const file = await exportRegister(userCtx(deps, req), unitParam(req), req.query);
    return sendFile(reply, file.data, file.fileName, XLSX_TYPE);
  });
  app.post('/api/document-register/:entryId/cancel', async (req) =>
    cancelRegisterEntry(userCtx(deps, req), entryParam(req), req.body),
  );
}
