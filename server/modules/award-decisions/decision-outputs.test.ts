import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { extractText } from 'unpdf';
import { createTestDb, type TestDb } from '../../test/db';
import { makePerson, testCtx } from '../../test/factories';
import { buildTestApp, loginCookie } from '../../test/http';
import { expectAppError, world, type World } from '../../test/evaluation';
import { ensureNationalCatalogue } from '../awards/index';
import { createTemplate } from '../certificates/index';
import {
  addDecisionRows,
  createDecision,
  issueDecision,
  replaceDecision,
} from './award-decisions.service';
import { decisionCertificates, decisionPaymentList } from './decision-outputs.service';

/**
 * An issued decision's outputs (decision 043) on real PostgreSQL: the certificates as one PDF
 * with one page per annex row (each form printed with the unit's template for it, or all with a
 * chosen one), and the payment list whose grand total equals the decision's total; refused for a
 * draft; over HTTP for anyone who sees the decision.
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
    SELECT id FROM award_form WHERE code = ${code} AND scope = 'national'`.execute(t.db);
  if (rows[0] === undefined) throw new Error(`no form ${code}`);
  return rows[0].id;
}

/** A chairman's decision of the commune: a person (LĐTT) and a collective (Giấy khen), drafted. */
async function draftDecision(w: World) {
  const mai = await makePerson(w.sys, w.units.oneStop.id, 'Lê Thị Mai', { gender: 'female' });
  const d = await createDecision(w.as('officer'), {
    unitId: w.units.commune.id,
    decider: 'chairman',
    title: 'khen thưởng các cá nhân, tập thể có thành tích năm 2025',
    fundingSource: 'Quỹ thi đua, khen thưởng của xã',
    signerName: 'Nguyễn Văn An',
    signerTitle: 'Chủ tịch',
    decisionDate: '2025-12-15',
  });
  return addDecisionRows(w.as('officer'), d.id, {
    version: d.version,
    rows: [
      {
        personId: mai.id,
        formId: await formId('LDTT'),
        achievement: 'Hoàn thành xuất sắc nhiệm vụ năm 2025',
      },
      {
        unitId: w.units.oneStop.id,
        formId: await formId('GK_TT'),
        achievement: 'Tập thể tiêu biểu',
      },
    ],
  });
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function pages(pdf: Buffer): Promise<string[]> {
  const { text } = await extractText(new Uint8Array(pdf), { mergePages: false });
  return text.map((p) => p.normalize('NFC').replace(/\s+/g, ' '));
}

/** Cells of a sheet as plain values (formula cells as their stored result). */
async function sheet(buf: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const out: unknown[][] = [];
  wb.worksheets[0]?.eachRow((row) => {
    const cells: unknown[] = [];
    for (let c = 1; c <= 6; c++) {
      const v = row.getCell(c).value;
      cells.push(v !== null && typeof v === 'object' && 'result' in v ? v.result : v);
    }
    out.push(cells);
  });
  return out;
}

describe('award decision outputs', () => {
  it('prints one certificate per row with the template per form, and a payment list totalling the decision', async () => {
    const w = await world(t);
    const draft = await draftDecision(w);
    await expectAppError(decisionCertificates(w.as('staff'), draft.id, {}), 'CONFLICT');
    await expectAppError(decisionPaymentList(w.as('staff'), draft.id), 'CONFLICT');
    const d = await issueDecision(w.as('head'), draft.id, {
      version: draft.version,
      decisionDate: '2025-12-20',
    });
    expect(d.rows.map((r) => r.goldenBookNumber)).toEqual([1, 2]);

    const plain = await decisionCertificates(w.as('staff'), d.id, {});
    expect(plain.pages).toBe(2);
    const [first, second] = await pages(await collect(plain.stream));
    expect(first).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(first).toContain('TẶNG DANH HIỆU');
    expect(first).toContain('Lê Thị Mai');
    expect(first).toContain(`Quyết định số ${d.documentNumber ?? ''}`);
    expect(first).toContain('Số sổ vàng: 1');
    expect(first).toContain('Nguyễn Văn An');
    expect(second).toContain('Số sổ vàng: 2');
    expect(second).toContain('Tập thể tiêu biểu');

    // A blank (pre-printed paper) for the collective's form: only that page loses the fixed lines.
    const blank = await createTemplate(w.as('officer'), {
      unitId: w.units.commune.id,
      name: 'Phôi Giấy khen tập thể',
      formCode: 'GK_TT',
      mode: 'blank',
      offsets: {},
    });
    const perForm = await pages(
      await collect((await decisionCertificates(w.as('staff'), d.id, {})).stream),
    );
    expect(perForm).toHaveLength(2);
    expect(perForm[0]).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(perForm[1]).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(perForm[1]).toContain('Số sổ vàng: 2');
    // The chosen template prints every page on the blank.
    const chosen = await pages(
      await collect(
        (await decisionCertificates(w.as('staff'), d.id, { templateId: String(blank.id) })).stream,
      ),
    );
    expect(chosen.every((p) => !p.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'))).toBe(true);
    const elsewhere = await createTemplate(w.as('officer'), {
      unitId: w.units.oneStop.id,
      name: 'Phôi của đơn vị khác',
      formCode: null,
      mode: 'blank',
      offsets: {},
    });
    await expectAppError(
      decisionCertificates(w.as('staff'), d.id, { templateId: elsewhere.id }),
      'NOT_FOUND',
    );
    await expectAppError(
      decisionCertificates(w.as('staff'), d.id, { templateId: 'x' }),
      'VALIDATION_FAILED',
    );

    const list = await sheet((await decisionPaymentList(w.as('staff'), d.id)).data);
    expect(list.find((r) => r[1] === 'Tổng cộng')?.[4]).toBe(d.totalAmount);
    expect(list.some((r) => r[0] === 'Nguồn kinh phí: Quỹ thi đua, khen thưởng của xã')).toBe(true);
    expect(list.filter((r) => typeof r[0] === 'number').map((r) => r[1])).toEqual([
      'Lê Thị Mai',
      d.rows[1]?.name,
    ]);

    // Once cancelled by a new decision, it awards nothing: no certificate, no payment.
    const cancelling = await replaceDecision(w.as('officer'), d.id, {
      kind: 'cancel',
      reason: 'Trùng thành tích đã khen thưởng.',
    });
    await issueDecision(w.as('head'), cancelling.id, {
      version: cancelling.version,
      decisionDate: '2025-12-22',
    });
    await expect(decisionCertificates(w.as('staff'), d.id, {})).rejects.toThrow(/đã bị hủy bỏ/);
    await expectAppError(decisionPaymentList(w.as('staff'), d.id), 'CONFLICT');
  });

  it('serves the certificates and the payment list over HTTP, refusing a draft', async () => {
    const w = await world(t);
    const draft = await draftDecision(w);
    const staff = await loginCookie(app, w.users.staff.username, w.users.staff.password);
    const get = (url: string) => app.inject({ method: 'GET', url, headers: { cookie: staff } });
    const base = `/api/award-decisions/${draft.id}`;
    const refused = await get(`${base}/certificates.pdf`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ message: string }>().message).toContain('chưa ban hành');
    expect((await get(`${base}/payment-list.xlsx`)).statusCode).toBe(409);
    const d = await issueDecision(w.as('head'), draft.id, {
      version: draft.version,
      decisionDate: '2025-12-20',
    });
    const pdf = await get(`${base}/certificates.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain('attachment');
    expect(await pages(pdf.rawPayload)).toHaveLength(d.rowCount);
    const xlsx = await get(`${base}/payment-list.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect((await sheet(xlsx.rawPayload)).find((r) => r[1] === 'Tổng cộng')?.[4]).toBe(
      d.totalAmount,
    );
    expect((await get(`${base}/certificates.pdf?templateId=abc`)).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: `${base}/certificates.pdf` })).statusCode).toBe(
      401,
    );
  });
});
