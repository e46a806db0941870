import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xlsxBomb1300MB, xlsxBomb420MB, xlsxLyingSizes } from '../server/test/zip-bombs';
import { exited } from '../server/test/server-process';
import {
  call,
  download,
  expectStatus,
  memoryOf,
  sleep,
  startFaultServer,
  waitFor,
  xlsxForm,
  type FaultServer,
  type Reply,
} from './harness';

/**
 * Issue 11 item 1 against the real server process: an emulation officer uploads zip-bomb .xlsx
 * files (1 MB → 420 MB and 4 MB → 1.3 GB of sheet XML) to the criteria import and the people
 * import. Meanwhile `/api/health` is polled every 200 ms (each answer within 2 s) and the server
 * process's VmRSS is sampled from /proc (under idle + 300 MB; VmHWM at the end too). Each upload
 * is refused with a 4xx naming the `file` field — or, for the people import, which runs as a job,
 * accepted and the job ends `failed` (not retried). Afterwards the server is still up and a
 * normal import of each kind works.
 *
 * "Idle" is the server's VmRSS after one normal import of each kind (its code paths loaded). A
 * server going past the limit is killed at once (SIGKILL), to spare the machine the climb to an
 * out-of-memory crash; that upload's test fails naming the figure, and the later ones fail fast.
 */

const HEADROOM_MB = 300;
const HEALTH_EVERY_MS = 200;
const HEALTH_WITHIN_MS = 2_000;

let server: FaultServer;
let criteriaVersionId: number;
let criteriaFile: Buffer;
let peopleFile: Buffer;
let idleMb: number;
let killedFor: string | undefined;

async function importCriteria(file: Buffer, fileName: string): Promise<Reply> {
  const current = expectStatus<{ version: number }>(
    await call(server.url, 'GET', `/api/criteria/versions/${criteriaVersionId}`, {
      cookie: server.officerCookie,
    }),
    200,
    'read the criteria draft',
  );
  return call(server.url, 'POST', `/api/criteria/versions/${criteriaVersionId}/import`, {
    cookie: server.officerCookie,
    form: xlsxForm({ version: String(current.version) }, file, fileName),
    timeoutMs: 120_000,
  });
}

function importPeople(file: Buffer, fileName: string): Promise<Reply> {
  return call(server.url, 'POST', '/api/imports', {
    cookie: server.officerCookie,
    form: xlsxForm({ type: 'people', unitId: String(server.provinceId) }, file, fileName),
    timeoutMs: 120_000,
  });
}

type Job = { status: string; error: { message?: string } | null; result: unknown };

/** Polls the job until it is neither queued nor running. */
function jobOutcome(jobId: number, ms: number): Promise<Job> {
  return waitFor(
    ms,
    `import job ${jobId} to finish`,
    async () => {
      const job = expectStatus<Job>(
        await call(server.url, 'GET', `/api/jobs/${jobId}`, { cookie: server.officerCookie }),
        200,
        `job ${jobId}`,
      );
      return job.status === 'queued' || job.status === 'running' ? undefined : job;
    },
    250,
  );
}

type WatchReport = {
  maxRssMb: number;
  healthFailures: string[];
  healthPolls: number;
  maxHealthMs: number;
};

/**
 * Samples the server's VmRSS every 100 ms and polls /api/health every 200 ms until stopped.
 * `tripped` rejects as soon as the memory limit is passed (the server is then SIGKILLed) or the
 * server process is gone.
 */
