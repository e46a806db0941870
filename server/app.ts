import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { AppError, databaseUnavailable, httpStatusOf, isAppError } from './platform/errors';
import { isDatabaseUnavailable } from './platform/db';
import { SESSION_COOKIE, type AppDeps } from './http/context';
import {
  assertStorableParams,
  isMalformedMultipart,
  UNSTORABLE_TEXT_CODES,
} from './http/input-guard';
import { registerAuthRoutes, resolveSession } from './modules/auth/index';
import { registerOrganizationRoutes } from './modules/organization/index';
import { registerAuditRoutes } from './modules/audit/index';
import { registerJobRoutes } from './modules/jobs/index';
import { registerCampaignRoutes } from './modules/campaigns/index';
import { registerRegistrationRoutes } from './modules/registrations/index';
import { registerNotificationRoutes } from './modules/notifications/index';
import { registerCriteriaRoutes } from './modules/criteria/index';
import { planEvaluationContributions, registerAssessmentRoutes } from './modules/assessment/index';
import { registerAppraisalRoutes } from './modules/appraisal/index';
import {
  registerDashboardRoutes,
  registerIndividualRoutes,
  registerResultsRoutes,
} from './modules/results/index';
import { registerHomeRoutes } from './modules/home/index';
import { registerDocumentRoutes } from './modules/documents/index';
import { registerAwardRoutes } from './modules/awards/index';
import { registerHonourRoutes } from './modules/honours/index';
import { registerQuotaRoutes } from './modules/quotas/index';
import { addDossierItemsSource, registerNominationRoutes } from './modules/nominations/index';
import { dossierItemsFromDocuments, registerDossierRoutes } from './modules/dossiers/index';
import { registerCouncilRoutes } from './modules/councils/index';
import { registerCertificateRoutes } from './modules/certificates/index';
import { registerAwardDecisionRoutes } from './modules/award-decisions/index';
import { registerHonourBoardRoutes } from './modules/honour-board/index';
import { demoAccounts } from './demo/localities';
import { route, useContract } from './http/route';
import { registerOpenApiRoute } from './http/openapi';
import { systemEndpoints } from '../shared/api/system';
import { authEndpoints } from '../shared/api/auth';

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/web');

