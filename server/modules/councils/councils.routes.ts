import type { FastifyInstance } from 'fastify';
import { userCtx, type AppDeps } from '../../http/context';
import { route } from '../../http/route';
import { parseIdParam } from '../../platform/validation';
import { councilEndpoints as e } from '../../../shared/api/councils';
import {
  addMeetingItem,
  castVote,
  closeMeeting,
  createCouncil,
  enterPaperTally,
  getCouncil,
  getMeeting,
  listCouncils,
  openMeeting,
  recordAttendance,
  scheduleMeeting,
} from './councils.service';

/** Councils, review meetings and the secret ballot. */
export function registerCouncilRoutes(app: FastifyInstance, deps: AppDeps): void {
  const council = (p: unknown) => parseIdParam(p, 'Mã hội đồng');
  const meeting = (p: unknown) => parseIdParam(p, 'Mã phiên họp');
  const item = (p: unknown) => parseIdParam(p, 'Mã nội dung biểu quyết');
  route(app, e.listCouncils, async (req) => listCouncils(userCtx(deps, req), req.query));
  route(app, e.createCouncil, async (req) => createCouncil(userCtx(deps, req), req.body));
  route(app, e.getCouncil, async (req) => getCouncil(userCtx(deps, req), council(req.params)));
  route(app, e.scheduleMeeting, async (req) =>
    scheduleMeeting(userCtx(deps, req), council(req.params), req.body),
  );
  route(app, e.getMeeting, async (req) => getMeeting(userCtx(deps, req), meeting(req.params)));
  route(app, e.recordAttendance, async (req) =>
    recordAttendance(userCtx(deps, req), meeting(req.params), req.body),
  );
  route(app, e.addItem, async (req) =>
    addMeetingItem(userCtx(deps, req), meeting(req.params), req.body),
  );
  route(app, e.openMeeting, async (req) => openMeeting(userCtx(deps, req), meeting(req.params)));
  route(app, e.enterTally, async (req) =>
    enterPaperTally(userCtx(deps, req), item(req.params), req.body),
  );
  route(app, e.castVote, async (req) => castVote(userCtx(deps, req), item(req.params), req.body));
  route(app, e.closeMeeting, async (req) => closeMeeting(userCtx(deps, req), meeting(req.params)));
}