function watchServer(limitMb: number) {
  const pid = server.child.pid ?? 0;
  const report: WatchReport = { maxRssMb: 0, healthFailures: [], healthPolls: 0, maxHealthMs: 0 };
  let stopped = false;
  let trip: (reason: Error) => void = () => undefined;
  const tripped = new Promise<never>((_, reject) => (trip = reject));
  tripped.catch(() => undefined); // observed by whoever races it
  const sample = () => {
    if (!server.alive()) {
      trip(new Error(`the server process exited:\n${server.output().slice(-2_000)}`));
      return;
    }
    try {
      const { rssMb } = memoryOf(pid);
      report.maxRssMb = Math.max(report.maxRssMb, rssMb);
      if (rssMb > limitMb && killedFor === undefined) {
        killedFor = `server RSS ${rssMb.toFixed(0)} MB > idle ${idleMb.toFixed(0)} MB + ${HEADROOM_MB} MB`;
        server.child.kill('SIGKILL');
        trip(new Error(`${killedFor} (server killed)`));
      }
    } catch {
      /* the process is exiting; the next tick sees it */
    }
  };
  sample();
  const sampler = setInterval(sample, 100);
  const health = (async () => {
    while (!stopped) {
      const started = Date.now();
      try {
        const h = await call(server.url, 'GET', '/api/health', { timeoutMs: HEALTH_WITHIN_MS });
        report.maxHealthMs = Math.max(report.maxHealthMs, h.ms);
        if (h.status !== 200) report.healthFailures.push(`HTTP ${h.status} after ${h.ms} ms`);
      } catch (e) {
        report.maxHealthMs = Math.max(report.maxHealthMs, Date.now() - started);
        report.healthFailures.push(
          `no answer within ${HEALTH_WITHIN_MS} ms (${e instanceof Error ? e.message : String(e)})`,
        );
      }
      report.healthPolls++;
      await sleep(Math.max(0, HEALTH_EVERY_MS - (Date.now() - started)));
    }
  })();
  return {
    tripped,
    async stop(): Promise<WatchReport> {
      stopped = true;
      clearInterval(sampler);
      sample();
      await health;
      if (killedFor !== undefined) await exited(server.child, 10_000);
      return report;
    },
  };
}

/** The body names the `file` field (details.fields, as every validation error does). */
function namesFileField(body: unknown): boolean {
  const fields = (body as { details?: { fields?: { field?: string }[] } }).details?.fields ?? [];
  return fields.some((f) => f.field === 'file');
}

beforeAll(async () => {
  server = await startFaultServer('bombs');
  const officer = server.officerCookie;
  // A criteria draft of the officer's province, copied from the example set, and its export.
  const list = expectStatus<{ items: { id: number; set: { isExample: boolean } }[] }>(
    await call(server.url, 'GET', '/api/criteria', { cookie: officer }),
    200,
    'list criteria',
  );
  const example = list.items.find((v) => v.set.isExample);
  if (example === undefined) throw new Error('no example criteria set');
  const draft = expectStatus<{ id: number }>(
    await call(server.url, 'POST', '/api/criteria', {
      cookie: officer,
      json: {
        ownerUnitId: server.provinceId,
        name: 'Bộ tiêu chí thử tệp độc',
        basedOnVersionId: example.id,
      },
    }),
    201,
    'create a criteria draft',
  );
  criteriaVersionId = draft.id;
  criteriaFile = await download(
    server.url,
    `/api/criteria/versions/${criteriaVersionId}/export.xlsx`,
    officer,
  );
  // A person in the province, and the people export (the import format).
  expectStatus(
    await call(server.url, 'POST', '/api/people', {
      cookie: officer,
      json: { fullName: 'Nguyễn Văn Thử', category: 'cong_chuc', unitId: server.provinceId },
    }),
    201,
    'create a person',
  );
  peopleFile = await download(
    server.url,
    `/api/exports/people?unitId=${server.provinceId}`,
    officer,
  );
  // Warm up: one normal import of each kind, then "idle" is what the server holds.
  expectStatus(await importCriteria(criteriaFile, 'tieu-chi.xlsx'), 200, 'normal criteria import');
  const started = expectStatus<{ jobId: number }>(
    await importPeople(peopleFile, 'nhan-su.xlsx'),
    202,
    'normal people import',
  );
  expect((await jobOutcome(started.jobId, 60_000)).status).toBe('succeeded');
  await sleep(1_000);
  idleMb = memoryOf(server.child.pid ?? 0).rssMb;
  console.log(`[faults] bombs: idle server RSS ${idleMb.toFixed(0)} MB`);
}, 180_000);

