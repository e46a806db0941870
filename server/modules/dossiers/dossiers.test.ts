import JSZip from 'jszip';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { createTestDb, type TestDb } from '../../test/db';
import { nationalFormVersion } from '../../test/awards';
import { makePerson, testCtx } from '../../test/factories';
import { buildTestApp, loginCookie } from '../../test/http';
import { expectAppError, world, type World } from '../../test/evaluation';
import { ensureNationalCatalogue } from '../awards/index';
import { addHonour } from '../honours/index';
import {
  acceptNomination,
  addDossierItemsSource,
  createNomination,
  getNomination,
  returnNomination,
  submitNomination,
} from '../nominations/index';
import {
  dossierDocumentsPresent,
  dossierItemsFromDocuments,
  dossierRequestFile,
  getDossierRequest,
  getNominationDossier,
  nominationReportFile,
  openDossierRequest,
  saveNominationParts,
  saveRequestParts,
} from './index';

/**
 * Dossier documents on real PostgreSQL: the one-stop unit's head writes the report of a person
 * it nominates and the unit's tờ trình; the .docx / .pdf carry the data and the parts; once the
 * nomination is submitted the parts are frozen (refused with the reason) and the frozen file is
 * stored and returned byte-identical; returned for revision, it is editable again.
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

const formVersion = (code: string) => nationalFormVersion(t.db, code);

/** The text of word/document.xml, paragraphs joined by newlines. */
async function docxText(buf: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

async function pdfText(buf: Buffer): Promise<string> {
  const { text } = await extractText(new Uint8Array(buf), { mergePages: true });
  return text.normalize('NFC').replace(/\s+/g, ' ');
}

async function setup(mode: 'periodic' | 'thematic' = 'periodic') {
  const w = await world(t);
  await sql`UPDATE campaign_plan SET mode = ${mode} WHERE id = ${w.plan.id}`.execute(t.db);
  const person = await makePerson(w.sys, w.units.oneStop.id, 'Lê Thị Mai', {
    gender: 'female',
    birthYear: 1988,
    position: 'Công chức một cửa',
  });
  await addHonour(w.as('officer'), {
    personId: person.id,
    formName: 'Lao động tiên tiến',
    year: 2019,
    decisionNumber: '15/QĐ-UBND',
    decisionDate: '2020-01-15',
  });
  const nomination = await createNomination(w.as('head'), w.plan.id, {
    round: 'annual',
    personId: person.id,
    formVersionId: await formVersion('LDTT'),
    achievement: 'Giải quyết 100% hồ sơ đúng hạn, không có phản ánh.',
    periodFrom: '2020-01-01',
    periodTo: '2020-12-31',
  });
  return { w, person, nomination };
}

const submit = (w: World, id: number, version: number) =>
  submitNomination(w.as('head'), id, { version });

describe('a nomination’s report of achievements', () => {
  it('is written while a draft, frozen on submission, and editable again when returned', async () => {
    const { w, nomination } = await setup();
    const first = await getNominationDossier(w.as('head'), nomination.id);
    expect(first).toMatchObject({ variant: 'individual', frozen: false, canEdit: true });
    expect(first.parts.map((p) => p.key)).toEqual([
      'duties',
      'achievements',
      'measures',
      'initiatives',
    ]);
    // Defaults from the data until the proposer writes.
    expect(first.parts.find((p) => p.key === 'achievements')).toMatchObject({
      text: nomination.achievement,
      version: 0,
    });

    const saved = await saveNominationParts(w.as('head'), nomination.id, {
      parts: [
        { key: 'achievements', text: 'Tiếp nhận 1.250 hồ sơ, trả đúng hạn 100%.', version: 0 },
        {
          key: 'measures',
          text: 'Áp dụng phiếu hẹn điện tử.\nNiêm yết thủ tục tại quầy.',
          version: 0,
        },
      ],
    });
    expect(saved.parts.find((p) => p.key === 'achievements')).toMatchObject({ version: 1 });
    // A stale version, an unknown part, someone other than the proposer.
    await expectAppError(
      saveNominationParts(w.as('head'), nomination.id, {
        parts: [{ key: 'achievements', text: 'x', version: 0 }],
      }),
      'CONFLICT',
    );
    await expectAppError(
      saveNominationParts(w.as('head'), nomination.id, {
        parts: [{ key: 'situation', text: 'x', version: 0 }],
      }),
      'VALIDATION_FAILED',
    );
    // Staff of the commune and another commune's officer do not see it at all.
    await expectAppError(
      saveNominationParts(w.as('staff'), nomination.id, {
        parts: [{ key: 'duties', text: 'x', version: 0 }],
      }),
      'NOT_FOUND',
    );
    await expectAppError(getNominationDossier(w.as('otherOfficer'), nomination.id), 'NOT_FOUND');

    const draftDocx = await docxText(
      (await nominationReportFile(w.as('head'), nomination.id, 'docx')).data,
    );
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'BÁO CÁO THÀNH TÍCH',
      'ĐỀ NGHỊ TẶNG LAO ĐỘNG TIÊN TIẾN',
      'I. SƠ LƯỢC LÝ LỊCH',
      '- Họ và tên: Lê Thị Mai; Giới tính: Nữ',
      '- Năm sinh: 1988',
      'Công chức một cửa',
      'II. THÀNH TÍCH ĐẠT ĐƯỢC',
      'Tiếp nhận 1.250 hồ sơ, trả đúng hạn 100%.',
      'Áp dụng phiếu hẹn điện tử.',
      'Niêm yết thủ tục tại quầy.',
      'III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG',
      'Lao động tiên tiến',
      'Quyết định số 15/QĐ-UBND',
      'NGƯỜI BÁO CÁO THÀNH TÍCH',
    ])
      expect(draftDocx).toContain(expected);

    const sent = await submit(w, nomination.id, nomination.version);
    const frozen = await getNominationDossier(w.as('head'), nomination.id);
    expect(frozen).toMatchObject({ frozen: true, canEdit: false });
    const refused = await saveNominationParts(w.as('head'), nomination.id, {
      parts: [{ key: 'achievements', text: 'Sửa sau khi gửi', version: 1 }],
    }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'INVALID_STATE' });
    expect((refused as Error).message).toContain('đã chốt khi gửi');

    // The frozen file is stored once and returned byte-identical.
    const a = await nominationReportFile(w.as('head'), nomination.id, 'pdf');
    const b = await nominationReportFile(w.as('officer'), nomination.id, 'pdf');
    expect(a.data.equals(b.data)).toBe(true);
    expect(await pdfText(a.data)).toContain('Tiếp nhận 1.250 hồ sơ, trả đúng hạn 100%.');
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM generated_document
      WHERE subject_kind = 'dossier_report' AND subject_id = ${nomination.id}`.execute(t.db);
    expect(rows[0]?.n).toBe(1);

    // Returned for revision: editable again.
    await returnNomination(w.as('officer'), nomination.id, {
      version: sent.version,
      reason: 'Bổ sung sáng kiến',
    });
    const again = await saveNominationParts(w.as('head'), nomination.id, {
      parts: [{ key: 'initiatives', text: 'Sáng kiến số hóa sổ theo dõi.', version: 0 }],
    });
    expect(again.frozen).toBe(false);
    expect(await dossierDocumentsPresent(t.db, [nomination.id])).toEqual(
      new Map([[nomination.id, ['report']]]),
    );
  });
});

describe('a thematic campaign’s report', () => {
  it('reports the achievements in the campaign, without the history section', async () => {
    const { w, nomination } = await setup('thematic');
    const dossier = await getNominationDossier(w.as('head'), nomination.id);
    expect(dossier.variant).toBe('thematic');
    expect(dossier.parts.map((p) => p.key)).toEqual(['duties', 'achievements', 'measures']);
    const text = await docxText(
      (await nominationReportFile(w.as('head'), nomination.id, 'docx')).data,
    );
    expect(text).toContain('THÀNH TÍCH ĐẠT ĐƯỢC TRONG PHONG TRÀO THI ĐUA');
    expect(text).toContain('THEO CHUYÊN ĐỀ');
    expect(text).not.toContain('CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG');
  });
});

describe('a unit’s tờ trình and list of nominees', () => {
  it('lists the nominations of the round, carries the parts, freezes on submission', async () => {
    const { w, nomination } = await setup();
    await expectAppError(
      openDossierRequest(w.as('staff'), w.plan.id, {
        round: 'annual',
        proposingUnitId: w.units.oneStop.id,
      }),
      'FORBIDDEN',
    );
    const opened = await openDossierRequest(w.as('head'), w.plan.id, {
      round: 'annual',
      proposingUnitId: w.units.oneStop.id,
    });
    const reopened = await openDossierRequest(w.as('head'), w.plan.id, {
      round: 'annual',
      proposingUnitId: w.units.oneStop.id,
    });
    expect(reopened.id).toBe(opened.id);
    expect(opened.nominations).toEqual([
      expect.objectContaining({ id: nomination.id, subjectName: 'Lê Thị Mai' }),
    ]);
    expect(opened.parts.find((p) => p.key === 'legalBases')?.text).toContain(
      'Nghị định số 152/2025/NĐ-CP',
    );

    const addressee = opened.parts.find((p) => p.key === 'addressee');
    await saveRequestParts(w.as('head'), opened.id, {
      parts: [
        { key: 'signerName', text: 'Nguyễn Văn Bình', version: 0 },
        { key: 'summary', text: 'Năm 2020 đơn vị hoàn thành xuất sắc nhiệm vụ.', version: 0 },
      ],
    });
    const request = await docxText(
      (await dossierRequestFile(w.as('head'), opened.id, 'request', 'docx')).data,
    );
    for (const expected of [
      'TỜ TRÌNH',
      `Kính gửi: ${addressee?.text ?? ''}.`,
      'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
      'Năm 2020 đơn vị hoàn thành xuất sắc nhiệm vụ.',
      'Đề nghị khen thưởng cho 01 cá nhân, cụ thể như sau:',
      'Lê Thị Mai',
      'Lao động tiên tiến',
      '(Có danh sách kèm theo)',
      'Nơi nhận:',
      'Nguyễn Văn Bình',
    ])
      expect(request).toContain(expected);
    const list = await pdfText(
      (await dossierRequestFile(w.as('head'), opened.id, 'list', 'pdf')).data,
    );
    for (const expected of [
      'DANH SÁCH',
      'Lê Thị Mai',
      'Giải quyết 100% hồ sơ đúng hạn',
      '01/01/2020',
    ])
      expect(list).toContain(expected);

    await submit(w, nomination.id, nomination.version);
    await expectAppError(
      saveRequestParts(w.as('head'), opened.id, {
        parts: [{ key: 'signerName', text: 'Người khác', version: 1 }],
      }),
      'INVALID_STATE',
    );
    expect(await getDossierRequest(w.as('officer'), opened.id)).toMatchObject({
      frozen: true,
      canEdit: false,
    });
    await expectAppError(getDossierRequest(w.as('otherOfficer'), opened.id), 'NOT_FOUND');
    expect((await dossierDocumentsPresent(t.db, [nomination.id])).get(nomination.id)).toEqual([
      'request',
      'list',
    ]);
  });
});

describe('dossier HTTP', () => {
  it('reads and saves parts and downloads the report, behind the login', async () => {
    const { w, nomination } = await setup();
    const url = `/api/nominations/${nomination.id}/dossier`;
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const cookie = await loginCookie(app, w.users.head.username, w.users.head.password);
    const got = await app.inject({ method: 'GET', url, headers: { cookie } });
    expect(got.statusCode).toBe(200);
    const put = await app.inject({
      method: 'PUT',
      url: `${url}/parts`,
      headers: { cookie },
      payload: { parts: [{ key: 'duties', text: 'Tiếp nhận, trả kết quả hồ sơ.', version: 0 }] },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json<{ parts: { key: string; version: number }[] }>().parts).toContainEqual(
      expect.objectContaining({ key: 'duties', version: 1 }),
    );
    const docx = await app.inject({
      method: 'GET',
      url: `${url}/report.docx`,
      headers: { cookie },
    });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(await docxText(docx.rawPayload)).toContain('Tiếp nhận, trả kết quả hồ sơ.');

    await submit(w, nomination.id, nomination.version);
    const refused = await app.inject({
      method: 'PUT',
      url: `${url}/parts`,
      headers: { cookie },
      payload: { parts: [{ key: 'duties', text: 'Sửa', version: 1 }] },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ error: string; message: string }>()).toMatchObject({
      error: 'INVALID_STATE',
      message: expect.stringContaining('đã chốt') as unknown,
    });
  });
});

describe('the dossier checklist counts generated documents (decision 041 hook)', () => {
  it('ticks the report and the tờ trình once generated, not before; a biên bản only by file', async () => {
    // Wired in app.ts; added here too so the test does not depend on buildTestApp's side effect.
    addDossierItemsSource(dossierItemsFromDocuments);
    const { w, nomination } = await setup();
    const items = [
      'Trình cấp xã: Tờ trình đề nghị khen thưởng',
      'Trình cấp xã: Báo cáo thành tích',
      'Trình cấp xã: Danh sách trích ngang',
      'Trình cấp xã: Biên bản họp xét',
    ];
    const dossier = [{ level: 'Hồ sơ đề nghị khen thưởng', items }];
    await sql`UPDATE campaign_plan SET content = content
      || jsonb_build_object('dossier', ${JSON.stringify(dossier)}::jsonb)
      WHERE id = ${w.plan.id}`.execute(t.db);
    const ticks = async () =>
      (await getNomination(w.as('head'), nomination.id)).dossier.items.map((i) => i.present);

    expect(await ticks()).toEqual([false, false, false, false]);
    await saveNominationParts(w.as('head'), nomination.id, {
      parts: [{ key: 'achievements', text: 'Trả đúng hạn 100% hồ sơ.', version: 0 }],
    });
    expect(await ticks()).toEqual([false, true, false, false]);
    await openDossierRequest(w.as('head'), w.plan.id, {
      round: 'annual',
      proposingUnitId: w.units.oneStop.id,
    });
    expect(await ticks()).toEqual([true, true, true, false]);

    // The receiving level's accept sees the same checklist: only the biên bản is missing.
    const sent = await submit(w, nomination.id, nomination.version);
    const err = await expectAppError(
      acceptNomination(w.as('officer'), sent.id, { version: sent.version }),
      'VALIDATION_FAILED',
    );
    expect(err.details).toEqual({ missing: ['Trình cấp xã: Biên bản họp xét'] });
  });
});
