import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { createUnit } from '../organization/index';
import { registerForPlan, registerStaffInBulk } from './registrations.service';
import { approveRegistration, withdrawRegistration } from './review.service';
import {
  exportPlanRegistrations,
  listPlanRegistrations,
  registrationProgress,
} from './lists.service';
import { formatStamp, streamRegistrationSheet } from './registration-xlsx';
import type { RegistrationRecord } from './registrations.schemas';
import { commitments, expectAppError, world, type World } from './registrations.fixtures';

let t: TestDb;
let w: World;
let ids: { oneStop: number; binh: number };

/** One plan with registrations in two communes: the commune's unit and staff, the other's. */
beforeAll(async () => {
  t = await createTestDb();
  w = await world(t);
  const oneStop = await registerForPlan(w.as('head'), w.plan.id, {
    kind: 'collective',
    unitId: w.tree.oneStop.id,
    commitments,
  });
  const staff = await registerStaffInBulk(w.as('head'), w.plan.id, {
    unitId: w.tree.oneStop.id,
    personIds: [w.people.an.id, w.people.binh.id],
    commitments,
  });
  await registerForPlan(w.as('otherHead'), w.plan.id, {
    kind: 'collective',
    unitId: w.otherOneStop.id,
    commitments,
  });
  await registerForPlan(w.as('lonelyEm'), w.plan.id, {
    kind: 'individual',
    personId: w.people.em.id,
    commitments,
  });
  await approveRegistration(w.as('officer'), oneStop.id, { version: oneStop.version });
  const binh = staff.items.find((r) => r.person?.id === w.people.binh.id);
  ids = { oneStop: oneStop.id, binh: binh?.id ?? 0 };
});
afterAll(async () => {
  await t.close();
});

const names = (items: { unit: { name: string }; person: { fullName: string } | null }[]) =>
  items.map((r) => r.person?.fullName ?? r.unit.name);

describe('registration list', () => {
  it('shows everything to the plan’s tree, the actor’s subtree to others, and own ones', async () => {
    const all = await listPlanRegistrations(w.as('officer'), w.plan.id, {});
    expect(all.total).toBe(5);
    // Collectives first, then people by given name.
    expect(names(all.items)).toEqual([
      'Bộ phận một cửa',
      'Bộ phận một cửa Ngọc Liên',
      'Nguyễn Văn An',
      'Trần Thị Bình',
      'Hoàng Thị Em',
    ]);
    const commune = await listPlanRegistrations(w.as('head'), w.plan.id, {});
    expect(names(commune.items)).toEqual(['Bộ phận một cửa', 'Nguyễn Văn An', 'Trần Thị Bình']);
    // Each row carries the actor's permissions: the officer reviews, the head acts as registrant.
    expect(all.items.every((r) => r.permissions.canApprove === (r.status === 'submitted'))).toBe(
      true,
    );
    expect(commune.items.map((r) => r.permissions.canApprove)).toEqual([false, false, false]);
    expect(commune.items.some((r) => r.permissions.canWithdraw || r.permissions.canResubmit)).toBe(
      true,
    );
    const other = await listPlanRegistrations(w.as('otherHead'), w.plan.id, {});
    expect(names(other.items)).toEqual(['Bộ phận một cửa Ngọc Liên', 'Hoàng Thị Em']);
    const own = await listPlanRegistrations(w.as('lonelyEm'), w.plan.id, {});
    expect(names(own.items)).toEqual(['Hoàng Thị Em']);
  });

  it('filters by status, kind, unit subtree and accent-insensitive name, and pages', async () => {
    const list = (q: object) => listPlanRegistrations(w.as('officer'), w.plan.id, q);
    expect(names((await list({ status: 'approved' })).items)).toEqual(['Bộ phận một cửa']);
    expect((await list({ kind: 'individual' })).total).toBe(3);
    expect(names((await list({ unitId: w.tree.otherCommune.id })).items)).toEqual([
      'Bộ phận một cửa Ngọc Liên',
      'Hoàng Thị Em',
    ]);
    expect(names((await list({ search: 'nguyen van AN' })).items)).toEqual(['Nguyễn Văn An']);
    expect((await list({ search: 'ngọc liên' })).total).toBe(2);
    expect((await list({ search: '100%' })).total).toBe(0);
    const page = await list({ page: 2, pageSize: 2 });
    expect(page.total).toBe(5);
    expect(names(page.items)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình']);
  });
});

/** The rows of the first sheet of a streamed .xlsx, header first, without ExcelJS's empty slot 0. */
async function sheetRows(stream: Readable): Promise<unknown[][]> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(chunks) as unknown as ExcelJS.Buffer);
  const rows = (wb.worksheets[0]?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
  return rows.map((r) => r.slice(1));
}

/** Who a sheet row is about: the person, or the unit for a collective. */
const sheetNames = (rows: unknown[][]) =>
  rows.slice(1).map((r) => (typeof r[3] === 'string' && r[3] !== '' ? r[3] : r[2]));

