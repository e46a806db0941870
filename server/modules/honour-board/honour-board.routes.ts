import type { FastifyInstance } from 'fastify';
import { publicCtx, sendFile, type AppDeps } from '../../http/context';
import { route } from '../../http/route';
import { parseIdParam } from '../../platform/validation';
import { honourBoardEndpoints as e } from '../../../shared/api/honour-board';
import { honourBoardDecisionPdf, listHonourBoard } from './honour-board.service';

/** The public honour board's routes (no login). */
export function registerHonourBoardRoutes(app: FastifyInstance, deps: AppDeps): void {
  route(app, e.list, async (req) => listHonourBoard(publicCtx(deps, req), req.query));
  route(app, e.pdf, async (req, reply) => {
    const ctx = publicCtx(deps, req);
    const doc = await honourBoardDecisionPdf(ctx, parseIdParam(req.params, 'Mã quyết định'));
    return sendFile(reply, doc.data, doc.fileName, doc.contentType);
  });
}
