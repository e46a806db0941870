import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, type TestDb } from '../server/test/db';
import { verify } from '@node-rs/argon2';
import {
  BENCH_ADMIN,
  BENCH_OFFICER,
  BENCH_PASSWORD,
  apportion,
  distributeCommunes,
  generate,
  type GenerateResult,
  type Scale,
} from './generate';
import { rng } from '../server/demo/names';

const tiny: Scale = {
  provinces: 2,
  communeKinds: { commune: 3, ward: 1, special_zone: 1 },
  communesPerProvince: { min: 2, max: 3 },
  childUnitsPerCommune: 6,
  staffPerCommune: 3,
  departmentsPerProvince: 2,
  people: 5 * 3 + 9,
  seed: 42,
};

describe('apportion and distributeCommunes', () => {
  it('split totals exactly within bounds', () => {
    expect(apportion(40, [3, 10, 8, 7, 6, 4, 2])).toEqual([3, 10, 8, 7, 6, 4, 2]);
    expect(apportion(3, [3, 10, 8, 7, 6, 4, 2]).reduce((s, n) => s + n, 0)).toBe(3);
    const counts = distributeCommunes(3321, 34, { min: 38, max: 168 }, rng(1));
    expect(counts.reduce((s, n) => s + n, 0)).toBe(3321);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(38);
    expect(Math.max(...counts)).toBeLessThanOrEqual(168);
    expect(() => distributeCommunes(100, 2, { min: 1, max: 10 }, rng(1))).toThrow();
  });
});

describe('bench generator (tiny scale)', () => {
  let t: TestDb;
  let result: GenerateResult;
  beforeAll(async () => {
    t = await createTestDb();
    result = await generate(t.db, tiny);
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates the provinces, communes, child units and departments asked for', async () => {
    expect(result).toMatchObject({
      provinces: 2,
      communes: 5,
      units: 2 + 2 * 2 + 5 + 5 * 6,
      people: 24,
    });
    const byKind = await sql<{
      kind: string;
      n: number;
    }>`SELECT kind, count(*)::int AS n FROM org_unit GROUP BY kind ORDER BY kind`.execute(t.db);
    expect(Object.fromEntries(byKind.rows.map((r) => [r.kind, r.n]))).toEqual({
      province: 2,
      commune: 3,
      ward: 1,
      special_zone: 1,
      department: 2 * 2 + 5 * 3,
      one_stop: 5,
      party_mass_org: 5 * 2,
    });
    const roots = await t.db
      .selectFrom('orgUnit')
      .select('id')
      .where('parentId', 'is', null)
      .execute();
    expect(roots).toHaveLength(2);
    const perProvince = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM org_unit c JOIN org_unit p ON p.id = c.parent_id
      WHERE p.parent_id IS NULL AND c.kind IN ('commune', 'ward', 'special_zone') GROUP BY p.id`.execute(
      t.db,
    );
    for (const r of perProvince.rows) expect(r.n).toBeGreaterThanOrEqual(2);
    expect(perProvince.rows.reduce((s, r) => s + r.n, 0)).toBe(5);
  });

  it('writes ltree paths from the root and the province id on every unit and person', async () => {
    const units = await sql<{
      id: number;
      parentId: number | null;
      path: string;
      provinceId: number;
      parentPath: string | null;
      kind: string;
    }>`
      SELECT u.id, u.parent_id, u.path::text AS path, u.province_id, p.path::text AS parent_path, u.kind
      FROM org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id`.execute(t.db);
    for (const u of units.rows) {
      if (u.parentPath === null) {
        expect(u.path).toBe(String(u.id));
        expect(u.provinceId).toBe(u.id);
      } else {
        expect(u.path).toBe(`${u.parentPath}.${u.id}`);
        expect(u.path.startsWith(`${u.provinceId}.`)).toBe(true);
      }
    }
    const communes = units.rows.filter((u) => ['commune', 'ward', 'special_zone'].includes(u.kind));
    expect(communes).toHaveLength(5);
    for (const c of communes) expect(c.path).toBe(`${c.provinceId}.${c.id}`);
    const wrongProvince = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM person p JOIN org_unit u ON u.id = p.unit_id WHERE p.province_id IS DISTINCT FROM u.province_id`.execute(
      t.db,
    );
    expect(wrongProvince.rows[0]?.n).toBe(0);
  });

  it('staffs every commune exactly and gives each person one current assignment in their unit', async () => {
    const communeStaff = await sql<{ n: number }>`
      SELECT count(p.id)::int AS n FROM org_unit c
      LEFT JOIN org_unit s ON s.path <@ c.path LEFT JOIN person p ON p.unit_id = s.id
      WHERE c.kind IN ('commune', 'ward', 'special_zone') GROUP BY c.id`.execute(t.db);
    expect(communeStaff.rows.map((r) => r.n)).toEqual([3, 3, 3, 3, 3]);
    expect(
      Number(
        (
          await t.db
            .selectFrom('person')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(24);
    const assignments = await sql<{
      personId: number;
      current: number;
      total: number;
      sameUnit: boolean;
    }>`
      SELECT p.id AS person_id, count(a.id) FILTER (WHERE a.ended_on IS NULL)::int AS current, count(a.id)::int AS total,
             bool_and(a.unit_id = p.unit_id) AS same_unit
      FROM person p LEFT JOIN person_assignment a ON a.person_id = p.id GROUP BY p.id`.execute(
      t.db,
    );
    expect(assignments.rows).toHaveLength(24);
    for (const a of assignments.rows)
      expect(a).toMatchObject({ current: 1, total: 1, sameUnit: true });
  });

  it('moves the identity sequences past the explicit ids', async () => {
    const unit = await t.db
      .insertInto('orgUnit')
      .values({
        parentId: null,
        path: sql<string>`'0'::ltree`,
        provinceId: null,
        kind: 'province',
        name: 'Tỉnh sau sinh dữ liệu',
        displayName: 'Tỉnh sau sinh dữ liệu',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(unit.id).toBe(result.units + 1);
  });

  it('creates a system admin and an emulation officer at the province with the most communes', async () => {
    const grants = await t.db
      .selectFrom('roleGrant as g')
      .innerJoin('userAccount as a', 'a.id', 'g.userId')
      .select(['a.username', 'a.passwordHash', 'g.role', 'g.unitId'])
      .orderBy('a.username')
      .execute();
    expect(grants.map((g) => [g.username, g.role, g.unitId])).toEqual([
      [BENCH_ADMIN, 'admin', null],
      [BENCH_OFFICER, 'emulation_officer', result.officerProvinceId],
    ]);
    expect(await verify(grants[0]?.passwordHash ?? '', BENCH_PASSWORD)).toBe(true);
    const officerCommunes = await t.db
      .selectFrom('orgUnit')
      .select('id')
      .where('parentId', '=', result.officerProvinceId)
      .where('kind', 'in', ['commune', 'ward', 'special_zone'])
      .execute();
    expect(officerCommunes).toHaveLength(3);
  });

  it('refuses to generate into a database that already holds an organisation', async () => {
    await expect(generate(t.db, tiny)).rejects.toThrow(/empty/);
  });
});
