import type { FastifyInstance } from 'fastify';
import { userCtx, type AppDeps } from '../../http/context';
import { route } from '../../http/route';
import { sendFile } from '../../http/context';
import { readUpload } from '../../http/upload';
import { parseIdParam, parseInput } from '../../platform/validation';
import {
  NominationAttachmentParams,
  nominationEndpoints as e,
} from '../../../shared/api/nominations';
import {
  downloadNominationAttachment,
  removeNominationAttachment,
  uploadNominationAttachment,
} from './attachments.service';
import {
  acceptNomination,
  approveNomination,
  createNomination,
  forwardNomination,
  getNomination,
  listNominationCandidates,
  listNominations,
  rejectNomination,
  returnNomination,
  submitNomination,
  withdrawNomination,
} from './nominations.service';

const PLAN = 'Mã kế hoạch';
const NOMINATION = 'Mã đề nghị';

const fileParams = (params: unknown) =>
  parseInput(NominationAttachmentParams, params, { id: NOMINATION, attachmentId: 'Mã tệp' });

/**
 * Nominations: candidates, list, create, submit, return, accept, forward, approve, reject,
 * withdraw, and the dossier's files.
 */
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
  route(app, e.accept, async (req) =>
    acceptNomination(userCtx(deps, req), parseIdParam(req.params, NOMINATION), req.body),
  );
  route(app, e.approve, async (req) =>
    approveNomination(userCtx(deps, req), parseIdParam(req.params, NOMINATION), req.body),
  );
  route(app, e.reject, async (req) =>
    rejectNomination(userCtx(deps, req), parseIdParam(req.params, NOMINATION), req.body),
  );
  // Multipart: one file and the optional dossierItem field (size capped by the app's limit).
  route(app, e.uploadAttachment, async (req) => {
    const ctx = userCtx(deps, req);
    const id = parseIdParam(req.params, NOMINATION);
    const { fileName, data, fields } = await readUpload(req);
    return uploadNominationAttachment(ctx, id, { dossierItem: fields.dossierItem, fileName, data });
  });
  route(app, e.downloadAttachment, async (req, reply) => {
    const p = fileParams(req.params);
    const file = await downloadNominationAttachment(userCtx(deps, req), p.id, p.attachmentId);
    return sendFile(reply, file.data, file.fileName, file.contentType);
  });
  route(app, e.removeAttachment, async (req) => {
    const p = fileParams(req.params);
    return removeNominationAttachment(userCtx(deps, req), p.id, p.attachmentId);
  });
}
