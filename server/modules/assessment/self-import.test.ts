import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CriteriaTree } from '../../../shared/criteria';
import type { RowError } from '../../platform/errors';
import { createTestDb, type TestDb } from '../../test/db';
import { entityHistory } from '../audit/index';
import { DEADLINE, T, expectAppError, files, tree, world, type World } from '../../test/evaluation';
import { getSheet, openSheet, returnSheet, saveSelfEntry, submitSheet } from './assessment.service';
import { createCriteriaSet, publishCriteriaVersion } from '../criteria/index';
import { bindPlanCriteria } from './plan-criteria.service';
import { RESULTS_LOCKED_MESSAGE } from './plan-lock';
import { computeResults, publishResults } from '../results/index';
import { importSelfAssessment, selfTemplate } from './self-import.service';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

/** The fixture's tree plus field 4 with a deduction leaf, so every method is in the workbook. */
const fullTree: CriteriaTree = {
  maxTotal: 25,
  fields: [
    ...tree.fields,
    {
      id: 'f4',
      code: '4',
      title: 'Kỷ luật, kỷ cương hành chính',
      maxPoints: 5,
      evidenceRequired: false,
      children: [
        {
          id: 'l41',
          code: '4.1',
          title: 'Hồ sơ trễ hạn do lỗi của cán bộ',
          maxPoints: 5,
          scoring: { method: 'deduction', perIncident: 0.5 },
          evidenceRequired: false,
          children: [],
        },
      ],
    },
  ],
};

/** The fixture world with `fullTree` bound before the sheet opens; returns the open sheet too. */
async function setup(): Promise<World & { sheetId: number }> {
  const w = await world(t);
  const officer = w.as('officer', T.issued);
  const set = await createCriteriaSet(officer, {
    ownerUnitId: w.units.province.id,
    name: 'Bộ chỉ số có trừ điểm',
    tree: fullTree,
  });
  await publishCriteriaVersion(officer, set.id, { version: set.version });
  await bindPlanCriteria(officer, w.plan.id, {
    version: w.plan.version,
    criteriaVersionId: set.id,
    bands: null,
    assessmentDeadline: DEADLINE,
  });
  const sheet = await openSheet(w.as('head'), w.reg.id);
  return { ...w, sheetId: sheet.id };
}

type Fill = Record<string, [figure: string | number | null, note?: string]>;

/** Writes figures (and notes) into a workbook's rows found by code, as a user would in Excel. */
async function fill(data: Buffer, values: Fill, extra: (string | number)[][] = []) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('Tự chấm điểm');
  if (ws === undefined) throw new Error('no sheet "Tự chấm điểm"');
  ws.eachRow((row) => {
    const v = values[row.getCell(1).text];
    if (v === undefined) return;
    row.getCell(5).value = v[0];
    if (v[1] !== undefined) row.getCell(6).value = v[1];
  });
  for (const r of extra) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const upload = (data: Buffer, fileName = 'tu-cham.xlsx') => ({ fileName, data });

describe('the fill-in workbook', () => {
  it('lists parents and self-scored leaves in tree order, one typed input cell per leaf', async () => {
    const w = await setup();
    await saveSelfEntry(w.as('head'), w.sheetId, 'l12', { input: { percent: 91.5 }, note: 'Sổ' });
    const file = await selfTemplate(w.as('staff'), w.sheetId);
    expect(file.fileName).toBe('Tự chấm điểm - Bộ phận một cửa.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.data as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('Tự chấm điểm');
    if (ws === undefined) throw new Error('no sheet');
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1, 7)));
    expect(rows).toEqual([
      ['Mã tiêu chí (*)', 'Tiêu chí', 'Điểm tối đa', 'Cách chấm', 'Số liệu', 'Giải trình'],
      ['1', 'Công tác chỉ đạo, điều hành', 10],
      ['1.1', 'Ban hành kế hoạch CCHC năm', 4, 'Đạt/Không đạt'],
      [
        '1.2',
        'Tỷ lệ hồ sơ giải quyết đúng hạn',
        6,
        'Tỷ lệ % (mức: ≥ 98% = 6; ≥ 90% = 4; ≥ 80% = 2)',
        91.5,
        'Sổ',
      ],
      ['2', 'Mức độ hài lòng', 10],
      ['2.1', 'Tuyên truyền CCHC', 5, 'Điểm từ 0 đến 5'],
      ['3', 'Điểm thưởng sáng kiến', 2, 'Điểm thưởng/trừ từ −2 đến +2'],
      ['4', 'Kỷ luật, kỷ cương hành chính', 5],
      ['4.1', 'Hồ sơ trễ hạn do lỗi của cán bộ', 5, 'Số lần vi phạm (trừ 0,5 điểm/lần)'],
    ]);
    expect(ws.getCell('E3').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"Đạt,Không đạt"'],
    });
    expect(ws.getCell('E4').dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 100] });
    expect(ws.getCell('E7').dataValidation).toMatchObject({ formulae: [-2, 2] });
    expect(ws.getCell('E9').dataValidation).toMatchObject({ type: 'whole', formulae: [0] });
    expect(ws.getCell('A3').protection?.locked).not.toBe(false);
    expect(ws.getCell('E3').protection).toMatchObject({ locked: false });
    expect(ws.getCell('E2').protection?.locked).not.toBe(false);
    expect(wb.getWorksheet('thidua-meta')?.state).toBe('veryHidden');
    await expectAppError(selfTemplate(w.as('otherOfficer'), w.sheetId), 'NOT_FOUND');
  });
});

