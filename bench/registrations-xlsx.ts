import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import type { Db } from '../server/platform/db';
import { systemActor, silentLogger, type Ctx } from '../server/platform/context';
import type { FileStorage } from '../server/platform/storage';
import { createPlan, recordIssuedPlan } from '../server/modules/campaigns/index';
import { samplePlanInput } from '../server/test/plans';

/**
 * `npm run bench -- registrations-xlsx`: a national campaign's registration list exported through
 * `GET /api/plans/:id/registrations.xlsx` on the listening app: one collective registration per
 * commune (3,321) and ten individual ones per commune (33,210), written with bulk SQL. Times each
 * export from request to last byte and records how far the process's resident memory rises above
 * where it stood before the request (sampled every 10 ms). The plan tables are emptied first.
 */

const PEOPLE_PER_COMMUNE = 10;
const COMMUNE_KINDS = sql`('commune', 'ward', 'special_zone')`;

/** Realistic commitments: a title, three targets (one long), two key tasks, one breakthrough. */
const commitmentsSql = (title: string) => sql`jsonb_build_object(
  'targetTitle', ${title}::text,
  'targets', jsonb_build_array(
    '100% hồ sơ thủ tục hành chính được giải quyết đúng và trước hạn',
    'Tỷ lệ hồ sơ trực tuyến toàn trình đạt từ 80% trở lên',
    'Mức độ hài lòng của người dân, doanh nghiệp đối với sự phục vụ của cơ quan hành chính đạt trên 95%, không để xảy ra khiếu nại vượt cấp'),
  'keyTasks', jsonb_build_array('Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
    'Rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền'),
  'breakthroughTasks', jsonb_build_array('Triển khai thanh toán trực tuyến phí, lệ phí'))`;

/** Deterministic mix: 60 % approved, 30 % submitted, 10 % returned; every 20th late. */
const statusSql = sql`CASE WHEN x.h % 10 < 6 THEN 'approved' WHEN x.h % 10 < 9 THEN 'submitted'
  ELSE 'returned' END`;

async function writeRegistrations(ctx: Ctx, db: Db) {
  await sql`TRUNCATE evaluation_result, score_evidence, score_entry, score_sheet, registration,
    criteria_set_version, criteria_set, campaign_plan, campaign_plan_version, campaign_cascade_unit,
    document_series, document_register_entry, generated_document RESTART IDENTITY CASCADE`.execute(
    db,
  );
  const province = await sql<{
    id: number;
  }>`SELECT id FROM org_unit WHERE parent_id IS NULL ORDER BY id LIMIT 1`.execute(db);
  const provinceId = province.rows[0]?.id ?? 0;
  const draft = await createPlan(ctx, samplePlanInput(provinceId, { place: 'Hà Nội' }));
  const plan = await recordIssuedPlan(ctx, draft.id, {
    version: draft.version,
    documentNumber: '07/KH-UBND',
    issuedOn: '2026-01-05',
  });
  const rest = sql`, status, commitments, submitted_at, late, late_reason, return_reason)`;
  const values = (title: string) => sql`${statusSql}, ${commitmentsSql(title)},
    timestamptz '2026-01-20 08:00+07' + (x.h % 20000) * interval '1 minute',
    x.h % 20 = 0, CASE WHEN x.h % 20 = 0 THEN 'Đơn vị gửi văn bản đăng ký muộn do mất điện' END,
    CASE WHEN x.h % 10 = 9 THEN 'Bổ sung chỉ tiêu về chuyển đổi số' END`;
  await sql`INSERT INTO registration (plan_id, kind, unit_id, province_id ${rest}
    SELECT ${plan.id}, 'collective', x.id, x.province_id, ${values('Tập thể lao động xuất sắc')}
    FROM (SELECT u.id, u.province_id, (hashtext(u.id::text) & 1048575) AS h
          FROM org_unit u WHERE u.kind IN ${COMMUNE_KINDS}) x`.execute(db);
  // Ten staff of each commune (on the commune itself or in its offices), in id order.
  await sql`INSERT INTO registration (plan_id, kind, unit_id, person_id, province_id ${rest}
    SELECT ${plan.id}, 'individual', x.unit_id, x.id, x.province_id,
      ${values('Chiến sĩ thi đua cơ sở')}
    FROM (SELECT p.id, p.unit_id, u.province_id, (hashtext(p.id::text) & 1048575) AS h,
            row_number() OVER (PARTITION BY c.id ORDER BY p.id) AS n
          FROM org_unit c JOIN org_unit u ON u.id = c.id OR u.parent_id = c.id
          JOIN person p ON p.unit_id = u.id
          WHERE c.kind IN ${COMMUNE_KINDS}) x
    WHERE x.n <= ${PEOPLE_PER_COMMUNE}`.execute(db);
  await sql`ANALYZE registration`.execute(db);
  const counts = await sql<{ kind: string; n: number }>`
    SELECT kind, count(*)::int AS n FROM registration WHERE plan_id = ${plan.id} GROUP BY kind`.execute(
    db,
  );
  const of = (kind: string) => counts.rows.find((r) => r.kind === kind)?.n ?? 0;
  return { planId: plan.id, collective: of('collective'), individual: of('individual') };
}

