import type { FastifyInstance } from 'fastify';
import { sendFile, userCtx, type AppDeps } from '../../http/context';
import { route } from '../../http/route';
import { parseIdParam } from '../../platform/validation';
import { councilEndpoints as e } from '../../../shared/api/councils';
import { createCouncil, getCouncil, listCouncils, updateCouncilMembers } from './councils.service';
import { addNominationsToAgenda, listAgendaCandidates } from './agenda.service';
import { meetingMinutes } from './minutes.service';
import {
  addMeetingItem,
  closeMeeting,
  getMeeting,
  openMeeting,
  recordAttendance,
  scheduleMeeting,
} from './meetings.service';
import { castVote, enterPaperTally } from './ballots.service';

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
  route(app, e.updateMembers, async (req) =>
    updateCouncilMembers(userCtx(deps, req), council(req.params), req.body),
  );
  route(app, e.agendaCandidates, async (req) =>
    listAgendaCandidates(userCtx(deps, req), meeting(req.params)),
  );
  route(app, e.addNominations, async (req) =>
    addNominationsToAgenda(userCtx(deps, req), meeting(req.params), req.body),
  );
  route(app, e.minutesDocx, async (req, reply) => {
    const doc = await meetingMinutes(userCtx(deps, req), meeting(req.params), req.query);
    return sendFile(reply, doc.data, doc.fileName, doc.contentType);
  });
  route(app, e.closeMeeting, async (req) => closeMeeting(userCtx(deps, req), meeting(req.params)));
}