describe('registration export', () => {
  type Who = keyof World['users'];
  const exported = async (who: Who, query: object = {}, batchSize?: number) =>
    sheetRows((await exportPlanRegistrations(w.as(who), w.plan.id, query, { batchSize })).stream);

  it('writes the list’s rows in its order across batches, numbered, in the actor’s view', async () => {
    for (const who of ['officer', 'head', 'otherHead', 'lonelyEm'] as const) {
      const list = await listPlanRegistrations(w.as(who), w.plan.id, {});
      for (const batchSize of [1, 2, undefined]) {
        const rows = await exported(who, {}, batchSize);
        expect(sheetNames(rows)).toEqual(names(list.items));
        expect(rows.slice(1).map((r) => r[0])).toEqual(list.items.map((_, i) => i + 1));
      }
    }
    const rows = await exported('officer', {}, 2);
    expect(rows[0]).toEqual([
      'STT',
      'Loại',
      'Đơn vị',
      'Họ và tên',
      'Chức vụ',
      'Danh hiệu đăng ký',
      'Chỉ tiêu',
      'Nhiệm vụ trọng tâm',
      'Nhiệm vụ đột phá',
      'Trạng thái',
      'Đăng ký lúc',
      'Muộn/Lý do',
    ]);
    // Nguyễn Văn An, the third row: submitted by the head on time, not decided.
    expect(rows[3]).toEqual([
      3,
      'Cá nhân',
      'Bộ phận một cửa',
      'Nguyễn Văn An',
      'Công chức Tư pháp',
      'Tập thể lao động xuất sắc',
      '- 100% hồ sơ giải quyết đúng hạn\n- Tỷ lệ hồ sơ trực tuyến đạt 80%',
      '- Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
      '- Triển khai thanh toán trực tuyến phí, lệ phí',
      'Chờ duyệt',
      '15/07/2020 09:00',
    ]);
    expect(rows[1]?.[9]).toBe('Đã duyệt');
  });

  it('applies the list’s filters: status, kind, unit subtree, accent-insensitive search', async () => {
    const as = (query: object) => exported('officer', query, 1).then(sheetNames);
    expect(await as({ status: 'approved' })).toEqual(['Bộ phận một cửa']);
    expect(await as({ kind: 'individual' })).toEqual([
      'Nguyễn Văn An',
      'Trần Thị Bình',
      'Hoàng Thị Em',
    ]);
    expect(await as({ unitId: w.tree.otherCommune.id })).toEqual([
      'Bộ phận một cửa Ngọc Liên',
      'Hoàng Thị Em',
    ]);
    expect(await as({ search: 'nguyen van AN' })).toEqual(['Nguyễn Văn An']);
    expect(await as({ search: '100%' })).toEqual([]);
    expect(await exported('head', { kind: 'collective' })).toHaveLength(2);
  });

  it('refuses bad input and unknown plans or units before any byte is sent', async () => {
    await expectAppError(
      exportPlanRegistrations(w.as('officer'), w.plan.id, { status: 'xyz' }),
      'VALIDATION_FAILED',
      'status',
    );
    await expectAppError(exportPlanRegistrations(w.as('officer'), 999_999, {}), 'NOT_FOUND');
    await expectAppError(
      exportPlanRegistrations(w.as('officer'), w.plan.id, { unitId: 999_999 }),
      'NOT_FOUND',
    );
  });
});

/** A registration whose targets are 1,200 characters that do not compress. */
function bulky(i: number): RegistrationRecord {
  return {
    id: i,
    planId: 1,
    kind: 'individual',
    unitId: 1,
    unitPath: '1',
    unitName: 'Bộ phận một cửa',
    unitKind: 'one_stop',
    personId: i,
    personName: `Nguyễn Văn ${i}`,
    personPosition: null,
    personCategory: 'cong_chuc',
    status: 'submitted',
    commitments: { ...commitments, targets: [randomBytes(900).toString('base64')] },
    submittedAt: new Date(T0),
    submittedBy: null,
    submittedByName: null,
    late: false,
    lateReason: null,
    decidedAt: null,
    decidedByName: null,
    returnReason: null,
    version: 1,
    updatedAt: new Date(T0),
  };
}
const T0 = '2020-07-15T02:00:00Z';

