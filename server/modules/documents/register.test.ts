import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { createTestDb, type TestDb } from '../../test/db';
import { makeTree, makeUser, testCtx } from '../../test/factories';
import { expectAppError } from '../../test/errors';
import { buildTestApp, loginCookie } from '../../test/http';
import {
  cancelNumber,
  cancelRegisterEntry,
  listRegister,
  recordPaperNumber,
  takeNumber,
} from './index';

let t: TestDb;
let app: FastifyInstance;
beforeAll(async () => {
  t = await createTestDb();
  app = await buildTestApp(t);
});
afterAll(async () => {
  await app.close();
  await t.close();
});

/** A commune with its officer (who keeps the register), its head and a staff member; outsiders. */
async function setup() {
  const sys = testCtx(t);
  const tree = await makeTree(sys);
  const officer = await makeUser(sys, 'emulation_officer', tree.commune.id);
  const head = await makeUser(sys, 'unit_head', tree.commune.id);
  const staff = await makeUser(sys, 'staff', tree.commune.id);
  const provinceOfficer = await makeUser(sys, 'emulation_officer', tree.province.id);
  const otherOfficer = await makeUser(sys, 'emulation_officer', tree.otherCommune.id);
  const series = { unitId: tree.commune.id, year: 2026, docType: 'KH', issuerSymbol: 'UBND' };
  return {
    tree,
    sys,
    series,
    users: { officer, head, staff, provinceOfficer, otherOfficer },
    officer: testCtx(t, officer.actor),
    head: testCtx(t, head.actor),
    staff: testCtx(t, staff.actor),
    provinceOfficer: testCtx(t, provinceOfficer.actor),
    otherOfficer: testCtx(t, otherOfficer.actor),
  };
}

const inTrx = <T>(f: (trx: typeof t.db) => Promise<T>) =>
  t.db.transaction().execute((trx) => f(trx as unknown as typeof t.db));

describe('taking numbers', () => {
  it('gives N parallel transactions the numbers 1..N, none twice', async () => {
    const s = await setup();
    const n = 8;
    const taken = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        inTrx((trx) =>
          takeNumber(
            s.head,
            trx,
            s.series,
            { kind: 'plan', id: 1000 + i },
            { issuedOn: '2026-11-20' },
          ),
        ),
      ),
    );
    expect(taken.map((x) => x.number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: n }, (_, i) => i + 1),
    );
    // Another series (type, year, unit) starts at 1 of its own.
    const other = await inTrx((trx) =>
      takeNumber(s.head, trx, { ...s.series, docType: 'HD' }, { kind: 'plan', id: 2000 }),
    );
    expect(other.number).toBe(1);
    const next = await inTrx((trx) =>
      takeNumber(s.head, trx, { ...s.series, year: 2027 }, { kind: 'plan', id: 2001 }),
    );
    expect(next.number).toBe(1);
  });

  it('records paper numbers as issued, continues after the highest, refuses duplicates with 409', async () => {
    const s = await setup();
    await inTrx((trx) =>
      takeNumber(s.head, trx, s.series, { kind: 'plan', id: 1 }, { issuedOn: '2026-01-05' }),
    );
    const paper = await inTrx((trx) =>
      recordPaperNumber(
        s.head,
        trx,
        s.series,
        { kind: 'plan', id: 2, summary: 'Trên giấy' },
        {
          number: 5,
          issuedOn: '2026-02-01',
        },
      ),
    );
    expect(paper.number).toBe(5);
    const next = await inTrx((trx) => takeNumber(s.head, trx, s.series, { kind: 'plan', id: 3 }));
    expect(next.number).toBe(6);
    const e = await expectAppError(
      inTrx((trx) =>
        recordPaperNumber(
          s.head,
          trx,
          s.series,
          { kind: 'plan', id: 4 },
          {
            number: 5,
            issuedOn: '2026-03-01',
          },
        ),
      ),
      'CONFLICT',
      'documentNumber',
    );
    expect(e.message).toContain('Số văn bản');
    expect(e.message).toContain('05/KH-UBND');
    // A number below the highest that was never used (a gap) may still be recorded.
    const gap = await inTrx((trx) =>
      recordPaperNumber(
        s.head,
        trx,
        s.series,
        { kind: 'plan', id: 5 },
        {
          number: 3,
          issuedOn: '2026-01-20',
        },
      ),
    );
    expect(gap.number).toBe(3);
    const after = await inTrx((trx) => takeNumber(s.head, trx, s.series, { kind: 'plan', id: 6 }));
    expect(after.number).toBe(7);
  });
});

