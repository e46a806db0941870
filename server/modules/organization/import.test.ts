import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { makePerson, makeTree, makeUser, testCtx } from '../../test/factories';
import { AppError } from '../../platform/errors';
import { jobRunner, startWorker } from '../../platform/jobs';
import { verifyAuditChain } from '../../platform/audit';
import { sealAudit } from '../../test/audit';
import { silentLogger } from '../../platform/context';
import { loadUserActor } from '../auth/index';
import { exportPeople, importJob, requestImport } from './import.service';
import { importPeople } from './import-people';
import { importUnits } from './import-units';
import { buildTemplate } from './xlsx-format';
import { listPeople } from './people.service';
import { listUnits } from './units.service';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

async function xlsx(header: string[], rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Cán bộ');
  ws.addRow(header);
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const PEOPLE_HEADER = [
  'ID',
  'Họ và tên (*)',
  'Giới tính',
  'Năm sinh',
  'Đối tượng (*)',
  'Chức vụ',
  'Mã đơn vị',
  'Đơn vị (*)',
  'Email',
  'Số điện thoại',
];
const noProgress = async () => {};

describe('people import', () => {
  it('imports valid rows with units named by (shortened) path, and audits each person', async () => {
    const ctx = testCtx(t);
    const tree = await makeTree(ctx);
    const data = await xlsx(PEOPLE_HEADER, [
      [
        '',
        'Nguyễn Thị Hoa',
        'Nữ',
        1990,
        'Công chức',
        'Công chức Tư pháp - Hộ tịch',
        '',
        'Xã Lương Điền › Văn phòng HĐND và UBND',
        'hoa@luongdien.gov.vn',
        '0912 345 678',
      ],
      ['', 'tran van binh', 'nam', '1979', 'cong chuc', '', '', 'Bộ phận một cửa', '', ''],
      ['', 'Lê Văn Cường', '', '', 'Người lao động', '', tree.office.id, '', '', ''],
    ]);
    const result = await importPeople(ctx, { scopeUnitId: tree.commune.id, data }, noProgress);
    expect(result).toEqual({ created: 3, updated: 0, rows: 3 });
    const listed = await listPeople(ctx, { unitId: String(tree.commune.id) });
    expect(listed.items.map((p) => [p.fullName, p.unitName, p.phone])).toEqual([
      ['tran van binh', 'Bộ phận một cửa', null],
      ['Lê Văn Cường', 'Văn phòng HĐND và UBND – Xã Lương Điền', null],
      ['Nguyễn Thị Hoa', 'Văn phòng HĐND và UBND – Xã Lương Điền', '0912345678'],
    ]);
    const audits = await t.db
      .selectFrom('auditEvent')
      .select('action')
      .where('action', 'in', ['person.imported', 'import.people'])
      .execute();
    expect(audits.filter((a) => a.action === 'person.imported')).toHaveLength(3);
    expect((await sealAudit(t.db)).sealed).toBeGreaterThanOrEqual(4);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it('reports every bad row with row, column and reason, and writes nothing', async () => {
    const ctx = testCtx(t);
    const tree = await makeTree(ctx);
    const before = await listPeople(ctx, { unitId: String(tree.province.id) });
    const data = await xlsx(PEOPLE_HEADER, [
      ['', 'Người Hợp Lệ', 'Nam', 1980, 'Công chức', '', '', 'Bộ phận một cửa', '', ''],
      ['', '', 'Nam', 1980, 'Công chức', '', '', 'Bộ phận một cửa', '', ''],
      ['', 'Sai Giới Tính', 'Khác', 1980, 'Công chức', '', '', 'Bộ phận một cửa', '', ''],
      ['', 'Sai Năm Sinh', 'Nam', 1800, 'Bác sĩ', '', '', 'Bộ phận một cửa', 'thư@', '123'],
      ['', 'Trùng Tên Đơn Vị', 'Nam', 1980, 'Công chức', '', '', 'Văn phòng HĐND và UBND', '', ''],
      ['', 'Không Có Đơn Vị', 'Nam', 1980, 'Công chức', '', '', 'Phòng Không Tồn Tại', '', ''],
      [999999, 'Sai ID', 'Nam', 1980, 'Công chức', '', '', 'Bộ phận một cửa', '', ''],
    ]);
    const e = (await importPeople(ctx, { scopeUnitId: tree.province.id, data }, noProgress).catch(
      (x: unknown) => x,
    )) as AppError;
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.message).toContain('Không có dữ liệu nào được ghi');
    const rows = (e.details?.rows ?? []).map((r) => `${r.row}|${r.column}`);
    expect(rows).toEqual([
      '3|Họ và tên',
      '4|Giới tính',
      '5|Năm sinh',
      '5|Đối tượng',
      '5|Email',
      '5|Số điện thoại',
      '6|Đơn vị',
      '7|Đơn vị',
      '8|ID',
    ]);
    expect(e.details?.rows?.find((r) => r.row === 6)?.message).toContain('trùng tên');
    const after = await listPeople(ctx, { unitId: String(tree.province.id) });
    expect(after.total).toBe(before.total);
  });

  it('round-trips: export, edit, import updates the same people', async () => {
    const ctx = testCtx(t);
    const tree = await makeTree(ctx);
    const p = await makePerson(ctx, tree.office.id, 'Phạm Văn Xuất', { phone: '0988000111' });
    const { stream } = await exportPeople(ctx, { unitId: String(tree.commune.id) });
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    expect(ws.getRow(2).getCell(2).value).toBe('Phạm Văn Xuất');
    expect(ws.getRow(2).getCell(8).text).toContain('Xã Lương Điền › Văn phòng HĐND và UBND');
    ws.getRow(2).getCell(6).value = 'Công chức Văn phòng - Thống kê';
    ws.getRow(2).getCell(7).value = tree.oneStop.id;
    const edited = Buffer.from(await wb.xlsx.writeBuffer());
    const result = await importPeople(
      ctx,
      { scopeUnitId: tree.commune.id, data: edited },
      noProgress,
    );
    expect(result).toMatchObject({ created: 0, updated: 1 });
    const after = await listPeople(ctx, {
      search: 'pham van xuat',
      unitId: String(tree.commune.id),
    });
    expect(after.items[0]).toMatchObject({
      id: p.id,
      position: 'Công chức Văn phòng - Thống kê',
      unitId: tree.oneStop.id,
      phone: '0988000111',
    });
  });

  it('runs as a background job with progress, enforcing the import permission', async () => {
    const sys = testCtx(t);
    const tree = await makeTree(sys);
    const officer = await makeUser(sys, 'emulation_officer', tree.commune.id);
    const ctx = testCtx(t, officer.actor);
    const data = await xlsx(PEOPLE_HEADER, [
      ['', 'Võ Thị Công Việc', 'Nữ', 1991, 'Viên chức', '', '', 'Bộ phận một cửa', '', ''],
    ]);
    const notXlsx = await requestImport(ctx, {
      type: 'people',
      unitId: String(tree.commune.id),
      fileName: 'gia.xlsx',
      data: Buffer.from('không phải zip'),
    }).catch((e: unknown) => e);
    expect((notXlsx as AppError).details?.fields?.[0]?.field).toBe('file');
    const outside = await requestImport(ctx, {
      type: 'people',
      unitId: String(tree.otherCommune.id),
      fileName: 'a.xlsx',
      data,
    }).catch((e: unknown) => e);
    expect((outside as AppError).code).toBe('FORBIDDEN');
    const { jobId } = await requestImport(ctx, {
      type: 'people',
      unitId: String(tree.commune.id),
      fileName: 'can-bo.xlsx',
      data,
    });
    const worker = startWorker(
      {
        db: t.db,
        log: silentLogger,
        storage: t.storage,
        now: () => new Date(),
        loadActor: (id) => loadUserActor(t.db, id),
      },
      [jobRunner(importJob)],
      60_000,
    );
    await worker.drain();
    await worker.stop();
    const job = await t.db
      .selectFrom('job')
      .selectAll()
      .where('id', '=', jobId)
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({
      status: 'succeeded',
      progress: 1,
      total: 1,
      result: { created: 1, updated: 0, rows: 1 },
    });
  });

  it('keeps Vietnamese text intact in a large file (no corruption at decoder chunk boundaries)', async () => {
    const ctx = testCtx(t);
    const tree = await makeTree(ctx);
    const rows = Array.from({ length: 4000 }, (_, i) => [
      '',
      `Nguyễn Thị Ánh Tuyết Số ${i}`,
      'Nữ',
      1990,
      'Công chức',
      'Công chức tiếp nhận và trả kết quả giải quyết thủ tục hành chính',
      '',
      'Xã Lương Điền › Văn phòng HĐND và UBND',
      '',
      '',
    ]);
    const data = await xlsx(PEOPLE_HEADER, rows);
    expect(data.length).toBeGreaterThan(100_000);
    const result = await importPeople(ctx, { scopeUnitId: tree.commune.id, data }, noProgress);
    expect(result.created).toBe(4000);
    const bad = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM person WHERE full_name LIKE ${'%\ufffd%'} OR position LIKE ${'%\ufffd%'}`.execute(
      t.db,
    );
    expect(bad.rows[0]?.n).toBe(0);
  });

  it('does not import twice when a job is re-run after it committed', async () => {
    const ctx = testCtx(t);
    const tree = await makeTree(ctx);
    const data = await xlsx(PEOPLE_HEADER, [
      ['', 'Đỗ Văn Một Lần', 'Nam', 1988, 'Công chức', '', '', 'Bộ phận một cửa', '', ''],
    ]);
    const first = await importPeople(
      ctx,
      { scopeUnitId: tree.commune.id, data, jobId: 987_654 },
      noProgress,
    );
    const again = await importPeople(
      ctx,
      { scopeUnitId: tree.commune.id, data, jobId: 987_654 },
      noProgress,
    );
    expect(again).toEqual(first);
    expect((await listPeople(ctx, { search: 'do van mot lan' })).total).toBe(1);
  });

  it('names missing required columns, and refuses unreadable or empty files', async () => {
    const ctx = testCtx(t);
    const tree = await makeTree(ctx);
    const noUnit = await xlsx(['Họ và tên', 'Đối tượng'], [['Nguyễn Văn Thiếu', 'Công chức']]);
    const e1 = (await importPeople(
      ctx,
      { scopeUnitId: tree.commune.id, data: noUnit },
      noProgress,
    ).catch((x: unknown) => x)) as AppError;
    expect(e1.details?.rows).toEqual([{ row: 1, column: 'Đơn vị', message: 'thiếu cột' }]);
    const empty = await xlsx(PEOPLE_HEADER, []);
    const e2 = (await importPeople(
      ctx,
      { scopeUnitId: tree.commune.id, data: empty },
      noProgress,
    ).catch((x: unknown) => x)) as AppError;
    expect(e2.message).toBe('Tệp không có dòng dữ liệu nào.');
    const junk = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('hỏng')]);
    const e3 = (await importUnits(
      ctx,
      { scopeUnitId: tree.commune.id, data: junk },
      noProgress,
    ).catch((x: unknown) => x)) as AppError;
    expect(e3.message).toContain('Tệp Excel: không đọc được tệp');
    const message = 'không đọc được tệp; tệp phải là bảng tính Excel .xlsx';
    expect(e3.details).toEqual({
      fileError: true,
      fields: [{ field: 'file', label: 'Tệp Excel', message }],
    }); // no library text for users
  });

  it('serves a template whose headers the importer reads back', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildTemplate('people')) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Cán bộ', 'Hướng dẫn']);
    expect(wb.worksheets[0]?.getRow(1).values).toEqual([undefined, ...PEOPLE_HEADER]);
  });
});

describe('units import', () => {
  it('creates units whose parents are rows above in the same file', async () => {
    const ctx = testCtx(t);
    const tree = await makeTree(ctx);
    const data = await xlsx(
      [
        'ID',
        'Tên đơn vị',
        'Loại đơn vị',
        'Mã hành chính',
        'Mã đơn vị cấp trên',
        'Đơn vị cấp trên',
        'Đang hoạt động',
      ],
      [
        [
          '',
          'Phòng Văn hóa - Thông tin',
          'Cơ quan, phòng, ban chuyên môn',
          '',
          '',
          'Xã Lương Điền',
          'Có',
        ],
        [
          '',
          'Tổ truyền thanh',
          'Cơ quan, phòng, ban chuyên môn',
          '',
          '',
          'Phòng Văn hóa - Thông tin',
          '',
        ],
        ['', 'Thôn Bình Phú', 'Thôn, tổ dân phố', '', tree.commune.id, '', 'Không'],
      ],
    );
    expect(await importUnits(ctx, { scopeUnitId: tree.commune.id, data }, noProgress)).toEqual({
      created: 3,
      updated: 0,
      rows: 3,
    });
    const found = await listUnits(ctx, {
      search: 'to truyen thanh',
      parentId: String(tree.commune.id),
    });
    expect(found.items[0]?.path.map((p) => p.name)).toEqual([
      tree.province.name,
      'Xã Lương Điền',
      'Phòng Văn hóa - Thông tin',
      'Tổ truyền thanh',
    ]);
  });

  it('names namesakes with their parents once a unit of the same name is imported, and reads such names back', async () => {
    const ctx = testCtx(t);
    const tree = await makeTree(ctx);
    const display = async (id: number) =>
      (
        await t.db
          .selectFrom('orgUnit')
          .select('displayName')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).displayName;
    expect(await display(tree.oneStop.id)).toBe('Bộ phận một cửa');
    const units = await xlsx(
      ['ID', 'Tên đơn vị', 'Loại đơn vị', 'Mã đơn vị cấp trên', 'Đơn vị cấp trên'],
      [['', 'Bộ phận một cửa', 'Bộ phận một cửa', tree.otherCommune.id, '']],
    );
    await importUnits(ctx, { scopeUnitId: tree.province.id, data: units }, noProgress);
    expect(await display(tree.oneStop.id)).toBe('Bộ phận một cửa – Xã Lương Điền');
    // A person's unit may be written as lists show it.
    const people = await xlsx(PEOPLE_HEADER, [
      [
        '',
        'Phạm Thị Lan',
        'Nữ',
        1992,
        'Công chức',
        '',
        '',
        'Bộ phận một cửa – Xã Ngọc Liên',
        '',
        '',
      ],
      [
        '',
        'Đỗ Văn Nam',
        'Nam',
        1988,
        'Công chức',
        '',
        '',
        'bo phan mot cua – xa luong dien',
        '',
        '',
      ],
    ]);
    await importPeople(ctx, { scopeUnitId: tree.province.id, data: people }, noProgress);
    const listed = await listPeople(ctx, { unitId: String(tree.province.id), search: 'Lan' });
    expect(listed.items.map((p) => p.unitName)).toEqual(['Bộ phận một cửa – Xã Ngọc Liên']);
    const nam = await listPeople(ctx, { unitId: String(tree.province.id), search: 'Nam' });
    expect(nam.items.map((p) => p.unitId)).toEqual([tree.oneStop.id]);
  });

  it('refuses to change a unit kind by import (the tree rules are checked on the unit page)', async () => {
    const ctx = testCtx(t);
    const tree = await makeTree(ctx);
    const data = await xlsx(
      ['ID', 'Tên đơn vị', 'Loại đơn vị'],
      [[tree.commune.id, 'Xã Lương Điền', 'Tỉnh / thành phố trực thuộc TW']],
    );
    const e = (await importUnits(ctx, { scopeUnitId: tree.commune.id, data }, noProgress).catch(
      (x: unknown) => x,
    )) as AppError;
    expect(e.details?.rows?.[0]).toMatchObject({ row: 2, column: 'Loại đơn vị' });
    const after = await t.db
      .selectFrom('orgUnit')
      .select('kind')
      .where('id', '=', tree.commune.id)
      .executeTakeFirstOrThrow();
    expect(after.kind).toBe('commune');
  });

  it('rolls back every unit when one row is bad', async () => {
    const ctx = testCtx(t);
    const tree = await makeTree(ctx);
    const count = async () =>
      Number(
        (await sql<{ n: number }>`SELECT count(*)::int AS n FROM org_unit`.execute(t.db)).rows[0]
          ?.n,
      );
    const before = await count();
    const data = await xlsx(
      ['Tên đơn vị', 'Loại đơn vị', 'Đơn vị cấp trên'],
      [
        ['Phòng Mới', 'Cơ quan, phòng, ban chuyên môn', 'Xã Lương Điền'],
        ['Thôn Trong Một Cửa', 'Thôn, tổ dân phố', 'Bộ phận một cửa'],
      ],
    );
    const e = (await importUnits(ctx, { scopeUnitId: tree.commune.id, data }, noProgress).catch(
      (x: unknown) => x,
    )) as AppError;
    expect(e.details?.rows).toEqual([
      {
        row: 3,
        column: 'Loại đơn vị',
        message: '"Thôn, tổ dân phố" không thể trực thuộc "Bộ phận một cửa"',
      },
    ]);
    expect(await count()).toBe(before);
  });
});
