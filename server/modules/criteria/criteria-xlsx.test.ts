import { expectAppError } from '../../test/errors';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { XLSX_TYPE } from '../../http/context';
import type { RowError } from '../../platform/errors';
import { createTestDb, type TestDb } from '../../test/db';
import { makeTree, makeUser, testCtx } from '../../test/factories';
import { ensureExampleCriteriaSet } from './criteria.example';
import {
  exportCriteriaXlsx,
  formatScoringParams,
  importCriteriaXlsx,
  parseScoringParams,
} from './criteria-xlsx';
import { createCriteriaSet, getCriteriaVersion, publishCriteriaVersion } from './criteria.service';
import { communeTemplate } from './templates/commune-100';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

const fails = expectAppError;

/** A workbook with the given rows from row 1, as a user would type it. */
async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Bộ tiêu chí');
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const H = ['Mã', 'Nội dung', 'Điểm tối đa', 'Cách chấm', 'Tham số', 'Bắt buộc minh chứng'];
const BIN = 'Đạt / không đạt';

async function setup() {
  const sys = testCtx(t);
  const tree = await makeTree(sys);
  const officer = testCtx(t, (await makeUser(sys, 'emulation_officer', tree.province.id)).actor);
  const exampleId = await ensureExampleCriteriaSet(sys);
  const draft = await createCriteriaSet(officer, {
    ownerUnitId: tree.province.id,
    name: 'Bộ chỉ số CCHC cấp xã — Ủy ban nhân dân tỉnh',
    basedOnVersionId: exampleId,
  });
  return {
    sys,
    tree,
    officer,
    exampleId,
    draft,
    communeOfficer: testCtx(t, (await makeUser(sys, 'emulation_officer', tree.commune.id)).actor),
    staff: testCtx(t, (await makeUser(sys, 'staff', tree.province.id)).actor),
  };
}

const upload = (data: Buffer, version: number | string, fileName = 'bo-tieu-chi.xlsx') => ({
  version: String(version),
  fileName,
  data,
});

