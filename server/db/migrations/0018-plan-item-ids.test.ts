import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Migrator, sql } from 'kysely';
import { PlanContent } from '../../../shared/campaign';
import { PlanSnapshot } from '../../modules/campaigns/plan-snapshot';
import { migrateToLatest } from '../../platform/db';
import { createEmptyTestDb, type TestDb } from '../../test/db';
import { migrationProvider } from './index';
import { matchIds } from './0018-plan-item-ids';

const THIS = '0018-plan-item-ids';
let t: TestDb;

/** Content as stored before 0018 (no ids). */
const v1Content = {
  criteria: { collective: ['Hoàn thành nhiệm vụ', 'Đoàn kết'], individual: ['Gương mẫu'] },
  rewards: [
    {
      form: 'Giấy khen',
      scope: 'collective',
      issuerTitle: null,
      amountVnd: null,
      coefficient: 0.6,
      note: null,
    },
    {
      form: 'Giấy khen',
      scope: 'individual',
      issuerTitle: null,
      amountVnd: null,
      coefficient: 0.3,
      note: null,
    },
  ],
  quotas: [
    { scope: 'collective', level: 'Cấp xã', maxCount: null, maxPercent: 20 },
    { scope: 'individual', level: 'Cấp xã', maxCount: 5, maxPercent: null },
  ],
  contest: {
    topics: [],
    prizes: [
      { rank: 'Nhất', count: 1, recipient: 'individual', amountVnd: 2000000 },
      { rank: 'Nhì', count: 2, recipient: 'individual', amountVnd: 1000000 },
    ],
    entryQuotas: [],
    noveltyCutoff: null,
    funding: null,
  },
};
/** Version 2: the 20 % quota edited to 25 %, a reward inserted first, a prize removed. */
const v2Content = {
  ...v1Content,
  rewards: [
    {
      form: 'Bằng khen',
      scope: 'collective',
      issuerTitle: null,
      amountVnd: null,
      coefficient: 1,
      note: null,
    },
    ...v1Content.rewards,
  ],
  quotas: [{ ...v1Content.quotas[0], maxPercent: 25 }, v1Content.quotas[1]],
  contest: { ...v1Content.contest, prizes: [v1Content.contest.prizes[1]] },
};

const snapshot = (planId: number, content: object) => ({
  planId,
  kind: 'contest',
  mode: null,
  docType: 'KH',
  documentSymbol: 'KH-UBND',
  documentNumber: '07/KH-UBND',
  issuedOn: '2026-03-02',
  place: 'Lương Điền',
  title: 'Cuộc thi',
  periodStart: null,
  periodEnd: null,
  registrationDeadline: null,
  cascadeDeadline: null,
  cascadeUnits: [],
  issuingUnit: { id: 900001, name: 'Xã Lương Điền', kind: 'commune' },
  issuingBody: 'ỦY BAN NHÂN DÂN XÃ LƯƠNG ĐIỀN',
  parentBody: null,
  content,
});

beforeAll(async () => {
  t = await createEmptyTestDb();
  const names = Object.keys(await migrationProvider.getMigrations()).sort();
  const before = names[names.indexOf(THIS) - 1] ?? '';
  const { error } = await new Migrator({ db: t.db, provider: migrationProvider }).migrateTo(before);
  if (error !== undefined) throw error;
  await sql`INSERT INTO org_unit (id, path, kind, name, display_name)
    VALUES (900001, '900001', 'commune', 'Lương Điền', 'Xã Lương Điền')`.execute(t.db);
  // 1: a draft; 2: issued then amended (two versions, the content is version 2).
  await sql`INSERT INTO campaign_plan (id, issuing_unit_id, kind, place, title, content)
    OVERRIDING SYSTEM VALUE
    VALUES (1, 900001, 'campaign', 'Lương Điền', 'Dự thảo', ${JSON.stringify(v1Content)}::jsonb)`.execute(
    t.db,
  );
  await sql`INSERT INTO campaign_plan (id, issuing_unit_id, kind, status, number, number_year,
      document_number, issued_on, place, title, content, document_version)
    OVERRIDING SYSTEM VALUE
    VALUES (2, 900001, 'contest', 'issued', 7, 2026, '07/KH-UBND', '2026-03-02', 'Lương Điền',
      'Cuộc thi', ${JSON.stringify(v2Content)}::jsonb, 2)`.execute(t.db);
  for (const [version, content] of [
    [1, v1Content],
    [2, v2Content],
  ] as const)
    await sql`INSERT INTO campaign_plan_version (plan_id, version, snapshot, reason)
      VALUES (2, ${version}, ${JSON.stringify(snapshot(2, content))}::jsonb, 'Ban hành')`.execute(
      t.db,
    );
  await migrateToLatest(t.db);
});
afterAll(() => t.close());

