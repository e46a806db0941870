import type { FastifyInstance, FastifyRequest } from 'fastify';
import { publicCtx, sendFile, userCtx, type AppDeps } from '../../http/context';
import { readUpload } from '../../http/upload';
import { canAnywhere } from '../../platform/access';
import { forbidden } from '../../platform/errors';
import { id, parseInput } from '../../platform/validation';
import { entityHistory } from '../audit/index';
import {
  amendPlan,
  cancelPlan,
  closePlan,
  createPlan,
  getPlanDetail,
  getVisiblePlan,
  unitRef,
  listPlanVersions,
  updateDraft,
} from './plans.service';
import { listPlans, listPlanIssuingUnits } from './plan-list.service';
import { issuePlan, recordIssuedPlan } from './issue-plan';
import { cascadeBoard, planTree, startChildPlan } from './cascade.service';
import { reviewCarriedSection } from './carried-sections';
import { planDocument, previewPlan } from './plan-documents.service';
import { readPlanSource } from './plan-import.service';
import { confirmDoubtfulValues } from './import-review';
import { canViewPlanHistory } from './campaigns.policy';
import { listPublicPlans, getPublicPlan, listPublicIssuingUnits } from './public.service';
import { noPlanContributions, type PlanContributions } from './plan-contributions';

const idParam = (req: FastifyRequest) =>
  parseInput(id, (req.params as { id?: string }).id, { '(dữ liệu)': 'Mã kế hoạch' });

/** Reads a multipart upload (one file) or a JSON body { text }. */
async function readSource(req: FastifyRequest) {
  if (!req.isMultipart()) {
    const body = (req.body ?? {}) as { text?: unknown };
    return { text: typeof body.text === 'string' ? body.text : undefined };
  }
  const { fileName, data, fields } = await readUpload(req);
  if (data !== undefined && fileName !== undefined)
    return { file: { bytes: data, name: fileName } };
  return fields.text !== undefined ? { text: fields.text } : {};
}

/**
 * The plan routes. `contributions` are what other modules show with a plan (evaluation's
 * settings); app.ts passes them, so campaigns never imports those modules.
 */
export function registerCampaignRoutes(
  app: FastifyInstance,
  deps: AppDeps,
  contributions: PlanContributions = noPlanContributions,
): void {
  /** A plan response with the evaluation settings the plan page shows. */
  const withEvaluation = async <P extends { id: number }>(plan: P) => ({
    ...plan,
    ...(await contributions.evaluation(deps.db, plan.id)),
  });
  app.get('/api/plans', async (req) => listPlans(userCtx(deps, req), req.query));
  app.get('/api/plans/issuing-units', async (req) =>
    listPlanIssuingUnits(userCtx(deps, req), req.query),
  );
  app.post('/api/plans', async (req, reply) =>
    reply.code(201).send(await withEvaluation(await createPlan(userCtx(deps, req), req.body))),
  );
  app.post('/api/plans/import', async (req) => {
    const ctx = userCtx(deps, req);
    if (!canAnywhere(ctx.actor, 'campaign.draft'))
      throw forbidden('Chỉ cán bộ thi đua được nhập kế hoạch.');
    return readPlanSource(ctx, await readSource(req));
  });
  app.get('/api/plans/:id', async (req) =>
    withEvaluation(await getPlanDetail(userCtx(deps, req), idParam(req))),
  );
  app.patch('/api/plans/:id', async (req) =>
    withEvaluation(await updateDraft(userCtx(deps, req), idParam(req), req.body)),
  );
  app.post('/api/plans/:id/issue', async (req) =>
    withEvaluation(await issuePlan(userCtx(deps, req), idParam(req), req.body)),
  );
  app.post('/api/plans/:id/record-issued', async (req) =>
    withEvaluation(await recordIssuedPlan(userCtx(deps, req), idParam(req), req.body)),
  );
  app.post('/api/plans/:id/doubts/confirm', async (req) =>
    withEvaluation(await confirmDoubtfulValues(userCtx(deps, req), idParam(req), req.body)),
  );
  app.post('/api/plans/:id/amend', async (req) =>
    withEvaluation(await amendPlan(userCtx(deps, req), idParam(req), req.body)),
  );
  app.post('/api/plans/:id/cancel', async (req) =>
    withEvaluation(await cancelPlan(userCtx(deps, req), idParam(req), req.body)),
  );
  app.post('/api/plans/:id/close', async (req) =>
    withEvaluation(await closePlan(userCtx(deps, req), idParam(req), req.body)),
  );
  app.get('/api/plans/:id/versions', async (req) =>
    listPlanVersions(userCtx(deps, req), idParam(req)),
  );
  app.get('/api/plans/:id/history', async (req) => {
    const ctx = userCtx(deps, req);
    const plan = await getVisiblePlan(ctx, ctx.db, idParam(req));
    if (!canViewPlanHistory(ctx.actor, { status: plan.status, unit: unitRef(plan) }))
      throw forbidden('Nhật ký của kế hoạch chỉ dành cho đơn vị ban hành và cấp trên.');
    return entityHistory(ctx, 'campaign_plan', plan.id, req.query);
  });
  app.post('/api/plans/:id/carried-sections/:section/review', async (req) =>
    reviewCarriedSection(
      userCtx(deps, req),
      idParam(req),
      (req.params as { section?: string }).section,
    ),
  );
  app.get('/api/plans/:id/cascade', async (req) => cascadeBoard(userCtx(deps, req), idParam(req)));
  app.get('/api/plans/:id/tree', async (req) => planTree(userCtx(deps, req), idParam(req)));
  app.post('/api/plans/:id/children', async (req, reply) =>
    reply
      .code(201)
      .send(await withEvaluation(await startChildPlan(userCtx(deps, req), idParam(req), req.body))),
  );
  app.post('/api/plans/:id/preview', async (req) =>
    previewPlan(userCtx(deps, req), idParam(req), req.body),
  );
  for (const format of ['docx', 'pdf'] as const) {
    app.get(`/api/plans/:id/document.${format}`, async (req, reply) => {
      const doc = await planDocument(userCtx(deps, req), idParam(req), format, req.query);
      return sendFile(reply, doc.data, doc.fileName, doc.contentType);
    });
    app.get(`/api/public/plans/:id/document.${format}`, async (req, reply) => {
      const ctx = publicCtx(deps, req);
      await getPublicPlan(ctx, idParam(req));
      const doc = await planDocument(ctx, idParam(req), format, req.query);
      return sendFile(reply, doc.data, doc.fileName, doc.contentType);
    });
  }

  app.get('/api/public/plans', async (req) => listPublicPlans(publicCtx(deps, req), req.query));
  app.get('/api/public/plans/issuing-units', async (req) =>
    listPublicIssuingUnits(publicCtx(deps, req), req.query),
  );
  app.get('/api/public/plans/:id', async (req) => {
    const plan = await getPublicPlan(publicCtx(deps, req), idParam(req));
    return { ...plan, ...(await contributions.publicEvaluation(deps.db, plan.id)) };
  });
}
