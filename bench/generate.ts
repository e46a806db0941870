import { sql } from 'kysely';
import type { Gender, PersonCategory, UnitKind } from '../shared/org';
import type { Db } from '../server/platform/db';
import type { Transaction } from 'kysely';
import type { Database } from '../server/db/schema';
import { hashPassword } from '../server/modules/auth/index';
import { refreshUnitDisplayNames } from '../server/modules/organization/index';
import { pick, rng, vietnameseName } from '../server/demo/names';
import {
  PROVINCES,
  COMMUNE_LEADERS,
  COMMUNE_CHILDREN,
  PROVINCIAL_DEPARTMENTS,
  PROVINCIAL_AGENCIES,
  DEPARTMENT_STAFF,
  AGENCY_STAFF,
  communePrefix,
  cc,
  shuffle,
  placeNames,
  apportion,
  distributeCommunes,
} from './national-shape';
import type { StaffSlot, CommuneKind } from './national-shape';

/**
 * National-scale benchmark data, written with bulk SQL (unnest arrays, one transaction), not through
 * the services: no audit rows are written for it. Shape: province › commune/ward/special zone ›
 * departments, one-stop unit, mass organisations; plus provincial departments and agencies.
 */

export type Scale = {
  provinces: number;
  /** How many of each commune-level kind; their sum is the number of communes. */
  communeKinds: { commune: number; ward: number; special_zone: number };
  /** Communes per province are drawn between these bounds (inclusive), summing exactly. */
  communesPerProvince: { min: number; max: number };
  /** Child units under every commune (1–10: offices, one-stop centre, Party and Front bodies). */
  childUnitsPerCommune: number;
  /** Staff in every commune (the commune itself and its child units), exactly. */
  staffPerCommune: number;
  /** Provincial departments (Sở) and public service units under every province. */
  departmentsPerProvince: number;
  /** People in all: what the communes do not hold is spread over the provincial departments. */
  people: number;
  seed: number;
};

/** 34 provinces and 3,321 communes as after 1 July 2025; 40 staff a commune; 300,000 people in all. */
export const nationalScale: Scale = {
  provinces: 34,
  communeKinds: { commune: 2621, ward: 687, special_zone: 13 },
  communesPerProvince: { min: 38, max: 168 },
  childUnitsPerCommune: 6,
  staffPerCommune: 40,
  departmentsPerProvince: 25,
  people: 300_000,
  seed: 20_250_701,
};

export const BENCH_PASSWORD = 'bench-password';
export const BENCH_ADMIN = 'bench.admin';
export const BENCH_OFFICER = 'bench.officer';

export type GenerateResult = {
  provinces: number;
  communes: number;
  units: number;
  people: number;
  /** The province the emulation officer is granted at (the one with the most communes). */
  officerProvinceId: number;
  generateMs: number;
};

type Trx = Transaction<Database>;
type Logger = (line: string) => void;

type UnitRows = {
  id: number[];
  parentId: (number | null)[];
  path: string[];
  provinceId: number[];
  kind: UnitKind[];
  name: string[];
};
type PersonRows = {
  id: number[];
  unitId: number[];
  provinceId: number[];
  fullName: string[];
  gender: Gender[];
  birthYear: number[];
  category: PersonCategory[];
  position: string[];
  phone: string[];
  startedOn: string[];
};

const emptyPeople = (): PersonRows => ({
  id: [],
  unitId: [],
  provinceId: [],
  fullName: [],
  gender: [],
  birthYear: [],
  category: [],
  position: [],
  phone: [],
  startedOn: [],
});

/** True when the organisation tables are empty (the generator refuses to mix with other data). */
export async function isOrganisationEmpty(db: Db): Promise<boolean> {
  const unit = await db.selectFrom('orgUnit').select('id').limit(1).executeTakeFirst();
  const person = await db.selectFrom('person').select('id').limit(1).executeTakeFirst();
  return unit === undefined && person === undefined;
}

const BATCH = 20_000;

async function insertUnits(trx: Trx, u: UnitRows): Promise<void> {
  for (let i = 0; i < u.id.length; i += BATCH) {
    const s = (a: readonly unknown[]) => a.slice(i, i + BATCH);
    await sql`
      INSERT INTO org_unit (id, parent_id, path, province_id, kind, name, display_name)
      SELECT id, parent_id, path::ltree, province_id, kind, name, name
      FROM unnest(${s(u.id)}::int[], ${s(u.parentId)}::int[], ${s(u.path)}::text[], ${s(u.provinceId)}::int[],
                  ${s(u.kind)}::text[], ${s(u.name)}::text[]) AS t(id, parent_id, path, province_id, kind, name)`.execute(
      trx,
    );
  }
}

