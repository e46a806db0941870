import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { createTestDb, type TestDb } from '../../test/db';
import { makePerson, testCtx } from '../../test/factories';
import { buildTestApp, loginCookie } from '../../test/http';
import { expectAppError, world, type World } from '../../test/evaluation';
import { addBaseSalary, ensureNationalCatalogue } from '../awards/index';
import { createNomination } from '../nominations/index';
import {
  addDecisionRows,
  addFromNominations,
  createDecision,
  getDecision,
  issueDecision,
  listDecisions,
  replaceDecision,
  updateDecision,
} from './award-decisions.service';
import { decisionDocument } from './decision-files.service';

/**
 * Award decisions on real PostgreSQL: a commune's chairman decision drafted from two approved
 * nominations and a collective added by hand, amounts quoted on the decision date (re-quoted when
 * it moves past a new base salary), issued by the commune's head with the next QĐ-CT number and
 * consecutive số sổ vàng, the awards in the honours; a second decision continues both series; a
 * cancellation by a new decision annuls the awards; scope and permissions refused.
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

async function form(code: string): Promise<{ formId: number; versionId: number }> {
  const { rows } = await sql<{ formId: number; versionId: number }>`
    SELECT f.id AS "formId", v.id AS "versionId" FROM award_form_version v
    JOIN award_form f ON f.id = v.form_id
    WHERE f.code = ${code} AND f.scope = 'national' ORDER BY v.valid_from DESC LIMIT 1`.execute(
    t.db,
  );
  const row = rows[0];
  if (row === undefined) throw new Error(`no form ${code}`);
  return row;
}

const header = {
  decider: 'chairman',
  title: 'khen thưởng các cá nhân, tập thể có thành tích năm 2025',
  fundingSource: 'Quỹ thi đua, khen thưởng của xã',
  signerName: 'Nguyễn Văn An',
  signerTitle: 'Chủ tịch',
  decisionDate: '2025-12-15',
} as const;

/** Two people of the one-stop unit nominated for LĐTT and approved at the commune. */
async function approvedNominations(w: World) {
  const ldtt = await form('LDTT');
  const people = [
    await makePerson(w.sys, w.units.oneStop.id, 'Lê Thị Mai', { gender: 'female' }),
    await makePerson(w.sys, w.units.oneStop.id, 'Trần Văn Bình'),
  ];
  const ids: number[] = [];
  for (const p of people) {
    const n = await createNomination(w.as('head'), w.plan.id, {
      round: 'annual',
      personId: p.id,
      formVersionId: ldtt.versionId,
      achievement: 'Hoàn thành xuất sắc nhiệm vụ năm 2025',
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
    });
    ids.push(n.id);
  }
  // The approval step is the nominations module's (issue 12 item 2); here it is a fixture.
  await sql`UPDATE nomination SET status = 'approved', current_unit_id = ${w.units.commune.id}
    WHERE id = ANY(${ids}::int[])`.execute(t.db);
  return { people, ids };
}

async function honoursOf(decisionId: number) {
  const { rows } = await sql<{ personId: number | null; removed: boolean; decisionNumber: string }>`
    SELECT person_id AS "personId", removed_at IS NOT NULL AS removed,
      decision_number AS "decisionNumber"
    FROM honour WHERE source_ref = ${`award_decision:${decisionId}`} ORDER BY id`.execute(t.db);
  return rows;
}

