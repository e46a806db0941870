import ExcelJS from 'exceljs';
import type { TestDb } from '../../test/db';
import { openSheet, saveSelfEntry, submitSheet, uploadEvidence } from '../assessment/index';
import { files, world, type World } from '../../test/evaluation';
import {
  answerExplanation,
  completeAppraisal,
  requestExplanation,
  saveAppraisalEntry,
  submitExplanation,
} from './appraisal.service';
import { importSurveyScores } from './survey.service';

/**
 * Score sheets at each stage for the export tests, on the assessment world (assessment.fixtures):
 * self 1.1 = Đạt (4, with a PDF), 1.2 = 95 % (4), 2.1 = 4,5; survey 2.2 = 80/100 (4 points).
 */

/** A sheet with the unit's own scores and one evidence file, submitted unless `draft`. */
export async function selfSheet(t: TestDb, draft = false) {
  const w = await world(t);
  const ctx = w.as('head');
  const sheet = await openSheet(ctx, w.reg.id);
  await saveSelfEntry(ctx, sheet.id, 'l11', { input: { met: true }, note: 'Đã ban hành KH 12' });
  await uploadEvidence(ctx, sheet.id, {
    nodeId: 'l11',
    fileName: 'ke-hoach-12.pdf',
    data: files.pdf,
  });
  await saveSelfEntry(ctx, sheet.id, 'l12', { input: { percent: 95 } });
  await saveSelfEntry(ctx, sheet.id, 'l21', { input: { points: 4.5 }, note: 'Có 12 tin bài' });
  if (draft) return { w, id: sheet.id };
  const sent = await submitSheet(ctx, sheet.id, { version: sheet.version });
  return { w, id: sent.id, version: sent.version };
}

async function surveyFile(unitId: number) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Điểm khảo sát');
  ws.addRow(['Mã đơn vị', 'Mã tiêu chí', 'Điểm khảo sát']);
  ws.addRow([unitId, '2.2', 80]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Self → survey → round 1 (1.2 found at 85 %) → explanation of 1.2 → round 2 (95 % again) →
 * closed. Totals: self 12,5; round 1 14,5; round 2 and final 16,5 (82,5 %).
 */
export async function appraisedSheet(t: TestDb): Promise<{ w: World; id: number }> {
  const { w, id, version } = await selfSheet(t);
  await importSurveyScores(w.as('officer'), w.plan.id, {
    fileName: 'sipas.xlsx',
    data: await surveyFile(w.units.oneStop.id),
  });
  const c = w.as('council');
  await saveAppraisalEntry(c, id, 'l11', { round: 1, input: { met: true } });
  await saveAppraisalEntry(c, id, 'l12', {
    round: 1,
    input: { percent: 85 },
    note: 'Hệ thống ghi nhận 85 %',
  });
  await saveAppraisalEntry(c, id, 'l21', { round: 1, input: { points: 4.5 } });
  const asked = await requestExplanation(c, id, {
    version: version ?? 0,
    reason: 'Đề nghị giải trình tỷ lệ hồ sơ đúng hạn',
  });
  await answerExplanation(w.as('head'), id, 'l12', { note: 'Hệ thống tính cả hồ sơ rút' });
  const explained = await submitExplanation(w.as('head'), id, { version: asked.version });
  await saveAppraisalEntry(c, id, 'l12', {
    round: 2,
    input: { percent: 95 },
    note: 'Chấp nhận giải trình',
  });
  await completeAppraisal(c, id, { version: explained.version });
  return { w, id };
}