describe('criteria sets as .xlsx', () => {
  it('exports the commune template and imports it back into a draft unchanged', async () => {
    const s = await setup();
    // The published example is readable by everyone, so staff may export it.
    const exported = await exportCriteriaXlsx(s.staff, s.exampleId);
    expect(exported.fileName).toMatch(/phiên bản 1\.xlsx$/);
    const imported = await importCriteriaXlsx(
      s.officer,
      s.draft.id,
      upload(exported.data, s.draft.version),
    );
    expect(imported.tree).toEqual(communeTemplate);
    expect(imported).toMatchObject({ version: s.draft.version + 1, maxTotal: 100 });
    // And the draft's own export round-trips too.
    const again = await exportCriteriaXlsx(s.officer, s.draft.id);
    const twice = await importCriteriaXlsx(
      s.officer,
      s.draft.id,
      upload(again.data, imported.version),
    );
    expect(twice.tree).toEqual(communeTemplate);
  });

  it('writes a readable sheet: header block, Vietnamese text, indentation, parameters', async () => {
    const s = await setup();
    const { data } = await exportCriteriaXlsx(s.officer, s.draft.id);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('Bộ tiêu chí');
    if (!ws) throw new Error('no sheet');
    expect(ws.getCell('B1').value).toBe('Bộ chỉ số CCHC cấp xã — Ủy ban nhân dân tỉnh');
    expect(ws.getCell('B3').value).toBe('Bản nháp');
    expect([ws.getCell('A4').value, ws.getCell('B4').value]).toEqual(['Tổng điểm tối đa', 100]);
    expect(ws.getRow(6).values).toEqual([undefined, ...H, 'Hướng dẫn', 'Mã định danh']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 });
    expect(ws.getCell('A1').font.bold).toBe(true);
    const rows = new Map<string, ExcelJS.Row>();
    ws.eachRow((r) => rows.set(r.getCell(1).text, r));
    const row = (code: string) => (rows.get(code)?.values as ExcelJS.CellValue[]).slice(1);
    expect(row('1')).toEqual([
      '1',
      'Công tác chỉ đạo, điều hành cải cách hành chính',
      10,
      undefined,
      undefined,
      'Không',
      undefined,
      'xa100-1',
    ]);
    expect(rows.get('1.1.a')?.getCell(2).alignment.indent).toBe(4);
    expect(row('1.4.b').slice(2, 6)).toEqual([1, 'Theo mức tỷ lệ %', '100%=1; 80%=0,5', 'Có']);
    expect(row('3.2')[4]).toBe('100%=4; 98%=3; 95%=2');
    expect(row('5.3').slice(3, 5)).toEqual(['Trừ điểm theo số lần vi phạm', '1 điểm/lần']);
    expect(row('8.1').slice(3, 6)).toEqual(['Quy đổi từ điểm khảo sát', 'thang 100', 'Không']);
    expect(row('±').slice(3, 5)).toEqual(['Điểm thưởng / điểm trừ', '+3 / -3']);
    expect(row('5.4')[6]).toContain('sơ kết/tổng kết và khen thưởng gắn với CCHC');
  });

  it('builds the tree from the codes, with ids from the codes and the total from the fields', async () => {
    const s = await setup();
    const data = await xlsx([
      [...H, 'Hướng dẫn'],
      ['1', 'Lĩnh vực một', 5, '', '', 'Không'],
      ['1.1', 'Kế hoạch năm', 2, BIN, '', 'Có', 'Kế hoạch của Ủy ban nhân dân xã'],
      ['1.2', 'Tỷ lệ hồ sơ đúng hạn', 3, 'theo muc ty le %', '≥ 98 % = 3; 90%: 2; 80 -> 1'],
      ['2.', 'Lĩnh vực hai', 5],
      ['2.1', 'Kỷ luật', 2, 'Trừ điểm theo số lần vi phạm', '0,5 điểm / lần', 'x'],
      ['2.2', 'Khảo sát', 3, 'survey', 'thang điểm 10'],
      ['±', 'Thưởng / trừ', 2, 'Điểm thưởng/điểm trừ', '+2 / -1'],
    ]);
    const v = await importCriteriaXlsx(s.officer, s.draft.id, upload(data, s.draft.version));
    expect(v.maxTotal).toBe(10);
    const [f1, f2, adj] = v.tree.fields;
    expect(f1).toMatchObject({ id: 'n-1', evidenceRequired: false });
    expect(f1?.children.map((c) => [c.id, c.scoring])).toEqual([
      ['n-1.1', { method: 'binary' }],
      [
        'n-1.2',
        {
          method: 'tiered_percent',
          tiers: [
            { minPercent: 98, points: 3 },
            { minPercent: 90, points: 2 },
            { minPercent: 80, points: 1 },
          ],
        },
      ],
    ]);
    expect(f1?.children[0]).toMatchObject({
      evidenceRequired: true,
      guidance: 'Kế hoạch của Ủy ban nhân dân xã',
    });
    expect(f2?.code).toBe('2');
    expect(f2?.children.map((c) => c.scoring)).toEqual([
      { method: 'deduction', perIncident: 0.5 },
      { method: 'survey', surveyMax: 10 },
    ]);
    expect(adj).toMatchObject({
      id: 'n-±',
      scoring: { method: 'adjustment', maxBonus: 2, maxPenalty: 1 },
    });
  });

  it('reports every bad row by column, in Vietnamese, and changes nothing', async () => {
    const s = await setup();
    const data = await xlsx([
      ['Tổng điểm tối đa', 'một trăm'],
      [],
      [...H, 'Hướng dẫn', 'Mã định danh'],
      ['1', 'Lĩnh vực', 10],
      ['1.1', 'Tiêu chí A', 2, 'Chấm theo cảm tính'],
      ['1.2', 'Tiêu chí B', 'hai', BIN],
      ['1.3', 'Tiêu chí C', 4, 'Theo mức tỷ lệ %', '100%=4; chín mươi=2'],
      ['1.3', 'Tiêu chí C lặp', 1, BIN],
      ['1.4.2', 'Tiêu chí mồ côi', 1, BIN],
      ['1.5', 'Tiêu chí E', 1, BIN, '', 'Có thể'],
      ['1.6', '', 1, BIN, 'thừa'],
      ['1.7', 'Tiêu chí G', 1, BIN, '', '', '', 'xa100-1'],
      ['1.8', 'Tiêu chí H', 1, BIN, '', '', '', 'xa100-1'],
    ]);
    const e = await fails(
      importCriteriaXlsx(s.officer, s.draft.id, upload(data, s.draft.version)),
      'VALIDATION_FAILED',
    );
    const rows = e.details?.rows ?? [];
    const at = (row: number, column: string) =>
      rows.find((r: RowError) => r.row === row && r.column === column)?.message;
    expect(at(1, 'Tổng điểm tối đa')).toContain('không phải là số');
    expect(at(5, 'Cách chấm')).toContain('không có cách chấm "Chấm theo cảm tính"');
    expect(at(6, 'Điểm tối đa')).toBe('"hai" không phải là số');
    expect(at(7, 'Tham số')).toContain('mức "chín mươi=2" không đúng cách ghi');
    expect(at(8, 'Mã')).toBe('mã "1.3" trùng với dòng 7');
    expect(at(9, 'Mã')).toBe('mã "1.4.2" không có mục cha "1.4" trong tệp');
    expect(at(10, 'Bắt buộc minh chứng')).toContain('phải là Có hoặc Không');
    expect(at(11, 'Nội dung')).toBe('không được để trống');
    expect(at(11, 'Tham số')).toContain('không có tham số');
    expect(at(13, 'Mã định danh')).toBe('trùng với dòng 12; để trống nếu là mục mới');
    expect(e.message).toContain('không có dữ liệu nào được ghi');
    const after = await getCriteriaVersion(s.officer, s.draft.id);
    expect(after.version).toBe(s.draft.version);
    expect(after.tree).toEqual(communeTemplate);
  });

  it('reports the tree’s own problems on the rows they concern', async () => {
    const s = await setup();
    const data = await xlsx([
      ['Bộ tiêu chí', 'Thử'],
      ['Tổng điểm tối đa', 20],
      H,
      ['1', 'Lĩnh vực', 5, BIN],
      ['1.1', 'Tỷ lệ', 4, 'Theo mức tỷ lệ %', '100%=3'],
      ['2', 'Lĩnh vực hai', 3],
      ['3', 'Lĩnh vực ba', 2000, 'Chấm trực tiếp trong khung điểm'],
    ]);
    const first = await fails(
      importCriteriaXlsx(s.officer, s.draft.id, upload(data, s.draft.version)),
      'VALIDATION_FAILED',
    );
    expect(first.details?.rows).toEqual([
      { row: 4, column: 'Cách chấm', message: expect.stringContaining('phải để trống') as unknown },
      {
        row: 6,
        column: 'Cách chấm',
        message: expect.stringContaining('phải có cách chấm') as unknown,
      },
      { row: 7, column: 'Điểm tối đa', message: 'phải nhỏ hơn hoặc bằng 1000' },
    ]);
    const fixed = await xlsx([
      ['Tổng điểm tối đa', 20],
      H,
      ['1', 'Lĩnh vực', 5],
      ['1.1', 'Tỷ lệ', 4, 'Theo mức tỷ lệ %', '100%=3'],
    ]);
    const e = await fails(
      importCriteriaXlsx(s.officer, s.draft.id, upload(fixed, s.draft.version)),
      'VALIDATION_FAILED',
    );
    const rows = e.details?.rows ?? [];
    expect(rows.map((r) => [r.row, r.column])).toEqual([
      [1, 'Tổng điểm tối đa'],
      [3, 'Điểm tối đa'],
      [4, 'Tham số'],
    ]);
    expect(rows[2]?.message).toContain('mức cao nhất chỉ cho 3 điểm');
    const noHeader = await xlsx([
      ['Mã', 'Tên'],
      ['1', 'A'],
    ]);
    const missing = await fails(
      importCriteriaXlsx(s.officer, s.draft.id, upload(noHeader, s.draft.version)),
      'VALIDATION_FAILED',
    );
    expect(missing.details?.rows?.map((r) => r.column)).toEqual([
      'Mã',
      'Nội dung',
      'Điểm tối đa',
      'Cách chấm',
    ]);
  });

  it('refuses published versions, outsiders, stale versions and files that are not .xlsx', async () => {
    const s = await setup();
    const { data } = await exportCriteriaXlsx(s.officer, s.draft.id);
    const v = s.draft.version;
    await fails(importCriteriaXlsx(s.officer, s.exampleId, upload(data, 1)), 'FORBIDDEN');
    await fails(importCriteriaXlsx(s.communeOfficer, s.draft.id, upload(data, v)), 'NOT_FOUND');
    await fails(importCriteriaXlsx(s.staff, s.draft.id, upload(data, v)), 'NOT_FOUND');
    await fails(exportCriteriaXlsx(s.staff, s.draft.id), 'NOT_FOUND');
    await fails(importCriteriaXlsx(s.officer, s.draft.id, upload(data, v + 5)), 'CONFLICT');
    await fails(
      importCriteriaXlsx(s.officer, s.draft.id, upload(data, v, 'bo.csv')),
      'VALIDATION_FAILED',
    );
    const junk = Buffer.from('PK\u0003\u0004 not really a zip');
    const e = await fails(
      importCriteriaXlsx(s.officer, s.draft.id, upload(junk, v)),
      'VALIDATION_FAILED',
    );
    expect(e.message).toContain('Tệp Excel: không đọc được tệp');
    const published = await publishCriteriaVersion(s.officer, s.draft.id, { version: v });
    await fails(
      importCriteriaXlsx(s.officer, s.draft.id, upload(data, published.version)),
      'INVALID_STATE',
    );
    await fails(
      importCriteriaXlsx(s.staff, s.draft.id, upload(data, published.version)),
      'FORBIDDEN',
    );
  });

  it('formats and parses every method’s parameters', () => {
    for (const f of communeTemplate.fields.flatMap((x) => [x, ...x.children])) {
      if (f.scoring)
        expect(parseScoringParams(f.scoring.method, formatScoringParams(f.scoring))).toEqual(
          f.scoring,
        );
    }
    expect(parseScoringParams('adjustment', '±3')).toEqual({
      method: 'adjustment',
      maxBonus: 3,
      maxPenalty: 3,
    });
    expect(parseScoringParams('survey', 'trăm')).toContain('ví dụ "thang 100"');
    expect(parseScoringParams('deduction', '')).toContain('ví dụ "1 điểm/lần"');
  });
});

