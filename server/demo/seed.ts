import { sql } from 'kysely';
import type { Ctx } from '../platform/context';
import { createAccount, grantRole } from '../modules/auth/index';
import { createPerson, createUnit } from '../modules/organization/index';
import { demoAccountSpecs, demoTree, type UnitSpec } from './localities';
import { pick, rng, vietnameseName } from './names';
import { seedDemoPlans } from './plans';

const DEMO_PASSWORD = 'demo';

/** True when the database has no organisation yet (a fresh embedded database). */
export async function isEmpty(ctx: Ctx): Promise<boolean> {
  const row = await ctx.db.selectFrom('orgUnit').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/**
 * Seeds the demo organisation, staff and accounts through the normal services, so every demo row
 * has its audit trail. Deterministic: the same names every time.
 */
export async function seedDemo(
  ctx: Ctx,
): Promise<{ units: number; people: number; accounts: number; plans: number }> {
  const random = rng(20_230_306);
  let units = 0;
  let people = 0;
  const unitIds = new Map<string, number>();
  // Staff started work between 2010 and last year (2023 at the latest), whatever the clock says.
  const spanYears = Math.min(14, ctx.now().getUTCFullYear() - 2010);

  const addUnit = async (spec: UnitSpec, parentId: number | null, path: string[]) => {
    const unit = await createUnit(ctx, {
      parentId,
      name: spec.name,
      kind: spec.kind,
      adminCode: spec.adminCode ?? null,
    });
    units++;
    const here = [...path, spec.name];
    unitIds.set(here.join(' › '), unit.id);
    for (const s of spec.staff ?? []) {
      const gender = s.gender ?? (random() < 0.5 ? 'female' : 'male');
      await createPerson(ctx, {
        fullName: s.name ?? vietnameseName(random, gender),
        gender: s.name?.includes(' Thị ') ? 'female' : s.name ? 'male' : gender,
        birthYear: 1965 + Math.floor(random() * 36),
        category: s.category,
        position: s.position,
        unitId: unit.id,
        startedOn: `${2010 + Math.floor(random() * spanYears)}-0${1 + Math.floor(random() * 9)}-15`,
        email: null,
        phone: `09${pick(random, ['1', '3', '6', '8'])}${String(Math.floor(random() * 10_000_000)).padStart(7, '0')}`,
      });
      people++;
    }
    for (const child of spec.children ?? []) await addUnit(child, unit.id, here);
  };
  for (const root of demoTree) await addUnit(root, null, []);

  for (const spec of demoAccountSpecs) {
    const unitId = spec.unitPath.length === 0 ? null : unitIds.get(spec.unitPath.join(' › '));
    if (unitId === undefined)
      throw new Error(`demo account ${spec.username}: unknown unit ${spec.unitPath.join(' › ')}`);
    let personId: number | null = null;
    if (spec.personPosition !== undefined && unitId !== null) {
      const unitPath = await ctx.db
        .selectFrom('orgUnit')
        .select(sql<string>`path::text`.as('path'))
        .where('id', '=', unitId)
        .executeTakeFirstOrThrow();
      const person = await ctx.db
        .selectFrom('person as p')
        .innerJoin('orgUnit as u', 'u.id', 'p.unitId')
        .select('p.id')
        .where(sql<boolean>`u.path <@ ${unitPath.path}::ltree`)
        .where('p.position', '=', spec.personPosition)
        .orderBy('p.id')
        .executeTakeFirst();
      personId = person?.id ?? null;
    }
    const account = await createAccount(
      ctx,
      { username: spec.username, displayName: spec.displayName, password: DEMO_PASSWORD, personId },
      { minPasswordLength: 4 },
    );
    await grantRole(ctx, account.id, { role: spec.role, unitId });
  }
  const plans = await seedDemoPlans(ctx, unitIds);
  return { units, people, accounts: demoAccountSpecs.length, plans };
}
