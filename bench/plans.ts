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
import { samplePlanInput } from '../server/test/plans';

/**
 * `npm run bench -- plans`: how fast the plan reader reads real texts, how long one official
 * document takes to render, and issuing 1,000 plans across 1,000 communes of the national data.
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

async function timeMany(n: number, fn: () => unknown) {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) ms.push((await timed(fn))[1]);
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
    generated_document, notification, notification_read RESTART IDENTITY CASCADE`.execute(db);
  const communes = await sql<{ id: number }>`SELECT id FROM org_unit
    WHERE kind IN ('commune','ward','special_zone') ORDER BY id LIMIT 1000`.execute(db);
  const ctx: Ctx = {
    db,
    actor: systemActor('bench'),
    log: silentLogger,
    now: () => new Date(),
    storage: runtime.storage,
  };
  const drafts: { id: number; version: number }[] = [];
  const [, draftMs] = await timed(() =>
    pool(communes.rows, 10, async (c) => {
      const p = await createPlan(ctx, samplePlanInput(c.id, { place: `Xã ${c.id}` }));
      drafts.push({ id: p.id, version: p.version });
    }),
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
  };
}
