import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { makePerson, makeTree, makeUser, testCtx } from '../../test/factories';
import { expectAppError } from '../../test/errors';
import { ensureNationalCatalogue } from '../awards/index';
import {
  addDiscipline,
  addHonour,
  getPersonHonours,
  getUnitHonours,
  historyOfPeople,
  importHonours,
  listDiscipline,
  recordHonours,
  removeDiscipline,
  removeHonour,
  updateDiscipline,
} from './index';
import { honoursXlsx } from './honours.fixtures';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await ensureNationalCatalogue(testCtx(t));
});
afterAll(async () => {
  await t.close();
});

/** A tree with people; an officer and a head of the commune, its staff, the other commune's officer. */
async function setup() {
  const sys = testCtx(t);
  const tree = await makeTree(sys);
  const an = await makePerson(sys, tree.office.id, 'Nguyễn Văn An');
  const binh = await makePerson(sys, tree.office.id, 'Trần Thị Bình', { gender: 'female' });
  const twinA = await makePerson(sys, tree.oneStop.id, 'Lê Văn Cường');
  const twinB = await makePerson(sys, tree.oneStop.id, 'Lê Văn Cường');
  const outsider = await makePerson(sys, tree.otherOffice.id, 'Phạm Văn Dũng');
  const officer = await makeUser(sys, 'emulation_officer', tree.commune.id);
  const head = await makeUser(sys, 'unit_head', tree.commune.id);
  const staff = await makeUser(sys, 'staff', tree.commune.id);
  const otherOfficer = await makeUser(sys, 'emulation_officer', tree.otherCommune.id);
  return {
    tree,
    people: { an, binh, twinA, twinB, outsider },
    officer: testCtx(t, officer.actor),
    head: testCtx(t, head.actor),
    staff: testCtx(t, staff.actor),
    otherOfficer: testCtx(t, otherOfficer.actor),
  };
}

const auditOf = (entityType: string, entityId: number) =>
  t.db
    .selectFrom('auditEvent')
    .select(['action', 'before', 'after', 'unitPath'])
    .where('entityType', '=', entityType)
    .where('entityId', '=', String(entityId))
    .orderBy('id')
    .execute();