describe('award decisions', () => {
  it('drafts from approved nominations and by hand, quotes on the decision date, issues with a number and số sổ vàng, cancels by a new decision', async () => {
    const w = await world(t);
    const { people, ids } = await approvedNominations(w);
    const gkTt = await form('GK_TT');
    const gkCn = await form('GK_CN');
    const bkTinh = await form('BK_TINH_CN');

    const draft = await createDecision(w.as('officer'), {
      unitId: w.units.commune.id,
      planId: w.plan.id,
      ...header,
    });
    expect(draft).toMatchObject({ status: 'draft', documentNumber: null, rowCount: 0 });
    await expectAppError(
      createDecision(w.as('staff'), { unitId: w.units.commune.id, ...header }),
      'FORBIDDEN',
    );

    let d = await addFromNominations(w.as('officer'), draft.id, { version: draft.version });
    expect(d.rows.map((r) => [r.name, r.form.code, r.amount, r.nominationId])).toEqual([
      ['Lê Thị Mai', 'LDTT', 710_000, ids[0]],
      ['Trần Văn Bình', 'LDTT', 710_000, ids[1]],
    ]);
    // Adding again skips the nominations already on the draft.
    d = await addFromNominations(w.as('officer'), d.id, { version: d.version });
    expect(d.rows).toHaveLength(2);

    d = await addDecisionRows(w.as('officer'), d.id, {
      version: d.version,
      rows: [
        { unitId: w.units.oneStop.id, formId: gkTt.formId, achievement: 'Tập thể tiêu biểu' },
        // A plan's fixed amount (seed 000's gift).
        { personId: people[0]?.id, formId: gkCn.formId, fixedAmount: 300_000 },
      ],
    });
    expect(d.rows.map((r) => r.amount)).toEqual([710_000, 710_000, 1_410_000, 300_000]);
    expect(d.totalAmount).toBe(3_130_000);
    await expectAppError(
      addDecisionRows(w.as('officer'), d.id, {
        version: d.version,
        rows: [{ unitId: w.units.otherCommune.id, formId: gkTt.formId }],
      }),
      'VALIDATION_FAILED',
    );
    // The authority matrix and the form's subject are rules, checked on the server.
    await expect(
      addDecisionRows(w.as('officer'), d.id, {
        version: d.version,
        rows: [{ personId: people[0]?.id, formId: bkTinh.formId }],
      }),
    ).rejects.toThrow(/thuộc thẩm quyền Chủ tịch UBND tỉnh/);
    await expect(
      addDecisionRows(w.as('officer'), d.id, {
        version: d.version,
        rows: [{ personId: people[0]?.id, formId: gkTt.formId }],
      }),
    ).rejects.toThrow(/chỉ tặng tập thể, không tặng cá nhân/);

    // A later base salary: moving the date past it re-quotes every row (coefficient rows only).
    await addBaseSalary(testCtx(t), {
      amount: 2_530_000,
      effectiveFrom: '2026-07-01',
      legalBasis: 'Nghị định số 161/2026/NĐ-CP',
    });
    d = await updateDecision(w.as('officer'), d.id, {
      version: d.version,
      decisionDate: '2026-07-15',
    });
    expect(d.rows.map((r) => r.amount)).toEqual([760_000, 760_000, 1_520_000, 300_000]);
    d = await updateDecision(w.as('officer'), d.id, {
      version: d.version,
      decisionDate: '2025-12-15',
    });

    // Only the head of the commune itself signs; the officer drafts.
    await expectAppError(issueDecision(w.as('officer'), d.id, { version: d.version }), 'FORBIDDEN');
    await expectAppError(
      issueDecision(w.as('head'), d.id, { version: d.version - 1, decisionDate: '2025-12-20' }),
      'CONFLICT',
    );
    const issued = await issueDecision(w.as('head'), d.id, {
      version: d.version,
      decisionDate: '2025-12-20',
    });
    expect(issued).toMatchObject({
      status: 'issued',
      documentNumber: '01/QĐ-CT',
      decisionDate: '2025-12-20',
      totalAmount: 3_130_000,
    });
    expect(issued.rows.map((r) => r.goldenBookNumber)).toEqual([1, 2, 3, 4]);
    expect(issued.permissions).toMatchObject({ canEdit: false, canIssue: false });
    const recorded = await honoursOf(d.id);
    expect(recorded).toHaveLength(3); // one per subject: Mai's two rows are one award record
    expect(recorded.every((h) => h.decisionNumber === '01/QĐ-CT' && !h.removed)).toBe(true);
    await expectAppError(
      addDecisionRows(w.as('officer'), d.id, {
        version: issued.version,
        rows: [{ unitId: w.units.oneStop.id, formId: gkTt.formId }],
      }),
      'INVALID_STATE',
    );

    // A second decision of the same unit: the register and the golden book continue; a nomination
    // already decided is not drafted again.
    const second = await createDecision(w.as('officer'), { unitId: w.units.commune.id, ...header });
    const fromAgain = await addFromNominations(w.as('officer'), second.id, {
      version: second.version,
    });
    expect(fromAgain.rows).toHaveLength(0);
    const withRow = await addDecisionRows(w.as('officer'), second.id, {
      version: fromAgain.version,
      rows: [{ personId: people[1]?.id, formId: gkCn.formId, fixedAmount: 300_000 }],
    });
    await expectAppError(
      issueDecision(w.as('head'), second.id, {
        version: withRow.version,
        decisionDate: '2025-12-01',
      }),
      'VALIDATION_FAILED',
    );
    const issued2 = await issueDecision(w.as('head'), second.id, {
      version: withRow.version,
      decisionDate: '2025-12-22',
    });
    expect(issued2.documentNumber).toBe('02/QĐ-CT');
    expect(issued2.rows[0]?.goldenBookNumber).toBe(5);

    // Cancellation only by a new decision, which changes the old one when it is issued.
    await expectAppError(
      replaceDecision(w.as('officer'), d.id, { kind: 'cancel', reason: '' }),
      'VALIDATION_FAILED',
    );
    const cancel = await replaceDecision(w.as('officer'), d.id, {
      kind: 'cancel',
      reason: 'Khen thưởng trùng thành tích',
    });
    expect(cancel).toMatchObject({
      status: 'draft',
      replaceKind: 'cancel',
      replaces: { id: d.id, documentNumber: '01/QĐ-CT' },
      title: 'Về việc hủy bỏ Quyết định số 01/QĐ-CT',
    });
    expect((await getDecision(w.as('officer'), d.id)).status).toBe('issued');
    const cancelIssued = await issueDecision(w.as('head'), cancel.id, {
      version: cancel.version,
      decisionDate: '2025-12-23',
    });
    expect(cancelIssued.documentNumber).toBe('03/QĐ-CT');
    expect((await getDecision(w.as('officer'), d.id)).status).toBe('cancelled');
    expect((await honoursOf(d.id)).every((h) => h.removed)).toBe(true);
    await expectAppError(
      replaceDecision(w.as('officer'), d.id, { kind: 'correct', reason: 'Sai tên' }),
      'INVALID_STATE',
    );
    const { rows: audit } = await sql<{ action: string }>`
      SELECT action FROM audit_event WHERE entity_type = 'award_decision'
        AND entity_id = ${String(d.id)} ORDER BY id`.execute(t.db);
    expect(audit.map((a) => a.action)).toEqual([
      'award_decision.drafted',
      'award_decision.issued',
      'award_decision.cancelled',
    ]);

    // An issued decision is rendered once and stored: re-downloads are byte-identical.
    const first = await decisionDocument(w.as('staff'), issued2.id, 'pdf');
    const again = await decisionDocument(w.as('officer'), issued2.id, 'pdf');
    expect(again.data.equals(first.data)).toBe(true);
    const { rows: stored } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM generated_document
      WHERE subject_kind = 'award_decision' AND subject_id = ${issued2.id}`.execute(t.db);
    expect(stored[0]?.n).toBe(1);

    // Scope: another commune's officer sees none of it.
    const theirs = await listDecisions(w.as('otherOfficer'), {});
    expect(theirs.items.some((i) => i.id === d.id)).toBe(false);
    await expectAppError(getDecision(w.as('otherOfficer'), d.id), 'NOT_FOUND');
    const mine = await listDecisions(w.as('staff'), { unitId: w.units.commune.id });
    expect(mine.items.map((i) => i.id)).toEqual([cancel.id, second.id, d.id]);
  });

  it('corrects by a new decision whose annex replaces the old one', async () => {
    const w = await world(t);
    const { ids } = await approvedNominations(w);
    const draft = await createDecision(w.as('officer'), { unitId: w.units.commune.id, ...header });
    const d = await addFromNominations(w.as('officer'), draft.id, {
      version: draft.version,
      nominationIds: [ids[0] ?? 0],
    });
    expect(d.rows).toHaveLength(1);
    const issued = await issueDecision(w.as('head'), d.id, {
      version: d.version,
      decisionDate: '2025-12-20',
    });
    const fix = await replaceDecision(w.as('officer'), d.id, {
      kind: 'correct',
      reason: 'Sai chức vụ',
    });
    expect(fix.rows.map((r) => [r.name, r.goldenBookNumber])).toEqual([['Lê Thị Mai', null]]);
    const fixed = await issueDecision(w.as('head'), fix.id, {
      version: fix.version,
      decisionDate: '2025-12-21',
    });
    expect(fixed.rows[0]?.goldenBookNumber).toBe((issued.rows[0]?.goldenBookNumber ?? 0) + 1);
    expect((await getDecision(w.as('officer'), d.id)).status).toBe('corrected');
    expect((await honoursOf(d.id)).every((h) => h.removed)).toBe(true);
    expect((await honoursOf(fix.id)).map((h) => h.removed)).toEqual([false]);
  });

  it('gives two decisions issued at once distinct numbers and disjoint số sổ vàng', async () => {
    const w = await world(t);
    const gk = await form('GK_CN');
    const gkTt = await form('GK_TT');
    const people = [
      await makePerson(w.sys, w.units.oneStop.id, 'Phạm Thị Hoa'),
      await makePerson(w.sys, w.units.oneStop.id, 'Đỗ Văn Nam'),
    ];
    const drafts = [];
    for (const p of people) {
      const d = await createDecision(w.as('officer'), { unitId: w.units.commune.id, ...header });
      drafts.push(
        await addDecisionRows(w.as('officer'), d.id, {
          version: d.version,
          rows: [
            { personId: p.id, formId: gk.formId },
            { unitId: w.units.oneStop.id, formId: gkTt.formId },
          ],
        }),
      );
    }
    const issued = await Promise.all(
      drafts.map((d) =>
        issueDecision(w.as('head'), d.id, { version: d.version, decisionDate: '2025-12-20' }),
      ),
    );
    expect(issued.map((d) => d.documentNumber).sort()).toEqual(['01/QĐ-CT', '02/QĐ-CT']);
    const numbers = issued.flatMap((d) => d.rows.map((r) => r.goldenBookNumber)).sort();
    expect(numbers).toEqual([1, 2, 3, 4]);
  });

  it('serves the decision over HTTP with its .docx and .pdf', async () => {
    const w = await world(t);
    const { ids } = await approvedNominations(w);
    const officer = await loginCookie(app, w.users.officer.username, w.users.officer.password);
    const staff = await loginCookie(app, w.users.staff.username, w.users.staff.password);
    expect((await app.inject({ method: 'GET', url: '/api/award-decisions' })).statusCode).toBe(401);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/award-decisions',
      headers: { cookie: officer },
      payload: { unitId: w.units.commune.id, ...header, title: '' },
    });
    expect(bad.statusCode).toBe(400);
    const created = await app.inject({
      method: 'POST',
      url: '/api/award-decisions',
      headers: { cookie: officer },
      payload: { unitId: w.units.commune.id, ...header },
    });
    expect(created.statusCode).toBe(201);
    const draft = created.json<{ id: number; version: number }>();
    const filled = await app.inject({
      method: 'POST',
      url: `/api/award-decisions/${draft.id}/from-nominations`,
      headers: { cookie: officer },
      payload: { version: draft.version, nominationIds: ids },
    });
    expect(filled.json<{ rowCount: number }>().rowCount).toBe(2);
    const refused = await app.inject({
      method: 'POST',
      url: `/api/award-decisions/${draft.id}/from-nominations`,
      headers: { cookie: staff },
      payload: { version: 2 },
    });
    expect(refused.statusCode).toBe(403);
    const docx = await app.inject({
      method: 'GET',
      url: `/api/award-decisions/${draft.id}/decision.docx`,
      headers: { cookie: staff },
    });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const xml = await (
      await JSZip.loadAsync(docx.rawPayload)
    )
      .file('word/document.xml')
      ?.async('string');
    expect(xml).toContain('DỰ THẢO');
    expect(xml).toContain('Lê Thị Mai');
    const pdf = await app.inject({
      method: 'GET',
      url: `/api/award-decisions/${draft.id}/decision.pdf`,
      headers: { cookie: officer },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const del = await app.inject({
      method: 'DELETE',
      url: `/api/award-decisions/${draft.id}?version=${filled.json<{ version: number }>().version}`,
      headers: { cookie: officer },
    });
    expect(del.statusCode).toBe(204);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: `/api/award-decisions/${draft.id}`,
          headers: { cookie: officer },
        })
      ).statusCode,
    ).toBe(404);
  });
});