async function stored() {
  const plans = await sql<{ id: number; content: unknown }>`
    SELECT id, content FROM campaign_plan ORDER BY id`.execute(t.db);
  const versions = await sql<{ version: number; snapshot: unknown }>`
    SELECT version, snapshot FROM campaign_plan_version WHERE plan_id = 2 ORDER BY version`.execute(
    t.db,
  );
  return {
    draft: PlanContent.parse(plans.rows[0]?.content),
    current: PlanContent.parse(plans.rows[1]?.content),
    v1: PlanSnapshot.parse(versions.rows[0]?.snapshot).content,
    v2: PlanSnapshot.parse(versions.rows[1]?.snapshot).content,
  };
}

const idsOf = (c: PlanContent) => [
  ...c.criteria.collectiveIds,
  ...c.criteria.individualIds,
  ...c.rewards.map((r) => r.id),
  ...c.quotas.map((q) => q.id),
  ...(c.contest?.prizes ?? []).map((p) => p.id),
];

describe('migration 0018: ids for plan items', () => {
  it('gives every item of every content and snapshot a well-formed id, unique in its plan', async () => {
    const { draft, current, v1, v2 } = await stored();
    for (const c of [draft, current, v1, v2]) {
      const ids = idsOf(c);
      expect(ids).toHaveLength(new Set(ids).size);
    }
    expect(draft.criteria.collectiveIds).toHaveLength(2);
    expect(draft.rewards.every((r) => /^r-[0-9a-z]{8}$/.test(r.id))).toBe(true);
    expect(draft.quotas.every((q) => /^q-[0-9a-z]{8}$/.test(q.id))).toBe(true);
    expect(draft.contest?.prizes.every((p) => /^p-[0-9a-z]{8}$/.test(p.id))).toBe(true);
    expect(draft.criteria.individualIds[0]).toMatch(/^c-[0-9a-z]{8}$/);
  });

  it('keeps one id per item across the versions of a plan and its current content', async () => {
    const { current, v1, v2 } = await stored();
    expect(current).toEqual(v2);
    // Unchanged criteria and shifted rewards keep their ids; the inserted reward is new.
    expect(v2.criteria).toEqual(v1.criteria);
    expect(v2.rewards.slice(1).map((r) => r.id)).toEqual(v1.rewards.map((r) => r.id));
    expect(v1.rewards.map((r) => r.id)).not.toContain(v2.rewards[0]?.id);
    // The quota edited in place keeps its id; the removed prize's id is gone, the other kept.
    expect(v2.quotas.map((q) => q.id)).toEqual(v1.quotas.map((q) => q.id));
    expect(v2.quotas[0]?.maxPercent).toBe(25);
    expect(v2.contest?.prizes.map((p) => p.id)).toEqual([v1.contest?.prizes[1]?.id]);
  });

  it('does not share ids between different plans', async () => {
    const { draft, current } = await stored();
    const other = new Set(idsOf(current));
    expect(idsOf(draft).filter((id) => other.has(id))).toEqual([]);
  });
});

describe('matchIds (the rule the migration follows)', () => {
  const used = () => new Set<string>();
  const prev = { items: ['a', 'b', 'c'], ids: ['c-1', 'c-2', 'c-3'] };
  it.each([
    ['unchanged', ['a', 'b', 'c'], ['c-1', 'c-2', 'c-3']],
    ['one removed in the middle', ['a', 'c'], ['c-1', 'c-3']],
    ['moved', ['c', 'a', 'b'], ['c-3', 'c-1', 'c-2']],
    ['edited in place', ['a', 'B', 'c'], ['c-1', 'c-2', 'c-3']],
  ])('%s', (_name, items, expected) => {
    expect(matchIds(items, prev, 'c', used())).toEqual(expected);
  });
  it('gives a new id to an item added at the end and to every item of a first version', () => {
    const ids = matchIds(['a', 'b', 'c', 'd'], prev, 'c', used());
    expect(ids.slice(0, 3)).toEqual(['c-1', 'c-2', 'c-3']);
    expect(ids[3]).toMatch(/^c-[0-9a-z]{8}$/);
    expect(matchIds(['a'], null, 'q', used())[0]).toMatch(/^q-[0-9a-z]{8}$/);
  });
});