describe('importing the workbook', () => {
  it('round trip: figures scored by each method, totals rolled up, one audit event', async () => {
    const w = await setup();
    const head = w.as('head');
    await saveSelfEntry(head, w.sheetId, 'l21', { input: { points: 1 }, note: 'Giữ giải trình' });
    const template = await selfTemplate(head, w.sheetId);
    const data = await fill(template.data, {
      '1.1': ['Đạt', 'Kế hoạch 05/KH-UBND'],
      '1.2': ['95,5'],
      '2.1': [3.5, ''], // a blank cell never clears: the saved note stays
      '3': ['+1,5'],
      '4.1': [3],
    });
    const result = await importSelfAssessment(head, w.sheetId, upload(data));
    expect(result).toMatchObject({ imported: 5, unchanged: 0, changedSinceTemplate: [] });
    expect(result.sheet.self).toMatchObject({
      fieldTotals: [8, 3.5, 3.5],
      base: 15,
      adjustments: 1.5,
      total: 16.5,
      percent: 66,
      missing: [],
    });
    const view = await getSheet(head, w.sheetId);
    expect(view.self.total).toBe(16.5);
    const entry = (id: string) => view.entries.find((e) => e.nodeId === id && e.stage === 'self');
    expect(entry('l11')).toMatchObject({ input: { met: true }, points: 4, version: 1 });
    expect(entry('l11')?.note).toBe('Kế hoạch 05/KH-UBND');
    expect(entry('l12')).toMatchObject({ input: { percent: 95.5 }, points: 4 });
    expect(entry('l21')).toMatchObject({ points: 3.5, note: 'Giữ giải trình', version: 2 });
    expect(entry('l41')).toMatchObject({ input: { incidents: 3 }, points: 3.5 });

    // The same file again changes nothing; a fresh template round-trips unchanged.
    const again = await importSelfAssessment(head, w.sheetId, upload(data));
    expect(again).toMatchObject({ imported: 0, unchanged: 5 });
    const fresh = await selfTemplate(head, w.sheetId);
    expect(await importSelfAssessment(head, w.sheetId, upload(fresh.data))).toMatchObject({
      imported: 0,
      unchanged: 5,
    });
    const history = await entityHistory(w.sys, 'score_sheet', w.sheetId, {});
    const imports = history.items.filter((e) => e.action === 'score_sheet.self_imported');
    expect(imports).toHaveLength(1);
    expect(imports[0]?.after).toMatchObject({
      fileName: 'tu-cham.xlsx',
      codes: ['1.1', '1.2', '2.1', '3', '4.1'],
      '2.1': { nodeId: 'l21', input: { points: 3.5 }, points: 3.5 },
    });
    expect(imports[0]?.before).toMatchObject({ '2.1': { points: 1 } });
    expect(history.items.filter((e) => e.action === 'score_sheet.self_scored')).toHaveLength(1);
  });

  it('reads Excel percentages, leaves blank rows alone and reports leaves scored since', async () => {
    const w = await setup();
    const template = await selfTemplate(w.as('head', '2020-07-15T02:00:00Z'), w.sheetId);
    await saveSelfEntry(w.as('officer', '2020-07-16T02:00:00Z'), w.sheetId, 'l12', {
      input: { percent: 50 },
    });
    await saveSelfEntry(w.as('officer', '2020-07-16T02:00:00Z'), w.sheetId, 'l21', {
      input: { points: 2 },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.data as unknown as ExcelJS.Buffer);
    const cell = wb.getWorksheet('Tự chấm điểm')?.getCell('E4');
    if (cell === undefined) throw new Error('no cell');
    cell.value = 0.985; // typed "98,5%" in Excel
    cell.numFmt = '0.0%';
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const result = await importSelfAssessment(
      w.as('head', '2020-07-17T02:00:00Z'),
      w.sheetId,
      upload(data),
    );
    // The file wins over the officer's 50 %; 2.1 was blank in the file, so it keeps 2 points.
    expect(result).toMatchObject({ imported: 1, unchanged: 4, changedSinceTemplate: ['1.2'] });
    const l12 = result.sheet.entries.find((e) => e.nodeId === 'l12');
    expect(l12).toMatchObject({ input: { percent: 98.5 }, points: 6, version: 2 });
    expect(result.sheet.entries.find((e) => e.nodeId === 'l21')).toMatchObject({ points: 2 });
  });

  it('lists every row error by row and column for each method, and writes nothing', async () => {
    const w = await setup();
    await saveSelfEntry(w.as('head'), w.sheetId, 'l11', { input: { met: false } });
    const template = await selfTemplate(w.as('head'), w.sheetId);
    const data = await fill(template.data, {
      '1.1': ['Có lẽ'],
      '1.2': [120],
      '2.1': [6],
      '3': ['-3'],
      '4.1': [2.5],
    });
    const e = await expectAppError(
      importSelfAssessment(w.as('head'), w.sheetId, upload(data)),
      'VALIDATION_FAILED',
    );
    expect(e.details?.rows).toEqual<RowError[]>([
      { row: 3, column: 'Số liệu', message: '"Có lẽ" không hợp lệ; chọn "Đạt" hoặc "Không đạt"' },
      { row: 4, column: 'Số liệu', message: 'tỷ lệ phải trong khoảng 0 – 100 % (đã nhập 120)' },
      { row: 6, column: 'Số liệu', message: 'điểm phải trong khoảng 0 – 5 (đã nhập 6)' },
      {
        row: 7,
        column: 'Số liệu',
        message: 'điểm thưởng / điểm trừ phải trong khoảng −2 – +2 (đã nhập -3)',
      },
      {
        row: 9,
        column: 'Số liệu',
        message: 'số lần vi phạm phải là số nguyên không âm (đã nhập 2,5)',
      },
    ]);
    expect(e.message).toBe(
      'Tệp có 5 lỗi; không có dữ liệu nào được ghi, hãy sửa rồi nhập lại. Dòng 3, cột Số liệu: "Có lẽ" không hợp lệ; chọn "Đạt" hoặc "Không đạt".',
    );
    const view = await getSheet(w.as('head'), w.sheetId);
    expect(view.entries.filter((x) => x.stage === 'self')).toMatchObject([
      { nodeId: 'l11', points: 0, version: 1 },
    ]);
  });

  it('refuses unknown, duplicate and parent codes, survey leaves and non-numbers', async () => {
    const w = await setup();
    const template = await selfTemplate(w.as('head'), w.sheetId);
    const long = 'a'.repeat(4001);
    const data = await fill(
      template.data,
      { '1': ['Đạt'], '1.2': ['nhiều'], '2.1': [null, long], '4.1': [1] },
      [
        ['9.9', 'Không có', 1, '', 2],
        ['4.1', 'Lặp lại', 5, '', 0],
        ['2.2', 'Khảo sát', 5, '', 80],
        ['', '', '', '', 3],
        ['1.2.', 'Mã có dấu chấm cuối', 6, '', 99],
      ],
    );
    const e = await expectAppError(
      importSelfAssessment(w.as('head'), w.sheetId, upload(data)),
      'VALIDATION_FAILED',
    );
    expect(e.details?.rows).toEqual<RowError[]>([
      {
        row: 2,
        column: 'Số liệu',
        message: 'mục có tiêu chí con: điểm cộng từ các mục con, để trống',
      },
      { row: 4, column: 'Số liệu', message: '"nhiều" không phải là số' },
      { row: 6, column: 'Giải trình', message: 'dài quá 4000 ký tự' },
      {
        row: 10,
        column: 'Mã tiêu chí',
        message: 'không có tiêu chí mã "9.9" trong bộ tiêu chí của phiếu',
      },
      { row: 11, column: 'Mã tiêu chí', message: 'mã "4.1" trùng với dòng 9' },
      {
        row: 12,
        column: 'Số liệu',
        message: 'chấm theo kết quả khảo sát, đơn vị không tự chấm; để trống',
      },
      { row: 13, column: 'Mã tiêu chí', message: 'không được để trống' },
      { row: 14, column: 'Mã tiêu chí', message: 'mã "1.2" trùng với dòng 4' },
    ]);
    expect((await getSheet(w.as('head'), w.sheetId)).entries).toEqual([]);
  });

  it('refuses the wrong file: not an .xlsx, another sheet, missing column', async () => {
    const w = await setup();
    const head = w.as('head');
    const pdf = await expectAppError(
      importSelfAssessment(head, w.sheetId, upload(files.pdf, 'bao-cao.xlsx')),
      'VALIDATION_FAILED',
      'file',
    );
    expect(pdf.message).toBe('Tệp Excel: nội dung không phải bảng tính .xlsx hợp lệ');
    await expectAppError(
      importSelfAssessment(head, w.sheetId, upload(files.pdf, 'bao-cao.pdf')),
      'VALIDATION_FAILED',
      'file',
    );
    await expectAppError(importSelfAssessment(head, w.sheetId, {}), 'VALIDATION_FAILED', 'file');
    const other = await setup();
    const theirs = await selfTemplate(other.as('head'), other.sheetId);
    const wrong = await expectAppError(
      importSelfAssessment(head, w.sheetId, upload(theirs.data)),
      'VALIDATION_FAILED',
      'file',
    );
    expect(wrong.message).toContain('phiếu chấm điểm khác');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Số liệu').addRow(['Mã tiêu chí', 'Giải trình']);
    const noFigure = await expectAppError(
      importSelfAssessment(head, w.sheetId, upload(Buffer.from(await wb.xlsx.writeBuffer()))),
      'VALIDATION_FAILED',
    );
    expect(noFigure.details?.rows).toEqual([{ row: 1, column: 'Số liệu', message: 'thiếu cột' }]);
  });
});

describe('who and when', () => {
  it("the unit's side only, while editable; another province sees nothing", async () => {
    const w = await setup();
    const data = await fill((await selfTemplate(w.as('head'), w.sheetId)).data, {
      '1.1': ['Đạt', 'KH 05'],
      '1.2': [99],
      '2.1': [4, 'Tin bài'],
    });
    const stranger = await world(t);
    await expectAppError(
      importSelfAssessment(stranger.as('officer'), w.sheetId, upload(data)),
      'NOT_FOUND',
    );
    await expectAppError(importSelfAssessment(w.as('staff'), w.sheetId, upload(data)), 'FORBIDDEN');
    await expectAppError(
      importSelfAssessment(w.as('council'), w.sheetId, upload(data)),
      'FORBIDDEN',
    );
    expect((await getSheet(w.as('head'), w.sheetId)).entries).toEqual([]);

    // The deadline binds submission, not saving figures: after it, an import is accepted exactly
    // like saving one leaf, and the first submission is still refused.
    const late = w.as('head', T.justLate);
    await saveSelfEntry(late, w.sheetId, 'l41', { input: { incidents: 0 } });
    const afterDeadline = await importSelfAssessment(late, w.sheetId, upload(data));
    expect(afterDeadline.imported).toBe(3);
    await expectAppError(
      submitSheet(late, w.sheetId, { version: afterDeadline.sheet.version }),
      'DEADLINE_PASSED',
    );

    const sent = await submitSheet(w.as('head', T.lastMinute), w.sheetId, {
      version: afterDeadline.sheet.version,
    });
    const refused = await expectAppError(
      importSelfAssessment(w.as('head'), w.sheetId, upload(data)),
      'INVALID_STATE',
    );
    expect(refused.message).toContain('Phiếu đã nộp');
    // Returned: editable again, even after the deadline.
    await returnSheet(w.as('officer'), w.sheetId, { version: sent.version, reason: 'Bổ sung' });
    const changed = await fill(data, { '1.2': [85] });
    expect((await importSelfAssessment(late, w.sheetId, upload(changed))).imported).toBe(1);
  });

  it('is refused while the plan results are published', async () => {
    const w = await setup();
    const data = await fill((await selfTemplate(w.as('head'), w.sheetId)).data, { '1.2': [99] });
    await computeResults(w.as('officer'), w.plan.id);
    await publishResults(w.as('issuerHead'), w.plan.id);
    const e = await expectAppError(
      importSelfAssessment(w.as('head'), w.sheetId, upload(data)),
      'INVALID_STATE',
    );
    expect(e.message).toBe(RESULTS_LOCKED_MESSAGE);
    expect((await getSheet(w.as('head'), w.sheetId)).entries).toEqual([]);
  });
});