describe('cancelling a number', () => {
  it('keeps the number with the reason, audited; only the unit’s register officer; never reused', async () => {
    const s = await setup();
    const taken = await inTrx((trx) =>
      takeNumber(
        s.head,
        trx,
        s.series,
        { kind: 'plan', id: 7, summary: 'Kế hoạch A' },
        {
          issuedOn: '2026-11-20',
        },
      ),
    );
    await expectAppError(
      cancelRegisterEntry(s.officer, taken.entryId, { reason: '  ' }),
      'VALIDATION_FAILED',
      'reason',
    );
    await expectAppError(
      cancelRegisterEntry(s.officer, taken.entryId, {}),
      'VALIDATION_FAILED',
      'reason',
    );
    for (const who of [s.head, s.staff, s.provinceOfficer])
      await expectAppError(
        cancelRegisterEntry(who, taken.entryId, { reason: 'Ký nhầm' }),
        'FORBIDDEN',
      );
    await expectAppError(
      cancelRegisterEntry(s.otherOfficer, taken.entryId, { reason: 'Ký nhầm' }),
      'NOT_FOUND',
    );
    const done = await cancelRegisterEntry(s.officer, taken.entryId, {
      reason: 'Văn bản không phát hành',
    });
    expect(done).toEqual({
      id: taken.entryId,
      status: 'cancelled',
      reason: 'Văn bản không phát hành',
    });
    await expectAppError(
      inTrx((trx) => cancelNumber(s.officer, trx, taken.entryId, 'Lần nữa')),
      'INVALID_STATE',
    );
    const { rows: audit } = await sql<{ after: { reason: string } }>`SELECT after FROM audit_event
      WHERE action = 'document_number.cancelled' AND entity_id = ${String(taken.entryId)}`.execute(
      t.db,
    );
    expect(audit.map((a) => a.after.reason)).toEqual(['Văn bản không phát hành']);
    const next = await inTrx((trx) => takeNumber(s.head, trx, s.series, { kind: 'plan', id: 8 }));
    expect(next.number).toBe(2);
    await expectAppError(
      inTrx((trx) =>
        recordPaperNumber(
          s.head,
          trx,
          s.series,
          { kind: 'plan', id: 9 },
          {
            number: 1,
            issuedOn: '2026-11-20',
          },
        ),
      ),
      'CONFLICT',
    );
  });
});

