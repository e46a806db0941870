import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Runtime } from '../server/runtime';
import { systemActor, silentLogger, type Ctx } from '../server/platform/context';
import { readPlanText } from '../server/modules/campaigns/plan-reader/read-plan';
import { renderPlanDocx, renderPlanPdf } from '../server/modules/documents/index';
import { seed001Plan } from '../server/modules/documents/plan-document.fixtures';
import { createPlan, issuePlan } from '../server/modules/campaigns/index';
import { listPlans } from '../server/modules/campaigns/plan-list.service';
import { listPublicPlans } from '../server/modules/campaigns/public.service';
import { loadUserActor } from '../server/modules/auth/index';
import { foldVietnamese } from '../server/platform/text';
import { samplePlanInput } from '../server/test/plans';
import { BENCH_ADMIN, BENCH_OFFICER } from './generate';

/**
 * `npm run bench -- plans`: how fast the plan reader reads real texts, how long one official
 * document takes to render, issuing 1,000 plans across 1,000 communes of the national data, and
 * searching the plan list over those plans (internal and public).
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, '../server/modules/campaigns/plan-reader/fixtures');

function texts(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const dir of ['seeds', 'wild']) {
    const full = path.join(fixtures, dir);
    if (!fs.existsSync(full)) continue;
    for (const f of fs.readdirSync(full).sort())
      if (f.endsWith('.txt'))
        out.push({ name: `${dir}/${f}`, text: fs.readFileSync(path.join(full, f), 'utf8') });
  }
  return out;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, i)] ?? 0) * 100) / 100;
}

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const t0 = performance.now();
  const v = await fn();
  return [v, performance.now() - t0];
}

async function timeMany(n: number, fn: (i: number) => unknown) {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) ms.push((await timed(() => fn(i)))[1]);
  ms.sort((a, b) => a - b);
  return {
    runs: n,
    p50Ms: percentile(ms, 50),
    p95Ms: percentile(ms, 95),
    maxMs: percentile(ms, 100),
  };
}

/** Runs `fn` over items with `limit` in flight at once. */
async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const item = items[next++] as T;
        await fn(item);
      }
    }),
  );
}

/** Plan titles in rotation: a quarter of the plans are about "thi đua … cải cách hành chính". */
const TITLES = [
  'Phát động phong trào thi đua thực hiện nhiệm vụ cải cách hành chính đến năm 2027',
  'Phát động phong trào thi đua "Chung sức xây dựng nông thôn mới" năm 2026',
  'Tổ chức phong trào thi đua yêu nước năm 2026',
  'Phát động phong trào thi đua đẩy mạnh chuyển đổi số năm 2026',
];

type Lister = (ctx: Ctx, input: unknown) => Promise<{ total: number }>;

/**
 * The plan list searched through the service layer (no HTTP), one request at a time, as the
 * province's emulation officer, the system administrator and a public visitor. Each query kind
 * rotates through its terms; `unitId` is a province holding issued plans (the officer's own when
 * it has any). Reports p50/p95/max and the matching rows (the list's `total`) per kind.
 */