type Download = { ms: number; bytes: number; rssGrowthMb: number; body?: Buffer };

/** One export over HTTP, read to the last byte; resident memory sampled meanwhile. */
async function download(url: string, cookie: string, keep = false): Promise<Download> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const t0 = performance.now();
  try {
    const res = await fetch(url, { headers: { cookie } });
    if (res.status !== 200 || res.body === null)
      throw new Error(`export: HTTP ${res.status} ${await res.text()}`);
    let bytes = 0;
    const chunks: Uint8Array[] = [];
    const reader = res.body.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      bytes += r.value.byteLength;
      if (keep) chunks.push(r.value);
    }
    const ms = performance.now() - t0;
    peak = Math.max(peak, process.memoryUsage().rss);
    return {
      ms,
      bytes,
      rssGrowthMb: Math.round(((peak - before) / 1048576) * 10) / 10,
      ...(keep ? { body: Buffer.concat(chunks) } : {}),
    };
  } finally {
    clearInterval(sampler);
  }
}

export async function benchRegistrationsXlsx(
  deps: { db: Db; storage: FileStorage },
  base: string,
  adminCookie: string,
  log: (line: string) => void,
) {
  const ctx: Ctx = {
    db: deps.db,
    actor: systemActor('bench'),
    log: silentLogger,
    now: () => new Date(),
    storage: deps.storage,
  };
  log('registrations-xlsx: writing 3,321 collective and 33,210 individual registrations …');
  const w0 = performance.now();
  const data = await writeRegistrations(ctx, deps.db);
  const writeMs = Math.round(performance.now() - w0);
  const rows = data.collective + data.individual;
  const url = `${base}/api/plans/${data.planId}/registrations.xlsx`;
  // Warm-up on a small slice (loads the route, the query plan and the writer).
  await download(`${url}?search=${encodeURIComponent('xã a')}&kind=collective`, adminCookie);
  const runs: Download[] = [];
  for (let i = 0; i < 3; i++) {
    const run = await download(url, adminCookie);
    log(
      `registrations-xlsx: ${rows} rows, ${run.bytes} bytes in ${Math.round(run.ms)} ms, RSS +${run.rssGrowthMb} MB`,
    );
    runs.push(run);
  }
  // Not timed: read one export back and count its rows, so a broken file cannot pass as fast.
  const check = await download(url, adminCookie, true);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(check.body as unknown as ExcelJS.Buffer);
  const sheetRows = (wb.worksheets[0]?.actualRowCount ?? 0) - 1;
  if (sheetRows !== rows)
    throw new Error(`registrations-xlsx: ${sheetRows} rows, expected ${rows}`);
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
  return {
    rows,
    /** Median of three full exports, request to last byte. */
    ms: Math.round(ms[1] ?? 0),
    bytes: runs[0]?.bytes ?? 0,
    /** The first full export's rise of resident memory above its start (later runs reuse its heap). */
    rssPeakMb: runs[0]?.rssGrowthMb ?? 0,
    collective: data.collective,
    individual: data.individual,
    runsMs: runs.map((r) => Math.round(r.ms)),
    rssRunsMb: runs.map((r) => r.rssGrowthMb),
    writeMs,
  };
}