describe('reading the register', () => {
  it('lists numbers with gaps and cancellations, filters, pages, and is scoped to the viewer', async () => {
    const s = await setup();
    await inTrx(async (trx) => {
      await takeNumber(
        s.head,
        trx,
        s.series,
        { kind: 'plan', id: 11, summary: 'Kế hoạch thi đua Lương Điền' },
        { issuedOn: '2026-03-01' },
      );
      await recordPaperNumber(
        s.head,
        trx,
        s.series,
        { kind: 'plan', id: 12, summary: 'Kế hoạch trên giấy' },
        { number: 4, issuedOn: '2026-04-01' },
      );
      await takeNumber(
        s.head,
        trx,
        { ...s.series, docType: 'HD' },
        { kind: 'plan', id: 13, summary: 'Hướng dẫn chấm điểm' },
        { issuedOn: '2026-05-01' },
      );
    });
    const page = await listRegister(s.staff, s.tree.commune.id, { year: 2026 });
    expect(page.items.map((r) => [r.documentNumber, r.gap, r.status])).toEqual([
      ['01/HD-UBND', false, 'issued'],
      ['01/KH-UBND', false, 'issued'],
      ['02/KH-UBND', true, null],
      ['03/KH-UBND', true, null],
      ['04/KH-UBND', false, 'issued'],
    ]);
    expect(page.total).toBe(5);
    expect(page.gapCount).toBe(2);
    expect(page.years).toEqual([2026]);
    expect(page.docTypes).toEqual(['HD', 'KH']);
    expect(page.items.every((r) => !r.canCancel)).toBe(true);
    const asOfficer = await listRegister(s.officer, s.tree.commune.id, { year: 2026 });
    expect(asOfficer.items.filter((r) => r.canCancel).length).toBe(3);

    const kh = await listRegister(s.staff, s.tree.commune.id, {
      year: 2026,
      docType: 'KH',
      pageSize: 2,
      page: 2,
    });
    expect(kh.total).toBe(4);
    expect(kh.items.map((r) => r.number)).toEqual([3, 4]);
    const found = await listRegister(s.staff, s.tree.commune.id, { year: 2026, q: 'luong dien' });
    expect(found.items.map((r) => r.documentNumber)).toEqual(['01/KH-UBND']);
    const byNumber = await listRegister(s.staff, s.tree.commune.id, { year: 2026, q: '04/kh' });
    expect(byNumber.items.map((r) => r.summary)).toEqual(['Kế hoạch trên giấy']);

    // The province's officer sees below; the other commune's does not.
    const province = await listRegister(s.provinceOfficer, s.tree.commune.id, { year: 2026 });
    expect(province.total).toBe(5);
    await expectAppError(
      listRegister(s.otherOfficer, s.tree.commune.id, { year: 2026 }),
      'FORBIDDEN',
    );
    const empty = await listRegister(s.staff, s.tree.commune.id, { year: 2025 });
    expect(empty.items).toEqual([]);
  });

  it('serves the register over HTTP: list, .xlsx export, cancel with a reason', async () => {
    const s = await setup();
    const taken = await inTrx((trx) =>
      takeNumber(
        s.head,
        trx,
        s.series,
        { kind: 'plan', id: 21, summary: 'Kế hoạch B' },
        { issuedOn: '2026-06-01' },
      ),
    );
    await inTrx((trx) =>
      recordPaperNumber(
        s.head,
        trx,
        s.series,
        { kind: 'plan', id: 22, summary: 'Kế hoạch C' },
        { number: 3, issuedOn: '2026-06-02' },
      ),
    );
    const officer = await loginCookie(app, s.users.officer.username, s.users.officer.password);
    const staff = await loginCookie(app, s.users.staff.username, s.users.staff.password);
    const unauth = await app.inject({
      method: 'GET',
      url: `/api/units/${s.tree.commune.id}/document-register`,
    });
    expect(unauth.statusCode).toBe(401);
    const list = await app.inject({
      method: 'GET',
      url: `/api/units/${s.tree.commune.id}/document-register?year=2026`,
      headers: { cookie: staff },
    });
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: { documentNumber: string; gap: boolean }[] }>().items).toEqual([
      expect.objectContaining({ documentNumber: '01/KH-UBND', gap: false }),
      expect.objectContaining({ documentNumber: '02/KH-UBND', gap: true }),
      expect.objectContaining({ documentNumber: '03/KH-UBND', gap: false }),
    ]);
    const bad = await app.inject({
      method: 'POST',
      url: `/api/document-register/${taken.entryId}/cancel`,
      headers: { cookie: officer },
      payload: {},
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toContain('Lý do');
    const refused = await app.inject({
      method: 'POST',
      url: `/api/document-register/${taken.entryId}/cancel`,
      headers: { cookie: staff },
      payload: { reason: 'Ký nhầm' },
    });
    expect(refused.statusCode).toBe(403);
    const ok = await app.inject({
      method: 'POST',
      url: `/api/document-register/${taken.entryId}/cancel`,
      headers: { cookie: officer },
      payload: { reason: 'Ký nhầm' },
    });
    expect(ok.statusCode).toBe(200);
    const xlsx = await app.inject({
      method: 'GET',
      url: `/api/units/${s.tree.commune.id}/document-register.xlsx?year=2026`,
      headers: { cookie: staff },
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    const rows = wb.worksheets[0]!.getSheetValues()
      .slice(2)
      .map((r) => Array.from({ length: 6 }, (_, i) => (r as unknown[])[i + 1] ?? ''));
    expect(rows).toEqual([
      ['01/KH-UBND', 'Kế hoạch', '2026-06-01', 'Kế hoạch B', 'Đã hủy số', 'Ký nhầm'],
      ['02/KH-UBND', 'Kế hoạch', '', '', 'Số bỏ trống', ''],
      ['03/KH-UBND', 'Kế hoạch', '2026-06-02', 'Kế hoạch C', 'Đã ban hành', ''],
    ]);
    const { rows: audit } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_event
      WHERE action = 'document_number.cancelled' AND entity_id = ${String(taken.entryId)}`.execute(
      t.db,
    );
    expect(audit[0]?.n).toBe(1);
  });
});
