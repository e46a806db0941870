import type { FastifyInstance } from 'fastify';
import { userCtx, type AppDeps } from '../../http/context';
import { route } from '../../http/route';
import { parseIdParam } from '../../platform/validation';
import { nominationEndpoints as e } from '../../../shared/api/nominations';
import {
  createNomination,
  forwardNomination,
  getNomination,
  listNominationCandidates,
  listNominations,
  returnNomination,
  submitNomination,
  withdrawNomination,
} from './nominations.service';

const PLAN = 'Mã kế hoạch';
const NOMINATION = 'Mã đề nghị';

/** Nominations: candidates, list, create, submit, return, forward, withdraw. */
export function registerNominationRoutes(app: FastifyInstance, deps: AppDeps): void {
  route(app, e.candidates, async (req) =>
    listNominationCandidates(userCtx(deps, req), parseIdParam(req.params, PLAN)),
  );
  route(app, e.list, async (req) =>
    listNominations(userCtx(deps, req), parseIdParam(req.params, PLAN)),
  );
  route(app, e.create, async (req) =>
    createNomination(userCtx(deps, req), parseIdParam(req.params, PLAN), req.body),
  );
  route(app, e.get, async (req) =>
    getNomination(userCtx(deps, req), parseIdParam(req.params, NOMINATION)),
  );
  route(app, e.submit, async (req) =>
    submitNomination(userCtx(deps, req), parseIdParam(req.params, NOMINATION), req.body),
  );
  route(app, e.return, async (req) =>
    returnNomination(userCtx(deps, req), parseIdParam(req.params, NOMINATION), req.body),
  );
  route(app, e.forward, async (req) =>
    forwardNomination(userCtx(deps, req), parseIdParam(req.params, NOMINATION), req.body),
  );
  route(app, e.withdraw, async (req) =>
    withdrawNomination(userCtx(deps, req), parseIdParam(req.params, NOMINATION), req.body),
  );
}
