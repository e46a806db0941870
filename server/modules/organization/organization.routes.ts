import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendFile, sendStream, userCtx, type AppDeps } from '../../http/context';
import { route } from '../../http/route';
import { readUpload } from '../../http/upload';
import { buildTemplate } from './xlsx-format';
import { exportPeople, exportUnits, requestImport } from './import.service';
import { parseInput } from '../../platform/validation';
import { assertCan } from '../../platform/access';
import { entityHistory } from '../audit/index';
import { IdParams } from '../../../shared/api/fields';
import { TemplateQuery, organizationEndpoints as e } from '../../../shared/api/organization';
import { createUnit, getUnitDetail, listUnits, updateUnit } from './units.service';
import {
  createPerson,
  getPersonDetail,
  listPeople,
  movePerson,
  updatePerson,
} from './people.service';
import * as uq from './units.queries';
import * as pq from './people.queries';

// Parsed as an object so the error names the parameter ("Mã đơn vị: phải là số nguyên").
const unitParam = (req: FastifyRequest) => parseInput(IdParams, req.params, { id: 'Mã đơn vị' }).id;
const personParam = (req: FastifyRequest) =>
  parseInput(IdParams, req.params, { id: 'Mã cán bộ' }).id;

export function registerOrganizationRoutes(app: FastifyInstance, deps: AppDeps): void {
  route(app, e.listUnits, async (req) => listUnits(userCtx(deps, req), req.query));
  route(app, e.unit, async (req) => getUnitDetail(userCtx(deps, req), unitParam(req)));
  route(app, e.createUnit, async (req) => createUnit(userCtx(deps, req), req.body));
  route(app, e.updateUnit, async (req) => updateUnit(userCtx(deps, req), unitParam(req), req.body));
  route(app, e.unitHistory, async (req) => {
    const ctx = userCtx(deps, req);
    const unit = await uq.getUnit(ctx.db, unitParam(req));
    assertCan(ctx.actor, 'unit.view', unit.path);
    return entityHistory(ctx, 'org_unit', unit.id, req.query);
  });

  route(app, e.listPeople, async (req) => listPeople(userCtx(deps, req), req.query));
  route(app, e.person, async (req) => getPersonDetail(userCtx(deps, req), personParam(req)));
  route(app, e.createPerson, async (req) => createPerson(userCtx(deps, req), req.body));
  route(app, e.updatePerson, async (req) =>
    updatePerson(userCtx(deps, req), personParam(req), req.body),
  );
  route(app, e.movePerson, async (req) =>
    movePerson(userCtx(deps, req), personParam(req), req.body),
  );
  route(app, e.personHistory, async (req) => {
    const ctx = userCtx(deps, req);
    const person = await pq.getPerson(ctx.db, personParam(req));
    assertCan(ctx.actor, 'person.view', person.unitPath);
    return entityHistory(ctx, 'person', person.id, req.query);
  });

  route(app, e.importTemplate, async (req, reply) => {
    const { type } = parseInput(TemplateQuery, req.query, { type: 'Loại dữ liệu' });
    const data = await buildTemplate(type);
    return sendFile(
      reply,
      data,
      type === 'people' ? 'Mẫu nhập cán bộ.xlsx' : 'Mẫu nhập đơn vị.xlsx',
      e.importTemplate.response.contentType,
    );
  });

  route(app, e.startImport, async (req) => {
    const ctx = userCtx(deps, req);
    const { fileName, data, fields } = await readUpload(req);
    return requestImport(ctx, { type: fields.type, unitId: fields.unitId, fileName, data });
  });

  route(app, e.exportPeople, async (req, reply) => {
    const { stream, fileName } = await exportPeople(userCtx(deps, req), req.query);
    return sendStream(reply, stream, fileName, e.exportPeople.response.contentType);
  });

  route(app, e.exportUnits, async (req, reply) => {
    const { data, fileName } = await exportUnits(userCtx(deps, req), req.query);
    return sendFile(reply, data, fileName, e.exportUnits.response.contentType);
  });
}