afterAll(async () => {
  await server?.dispose();
}, 60_000);

const bombs = [
  { label: '1 MB → 420 MB', make: xlsxBomb420MB },
  { label: '4 MB → 1.3 GB', make: xlsxBomb1300MB },
  // Sizes declared small in both headers: only the cap on actual inflated output stops it.
  { label: 'lying sizes → 300 MB', make: () => xlsxLyingSizes(300) },
];

describe('item 1: zip-bomb .xlsx uploads cost bounded memory and never stop the server', () => {
  for (const bomb of bombs) {
    for (const target of ['criteria', 'people'] as const) {
      it(`${bomb.label} to the ${target} import: refused naming "file", health answers, RSS < idle + ${HEADROOM_MB} MB`, async () => {
        if (!server.alive()) {
          // An earlier upload took it down: start it again, so this upload has its own verdict.
          console.log(
            `[faults] bombs: restarting the server (down after: ${killedFor ?? 'crash'})`,
          );
          await server.revive();
        }
        killedFor = undefined;
        const data = bomb.make();
        const watch = watchServer(idleMb + HEADROOM_MB);
        let outcome: string;
        try {
          const reply = await Promise.race([
            watch.tripped,
            target === 'criteria'
              ? importCriteria(data, 'bom.xlsx')
              : importPeople(data, 'bom.xlsx'),
          ]);
          if (reply.status === 202 && target === 'people') {
            // Accepted as a job: the job must end failed for its input, with a reason.
            const job = await Promise.race([
              watch.tripped,
              jobOutcome((reply.body as { jobId: number }).jobId, 120_000),
            ]);
            outcome = `202, job ${job.status}: ${job.error?.message ?? ''}`;
            expect(job.status, 'the import job').toBe('failed');
            expect(job.error?.message ?? '', 'the job names the reason').not.toBe('');
          } else {
            outcome = `${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`;
            expect(reply.status, outcome).toBeGreaterThanOrEqual(400);
            expect(reply.status, outcome).toBeLessThan(500);
            expect(namesFileField(reply.body), `names the file field: ${outcome}`).toBe(true);
          }
        } finally {
          const report = await watch.stop();
          console.log(
            `[faults] bombs ${bomb.label} → ${target}: max RSS ${report.maxRssMb.toFixed(0)} MB (idle ${idleMb.toFixed(0)}), ` +
              `${report.healthPolls} health polls, slowest ${report.maxHealthMs} ms, ${report.healthFailures.length} failed`,
          );
          expect(report.maxRssMb, killedFor ?? 'max RSS').toBeLessThan(idleMb + HEADROOM_MB);
          expect(report.healthFailures, '/api/health answers 200 within 2 s throughout').toEqual(
            [],
          );
        }
        console.log(`[faults] bombs ${bomb.label} → ${target}: ${outcome}`);
        expect(server.alive()).toBe(true);
      }, 240_000);
    }
  }

  it('afterwards: still up, peak RSS (VmHWM) < idle + 300 MB, and normal imports work', async () => {
    if (!server.alive())
      throw new Error(`the server is down after the uploads: ${killedFor ?? 'it crashed'}`);
    const { hwmMb } = memoryOf(server.child.pid ?? 0);
    console.log(
      `[faults] bombs: server VmHWM ${hwmMb.toFixed(0)} MB (idle ${idleMb.toFixed(0)} MB)`,
    );
    expect(hwmMb).toBeLessThan(idleMb + HEADROOM_MB);
    expect((await call(server.url, 'GET', '/api/health')).status).toBe(200);
    expectStatus(
      await importCriteria(criteriaFile, 'tieu-chi.xlsx'),
      200,
      'normal criteria import',
    );
    const started = expectStatus<{ jobId: number }>(
      await importPeople(peopleFile, 'nhan-su.xlsx'),
      202,
      'normal people import',
    );
    expect((await jobOutcome(started.jobId, 60_000)).status).toBe('succeeded');
  }, 180_000);
});