async function benchPlanSearch(ctx: Ctx, log: (line: string) => void, runs: number) {
  const db = ctx.db;
  const accounts = await db
    .selectFrom('userAccount')
    .select(['id', 'username'])
    .where('username', 'in', [BENCH_ADMIN, BENCH_OFFICER])
    .execute();
  const accountId = (name: string) => accounts.find((a) => a.username === name)?.id ?? 0;
  const officer = await loadUserActor(db, accountId(BENCH_OFFICER));
  const admin = await loadUserActor(db, accountId(BENCH_ADMIN));
  const officerProvinceId = officer.grants[0]?.unitId ?? 0;
  // Provinces by the number of issued plans: the officer's own if it issued any, else the largest.
  const provinces = await sql<{ id: number; plans: number }>`
    SELECT p.province_id AS id, count(*)::int AS plans FROM campaign_plan p
    WHERE p.document_number IS NOT NULL GROUP BY p.province_id ORDER BY count(*) DESC, p.province_id`.execute(
    db,
  );
  const province = provinces.rows.find((r) => r.id === officerProvinceId) ??
    provinces.rows[0] ?? { id: 0, plans: 0 };
  // Every 50th issuing commune's name, folded ("xa tan an"), with the commune's province.
  const communes = await sql<{ name: string; provinceId: number; provinceName: string }>`
    SELECT u.name, u.province_id AS "provinceId", pr.name AS "provinceName" FROM campaign_plan p
    JOIN org_unit u ON u.id = p.issuing_unit_id JOIN org_unit pr ON pr.id = u.province_id
    ORDER BY p.id`.execute(db);
  const unitTerms = communes.rows.filter((_, i) => i % 50 === 0);
  const numbers = await sql<{ n: string }>`SELECT DISTINCT document_number AS n FROM campaign_plan
    WHERE document_number IS NOT NULL ORDER BY 1 LIMIT 1`.execute(db);
  const number = numbers.rows[0]?.n ?? '01/KH-UBND';
  log(
    `plans: search over ${communes.rows.length} plans; province filter ${province.id} (${province.plans} plans; officer's province ${officerProvinceId}); number "${number}"`,
  );

  type Query = { search: string; unitId?: number };
  const kinds: [string, (filter: boolean) => Query[]][] = [
    [
      'unit name',
      (filter) =>
        unitTerms.map((c) => ({
          search: foldVietnamese(c.name),
          ...(filter ? { unitId: c.provinceId } : {}),
        })),
    ],
    [
      'province name',
      (filter) => [
        {
          search: foldVietnamese(
            communes.rows.find((c) => c.provinceId === province.id)?.provinceName ?? '',
          ),
          ...(filter ? { unitId: province.id } : {}),
        },
      ],
    ],
    [
      'thi dua cai cach',
      (filter) => [{ search: 'thi dua cai cach', ...(filter ? { unitId: province.id } : {}) }],
    ],
    ['number', (filter) => [{ search: number, ...(filter ? { unitId: province.id } : {}) }]],
    [
      'no match',
      (filter) => [{ search: 'khongtontai', ...(filter ? { unitId: province.id } : {}) }],
    ],
  ];
  const viewers: [string, Ctx, Lister][] = [
    ['officer', { ...ctx, actor: officer }, listPlans],
    ['admin', { ...ctx, actor: admin }, listPlans],
    ['public', { ...ctx, actor: { kind: 'public' } }, listPublicPlans],
  ];
  const out: Record<string, { p50Ms: number; p95Ms: number; maxMs: number; rows: string }> = {};
  for (const [viewer, vctx, list] of viewers)
    for (const [kind, queries] of kinds)
      for (const filter of [false, true]) {
        const qs = queries(filter);
        const totals = new Set<number>();
        const run = async (i: number) => {
          const q = qs[i % qs.length] as Query;
          totals.add((await list(vctx, { ...q, page: '1', pageSize: '20' })).total);
        };
        for (let i = 0; i < qs.length; i++) await run(i); // warm-up, and every term's row count
        const t = await timeMany(Math.max(runs, qs.length), run);
        const sorted = [...totals].sort((a, b) => a - b);
        const rows =
          sorted.length === 1 ? String(sorted[0]) : `${sorted[0]}–${sorted[sorted.length - 1]}`;
        const label = `${viewer}: ${kind}${filter ? ' + unitId' : ''}`;
        out[label] = { p50Ms: t.p50Ms, p95Ms: t.p95Ms, maxMs: t.maxMs, rows };
        log(
          `plans: search ${label}: p50 ${t.p50Ms} ms, p95 ${t.p95Ms} ms, max ${t.maxMs} ms, rows ${rows}`,
        );
      }
  return { searchProvinceId: province.id, searchProvincePlans: province.plans, search: out };
}

