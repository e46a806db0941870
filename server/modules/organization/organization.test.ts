import { expectAppError } from '../../test/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { makePerson, makeTree, makeUser, testCtx } from '../../test/factories';
import { createUnit, getUnitDetail, listUnits, updateUnit } from './units.service';
import { getPersonDetail, listPeople, movePerson, updatePerson } from './people.service';
import { entityHistory } from '../audit/index';
import { sql } from 'kysely';
import * as pq from './people.queries';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

describe('units', () => {
  it('builds paths and refuses kinds that cannot sit under the parent, changing nothing', async () => {
    const ctx = testCtx(t);
    const tree = await makeTree(ctx);
    const detail = await getUnitDetail(ctx, tree.office.id);
    expect(detail.path.map((p) => p.name)).toEqual([
      tree.province.name,
      'Xã Lương Điền',
      'Văn phòng HĐND và UBND',
    ]);
    const before = (await listUnits(ctx, { parentId: String(tree.commune.id) })).total;
    const e = await expectAppError(
      createUnit(ctx, { parentId: tree.oneStop.id, name: 'Phòng con', kind: 'department' }),
      'VALIDATION_FAILED',
      'kind',
    );
    expect(e.message).toContain('Loại đơn vị');
    expect((await listUnits(ctx, { parentId: String(tree.commune.id) })).total).toBe(before);
  });

  it('holds both the historic three-level and the two-level shape', async () => {
    const ctx = testCtx(t);
    const province = await createUnit(ctx, {
      parentId: null,
      name: 'Tỉnh Hải Dương (thử)',
      kind: 'province',
    });
    const district = await createUnit(ctx, {
      parentId: province.id,
      name: 'Huyện Cẩm Giàng',
      kind: 'district',
    });
    const oldCommune = await createUnit(ctx, {
      parentId: district.id,
      name: 'Xã Lương Điền',
      kind: 'commune',
    });
    const newCommune = await createUnit(ctx, {
      parentId: province.id,
      name: 'Xã Cẩm Giàng',
      kind: 'commune',
    });
    expect((await getUnitDetail(ctx, oldCommune.id)).path).toHaveLength(3);
    expect((await getUnitDetail(ctx, newCommune.id)).path).toHaveLength(2);
  });

  it('keeps every path equal to its parent path plus its id under concurrent moves', async () => {
    const ctx = testCtx(t);
    const tree = await makeTree(ctx);
    const province2 = await createUnit(ctx, {
      parentId: null,
      name: `Tỉnh Song Song ${Date.now()}`,
      kind: 'province',
    });
    const other = await getUnitDetail(ctx, tree.otherCommune.id);
    const oneStop = await getUnitDetail(ctx, tree.oneStop.id);
    await Promise.all([
      updateUnit(ctx, tree.otherCommune.id, { version: other.version, parentId: province2.id }),
      updateUnit(ctx, tree.oneStop.id, {
        version: oneStop.version,
        parentId: tree.otherCommune.id,
      }),
    ]);
    const broken = await sql<{ id: number }>`
      SELECT c.id FROM org_unit c JOIN org_unit p ON p.id = c.parent_id
      WHERE c.path <> p.path || c.id::text::ltree`.execute(t.db);
    expect(broken.rows).toEqual([]);
    expect((await getUnitDetail(ctx, tree.oneStop.id)).path.map((p) => p.id)).toEqual([
      province2.id,
      tree.otherCommune.id,
      tree.oneStop.id,
    ]);
  });

  it('rejects a duplicate sibling name with a field error', async () => {
    const ctx = testCtx(t);
    const tree = await makeTree(ctx);
    await expectAppError(
      createUnit(ctx, { parentId: tree.commune.id, name: 'Bộ phận một cửa', kind: 'one_stop' }),
      'VALIDATION_FAILED',
      'name',
    );
  });

  it('finds units without accents, sorted in Vietnamese order', async () => {
    const ctx = testCtx(t);
    const tree = await makeTree(ctx);
    const found = await listUnits(ctx, {
      search: 'luong dien',
      parentId: String(tree.province.id),
    });
    expect(found.items.map((u) => u.name)).toEqual(['Xã Lương Điền']);
    const children = await listUnits(ctx, { parentId: String(tree.commune.id) });
    expect(children.items.map((u) => u.name)).toEqual([
      'Bộ phận một cửa',
      'Văn phòng HĐND và UBND',
    ]);
  });

  it('moves a subtree, keeps paths consistent, refuses moving under itself, and detects stale versions', async () => {
    const ctx = testCtx(t);
    const tree = await makeTree(ctx);
    const dept = await createUnit(ctx, {
      parentId: tree.office.id,
      name: 'Tổ một cửa liên thông',
      kind: 'department',
    });
    await expectAppError(
      updateUnit(ctx, tree.office.id, { version: tree.office.version, parentId: dept.id }),
      'VALIDATION_FAILED',
      'parentId',
    );
    const moved = await updateUnit(ctx, tree.office.id, {
      version: tree.office.version,
      parentId: tree.otherCommune.id,
      name: 'Văn phòng (chuyển)',
    });
    expect(moved.path.map((p) => p.id)).toEqual([
      tree.province.id,
      tree.otherCommune.id,
      tree.office.id,
    ]);
    expect((await getUnitDetail(ctx, dept.id)).path.map((p) => p.id)).toEqual([
      tree.province.id,
      tree.otherCommune.id,
      tree.office.id,
      dept.id,
    ]);
    await expectAppError(
      updateUnit(ctx, tree.office.id, { version: tree.office.version, name: 'Cũ' }),
      'CONFLICT',
    );
    const history = await entityHistory(ctx, 'org_unit', tree.office.id, {});
    expect(history.items[0]?.action).toBe('unit.moved');
    expect(history.items[0]?.after).toMatchObject({ name: 'Văn phòng (chuyển)' });
  });
});