const honourCount = async () =>
  Number(
    (
      await t.db
        .selectFrom('honour')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('award history entered by hand', () => {
  it('links a known form by name, suggests from a streak and audits the record', async () => {
    const s = await setup();
    const personId = s.people.an.id;
    const first = await addHonour(s.officer, {
      personId,
      formName: 'chien si thi dua co so',
      year: 2024,
      decisionNumber: '15/QĐ-UBND',
      decisionDate: '2025-01-15',
    });
    expect(first.formCode).toBe('CSTDCS');
    expect(first.formName).toBe('Chiến sĩ thi đua cơ sở');
    await addHonour(s.officer, { personId, formName: 'Chiến sĩ thi đua cơ sở', year: 2025 });
    await addHonour(s.officer, { personId, formName: 'Huy hiệu Tuổi trẻ sáng tạo', year: 2023 });

    const h = await getPersonHonours(s.staff, personId, {});
    expect(h.items.map((i) => [i.year, i.formCode])).toEqual([
      [2025, 'CSTDCS'],
      [2024, 'CSTDCS'],
      [2023, null],
    ]);
    expect(h.year).toBe(2025);
    expect(h.suggestions.map((x) => x.formCode)).toEqual(['BK_TINH_CN']);
    expect(h.canManage).toBe(false);
    expect((await getPersonHonours(s.officer, personId, {})).canManage).toBe(true);
    expect((await historyOfPeople(t.db, [personId])).get(personId)).toHaveLength(3);

    const [audit] = await auditOf('honour', first.id);
    expect(audit?.action).toBe('honour.recorded');
    expect(audit?.unitPath?.endsWith(`.${s.tree.office.id}`)).toBe(true);
  });

  it('checks the form fits the subject and the subject is one person or one unit', async () => {
    const s = await setup();
    const h = await getUnitHonours(s.officer, s.tree.office.id, {});
    expect(h.items).toEqual([]);
    await expectAppError(
      addHonour(s.officer, { formName: 'Giấy khen', year: 2024 }),
      'VALIDATION_FAILED',
      'personId',
    );
    await expectAppError(
      addHonour(s.officer, { personId: s.people.an.id, year: 2024 }),
      'VALIDATION_FAILED',
      'formName',
    );
    await expectAppError(
      addHonour(s.officer, { personId: s.people.an.id, formName: 'Giấy khen', year: 2099 }),
      'VALIDATION_FAILED',
      'year',
    );
    const unitAward = await addHonour(s.officer, {
      unitId: s.tree.office.id,
      formName: 'Giấy khen',
      year: 2025,
      decisionDate: '2025-12-20',
    });
    expect(unitAward.formCode).toBe('GK_TT');
    expect(unitAward.formVersionId).not.toBeNull();
    await expectAppError(
      addHonour(s.officer, {
        personId: s.people.an.id,
        formVersionId: unitAward.formVersionId,
        year: 2025,
      }),
      'VALIDATION_FAILED',
      'formVersionId',
    );
  });

  it('is scoped to the unit subtree', async () => {
    const s = await setup();
    await expectAppError(
      addHonour(s.otherOfficer, { personId: s.people.an.id, formName: 'Giấy khen', year: 2024 }),
      'FORBIDDEN',
    );
    await expectAppError(
      addHonour(s.staff, { personId: s.people.an.id, formName: 'Giấy khen', year: 2024 }),
      'FORBIDDEN',
    );
    await expectAppError(getPersonHonours(s.staff, s.people.outsider.id, {}), 'FORBIDDEN');
  });

  it('removes a record with a reason, audited; a decision award only by a new decision', async () => {
    const s = await setup();
    const row = await addHonour(s.officer, {
      personId: s.people.binh.id,
      formName: 'Lao động tiên tiến',
      year: 2024,
    });
    await expectAppError(removeHonour(s.officer, row.id, {}), 'VALIDATION_FAILED', 'reason');
    await expectAppError(
      removeHonour(s.otherOfficer, row.id, { reason: 'Nhập nhầm' }),
      'FORBIDDEN',
    );
    await removeHonour(s.officer, row.id, { reason: 'Nhập nhầm người' });
    expect((await getPersonHonours(s.officer, s.people.binh.id, {})).items).toEqual([]);
    const events = await auditOf('honour', row.id);
    expect(events.map((e) => e.action)).toEqual(['honour.recorded', 'honour.removed']);
    expect(events[1]?.after).toEqual({ reason: 'Nhập nhầm người' });
    await expectAppError(removeHonour(s.officer, row.id, { reason: 'Lần nữa' }), 'NOT_FOUND');
  });

  it('records a decision’s awards once through recordHonours, and refuses removing them by hand', async () => {
    const s = await setup();
    const award = {
      personId: s.people.an.id,
      unitId: null,
      formVersionId: (
        await addHonour(s.officer, { personId: s.people.an.id, formName: 'Giấy khen', year: 2025 })
      ).formVersionId as number,
      formCode: 'GK_CN',
      formName: 'Giấy khen',
      year: 2026,
      period: null,
      decisionNumber: '99/QĐ-UBND',
      decisionDate: '2026-11-20',
      issuer: 'Chủ tịch UBND xã Lương Điền',
      achievement: 'Hoàn thành xuất sắc nhiệm vụ năm 2026',
      amount: 710_000,
      sourceRef: 'award_decision:1',
    };
    const sys = testCtx(t);
    expect(await t.db.transaction().execute((trx) => recordHonours(trx, sys, [award]))).toBe(1);
    expect(await t.db.transaction().execute((trx) => recordHonours(trx, sys, [award]))).toBe(0);
    const h = await getPersonHonours(s.officer, s.people.an.id, {});
    const decided = h.items.find((i) => i.source === 'decision');
    expect(decided?.amount).toBe(710_000);
    await expectAppError(
      removeHonour(s.officer, decided?.id ?? 0, { reason: 'Thử' }),
      'INVALID_STATE',
    );
  });
});

describe('import of past awards', () => {
  it('imports every row, matching people by code or by name within their unit', async () => {
    const s = await setup();
    const file = await honoursXlsx([
      { subject: 'Cá nhân', personId: s.people.an.id, form: 'Chiến sĩ thi đua cơ sở', year: 2023 },
      {
        subject: 'Cá nhân',
        fullName: 'tran thi binh',
        unitPath: 'Xã Lương Điền › Văn phòng HĐND và UBND',
        form: 'Lao động tiên tiến',
        year: 2024,
        decisionNumber: '20/QĐ-UBND',
        decisionDate: '20/01/2025',
        amount: '702.000',
      },
      {
        subject: 'Tập thể',
        unitId: s.tree.office.id,
        form: 'Tập thể lao động xuất sắc',
        year: 2024,
      },
      { subject: 'Cá nhân', personId: s.people.twinA.id, form: 'Kỷ niệm chương', year: 2020 },
    ]);
    const result = await importHonours(s.officer, {
      unitId: s.tree.commune.id,
      fileName: 'khen-thuong.xlsx',
      data: file,
    });
    expect(result).toEqual({ rows: 4, created: 4, formsAsText: 1 });
    const binh = await getPersonHonours(s.officer, s.people.binh.id, {});
    expect(binh.items[0]).toMatchObject({
      formCode: 'LDTT',
      year: 2024,
      decisionDate: '2025-01-20',
      amount: 702_000,
      source: 'import',
    });
    const unit = await getUnitHonours(s.officer, s.tree.office.id, {});
    expect(unit.items.map((i) => i.formCode)).toEqual(['TTLDXS']);
    const summary = await t.db
      .selectFrom('auditEvent')
      .select('after')
      .where('action', '=', 'import.honours')
      .where('entityId', '=', String(s.tree.commune.id))
      .executeTakeFirst();
    expect(summary?.after).toMatchObject({ rows: 4, created: 4 });

    // The same file again: every row is already in the history, nothing is written twice.
    const before = await honourCount();
    const again = await expectAppError(
      importHonours(s.officer, { unitId: s.tree.commune.id, fileName: 'lai.xlsx', data: file }),
      'VALIDATION_FAILED',
    );
    expect(again.details?.rows).toHaveLength(4);
    expect(await honourCount()).toBe(before);
  });

  it('writes nothing when any row is bad, and names each row and column in Vietnamese', async () => {
    const s = await setup();
    const before = await honourCount();
    const file = await honoursXlsx([
      { subject: 'Cá nhân', personId: s.people.an.id, form: 'Lao động tiên tiến', year: 2024 },
      {
        subject: 'Cá nhân',
        fullName: 'Lê Văn Cường',
        unitPath: 'Bộ phận một cửa',
        form: 'Giấy khen',
        year: 2024,
      },
      { subject: 'Cá nhân', personId: s.people.outsider.id, form: 'Giấy khen', year: 2024 },
      {
        subject: 'Cá nhân',
        personId: s.people.an.id,
        fullName: 'Trần Thị Bình',
        form: 'Giấy khen',
        year: 2024,
      },
      { subject: 'Nhóm', unitId: s.tree.office.id, form: 'Giấy khen', year: 2024 },
      { subject: 'Tập thể', unitId: s.tree.office.id, form: '', year: 'năm ngoái' },
      {
        subject: 'Cá nhân',
        personId: s.people.binh.id,
        form: 'Giấy khen',
        year: 2024,
        decisionDate: '31/02/2024',
      },
      { subject: 'Cá nhân', personId: s.people.an.id, form: 'Lao động tiên tiến', year: 2024 },
      {
        subject: 'Cá nhân',
        personId: s.people.binh.id,
        form: 'Giấy khen',
        year: 2023,
        amount: '1,5',
      },
    ]);
    const e = await expectAppError(
      importHonours(s.officer, { unitId: s.tree.commune.id, fileName: 'x.xlsx', data: file }),
      'VALIDATION_FAILED',
    );
    const rows = (e.details?.rows ?? []).map((r) => `Dòng ${r.row}, cột ${r.column}: ${r.message}`);
    expect(rows).toEqual([
      'Dòng 3, cột Họ và tên: có 2 cán bộ tên "Lê Văn Cường" trong đơn vị Bộ phận một cửa; hãy điền Mã cán bộ',
      `Dòng 4, cột Mã cán bộ: không có cán bộ mã ${s.people.outsider.id} trong phạm vi được nhập`,
      `Dòng 5, cột Họ và tên: mã cán bộ ${s.people.an.id} là Nguyễn Văn An, không phải "Trần Thị Bình"`,
      'Dòng 6, cột Đối tượng: "Nhóm" không hợp lệ; chọn Cá nhân hoặc Tập thể',
      'Dòng 7, cột Năm: "năm ngoái" không hợp lệ; ghi năm từ 1945 đến 2026',
      'Dòng 7, cột Hình thức: không được để trống',
      'Dòng 8, cột Ngày quyết định: "31/02/2024" không phải ngày hợp lệ (ví dụ 15/01/2025)',
      'Dòng 9, cột Hình thức: trùng với dòng 2 (cùng đối tượng, hình thức, năm và số quyết định)',
      'Dòng 10, cột Số tiền (đồng): "1,5" không phải số tiền hợp lệ (chỉ ghi số, ví dụ 702000)',
    ]);
    expect(e.message).toContain('Không có dữ liệu nào được ghi');
    expect(await honourCount()).toBe(before);
  });

  it('needs honour.manage over the unit, the required columns and an .xlsx', async () => {
    const s = await setup();
    const file = await honoursXlsx([
      { subject: 'Cá nhân', personId: s.people.an.id, form: 'Giấy khen', year: 2024 },
    ]);
    await expectAppError(
      importHonours(s.staff, { unitId: s.tree.commune.id, fileName: 'x.xlsx', data: file }),
      'FORBIDDEN',
    );
    await expectAppError(
      importHonours(s.officer, { unitId: s.tree.commune.id, fileName: 'x.pdf', data: file }),
      'VALIDATION_FAILED',
      'file',
    );
  });
});

describe('discipline records', () => {
  it('records, explains a block today, updates with its version and removes with a reason', async () => {
    const s = await setup();
    const personId = s.people.an.id;
    const rec = await addDiscipline(s.officer, personId, {
      kind: 'discipline',
      level: 'Khiển trách',
      fromDate: '2026-06-01',
      toDate: '2027-05-31',
      reason: 'Vi phạm quy định giờ làm việc',
      decisionRef: '45/QĐ-UBND',
    });
    // FIXED_NOW is 2026-11-22: the discipline is in force.
    expect(rec.blocksToday).toContain('Đang chịu kỷ luật hình thức Khiển trách (45/QĐ-UBND)');
    const list = await listDiscipline(s.head, personId);
    expect(list.items).toHaveLength(1);
    expect(list.canManage).toBe(false);

    const closed = await updateDiscipline(s.officer, rec.id, {
      kind: 'discipline',
      level: 'Khiển trách',
      fromDate: '2026-06-01',
      toDate: '2026-09-30',
      reason: 'Vi phạm quy định giờ làm việc',
      decisionRef: '45/QĐ-UBND',
      version: rec.version,
    });
    expect(closed.blocksToday).toBeNull();
    await expectAppError(
      updateDiscipline(s.officer, rec.id, {
        kind: 'discipline',
        fromDate: '2026-06-01',
        reason: 'x',
        version: rec.version,
      }),
      'CONFLICT',
    );
    await removeDiscipline(s.officer, rec.id, { reason: 'Ghi nhầm người' });
    expect((await listDiscipline(s.officer, personId)).items).toEqual([]);
    const events = await auditOf('discipline_record', rec.id);
    expect(events.map((e) => e.action)).toEqual([
      'discipline_record.created',
      'discipline_record.updated',
      'discipline_record.removed',
    ]);
    expect(events[1]?.after).toEqual({ toDate: '2026-09-30' });
  });

  it('checks the fields and who may see or change them', async () => {
    const s = await setup();
    const personId = s.people.binh.id;
    const pending = {
      kind: 'complaint',
      fromDate: '2026-10-01',
      reason: 'Đơn khiếu nại đang xem xét',
    };
    await expectAppError(
      addDiscipline(s.officer, personId, { ...pending, level: 'Cảnh cáo' }),
      'VALIDATION_FAILED',
      'level',
    );
    await expectAppError(
      addDiscipline(s.officer, personId, { ...pending, toDate: '2026-09-01' }),
      'VALIDATION_FAILED',
      'toDate',
    );
    await expectAppError(addDiscipline(s.head, personId, pending), 'FORBIDDEN');
    await expectAppError(addDiscipline(s.otherOfficer, personId, pending), 'FORBIDDEN');
    await expectAppError(listDiscipline(s.staff, personId), 'FORBIDDEN');
    const rec = await addDiscipline(s.officer, personId, pending);
    expect(rec.blocksToday).toContain(
      'Khiếu nại, tố cáo đang xem xét từ 01/10/2026, chưa kết thúc',
    );
  });
});