async function insertPeople(trx: Trx, p: PersonRows): Promise<void> {
  if (p.id.length === 0) return;
  await sql`
    INSERT INTO person (id, unit_id, province_id, full_name, gender, birth_year, category, position, phone)
    OVERRIDING SYSTEM VALUE
    SELECT * FROM unnest(${p.id}::int[], ${p.unitId}::int[], ${p.provinceId}::int[], ${p.fullName}::text[],
                         ${p.gender}::text[], ${p.birthYear}::smallint[], ${p.category}::text[], ${p.position}::text[], ${p.phone}::text[])`.execute(
    trx,
  );
  await sql`
    INSERT INTO person_assignment (person_id, unit_id, position, started_on)
    SELECT * FROM unnest(${p.id}::int[], ${p.unitId}::int[], ${p.position}::text[], ${p.startedOn}::date[])`.execute(
    trx,
  );
}

/**
 * Generates the organisation and staff into an empty database and creates the bench accounts
 * (system admin `bench.admin`; emulation officer `bench.officer` at the province with the most
 * communes; password BENCH_PASSWORD). Deterministic for a given scale. Runs ANALYZE at the end.
 */
export async function generate(
  db: Db,
  scale: Scale = nationalScale,
  log: Logger = () => {},
): Promise<GenerateResult> {
  const started = performance.now();
  const communes =
    scale.communeKinds.commune + scale.communeKinds.ward + scale.communeKinds.special_zone;
  const communeStaff = communes * scale.staffPerCommune;
  const provincialStaff = scale.people - communeStaff;
  if (provincialStaff < 0 || (provincialStaff > 0 && scale.departmentsPerProvince === 0)) {
    throw new Error(
      `scale: ${scale.people} people cannot hold ${communeStaff} commune staff plus provincial staff`,
    );
  }
  if (scale.childUnitsPerCommune < 1 || scale.childUnitsPerCommune > COMMUNE_CHILDREN.length) {
    throw new Error(`scale: childUnitsPerCommune must be 1–${COMMUNE_CHILDREN.length}`);
  }
  if (scale.provinces > PROVINCES.length)
    throw new Error(`scale: at most ${PROVINCES.length} provinces`);
  if (!(await isOrganisationEmpty(db))) {
    throw new Error(
      'The benchmark generator needs an empty organisation (org_unit and person): use a fresh database.',
    );
  }

  const r = rng(scale.seed);
  const perProvince = distributeCommunes(communes, scale.provinces, scale.communesPerProvince, r);
  const kinds = shuffle(
    (Object.keys(scale.communeKinds) as CommuneKind[]).flatMap((k) =>
      new Array<CommuneKind>(scale.communeKinds[k]).fill(k),
    ),
    r,
  );
  const children = COMMUNE_CHILDREN.slice(0, scale.childUnitsPerCommune);
  const communeShares = apportion(scale.staffPerCommune, [
    COMMUNE_LEADERS.weight,
    ...children.map((c) => c.weight),
  ]);
  const departmentCount = scale.provinces * scale.departmentsPerProvince;
  const departmentShares = apportion(
    provincialStaff,
    Array.from(
      { length: departmentCount },
      (_, i) =>
        (0.5 + r()) * (i % scale.departmentsPerProvince >= PROVINCIAL_DEPARTMENTS.length ? 1.6 : 1),
    ),
  );

  const units: UnitRows = { id: [], parentId: [], path: [], provinceId: [], kind: [], name: [] };
  let nextUnitId = 1;
  const addUnit = (
    parentId: number | null,
    parentPath: string | null,
    provinceId: number | null,
    kind: UnitKind,
    name: string,
  ) => {
    const id = nextUnitId++;
    const path = parentPath === null ? String(id) : `${parentPath}.${id}`;
    units.id.push(id);
    units.parentId.push(parentId);
    units.path.push(path);
    units.provinceId.push(provinceId ?? id);
    units.kind.push(kind);
    units.name.push(name);
    return { id, path };
  };

  // Staff slots per unit, filled after the tree is known: [unitId, provinceId, count, slots].
  const staffing: {
    unitId: number;
    provinceId: number;
    count: number;
    slots: StaffSlot[];
    startedOn: () => string;
  }[] = [];
  const mergerDay = () => '2025-07-01'; // commune staff were (re)appointed when the two-level shape took effect
  const earlierDay = () =>
    `${2008 + Math.floor(r() * 17)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-01`;
  let communeIndex = 0;
  let departmentIndex = 0;
  let officerProvinceId = 0;
  let officerProvinceCommunes = -1;
  for (let p = 0; p < scale.provinces; p++) {
    const province = addUnit(null, null, null, 'province', PROVINCES[p] ?? `Tỉnh ${p + 1}`);
    const count = perProvince[p] ?? 0;
    if (count > officerProvinceCommunes) {
      officerProvinceCommunes = count;
      officerProvinceId = province.id;
    }
    for (let d = 0; d < scale.departmentsPerProvince; d++) {
      const isDepartment = d < PROVINCIAL_DEPARTMENTS.length;
      const name = isDepartment
        ? PROVINCIAL_DEPARTMENTS[d]
        : PROVINCIAL_AGENCIES[d - PROVINCIAL_DEPARTMENTS.length];
      const dept = addUnit(
        province.id,
        province.path,
        province.id,
        isDepartment ? 'department' : 'public_service_unit',
        name ?? `Đơn vị sự nghiệp ${d + 1}`,
      );
      staffing.push({
        unitId: dept.id,
        provinceId: province.id,
        count: departmentShares[departmentIndex++] ?? 0,
        slots: isDepartment ? DEPARTMENT_STAFF : AGENCY_STAFF,
        startedOn: earlierDay,
      });
    }
    const places = placeNames(count, r);
    for (let c = 0; c < count; c++) {
      const kind = kinds[communeIndex++] ?? 'commune';
      const place = places[c] ?? `Số ${c + 1}`;
      const commune = addUnit(
        province.id,
        province.path,
        province.id,
        kind,
        `${communePrefix[kind]} ${place}`,
      );
      staffing.push({
        unitId: commune.id,
        provinceId: province.id,
        count: communeShares[0] ?? 0,
        slots: COMMUNE_LEADERS.staff,
        startedOn: mergerDay,
      });
      children.forEach((t, k) => {
        const child = addUnit(commune.id, commune.path, province.id, t.kind, t.name(kind, place));
        staffing.push({
          unitId: child.id,
          provinceId: province.id,
          count: communeShares[k + 1] ?? 0,
          slots: t.staff,
          startedOn: mergerDay,
        });
      });
    }
  }

  const passwordHash = await hashPassword(BENCH_PASSWORD);
  let personCount = 0;
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL maintenance_work_mem = '256MB'`.execute(trx);
    await insertUnits(trx, units);
    await refreshUnitDisplayNames(trx, [
      ...new Set(units.parentId.flatMap((p, i) => (p === null ? [units.id[i] ?? 0] : []))),
    ]);
    log(`  ${units.id.length} units inserted (${Math.round(performance.now() - started)} ms)`);
    let batch = emptyPeople();
    for (const s of staffing) {
      for (let k = 0; k < s.count; k++) {
        const slot = s.slots[Math.min(k, s.slots.length - 1)] ?? cc('Chuyên viên');
        const gender: Gender = r() < 0.5 ? 'female' : 'male';
        batch.id.push(++personCount);
        batch.unitId.push(s.unitId);
        batch.provinceId.push(s.provinceId);
        batch.fullName.push(vietnameseName(r, gender));
        batch.gender.push(gender);
        batch.birthYear.push(1965 + Math.floor(r() * 38));
        batch.category.push(slot.category);
        batch.position.push(slot.position);
        batch.phone.push(
          `09${pick(r, ['1', '3', '4', '6', '8'])}${String(Math.floor(r() * 10_000_000)).padStart(7, '0')}`,
        );
        batch.startedOn.push(s.startedOn());
        if (batch.id.length === BATCH) {
          await insertPeople(trx, batch);
          batch = emptyPeople();
          if (personCount % 100_000 === 0)
            log(`  ${personCount} people inserted (${Math.round(performance.now() - started)} ms)`);
        }
      }
    }
    await insertPeople(trx, batch);
    await sql`SELECT setval(pg_get_serial_sequence('org_unit', 'id'), (SELECT max(id) FROM org_unit))`.execute(
      trx,
    );
    await sql`SELECT setval(pg_get_serial_sequence('person', 'id'), (SELECT max(id) FROM person))`.execute(
      trx,
    );

    const admin = await trx
      .insertInto('userAccount')
      .values({ username: BENCH_ADMIN, displayName: 'Quản trị (benchmark)', passwordHash })
      .returning('id')
      .executeTakeFirstOrThrow();
    const officer = await trx
      .insertInto('userAccount')
      .values({
        username: BENCH_OFFICER,
        displayName: 'Cán bộ thi đua tỉnh (benchmark)',
        passwordHash,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('roleGrant')
      .values([
        { userId: admin.id, role: 'admin', unitId: null },
        {
          userId: officer.id,
          role: 'emulation_officer',
          unitId: officerProvinceId,
          grantedBy: admin.id,
        },
      ])
      .execute();
  });
  log(
    `  ${personCount} people inserted, committed (${Math.round(performance.now() - started)} ms)`,
  );
  // VACUUM as well as ANALYZE: it sets hint bits and the visibility map now, so autovacuum does not
  // wake up on the freshly loaded tables in the middle of a measurement.
  await sql`VACUUM (ANALYZE) org_unit, person, person_assignment, user_account, role_grant`.execute(
    db,
  );
  return {
    provinces: scale.provinces,
    communes,
    units: units.id.length,
    people: personCount,
    officerProvinceId,
    generateMs: Math.round(performance.now() - started),
  };
}

export { apportion, distributeCommunes } from './national-shape';
