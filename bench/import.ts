import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { Runtime } from '../server/runtime';
import { silentLogger, type Ctx } from '../server/platform/context';
import { jobRunner, startWorker } from '../server/platform/jobs';
import { loadUserActor } from '../server/modules/auth/index';
import { importJob, requestImport } from '../server/modules/organization/index';
import { pick, rng, vietnameseName } from '../server/demo/names';

/**
 * The 100,000-person Excel import as users run it: an .xlsx uploaded through the service, run by
 * the background worker (read, validate every row, write in one transaction with audit rows).
 * Reports the time from upload to "succeeded" and the process's peak resident memory while the
 * job ran. The imported rows are removed afterwards so the national data set stays as generated.
 */
export async function benchImport(runtime: Runtime, adminUsername: string, rows = 100_000) {
  const db = runtime.db;
  const target = await sql<{ communeId: number; communeName: string; childName: string }>`
    SELECT c.id AS commune_id, c.name AS commune_name, d.name AS child_name
    FROM org_unit c JOIN org_unit d ON d.parent_id = c.id AND d.kind = 'one_stop'
    WHERE c.kind = 'commune' ORDER BY c.id LIMIT 1`.execute(db);
  const t = target.rows[0];
  if (t === undefined) throw new Error('no commune with a one-stop unit in the bench data');

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-bench-import-'));
  const file = path.join(dir, 'people.xlsx');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet('Cán bộ');
  ws.addRow([
    'ID',
    'Họ và tên (*)',
    'Giới tính',
    'Năm sinh',
    'Đối tượng (*)',
    'Chức vụ',
    'Mã đơn vị',
    'Đơn vị (*)',
    'Email',
    'Số điện thoại',
  ]).commit();
  const r = rng(100_000);
  for (let i = 0; i < rows; i++) {
    const female = r() < 0.5;
    ws.addRow([
      '',
      vietnameseName(r, female ? 'female' : 'male'),
      female ? 'Nữ' : 'Nam',
      1965 + Math.floor(r() * 38),
      pick(r, ['Công chức', 'Viên chức', 'Người lao động', 'Cán bộ']),
      'Công chức tiếp nhận và trả kết quả',
      '',
      `${t.communeName} › ${t.childName}`,
      '',
      `09${String(Math.floor(r() * 100_000_000)).padStart(8, '0')}`,
    ]).commit();
  }
  ws.commit();
  await wb.commit();
  const data = fs.readFileSync(file);

  const before = await sql<{ person: number; audit: number; job: number }>`
    SELECT (SELECT coalesce(max(id), 0) FROM person) AS person, (SELECT coalesce(max(id), 0) FROM audit_event) AS audit,
      (SELECT coalesce(max(id), 0) FROM job) AS job`.execute(db);
  const marks = before.rows[0] ?? { person: 0, audit: 0, job: 0 };
  const admin = await db
    .selectFrom('userAccount')
    .select('id')
    .where('username', '=', adminUsername)
    .executeTakeFirstOrThrow();
  const ctx: Ctx = {
    db,
    actor: await loadUserActor(db, admin.id),
    log: silentLogger,
    now: () => new Date(),
    storage: runtime.storage,
  };

  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  const { jobId } = await requestImport(ctx, {
    type: 'people',
    unitId: String(t.communeId),
    fileName: 'people.xlsx',
    data,
  });
  const worker = startWorker(
    {
      db,
      log: silentLogger,
      storage: runtime.storage,
      now: () => new Date(),
      loadActor: (id) => loadUserActor(db, id),
    },
    [jobRunner(importJob)],
    60_000,
  );
  await worker.drain();
  await worker.stop();
  const importMs = Math.round(performance.now() - started);
  clearInterval(sampler);
  const job = await db
    .selectFrom('job')
    .select(['status', 'result', 'error'])
    .where('id', '=', jobId)
    .executeTakeFirstOrThrow();
  if (job.status !== 'succeeded') throw new Error(`import failed: ${JSON.stringify(job.error)}`);

  // Put the data set back as generated.
  await sql`DELETE FROM person_assignment WHERE person_id > ${marks.person}`.execute(db);
  await sql`DELETE FROM person WHERE id > ${marks.person}`.execute(db);
  await sql`DELETE FROM audit_event WHERE id > ${marks.audit}`.execute(db);
  await sql`DELETE FROM job WHERE id > ${marks.job}`.execute(db);
  await sql`VACUUM (ANALYZE) person, person_assignment, audit_event`.execute(db);
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    rows,
    fileMb: Math.round((data.length / 1048576) * 10) / 10,
    importMs,
    rowsPerSecond: Math.round(rows / (importMs / 1000)),
    peakRssMb: Math.round(peak / 1048576),
    rssBeforeMb: Math.round(rssBefore / 1048576),
    result: job.result,
  };
}
