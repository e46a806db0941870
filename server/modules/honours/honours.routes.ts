import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendFile, userCtx, type AppDeps } from '../../http/context';
import { route } from '../../http/route';
import { readUpload } from '../../http/upload';
import { parseInput } from '../../platform/validation';
import { IdParams } from '../../../shared/api/fields';
import { honourEndpoints as e } from '../../../shared/api/honours';
import { addHonour, getPersonHonours, getUnitHonours, removeHonour } from './honours.service';
import {
  addDiscipline,
  listDiscipline,
  removeDiscipline,
  updateDiscipline,
} from './discipline.service';
import { importHonours } from './import-honours';
import { buildHonourTemplate } from './honours-xlsx';

const idOf = (req: FastifyRequest, label: string) =>
  parseInput(IdParams, req.params, { id: label }).id;

/** Award history (person, unit), its .xlsx import, and discipline records. */
export function registerHonourRoutes(app: FastifyInstance, deps: AppDeps): void {
  route(app, e.personHonours, async (req) =>
    getPersonHonours(userCtx(deps, req), idOf(req, 'Mã cán bộ'), req.query),
  );
  route(app, e.unitHonours, async (req) =>
    getUnitHonours(userCtx(deps, req), idOf(req, 'Mã đơn vị'), req.query),
  );
  route(app, e.addHonour, async (req) => addHonour(userCtx(deps, req), req.body));
  route(app, e.removeHonour, async (req) =>
    removeHonour(userCtx(deps, req), idOf(req, 'Mã khen thưởng'), req.body),
  );
  route(app, e.importTemplate, async (_req, reply) =>
    sendFile(
      reply,
      await buildHonourTemplate(),
      'Mẫu nhập khen thưởng đã nhận.xlsx',
      e.importTemplate.response.contentType,
    ),
  );
  route(app, e.importHonours, async (req) => {
    const ctx = userCtx(deps, req);
    const { fileName, data, fields } = await readUpload(req);
    return importHonours(ctx, { unitId: fields.unitId, fileName, data });
  });
  route(app, e.personDiscipline, async (req) =>
    listDiscipline(userCtx(deps, req), idOf(req, 'Mã cán bộ')),
  );
  route(app, e.addDiscipline, async (req) =>
    addDiscipline(userCtx(deps, req), idOf(req, 'Mã cán bộ'), req.body),
  );
  route(app, e.updateDiscipline, async (req) =>
    updateDiscipline(userCtx(deps, req), idOf(req, 'Mã hồ sơ'), req.body),
  );
  route(app, e.removeDiscipline, async (req) =>
    removeDiscipline(userCtx(deps, req), idOf(req, 'Mã hồ sơ'), req.body),
  );
}
