import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { docxBomb } from '../../test/zip-bombs';
import { createTestDb, type TestDb } from '../../test/db';
import { getSheet, openSheet, saveSelfEntry, submitSheet } from './assessment.service';
import { downloadEvidence, removeEvidence, uploadEvidence } from './evidence.service';
import { MAX_EVIDENCE_BYTES, checkEvidence } from './evidence.rules';
import { expectAppError, files, world, type World } from '../../test/evaluation';
import {
  answerExplanation,
  requestExplanation,
  saveAppraisalEntry,
  submitExplanation,
} from '../appraisal/index';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

describe('evidence content checks', () => {
  it('accepts PDF, PNG, JPEG, docx and xlsx by their bytes', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Số liệu').addRow(['Hồ sơ', 120]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]);
    const cases: [string, Buffer, string][] = [
      ['ke-hoach.pdf', files.pdf, 'application/pdf'],
      ['anh.PNG', files.png, 'image/png'],
      ['anh.jpg', jpeg, 'image/jpeg'],
      ['bao-cao.docx', await files.docx(), 'wordprocessingml'],
      ['so-lieu.xlsx', xlsx, 'spreadsheetml'],
    ];
    for (const [name, data, type] of cases) {
      const r = await checkEvidence(name, data);
      expect(r.ok ? r.contentType : r.message).toContain(type);
    }
  });

  it('refuses by content whatever the name says, and files over the limit', async () => {
    const text = await checkEvidence('bao-cao.pdf', files.text);
    expect(text.ok ? '' : text.message).toContain('nội dung tệp không khớp');
    const zip = new JSZip();
    zip.file('readme.txt', 'không phải Office');
    const plainZip = await zip.generateAsync({ type: 'nodebuffer' });
    expect((await checkEvidence('tai-lieu.docx', plainZip)).ok).toBe(false);
    // A zip bomb is no accepted kind: the zip guard refuses it without inflating (decision 031).
    expect((await checkEvidence('bao-cao.docx', docxBomb())).ok).toBe(false);
    const renamed = await checkEvidence('anh.pdf', files.png);
    expect(renamed.ok ? '' : renamed.message).toContain('phần mở rộng');
    const big = Buffer.concat([files.pdf, Buffer.alloc(MAX_EVIDENCE_BYTES)]);
    const tooBig = await checkEvidence('lon.pdf', big);
    expect(tooBig.ok ? '' : tooBig.message).toContain('vượt mức tối đa 10 MB');
    expect((await checkEvidence('rong.pdf', Buffer.alloc(0))).ok).toBe(false);
  });
});

describe('evidence on a sheet', () => {
  it('stores, lists, downloads and removes files; refuses bad ones and locked sheets', async () => {
    const w = await world(t);
    const { id } = await openSheet(w.as('head'), w.reg.id);
    const ctx = w.as('head');
    const pdf = await uploadEvidence(ctx, id, {
      nodeId: 'l11',
      fileName: 'Kế hoạch CCHC.pdf',
      data: files.pdf,
    });
    expect(pdf).toMatchObject({ nodeId: 'l11', contentType: 'application/pdf' });
    const docx = await uploadEvidence(ctx, id, {
      nodeId: 'l21',
      fileName: 'tin-bai.docx',
      data: await files.docx(),
    });
    const bad = await expectAppError(
      uploadEvidence(ctx, id, { nodeId: 'l11', fileName: 'gia.pdf', data: files.text }),
      'VALIDATION_FAILED',
    );
    expect(bad.details?.fields?.[0]?.field).toBe('file');
    await expectAppError(
      uploadEvidence(ctx, id, { nodeId: 'l22', fileName: 'a.pdf', data: files.pdf }),
      'VALIDATION_FAILED',
    );
    await expectAppError(
      uploadEvidence(ctx, id, { nodeId: 'l11', fileName: 'a.pdf', data: files.pdf }, 20),
      'VALIDATION_FAILED',
    );
    await expectAppError(
      uploadEvidence(w.as('staff'), id, { nodeId: 'l11', fileName: 'a.pdf', data: files.pdf }),
      'FORBIDDEN',
    );
    await expectAppError(
      uploadEvidence(w.as('otherOfficer'), id, {
        nodeId: 'l11',
        fileName: 'a.pdf',
        data: files.pdf,
      }),
      'NOT_FOUND',
    );

    const sheet = await getSheet(w.as('council'), id);
    expect(sheet.evidence.map((e) => [e.nodeId, e.fileName])).toEqual([
      ['l11', 'Kế hoạch CCHC.pdf'],
      ['l21', 'tin-bai.docx'],
    ]);
    const down = await downloadEvidence(w.as('council'), id, pdf.id);
    expect(down.data.equals(files.pdf)).toBe(true);
    expect(down).toMatchObject({ fileName: 'Kế hoạch CCHC.pdf', contentType: 'application/pdf' });
    await expectAppError(downloadEvidence(w.as('otherOfficer'), id, pdf.id), 'NOT_FOUND');
    await expectAppError(downloadEvidence(w.as('head'), id, 999_999), 'NOT_FOUND');

    // Evidence stands in for the explanation at submission; removing it brings the need back.
    await saveSelfEntry(ctx, id, 'l11', { input: { met: true } });
    await saveSelfEntry(ctx, id, 'l12', { input: { percent: 98 } });
    await saveSelfEntry(ctx, id, 'l21', { input: { points: 5 } });
    await removeEvidence(ctx, id, docx.id);
    const e = await expectAppError(submitSheet(ctx, id, { version: 1 }), 'VALIDATION_FAILED');
    expect(e.details?.fields?.map((f) => f.label)).toEqual(['Mục 2.1']);
    await saveSelfEntry(ctx, id, 'l21', {
      input: { points: 5 },
      note: 'Tin bài đăng trên cổng thông tin xã, không lưu bản giấy',
      version: 1,
    });
    const submitted = await submitSheet(ctx, id, { version: 1 });
    expect(submitted.self.total).toBe(15);
    await expectAppError(
      uploadEvidence(ctx, id, { nodeId: 'l11', fileName: 'b.pdf', data: files.pdf }),
      'INVALID_STATE',
    );
    await expectAppError(removeEvidence(ctx, id, pdf.id), 'INVALID_STATE');
  });
});