/** Builds the HTTP application: plugins, session hook, CSRF check, error handler, module routes. */
export async function buildApp(
  deps: AppDeps,
  opts: { logger?: boolean } = {},
): Promise<FastifyInstance> {
  let requestCounter = 0;
  const app = Fastify({
    logger: opts.logger === false ? false : { level: deps.config.logLevel },
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => `req-${Date.now().toString(36)}-${(++requestCounter).toString(36)}`,
  });
  // Routes from the contract (shared/api, decision 027); checked against it in tests.
  useContract(app, { checkResponses: deps.config.checkResponses });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // antd injects its CSS-in-JS styles at run time
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        // The certificate template page previews the PDF it fetched in a frame (decision 043).
        frameSrc: ["'self'", 'blob:'],
        upgradeInsecureRequests: null,
      },
    },
    hsts: deps.config.cookieSecure,
  });
  await app.register(cookie);
  // The API speaks JSON (and multipart for uploads): Fastify's default text/plain parser would let
  // a "simple" cross-site request through, so any other body type answers 415.
  app.removeContentTypeParser('text/plain');
  await app.register(multipart, {
    limits: { fileSize: deps.config.maxUploadBytes, files: 1, fields: 10 },
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) =>
      new AppError(
        'RATE_LIMITED',
        `Bạn đã thử quá nhiều lần. Vui lòng thử lại sau ${Math.ceil(context.ttl / 1000)} giây.`,
      ),
  });

  app.decorateRequest('actor', undefined);
  app.decorateRequest('sessionToken', undefined);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    req.sessionToken = token;
    req.actor = await resolveSession(deps.db, token, deps.now(), {
      idleMinutes: deps.config.sessionIdleMinutes,
      maxHours: deps.config.sessionMaxHours,
      cacheSeconds: deps.config.sessionCacheSeconds,
    });
  });

  // CSRF: cookies are SameSite=Lax and the API only accepts JSON or multipart bodies; on top of that,
  // a browser's Origin header on a state-changing request must name this host.
  app.addHook('preHandler', async (req) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
    const origin = req.headers.origin;
    if (origin === undefined) return;
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      host = '';
    }
    if (host !== req.headers.host)
      throw new AppError('FORBIDDEN', 'Yêu cầu bị từ chối: nguồn gửi không hợp lệ.');
  });

  // Text PostgreSQL cannot store (U+0000, lone surrogates) in parameters or query is refused
  // before any handler runs; bodies are checked by parseInput with their fields' labels.
  app.addHook('preHandler', async (req) => {
    if (req.url.startsWith('/api/')) assertStorableParams(req);
  });

  app.setErrorHandler((caught: FastifyError | AppError, req, reply) => {
    // The database went away mid-request (decision 028): 503, try again shortly; not a 500.
    const err =
      !isAppError(caught) && isDatabaseUnavailable(caught) ? databaseUnavailable() : caught;
    if (isAppError(err)) {
      const status = httpStatusOf[err.code];
      if (err.code === 'DATABASE_UNAVAILABLE') {
        req.log.warn({ err: caught }, err.message);
        reply.header('Retry-After', '5');
      } else if (status >= 500) req.log.error({ err }, err.message);
      return reply.code(status).send({
        error: err.code,
        message: err.message,
        details: err.details ?? null,
        requestId: req.id,
      });
    }
    const fe = err;
    if (fe.code === 'FST_REQ_FILE_TOO_LARGE' || fe.statusCode === 413) {
      return reply.code(413).send({
        error: 'VALIDATION_FAILED',
        message: `Tệp quá lớn: tối đa ${Math.round(deps.config.maxUploadBytes / 1048576)} MB.`,
        details: null,
        requestId: req.id,
      });
    }
    if (fe.statusCode === 415) {
      return reply.code(415).send({
        error: 'VALIDATION_FAILED',
        message: 'Định dạng dữ liệu gửi lên không được hỗ trợ (cần JSON).',
        details: null,
        requestId: req.id,
      });
    }
    if (fe.statusCode === 400 && fe.code?.startsWith('FST_')) {
      return reply.code(400).send({
        error: 'VALIDATION_FAILED',
        message: 'Dữ liệu gửi lên không đúng định dạng JSON.',
        details: null,
        requestId: req.id,
      });
    }
    if (req.isMultipart() && isMalformedMultipart(fe)) {
      return reply.code(400).send({
        error: 'VALIDATION_FAILED',
        message: 'Tệp gửi lên không đúng định dạng multipart/form-data; hãy chọn tệp và gửi lại.',
        details: null,
        requestId: req.id,
      });
    }
    // A NUL that slipped past the guard (e.g. a multipart file name) reaches the database.
    if (typeof fe.code === 'string' && UNSTORABLE_TEXT_CODES.has(fe.code)) {
      return reply.code(400).send({
        error: 'VALIDATION_FAILED',
        message: 'Dữ liệu có ký tự không hợp lệ (NUL), không lưu được.',
        details: null,
        requestId: req.id,
      });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send({
      error: 'INTERNAL',
      message: `Hệ thống gặp lỗi. Vui lòng thử lại; nếu lỗi lặp lại, báo quản trị viên mã ${req.id}.`,
      details: null,
      requestId: req.id,
    });
  });

  // 200 when the database answers; otherwise 503 DATABASE_UNAVAILABLE whose details say which
  // database and, for the embedded one, what its supervisor is doing (e.g. restarting).
  route(app, systemEndpoints.health, async () => {
    try {
      await deps.db.selectNoFrom((eb) => eb.val(1).as('one')).execute();
    } catch (e) {
      if (!isDatabaseUnavailable(e)) throw e;
      throw databaseUnavailable({
        database: deps.databaseKind,
        state: deps.databaseState?.() ?? 'unreachable',
      });
    }
    return { status: 'ok', database: deps.databaseKind, version: deps.config.version } as const;
  });
  route(app, authEndpoints.demoAccounts, async () =>
    deps.config.demo
      ? { enabled: true, password: 'demo', accounts: demoAccounts }
      : { enabled: false, password: null, accounts: [] },
  );

  registerAuthRoutes(app, deps);
  registerOrganizationRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerJobRoutes(app, deps);
  registerCampaignRoutes(app, deps, planEvaluationContributions);
  registerRegistrationRoutes(app, deps);
  registerNotificationRoutes(app, deps);
  registerCriteriaRoutes(app, deps);
  registerAssessmentRoutes(app, deps);
  registerAppraisalRoutes(app, deps);
  registerResultsRoutes(app, deps);
  registerIndividualRoutes(app, deps);
  registerDashboardRoutes(app, deps);
  registerHomeRoutes(app, deps);
  registerDocumentRoutes(app, deps);
  registerAwardRoutes(app, deps);
  registerHonourRoutes(app, deps);
  registerQuotaRoutes(app, deps);
  registerNominationRoutes(app, deps);
  registerCouncilRoutes(app, deps);
  registerDossierRoutes(app, deps);
  // The dossier checklist counts generated dossier documents (decision 041, 2026-12-07 note).
  addDossierItemsSource(dossierItemsFromDocuments);
  registerCertificateRoutes(app, deps);
  registerAwardDecisionRoutes(app, deps);
  registerHonourBoardRoutes(app, deps);
  registerOpenApiRoute(app, { version: deps.config.version });

  const hasWeb = fs.existsSync(path.join(webRoot, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      maxAge: '1h',
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !hasWeb || (req.method !== 'GET' && req.method !== 'HEAD')) {
      return reply.code(404).send({
        error: 'NOT_FOUND',
        message: 'Không tìm thấy địa chỉ yêu cầu.',
        details: null,
        requestId: req.id,
      });
    }
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
  });
  return app;
}
