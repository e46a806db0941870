import type { FastifyInstance, FastifyRequest } from 'fastify';
import { userCtx, type AppDeps } from '../../http/context';
import { route } from '../../http/route';
import { parseInput } from '../../platform/validation';
import { IdParams } from '../../../shared/api/fields';
import { awardEndpoints as e } from '../../../shared/api/awards';
import {
  addAwardForm,
  addAwardFormVersion,
  addBaseSalary,
  getCatalogue,
  setRounding,
} from './awards.service';

const formParam = (req: FastifyRequest) =>
  parseInput(IdParams, req.params, { id: 'Mã danh hiệu, hình thức' }).id;

/** The award catalogue: read as of a date; add forms, versions, base salaries, rounding rules. */
export function registerAwardRoutes(app: FastifyInstance, deps: AppDeps): void {
  route(app, e.catalogue, async (req) => getCatalogue(userCtx(deps, req), req.query));
  route(app, e.addForm, async (req) => addAwardForm(userCtx(deps, req), req.body));
  route(app, e.addVersion, async (req) =>
    addAwardFormVersion(userCtx(deps, req), formParam(req), req.body),
  );
  route(app, e.addBaseSalary, async (req) => addBaseSalary(userCtx(deps, req), req.body));
  route(app, e.setRounding, async (req) => setRounding(userCtx(deps, req), req.body));
}
