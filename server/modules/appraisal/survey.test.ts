import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { entityHistory } from '../audit/index';
import { openSheet } from '../assessment/index';
import { expectAppError, world } from '../../test/evaluation';
import { sideBySide } from './appraisal.compare';
import { importSurveyScores, surveyTemplate } from './survey.service';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

type Cell = string | number | null;
async function xlsx(headers: string[], rows: Cell[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Điểm khảo sát');
  ws.addRow(headers);
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const HEADERS = ['Mã đơn vị', 'Đơn vị', 'Mã tiêu chí', 'Điểm khảo sát (*)'];

async function setup() {
  const w = await world(t);
  const sheet = await openSheet(w.as('head'), w.reg.id);
  return { w, sheet };
}

async function surveyEntries(sheetId: number) {
  return t.db
    .selectFrom('scoreEntry')
    .selectAll()
    .where('sheetId', '=', sheetId)
    .where('stage', '=', 'survey')
    .execute();
}

describe('importing survey scores', () => {
  it('scales the raw score by surveyMax, by unit id or name; a re-import replaces it', async () => {
    const { w, sheet } = await setup();
    const byName = await xlsx(HEADERS, [[null, sheet.unitName.toUpperCase(), '2.2', 80]]);
    const res = await importSurveyScores(w.as('officer'), w.plan.id, {
      fileName: 'sipas.xlsx',
      data: byName,
    });
    expect(res).toMatchObject({ imported: 1, skipped: 0, sheets: 1 });
    let view = await sideBySide(w.as('officer'), sheet.id);
    expect(view.leaves.find((l) => l.nodeId === 'l22')?.survey).toMatchObject({
      points: 4,
      input: { surveyScore: 80 },
      version: 1,
    });
    expect(view.totals.final.totals.f2).toBe(4);
    const byId = await xlsx(HEADERS, [
      [sheet.unitId, '', '2.2', '90,5'],
      [sheet.unitId, '', '2.2', null],
    ]);
    const again = await importSurveyScores(w.as('officer'), w.plan.id, {
      fileName: 'sipas-2.xlsx',
      data: byId,
    });
    expect(again).toMatchObject({ imported: 1, skipped: 1 });
    view = await sideBySide(w.as('head'), sheet.id);
    expect(view.leaves.find((l) => l.nodeId === 'l22')?.survey).toMatchObject({
      points: 4.53,
      version: 2,
    });
    const history = await entityHistory(w.sys, 'score_sheet', sheet.id, {});
    expect(history.items.filter((e) => e.action === 'score_sheet.survey_imported')).toHaveLength(2);
  });

  it('reports every row error in Vietnamese and writes nothing', async () => {
    const { w, sheet } = await setup();
    const data = await xlsx(HEADERS, [
      [sheet.unitId, '', '2.2', 70], // valid, but must not be written
      [999999, '', '2.2', 50],
      [null, 'Xã Không Tồn Tại', '2.2', 50],
      [null, null, '2.2', 50],
      [sheet.unitId, '', '1.1', 50],
      [sheet.unitId, '', '9.9', 50],
      [sheet.unitId, '', '', 50],
      [sheet.unitId, '', '2.2', 'abc'],
      [sheet.unitId, '', '2.2', 120],
    ]);
    const e = await expectAppError(
      importSurveyScores(w.as('officer'), w.plan.id, { fileName: 'x.xlsx', data }),
      'VALIDATION_FAILED',
    );
    const rows = e.details?.rows ?? [];
    const at = (row: number) => rows.filter((r) => r.row === row).map((r) => r.message);
    expect(at(2)).toEqual([]);
    expect(at(3)[0]).toMatch(/không có phiếu chấm trong kế hoạch/);
    expect(at(4)[0]).toMatch(/"Xã Không Tồn Tại" không có phiếu chấm/);
    expect(at(5)[0]).toMatch(/cần ghi Mã đơn vị hoặc tên Đơn vị/);
    expect(at(6)[0]).toMatch(/không chấm theo khảo sát/);
    expect(at(7)[0]).toMatch(/không có tiêu chí cuối mã 9.9/);
    expect(at(8)[0]).toMatch(/không được để trống/);
    expect(at(9)).toContain('"abc" không phải là số');
    // Row 10 duplicates row 2's unit and criterion.
    expect(at(10)[0]).toMatch(/trùng đơn vị và tiêu chí với dòng 2/);
    expect(e.message).toMatch(/chưa ghi điểm khảo sát nào/);
    expect(await surveyEntries(sheet.id)).toEqual([]);

    const outOfRange = await xlsx(HEADERS, [[sheet.unitId, '', '2.2', 120]]);
    const e2 = await expectAppError(
      importSurveyScores(w.as('officer'), w.plan.id, { fileName: 'x.xlsx', data: outOfRange }),
      'VALIDATION_FAILED',
    );
    expect(e2.details?.rows?.[0]).toMatchObject({ row: 2, column: 'Điểm khảo sát' });
    expect(e2.details?.rows?.[0]?.message).toMatch(/0 – 100/);

    const noColumns = await xlsx(['Đơn vị', 'Điểm'], [['A', 1]]);
    const e3 = await expectAppError(
      importSurveyScores(w.as('officer'), w.plan.id, { fileName: 'x.xlsx', data: noColumns }),
      'VALIDATION_FAILED',
    );
    expect(e3.message).toMatch(/thiếu cột bắt buộc: Mã tiêu chí, Điểm khảo sát/);
    await expectAppError(
      importSurveyScores(w.as('officer'), w.plan.id, {
        fileName: 'x.xlsx',
        data: Buffer.from('not a workbook'),
      }),
      'VALIDATION_FAILED',
    );
    expect(await surveyEntries(sheet.id)).toEqual([]);
  });

  it('is the plan officer’s: the council is refused, outsiders see nothing', async () => {
    const { w, sheet } = await setup();
    const data = await xlsx(HEADERS, [[sheet.unitId, '', '2.2', 80]]);
    const input = { fileName: 'x.xlsx', data };
    await expectAppError(importSurveyScores(w.as('council'), w.plan.id, input), 'FORBIDDEN');
    await expectAppError(importSurveyScores(w.as('otherOfficer'), w.plan.id, input), 'NOT_FOUND');
    await expectAppError(surveyTemplate(w.as('council'), w.plan.id), 'FORBIDDEN');
    expect(await surveyEntries(sheet.id)).toEqual([]);
  });

  it('offers a template listing each unit’s survey criteria with current scores', async () => {
    const { w, sheet } = await setup();
    const data = await xlsx(HEADERS, [[sheet.unitId, '', '2.2', 80]]);
    await importSurveyScores(w.as('officer'), w.plan.id, { fileName: 'x.xlsx', data });
    const tpl = await surveyTemplate(w.as('officer'), w.plan.id);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.data as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    expect(ws?.getRow(1).getCell(5).value).toBe('Điểm khảo sát (*)');
    expect(ws?.getRow(2).values).toEqual([
      undefined,
      sheet.unitId,
      sheet.unitName,
      '2.2',
      'Chỉ số hài lòng (SIPAS)',
      80,
      100,
    ]);
    // The template imports back as is.
    const back = await importSurveyScores(w.as('officer'), w.plan.id, {
      fileName: tpl.fileName,
      data: tpl.data,
    });
    expect(back.imported).toBe(1);
  });
});
