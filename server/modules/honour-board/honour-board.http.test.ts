import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { createTestDb, type TestDb } from '../../test/db';
import { makePerson, testCtx } from '../../test/factories';
import { buildTestApp } from '../../test/http';
import { world } from '../../test/evaluation';
import { ensureNationalCatalogue } from '../awards/index';
import {
  addDecisionRows,
  createDecision,
  issueDecision,
  replaceDecision,
} from '../award-decisions/index';
import type { z } from 'zod';
import type { DecisionRowInput } from '../../../shared/api/award-decisions';
import type { HonourBoardDecision } from '../../../shared/api/honour-board';

/**
 * The public honour board over HTTP, no session: only issued decisions in force are listed (never
 * a draft, a cancelled decision or the cancellation itself), newest first and paged; the search
 * ignores accents and narrows a decision's awardees; unit, year and plan filters; the issued PDF
 * downloads, the others answer 404; nothing beyond what the decision publishes (no amounts).
 */

let t: TestDb;
let app: FastifyInstance;
beforeAll(async () => {
  t = await createTestDb();
  await ensureNationalCatalogue(testCtx(t));
  app = await buildTestApp(t);
});
afterAll(async () => {
  await app.close();
  await t.close();
});

async function formId(code: string): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    SELECT id FROM award_form WHERE code = ${code} AND scope = 'national' LIMIT 1`.execute(t.db);
  if (rows[0] === undefined) throw new Error(`no form ${code}`);
  return rows[0].id;
}

const header = {
  decider: 'chairman',
  title: 'khen thưởng các cá nhân, tập thể có thành tích năm 2025',
  signerName: 'Nguyễn Văn An',
  signerTitle: 'Chủ tịch',
  decisionDate: '2025-12-15',
} as const;

async function board(query: Record<string, string | number>) {
  const res = await app.inject({
    method: 'GET',
    url: '/api/public/honour-board',
    query: query as Record<string, string>,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: HonourBoardDecision[]; total: number }>();
}

describe('public honour board', () => {
  it('lists issued decisions only, searches without accents, filters, pages and serves the PDF', async () => {
    const w = await world(t);
    const gk = await formId('GK_TT');
    const gkCn = await formId('GK_CN');
    const hung = await makePerson(w.sys, w.units.oneStop.id, 'Nguyễn Văn Hùng');
    const lan = await makePerson(w.sys, w.units.oneStop.id, 'Phạm Thị Lan');
    const nhap = await makePerson(w.sys, w.units.oneStop.id, 'Trần Văn Nháp');
    const officer = w.as('officer');
    const head = w.as('head');

    /** A decision of the commune with these rows, issued on `date` unless `draft`. */
    const decision = async (
      rows: z.input<typeof DecisionRowInput>[],
      date: string | null,
      planId: number | null = null,
    ) => {
      const d = await createDecision(officer, { unitId: w.units.commune.id, planId, ...header });
      const filled = await addDecisionRows(officer, d.id, { version: d.version, rows });
      if (date === null) return filled;
      return issueDecision(head, d.id, { version: filled.version, decisionDate: date });
    };

    const a = await decision(
      [
        {
          personId: hung.id,
          formId: gkCn,
          positionText: 'Công chức Văn phòng',
          achievement: 'Tiêu biểu trong CCHC',
        },
        { unitId: w.units.oneStop.id, formId: gk, achievement: 'Tập thể tiêu biểu' },
      ],
      '2025-12-20',
      w.plan.id,
    );
    const b = await decision([{ personId: lan.id, formId: gkCn }], '2025-12-21');
    const cancel = await replaceDecision(officer, b.id, {
      kind: 'cancel',
      reason: 'Trùng thành tích',
    });
    const c = await issueDecision(head, cancel.id, {
      version: cancel.version,
      decisionDate: '2025-12-22',
    });
    const draft = await decision([{ personId: nhap.id, formId: gkCn }], null);
    const e = await decision(
      [{ personId: lan.id, formId: gkCn, achievement: 'Gương điển hình' }],
      '2025-12-23',
    );

    // Only issued decisions in force, newest first; no session needed.
    const all = await board({ unitId: w.units.commune.id });
    expect(all.items.map((i) => i.id)).toEqual([e.id, a.id]);
    expect(all.total).toBe(2);
    const first = all.items[1];
    expect(first).toMatchObject({
      documentNumber: a.documentNumber,
      decisionDate: '2025-12-20',
      unit: { id: w.units.commune.id },
      planId: w.plan.id,
      awardeeCount: 2,
    });
    expect(first?.awardees).toEqual([
      {
        kind: 'person',
        name: 'Nguyễn Văn Hùng',
        positionText: 'Công chức Văn phòng',
        formName: expect.any(String),
        achievement: 'Tiêu biểu trong CCHC',
        goldenBookNumber: a.rows[0]?.goldenBookNumber,
      },
      expect.objectContaining({ kind: 'unit', name: w.units.oneStop.name }),
    ]);
    // Nothing beyond what the decision publishes.
    expect(JSON.stringify(all)).not.toMatch(/amount|birth|phone|personId/i);
    for (const id of [b.id, c.id, draft.id]) expect(all.items.some((i) => i.id === id)).toBe(false);

    // The search ignores accents and narrows the annex to the awardees it matches.
    const hungs = await board({ search: 'nguyen van hung', unitId: w.units.province.id });
    expect(hungs.items.map((i) => i.id)).toEqual([a.id]);
    expect(hungs.items[0]?.awardees.map((x) => x.name)).toEqual(['Nguyễn Văn Hùng']);
    expect((await board({ search: 'Nháp' })).total).toBe(0);
    expect(
      (await board({ search: 'pham thi lan', unitId: w.units.commune.id })).items.map((i) => i.id),
    ).toEqual([e.id]);
    expect((await board({ search: a.documentNumber ?? '' })).items.map((i) => i.id)).toContain(
      a.id,
    );

    // Filters: unit subtree, year, plan (the plan's exemplary people).
    expect((await board({ unitId: w.units.otherCommune.id })).items.map((i) => i.id)).not.toContain(
      a.id,
    );
    expect((await board({ unitId: w.units.commune.id, year: 2024 })).total).toBe(0);
    expect((await board({ unitId: w.units.commune.id, year: 2025 })).total).toBe(2);
    const ofPlan = await board({ planId: w.plan.id });
    expect(ofPlan.items.map((i) => i.id)).toEqual([a.id]);

    // Paging.
    const p2 = await board({ unitId: w.units.commune.id, pageSize: 1, page: 2 });
    expect(p2).toMatchObject({ total: 2, items: [{ id: a.id }] });

    // Bad filters name the field.
    const bad = await app.inject({ method: 'GET', url: '/api/public/honour-board?year=abc' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Năm');

    // The issued decision's PDF; drafts, the cancelled decision and the cancellation are 404.
    const pdf = await app.inject({
      method: 'GET',
      url: `/api/public/award-decisions/${a.id}/decision.pdf`,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    const again = await app.inject({
      method: 'GET',
      url: `/api/public/award-decisions/${a.id}/decision.pdf`,
    });
    expect(again.rawPayload.equals(pdf.rawPayload)).toBe(true);
    for (const id of [b.id, c.id, draft.id, 999_999]) {
      const res = await app.inject({
        method: 'GET',
        url: `/api/public/award-decisions/${id}/decision.pdf`,
      });
      expect(res.statusCode, String(id)).toBe(404);
    }
  });
});
