import { loadConfig } from './config';
import { buildApp } from './app';
import { openRuntime } from './runtime';
import { StartupError } from './platform/embedded-postgres';
import { systemActor } from './platform/context';
import { processClock } from './platform/time';
import { jobRunner, startWorker } from './platform/jobs';
import { startAuditSealer } from './platform/audit-seal';
import { anchorDirOf } from './platform/audit-anchor';
import { deleteExpiredSessions, loadUserActor } from './modules/auth/index';
import { importJob } from './modules/organization/index';
import { isEmpty, seedDemo } from './demo/seed';
import { ensureExampleCriteriaSet } from './modules/criteria/index';
import { ensureNationalCatalogue } from './modules/awards/index';
import {
  advancePlanStatuses,
  sendCascadeReminders,
  sendPlanDeadlineReminders,
} from './modules/campaigns/index';

async function main(): Promise<void> {
  const config = loadConfig();
  // Database outages and restarts (decision 028): to stderr until the app's logger exists.
  let warn = (message: string) => console.error(message);
  let runtime;
  try {
    runtime = await openRuntime(config, { warn: (m) => warn(m) });
  } catch (e) {
    if (e instanceof StartupError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const now = processClock(config.clockStart);
  const deps = {
    db: runtime.db,
    config,
    storage: runtime.storage,
    now,
    databaseKind: runtime.databaseKind,
    databaseState: runtime.databaseState,
  };
  const app = await buildApp(deps);
  warn = (message) => app.log.warn(message);

  // The example criteria set ships with every installation (idempotent).
  const install = {
    db: runtime.db,
    actor: systemActor('install'),
    log: app.log,
    now,
    storage: runtime.storage,
  };
  await ensureExampleCriteriaSet(install);
  // So does the national award catalogue with the base salary and rounding rule (idempotent).
  await ensureNationalCatalogue(install);

  if (config.demo) {
    const ctx = {
      db: runtime.db,
      actor: systemActor('demo-seed'),
      log: app.log,
      now,
      storage: runtime.storage,
    };
    if (await isEmpty(ctx)) {
      app.log.info('seeding demo data (empty database, demo mode)');
      const counts = await seedDemo(ctx);
      app.log.info(counts, 'demo data ready — accounts use the password "demo"');
    }
  }

  const worker = config.worker
    ? startWorker(
        {
          db: runtime.db,
          log: app.log,
          storage: runtime.storage,
          now,
          loadActor: (id) => loadUserActor(runtime.db, id),
        },
        [jobRunner(importJob)],
      )
    : undefined;
  // Chains committed audit events and anchors the head under DATA_DIR (decision 032).
  const sealer = config.worker
    ? startAuditSealer({ db: runtime.db, log: app.log, anchorDir: anchorDirOf(config.dataDir) })
    : undefined;
  const sweeper = setInterval(() => {
    deleteExpiredSessions(runtime.db, now(), config.sessionIdleMinutes).catch((e: unknown) =>
      app.log.warn({ err: e }, 'session sweep failed'),
    );
  }, 10 * 60_000);
  sweeper.unref();

  // Plans move along their dates and required units get deadline reminders: at start, then
  // every 15 minutes. Both are idempotent, so several processes may run them.
  const planCtx = {
    db: runtime.db,
    actor: systemActor('plan-calendar'),
    log: app.log,
    now,
    storage: runtime.storage,
  };
  const planTick = () => {
    advancePlanStatuses(planCtx)
      .then(() => sendCascadeReminders(planCtx))
      .then(() => sendPlanDeadlineReminders(planCtx))
      .catch((e: unknown) => app.log.warn({ err: e }, 'plan calendar tick failed'));
  };
  const planTimer = config.worker ? setInterval(planTick, 15 * 60_000) : undefined;
  planTimer?.unref();
  if (config.worker) planTick();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: shutting down`);
    clearInterval(sweeper);
    if (planTimer) clearInterval(planTimer);
    await app.close();
    await worker?.stop();
    await sealer?.stop();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  if (config.clockStart !== undefined)
    app.log.warn(`test clock: the server's time started at ${config.clockStart.toISOString()}`);
  const everywhere = config.host === '0.0.0.0' || config.host === '::';
  const shownHost = everywhere
    ? 'localhost'
    : config.host.includes(':')
      ? `[${config.host}]`
      : config.host;
  app.log.info(
    `ThiĐua ${config.version} at http://${shownHost}:${config.port}${everywhere ? ' (listening on every interface)' : ''} (database: ${runtime.databaseKind}${config.demo ? ', demo mode' : ''})`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