describe('display names', () => {
  const displayOf = async (ctx: ReturnType<typeof testCtx>, id: number) =>
    (await getUnitDetail(ctx, id)).displayName;

  it('names a unit with its parent only where another unit of the tree bears its name', async () => {
    const ctx = testCtx(t);
    const tree = await makeTree(ctx);
    expect(await displayOf(ctx, tree.office.id)).toBe('Văn phòng HĐND và UBND – Xã Lương Điền');
    expect(await displayOf(ctx, tree.otherOffice.id)).toBe('Văn phòng HĐND và UBND – Xã Ngọc Liên');
    // Unique names stay short, and namesakes in another province do not count.
    expect(await displayOf(ctx, tree.oneStop.id)).toBe('Bộ phận một cửa');
    expect(await displayOf(ctx, tree.commune.id)).toBe('Xã Lương Điền');
    const other = await makeTree(ctx);
    expect(await displayOf(ctx, tree.oneStop.id)).toBe('Bộ phận một cửa');
    expect(await displayOf(ctx, other.office.id)).toBe('Văn phòng HĐND và UBND – Xã Lương Điền');
  });

  it('goes further up when the parents share a name too (historic three-level shape)', async () => {
    const ctx = testCtx(t);
    const tree = await makeTree(ctx);
    const districts = await Promise.all(
      ['Huyện Mỹ Đức', 'Huyện Ứng Hòa'].map((name) =>
        createUnit(ctx, { parentId: tree.province.id, name, kind: 'district' }),
      ),
    );
    const offices = [];
    for (const d of districts) {
      const commune = await createUnit(ctx, { parentId: d.id, name: 'Xã An Phú', kind: 'commune' });
      offices.push(
        await createUnit(ctx, { parentId: commune.id, name: 'Bộ phận một cửa', kind: 'one_stop' }),
      );
    }
    expect(await Promise.all(offices.map((o) => displayOf(ctx, o.id)))).toEqual([
      'Bộ phận một cửa – Xã An Phú – Huyện Mỹ Đức',
      'Bộ phận một cửa – Xã An Phú – Huyện Ứng Hòa',
    ]);
    expect(await displayOf(ctx, tree.oneStop.id)).toBe('Bộ phận một cửa – Xã Lương Điền');
    expect(await displayOf(ctx, districts[0]?.id ?? 0)).toBe('Huyện Mỹ Đức');
  });

  it('follows renames and moves, in the old tree and the new', async () => {
    const ctx = testCtx(t);
    const tree = await makeTree(ctx);
    const renamed = await updateUnit(ctx, tree.otherOffice.id, {
      version: tree.otherOffice.version,
      name: 'Văn phòng Đảng ủy',
    });
    expect(renamed.displayName).toBe('Văn phòng Đảng ủy');
    expect(await displayOf(ctx, tree.office.id)).toBe('Văn phòng HĐND và UBND');
    // Renaming the commune renames its namesake children's display names.
    const back = await updateUnit(ctx, renamed.id, {
      version: renamed.version,
      name: 'Văn phòng HĐND và UBND',
    });
    const commune = await updateUnit(ctx, tree.commune.id, {
      version: tree.commune.version,
      name: 'Xã Lương Điền mới',
    });
    expect(commune.displayName).toBe('Xã Lương Điền mới');
    expect(await displayOf(ctx, tree.office.id)).toBe('Văn phòng HĐND và UBND – Xã Lương Điền mới');
    // Moving one namesake to another province leaves both unique in their trees.
    const other = await createUnit(ctx, {
      parentId: null,
      name: `Tỉnh Khác ${tree.province.id}`,
      kind: 'province',
    });
    await updateUnit(ctx, back.id, { version: back.version, parentId: other.id });
    expect(await displayOf(ctx, tree.office.id)).toBe('Văn phòng HĐND và UBND');
    expect(await displayOf(ctx, back.id)).toBe('Văn phòng HĐND và UBND');
  });
});