export async function benchPlans(runtime: Runtime, log: (line: string) => void) {
  const corpus = texts();
  const chars = corpus.reduce((s, t) => s + t.text.length, 0);
  const rounds = 20;
  const [, readMs] = await timed(() => {
    for (let r = 0; r < rounds; r++) for (const t of corpus) readPlanText(t.text);
  });
  const perText = await timeMany(
    corpus.length * 5,
    (() => {
      let i = 0;
      return () => readPlanText(corpus[i++ % corpus.length]?.text ?? '');
    })(),
  );
  log(`plans: read ${corpus.length} texts × ${rounds} in ${Math.round(readMs)} ms`);

  const input = seed001Plan();
  await renderPlanDocx(input); // first render loads fonts and modules
  await renderPlanPdf(input);
  const docx = await timeMany(20, () => renderPlanDocx(input));
  const pdf = await timeMany(20, () => renderPlanPdf(input));
  const docxBytes = (await renderPlanDocx(input)).length;
  log(`plans: docx p50 ${docx.p50Ms} ms, pdf p50 ${pdf.p50Ms} ms`);

  const db = runtime.db;
  await sql`TRUNCATE campaign_plan, campaign_plan_version, campaign_cascade_unit, document_series,
    document_register_entry,
    generated_document, notification, notification_read RESTART IDENTITY CASCADE`.execute(db);
  // The officer's province first (its officer then lists plans of their own province), then by id.
  const communes = await sql<{ id: number }>`SELECT id FROM org_unit
    WHERE kind IN ('commune','ward','special_zone')
    ORDER BY province_id = (SELECT g.unit_id FROM role_grant g JOIN user_account a ON a.id = g.user_id
      WHERE a.username = ${BENCH_OFFICER} LIMIT 1) DESC NULLS LAST, id LIMIT 1000`.execute(db);
  const ctx: Ctx = {
    db,
    actor: systemActor('bench'),
    log: silentLogger,
    now: () => new Date(),
    storage: runtime.storage,
  };
  const drafts: { id: number; version: number }[] = [];
  const [, draftMs] = await timed(() =>
    pool(
      communes.rows.map((c, i) => ({ ...c, i })),
      10,
      async (c) => {
        const title = TITLES[c.i % TITLES.length];
        const p = await createPlan(ctx, samplePlanInput(c.id, { place: `Xã ${c.id}`, title }));
        drafts.push({ id: p.id, version: p.version });
      },
    ),
  );
  const issueTimes: number[] = [];
  const [, issueMs] = await timed(() =>
    pool(drafts, 10, async (d) => {
      const [, ms] = await timed(() => issuePlan(ctx, d.id, { version: d.version }));
      issueTimes.push(ms);
    }),
  );
  issueTimes.sort((a, b) => a - b);
  const numbers = await sql<{ n: number; distinct: number }>`SELECT count(*)::int AS n,
    count(DISTINCT (issuing_unit_id, document_number))::int AS distinct FROM campaign_plan
    WHERE document_number IS NOT NULL`.execute(db);
  log(`plans: issued ${numbers.rows[0]?.n ?? 0} plans in ${Math.round(issueMs)} ms`);
  await sql`ANALYZE campaign_plan`.execute(db);
  const search = await benchPlanSearch(ctx, log, 40);

  return {
    texts: corpus.length,
    textChars: chars,
    readTextsPerSecond: Math.round((corpus.length * rounds) / (readMs / 1000)),
    readCharsPerSecond: Math.round((chars * rounds) / (readMs / 1000)),
    readPerTextP50Ms: perText.p50Ms,
    readPerTextP95Ms: perText.p95Ms,
    docxP50Ms: docx.p50Ms,
    docxP95Ms: docx.p95Ms,
    docxBytes,
    pdfP50Ms: pdf.p50Ms,
    pdfP95Ms: pdf.p95Ms,
    plans: drafts.length,
    draftMs: Math.round(draftMs),
    issueMs: Math.round(issueMs),
    issuePerSecond: Math.round(drafts.length / (issueMs / 1000)),
    issueP50Ms: percentile(issueTimes, 50),
    issueP95Ms: percentile(issueTimes, 95),
    issuedWithDistinctNumbers: numbers.rows[0]?.distinct ?? 0,
    ...search,
  };
}