/** A sheet with a file on 1.1, submitted, appraised in round 1 and asked about `nodeIds`. */
async function explaining(w: World, nodeIds: string[]) {
  const ctx = w.as('head');
  const { id } = await openSheet(ctx, w.reg.id);
  await saveSelfEntry(ctx, id, 'l11', { input: { met: true } });
  await saveSelfEntry(ctx, id, 'l12', { input: { percent: 95 } });
  await saveSelfEntry(ctx, id, 'l21', { input: { points: 4 }, note: 'Tin bài trên cổng' });
  const before = await uploadEvidence(ctx, id, {
    nodeId: 'l11',
    fileName: 'ke-hoach.pdf',
    data: files.pdf,
  });
  await submitSheet(ctx, id, { version: 1 });
  const council = w.as('council', '2020-08-01T02:00:00Z');
  await saveAppraisalEntry(council, id, 'l11', { round: 1, input: { met: true } });
  await saveAppraisalEntry(council, id, 'l12', { round: 1, input: { percent: 85 }, note: '85 %' });
  await saveAppraisalEntry(council, id, 'l21', { round: 1, input: { points: 4 } });
  const asked = await requestExplanation(council, id, { version: 2, reason: 'Làm rõ', nodeIds });
  return { id, before, version: asked.version };
}

describe('evidence during an explanation round', () => {
  it('takes files on the leaves asked about and removes only those of the round', async () => {
    const w = await world(t);
    const { id, before, version } = await explaining(w, ['l12']);
    const unit = w.as('head', '2020-08-02T02:00:00Z');
    const view = await getSheet(unit, id);
    expect(view.permissions).toMatchObject({
      canEdit: false,
      canAddEvidence: true,
      evidenceNodeIds: ['l12'],
    });
    expect(view.evidence.map((e) => e.canDelete)).toEqual([false]);
    expect((await getSheet(w.as('council'), id)).permissions.canAddEvidence).toBe(false);

    const other = await expectAppError(
      uploadEvidence(unit, id, { nodeId: 'l21', fileName: 'tin.pdf', data: files.pdf }),
      'VALIDATION_FAILED',
      'nodeId',
    );
    expect(other.message).toContain('không nằm trong các mục được đề nghị giải trình');
    await expectAppError(
      uploadEvidence(w.as('staff'), id, { nodeId: 'l12', fileName: 'a.pdf', data: files.pdf }),
      'FORBIDDEN',
    );
    const first = await uploadEvidence(unit, id, {
      nodeId: 'l12',
      fileName: 'so-lieu-mot-cua.pdf',
      data: files.pdf,
    });
    const second = await uploadEvidence(unit, id, {
      nodeId: 'l12',
      fileName: 'anh-chup.png',
      data: files.png,
    });
    // Earlier evidence stays; a file of this round may be taken back.
    await expectAppError(removeEvidence(unit, id, before.id), 'INVALID_STATE');
    expect(await removeEvidence(unit, id, second.id)).toEqual({ id: second.id, removed: true });
    const after = await getSheet(unit, id);
    expect(after.evidence.map((e) => [e.id, e.canDelete])).toEqual([
      [before.id, false],
      [first.id, true],
    ]);
    const audit = await t.db
      .selectFrom('auditEvent')
      .select(['action', 'after'])
      .where('entityType', '=', 'score_sheet')
      .where('entityId', '=', String(id))
      .where('action', 'like', 'score_sheet.evidence_%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'score_sheet.evidence_added',
      'score_sheet.evidence_added',
      'score_sheet.evidence_added',
      'score_sheet.evidence_removed',
    ]);
    expect(audit[1]?.after).toMatchObject({ nodeId: 'l12', explanationRound: true });

    // Once the explanation is sent, the files are locked again.
    await answerExplanation(unit, id, 'l12', { note: 'Số liệu từ hệ thống một cửa' });
    await submitExplanation(unit, id, { version });
    await expectAppError(
      uploadEvidence(unit, id, { nodeId: 'l12', fileName: 'b.pdf', data: files.pdf }),
      'INVALID_STATE',
    );
    await expectAppError(removeEvidence(unit, id, first.id), 'INVALID_STATE');
    expect((await getSheet(unit, id)).permissions.canAddEvidence).toBe(false);
  });

  it('takes files on any leaf when the whole sheet is asked about', async () => {
    const w = await world(t);
    const { id } = await explaining(w, []);
    const unit = w.as('head', '2020-08-02T02:00:00Z');
    expect((await getSheet(unit, id)).permissions).toMatchObject({
      canAddEvidence: true,
      evidenceNodeIds: null,
    });
    const added = await uploadEvidence(unit, id, {
      nodeId: 'l21',
      fileName: 'tin-bai.pdf',
      data: files.pdf,
    });
    expect(added.nodeId).toBe('l21');
    await expectAppError(
      uploadEvidence(unit, id, { nodeId: 'l22', fileName: 'a.pdf', data: files.pdf }),
      'VALIDATION_FAILED',
    );
  });
});