describe('people', () => {
  it('searches accent- and case-insensitively and sorts by given name in Vietnamese order', async () => {
    const ctx = testCtx(t);
    const tree = await makeTree(ctx);
    for (const n of [
      'Nguyễn Văn An',
      'Trần Thị Ánh',
      'Lê Văn Bình',
      'Phạm Thị Ân',
      'Đặng Văn Đức',
      'Nguyễn Thị Dung',
      'Hoàng Văn An',
    ]) {
      await makePerson(ctx, tree.office.id, n);
    }
    const byAccentless = await listPeople(ctx, {
      search: 'NGUYEN VAN AN',
      unitId: String(tree.commune.id),
    });
    expect(byAccentless.items.map((p) => p.fullName)).toEqual(['Nguyễn Văn An']);
    const dang = await listPeople(ctx, { search: 'dang van duc', unitId: String(tree.commune.id) });
    expect(dang.items.map((p) => p.fullName)).toEqual(['Đặng Văn Đức']);
    const all = await listPeople(ctx, { unitId: String(tree.commune.id), pageSize: '50' });
    expect(all.items.map((p) => p.fullName)).toEqual([
      'Hoàng Văn An',
      'Nguyễn Văn An',
      'Trần Thị Ánh',
      'Phạm Thị Ân',
      'Lê Văn Bình',
      'Nguyễn Thị Dung',
      'Đặng Văn Đức',
    ]);
    const paged = await listPeople(ctx, {
      unitId: String(tree.commune.id),
      pageSize: '3',
      page: '3',
    });
    expect(paged.total).toBe(7);
    expect(paged.items.map((p) => p.fullName)).toEqual(['Đặng Văn Đức']);
  });

  it('gives the same pages whichever plan it picks, and caps the count', async () => {
    const ctx = testCtx(t);
    const tree = await makeTree(ctx);
    const names = [
      'Bùi Thị Ánh',
      'Lê Văn Ân',
      'Trần Văn An',
      'Đỗ Thị Yến',
      'Ngô Văn Bảo',
      'Hồ Thị Ánh',
      'Võ Văn Đạt',
      'Phan Thị Cúc',
    ];
    for (const n of names) await makePerson(ctx, tree.oneStop.id, n);
    const where = sql<boolean>`p.unit_id = ${tree.oneStop.id}`;
    const pages = async (limits: { countCap?: number; materializeMax?: number }) => {
      const out: string[] = [];
      for (let page = 1; page <= 3; page++)
        out.push(
          ...(await pq.listPeople(t.db, where, page, 3, limits)).items.map((p) => p.fullName),
        );
      return out;
    };
    const sorted = await pages({ materializeMax: 100 });
    expect(sorted).toEqual([
      'Trần Văn An',
      'Bùi Thị Ánh',
      'Hồ Thị Ánh',
      'Lê Văn Ân',
      'Ngô Văn Bảo',
      'Phan Thị Cúc',
      'Võ Văn Đạt',
      'Đỗ Thị Yến',
    ]);
    expect(await pages({ materializeMax: 0 })).toEqual(sorted);
    expect(await pq.listPeople(t.db, where, 1, 3, { countCap: 5 })).toMatchObject({
      total: 5,
      totalCapped: true,
    });
    expect(await pq.listPeople(t.db, where, 1, 3, { countCap: 8 })).toMatchObject({
      total: 8,
      totalCapped: false,
    });
    expect((await pq.listPeople(t.db, where, 9, 3)).items).toEqual([]);
    // Past a capped count, pages still come (read in sort order), they are not cut off at the cap.
    expect(
      (await pq.listPeople(t.db, where, 3, 3, { countCap: 4, materializeMax: 2 })).items.map(
        (p) => p.fullName,
      ),
    ).toEqual(['Võ Văn Đạt', 'Đỗ Thị Yến']);
  });

  it('filters lists by the actor subtree in SQL', async () => {
    const sys = testCtx(t);
    const tree = await makeTree(sys);
    await makePerson(sys, tree.office.id, 'Người Trong Phạm Vi');
    await makePerson(sys, tree.otherOffice.id, 'Người Ngoài Phạm Vi');
    const head = await makeUser(sys, 'unit_head', tree.commune.id);
    const ctx = testCtx(t, head.actor);
    const seen = await listPeople(ctx, { search: 'pham vi' });
    expect(seen.items.map((p) => p.fullName)).toEqual(['Người Trong Phạm Vi']);
    const roots = await listUnits(ctx, {});
    expect(roots.items.map((u) => u.id)).toEqual([tree.commune.id]);
    await expectAppError(getUnitDetail(ctx, tree.otherCommune.id), 'FORBIDDEN');
  });

  it('validates fields in Vietnamese and writes nothing on bad input', async () => {
    const ctx = testCtx(t);
    const tree = await makeTree(ctx);
    const e = await expectAppError(
      makePerson(ctx, tree.office.id, '  ', { birthYear: 1850, email: 'sai' }),
      'VALIDATION_FAILED',
      'fullName',
    );
    expect(e.message).toContain('Họ và tên: không được để trống');
    await expectAppError(
      makePerson(ctx, tree.office.id, 'Nguyễn Văn Tuổi', { birthYear: 2020 }),
      'VALIDATION_FAILED',
      'birthYear',
    );
    await expectAppError(
      makePerson(ctx, tree.office.id, 'Nguyễn Văn Số', { phone: '12' }),
      'VALIDATION_FAILED',
      'phone',
    );
    expect((await listPeople(ctx, { unitId: String(tree.commune.id) })).total).toBe(0);
  });

  it('moves a person between units keeping the assignment history', async () => {
    const ctx = testCtx(t);
    const tree = await makeTree(ctx);
    const p = await makePerson(ctx, tree.office.id, 'Lương Văn Điền', {
      position: 'Công chức Văn phòng - Thống kê',
    });
    await expectAppError(
      movePerson(ctx, p.id, {
        version: p.version,
        unitId: tree.oneStop.id,
        effectiveDate: '2020-01-01',
      }),
      'VALIDATION_FAILED',
      'effectiveDate',
    );
    const moved = await movePerson(ctx, p.id, {
      version: p.version,
      unitId: tree.oneStop.id,
      position: 'Công chức một cửa',
      effectiveDate: '2027-01-01',
    });
    expect(moved.unitId).toBe(tree.oneStop.id);
    const detail = await getPersonDetail(ctx, p.id);
    expect(detail.assignments.map((a) => [a.unitId, a.position, a.startedOn, a.endedOn])).toEqual([
      [tree.oneStop.id, 'Công chức một cửa', '2027-01-01', null],
      [tree.office.id, 'Công chức Văn phòng - Thống kê', '2026-11-22', '2026-12-31'],
    ]);
    await expectAppError(
      updatePerson(ctx, p.id, { version: p.version, position: 'X' }),
      'CONFLICT',
    );
    const history = await entityHistory(ctx, 'person', p.id, {});
    expect(history.items.map((h) => h.action)).toEqual(['person.moved', 'person.created']);
  });

  it('lets a unit head manage people only inside their subtree', async () => {
    const sys = testCtx(t);
    const tree = await makeTree(sys);
    const outsider = await makePerson(sys, tree.otherOffice.id, 'Ngoài Phạm Vi');
    const head = await makeUser(sys, 'unit_head', tree.commune.id);
    const ctx = testCtx(t, head.actor);
    const mine = await makePerson(ctx, tree.office.id, 'Trong Phạm Vi');
    expect(mine.unitId).toBe(tree.office.id);
    await expectAppError(makePerson(ctx, tree.otherOffice.id, 'Không Được Thêm'), 'FORBIDDEN');
    await expectAppError(
      updatePerson(ctx, outsider.id, { version: 1, position: 'Sửa trộm' }),
      'FORBIDDEN',
    );
    await expectAppError(
      movePerson(ctx, mine.id, {
        version: mine.version,
        unitId: tree.otherOffice.id,
        effectiveDate: '2027-01-01',
      }),
      'FORBIDDEN',
    );
    const staff = await makeUser(sys, 'staff', tree.commune.id);
    await expectAppError(
      makePerson(testCtx(t, staff.actor), tree.office.id, 'Nhân Viên Thêm'),
      'FORBIDDEN',
    );
  });
});