describe('criteria .xlsx routes', () => {
  let app: FastifyInstance;
  afterAll(async () => {
    await app.close();
  });

  it('downloads the export and uploads it back as multipart', async () => {
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: '/tmp/unused', LOG_LEVEL: 'silent' });
    app = await buildApp(
      { db: t.db, config, storage: t.storage, now: () => new Date(), databaseKind: 'embedded' },
      { logger: false },
    );
    const s = await setup();
    const user = await makeUser(s.sys, 'emulation_officer', s.tree.province.id);
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: user.password },
    });
    const sid = login.cookies.find((c) => c.name === 'thidua_sid');
    const cookie = `thidua_sid=${sid?.value ?? ''}`;
    const url = `/api/criteria/versions/${s.draft.id}`;
    const res = await app.inject({ method: 'GET', url: `${url}/export.xlsx`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const boundary = `----thidua${Date.now()}`;
    const part = (headers: string) => Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`);
    const payload = Buffer.concat([
      part('Content-Disposition: form-data; name="version"'),
      Buffer.from(`${s.draft.version}\r\n`),
      part(`Content-Disposition: form-data; name="file"; filename="bộ tiêu chí.xlsx"`),
      res.rawPayload,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const up = await app.inject({
      method: 'POST',
      url: `${url}/import`,
      payload,
      headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(up.statusCode, up.body.slice(0, 300)).toBe(200);
    expect(up.json<{ version: number; tree: unknown }>()).toMatchObject({
      version: s.draft.version + 1,
      tree: communeTemplate,
    });
  });
});
