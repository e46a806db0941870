import type { FastifyInstance } from 'fastify';
import { sendFile, sendStream, userCtx, XLSX_TYPE, type AppDeps } from '../../http/context';
import { readUpload } from '../../http/upload';
import { z } from '../../platform/validation';
import { buildTemplate } from './xlsx-format';
import { exportPeople, exportUnits, requestImport } from './import.service';
import { id, parseInput } from '../../platform/validation';
import { assertCan } from '../../platform/access';
import { entityHistory } from '../audit/index';
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

const idParam = (params: unknown) =>
  parseInput(id, (params as { id?: string }).id, { '(dữ liệu)': 'Mã' });

export function registerOrganizationRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/api/units', async (req) => listUnits(userCtx(deps, req), req.query));
  app.get('/api/units/:id', async (req) => getUnitDetail(userCtx(deps, req), idParam(req.params)));
  app.post('/api/units', async (req, reply) =>
    reply.code(201).send(await createUnit(userCtx(deps, req), req.body)),
  );
  app.patch('/api/units/:id', async (req) =>
    updateUnit(userCtx(deps, req), idParam(req.params), req.body),
  );
  app.get('/api/units/:id/history', async (req) => {
    const ctx = userCtx(deps, req);
    const unit = await uq.getUnit(ctx.db, idParam(req.params));
    assertCan(ctx.actor, 'unit.view', unit.path);
    return entityHistory(ctx, 'org_unit', unit.id, req.query);
  });

  app.get('/api/people', async (req) => listPeople(userCtx(deps, req), req.query));
  app.get('/api/people/:id', async (req) =>
    getPersonDetail(userCtx(deps, req), idParam(req.params)),
  );
  app.post('/api/people', async (req, reply) =>
    reply.code(201).send(await createPerson(userCtx(deps, req), req.body)),
  );
  app.patch('/api/people/:id', async (req) =>
    updatePerson(userCtx(deps, req), idParam(req.params), req.body),
  );
  app.post('/api/people/:id/move', async (req) =>
    movePerson(userCtx(deps, req), idParam(req.params), req.body),
  );
  app.get('/api/people/:id/history', async (req) => {
    const ctx = userCtx(deps, req);
    const person = await pq.getPerson(ctx.db, idParam(req.params));
    assertCan(ctx.actor, 'person.view', person.unitPath);
    return entityHistory(ctx, 'person', person.id, req.query);
  });

  app.get('/api/imports/template', async (req, reply) => {
    userCtx(deps, req);
    const { type } = parseInput(z.object({ type: z.enum(['people', 'units']) }), req.query, {
      type: 'Loại dữ liệu',
    });
    const data = await buildTemplate(type);
    return sendFile(
      reply,
      data,
      type === 'people' ? 'Mẫu nhập cán bộ.xlsx' : 'Mẫu nhập đơn vị.xlsx',
      XLSX_TYPE,
    );
  });

  app.post('/api/imports', async (req, reply) => {
    const ctx = userCtx(deps, req);
    const { fileName, data, fields } = await readUpload(req);
    const result = await requestImport(ctx, {
      type: fields.type,
      unitId: fields.unitId,
      fileName,
      data,
    });
    return reply.code(202).send(result);
  });

  app.get('/api/exports/people', async (req, reply) => {
    const { stream, fileName } = await exportPeople(userCtx(deps, req), req.query);
    return sendStream(reply, stream, fileName, XLSX_TYPE);
  });

  app.get('/api/exports/units', async (req, reply) => {
    const { data, fileName } = await exportUnits(userCtx(deps, req), req.query);
    return sendFile(reply, data, fileName, XLSX_TYPE);
  });
}
