import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../test/db';
import { silentLogger, systemActor } from './context';
import {
  defineJob,
  enqueueJob,
  jobRunner,
  startWorker,
  STALE_INPUT_JOB_ERROR,
  type JobRunner,
} from './jobs';
import { loadWorkbook } from './spreadsheet';
import { z } from './validation';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

const deps = () => ({
  db: t.db,
  log: silentLogger,
  storage: t.storage,
  now: () => new Date(),
  loadActor: async () => systemActor('test'),
});

async function jobRow(id: number) {
  return t.db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

describe('jobs and untrusted input (decision 031)', () => {
  it('a job whose file-reading worker dies fails with the Vietnamese reason and is not run again', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Cán bộ');
    for (let i = 0; i < 20_000; i++) ws.addRow([`Nguyễn Văn ${i}`, i]);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    let runs = 0;
    const reader = defineJob({
      kind: 'test.read-file',
      payload: z.object({}),
      retryAfterCrash: false,
      async run() {
        runs++;
        // The production limits, tightened so this file is too much for its worker.
        await loadWorkbook(data, undefined, undefined, {
          limits: { worker: { heapMb: 8, youngMb: 1 } },
        });
      },
    });
    const id = await enqueueJob(t.db, reader, {}, null);
    const worker = startWorker(deps(), [jobRunner(reader)], 60_000);
    await worker.drain();
    await worker.drain();
    await worker.stop();
    const job = await jobRow(id);
    expect(runs).toBe(1);
    expect(job).toMatchObject({ status: 'failed', attempts: 1 });
    expect(job.error).toMatchObject({
      error: 'VALIDATION_FAILED',
      message: expect.stringContaining('tệp quá lớn hoặc quá phức tạp để đọc') as unknown,
      details: { fields: [{ field: 'file' }] },
    });
  });

  it('a file-reading job whose process died fails at the next sweep; other kinds are queued again', async () => {
    const noop = (kind: string, retryAfterCrash: boolean): JobRunner => ({
      kind,
      retryAfterCrash,
      execute: async () => null,
    });
    const stale = async (kind: string) => {
      const r = await sql<{ id: number }>`
        INSERT INTO job (kind, payload, status, attempts, started_at, heartbeat_at)
        VALUES (${kind}, '{}', 'running', 1, now() - interval '10 minutes', now() - interval '10 minutes')
        RETURNING id`.execute(t.db);
      return r.rows[0]?.id ?? 0;
    };
    const importing = await stale('test.import');
    const other = await stale('test.other');
    // Started and stopped at once: the start-up sweep runs, no job is claimed.
    const worker = startWorker(
      deps(),
      [noop('test.import', false), noop('test.other', true)],
      60_000,
    );
    await worker.stop();
    expect(await jobRow(importing)).toMatchObject({
      status: 'failed',
      error: STALE_INPUT_JOB_ERROR,
    });
    expect(await jobRow(other)).toMatchObject({ status: 'queued', error: null });
  });
});