describe('streamed sheet', () => {
  /** 50 batches of 40 rows, each after a short wait as a database round trip would take. */
  function source() {
    const state = { pulled: 0, closed: false };
    async function* batches() {
      try {
        for (let b = 0; b < 50; b++) {
          await sleep(2);
          state.pulled++;
          yield Array.from({ length: 40 }, (_, i) => bulky(b * 40 + i + 1));
        }
      } finally {
        state.closed = true;
      }
    }
    return { state, batches: batches() };
  }

  it('reads the next batch only as the reader takes the file, and then writes every row', async () => {
    const { state, batches } = source();
    const stream = streamRegistrationSheet(batches);
    // Wait until no batch has been read for 100 ms: unthrottled, that is after all 50.
    for (let seen = -1; seen !== state.pulled; await sleep(100)) seen = state.pulled;
    expect(state.pulled).toBeLessThan(25);
    const rows = await sheetRows(stream);
    expect(state).toEqual({ pulled: 50, closed: true });
    expect(rows).toHaveLength(2001);
    expect(rows[2000]?.slice(0, 4)).toEqual([
      2000,
      'Cá nhân',
      'Bộ phận một cửa',
      'Nguyễn Văn 2000',
    ]);
  });

  it('writes times in Vietnam time (UTC+7), across midnight and the year', () => {
    expect(formatStamp(new Date('2020-07-15T02:00:00Z'))).toBe('15/07/2020 09:00');
    expect(formatStamp(new Date('2020-12-31T17:05:00Z'))).toBe('01/01/2021 00:05');
    expect(formatStamp(new Date('2021-02-28T16:59:59Z'))).toBe('28/02/2021 23:59');
  });

  it('stops reading when the reader goes away, and breaks off on a failure', async () => {
    const { state, batches } = source();
    const stream = streamRegistrationSheet(batches);
    await sleep(100);
    stream.destroy();
    await sleep(50);
    expect(state.closed).toBe(true);
    const pulled = state.pulled;
    expect(pulled).toBeLessThan(50);
    await sleep(50);
    expect(state.pulled).toBe(pulled);

    async function* failing() {
      yield [bulky(1)];
      throw new Error('connection lost');
    }
    await expect(sheetRows(streamRegistrationSheet(failing()))).rejects.toThrow('connection lost');
  });
});

describe('progress by unit', () => {
  it('counts eligible units and staff, registered ones, for the whole plan', async () => {
    const p = await registrationProgress(w.as('officer'), w.plan.id, {});
    expect(p).toMatchObject({
      unitsEligible: 2,
      unitsRegistered: 2,
      peopleEligible: 3,
      peopleRegistered: 3,
      total: 2,
    });
    expect(p.items).toMatchObject([
      {
        unitName: 'Bộ phận một cửa',
        parentName: 'Xã Lương Điền',
        status: 'approved',
        peopleRegistered: 2,
        peopleEligible: 2,
      },
      {
        unitName: 'Bộ phận một cửa Ngọc Liên',
        status: 'submitted',
        peopleRegistered: 1,
        peopleEligible: 1,
      },
    ]);
    // Each row says whether the actor may register the unit; the unit's path stays inside.
    expect(p.items.map((r) => r.canRegister)).toEqual([true, true]);
    expect(p.items[0]).not.toHaveProperty('unitPath');
    const asHead = await registrationProgress(w.as('head'), w.plan.id, {});
    expect(asHead.items.map((r) => [r.unitName, r.canRegister])).toEqual([
      ['Bộ phận một cửa', true],
    ]);
  });

  it('keeps to the actor’s subtree, leaves withdrawn registrations out and searches', async () => {
    const bin = (await listPlanRegistrations(w.as('head'), w.plan.id, { search: 'binh' })).items;
    await withdrawRegistration(w.as('head'), ids.binh, { version: bin[0]?.version ?? 0 });
    const p = await registrationProgress(w.as('head'), w.plan.id, {});
    expect(p).toMatchObject({
      unitsEligible: 1,
      unitsRegistered: 1,
      peopleEligible: 2,
      peopleRegistered: 1,
    });
    expect(p.items).toMatchObject([{ unitName: 'Bộ phận một cửa', peopleRegistered: 1 }]);
    const searched = await registrationProgress(w.as('officer'), w.plan.id, {
      search: 'ngoc lien',
    });
    expect(searched.items.map((r) => r.unitName)).toEqual(['Bộ phận một cửa Ngọc Liên']);
    expect(searched.unitsEligible).toBe(2);
  });
});

describe('units of the same name', () => {
  it('are told apart by their commune in the list, the .xlsx and the progress', async () => {
    const v = await world(t);
    const namesake = await createUnit(v.sys, {
      parentId: v.tree.otherCommune.id,
      name: 'Bộ phận một cửa',
      kind: 'one_stop',
    });
    await registerForPlan(v.as('head'), v.plan.id, {
      kind: 'collective',
      unitId: v.tree.oneStop.id,
      commitments,
    });
    await registerForPlan(v.as('otherHead'), v.plan.id, {
      kind: 'collective',
      unitId: namesake.id,
      commitments,
    });
    const expected = ['Bộ phận một cửa – Xã Lương Điền', 'Bộ phận một cửa – Xã Ngọc Liên'];
    const list = await listPlanRegistrations(v.as('officer'), v.plan.id, {});
    expect(names(list.items)).toEqual(expected);
    const rows = await sheetRows(
      (await exportPlanRegistrations(v.as('officer'), v.plan.id, {})).stream,
    );
    expect(sheetNames(rows)).toEqual(expected);
    const progress = await registrationProgress(v.as('officer'), v.plan.id, {});
    // The parent is not repeated when the name already carries it; a unique name keeps it.
    expect(progress.items.map((r) => [r.unitName, r.parentName])).toEqual([
      [expected[0], null],
      [expected[1], null],
      ['Bộ phận một cửa Ngọc Liên', 'Xã Ngọc Liên'],
    ]);
  });
});
