import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

/**
 * Stable ids for the items of plan content (decision 025): every reward form, quota, prize and
 * criterion of every plan's content and of every issued version's snapshot gets an id, and the
 * same item has the same id in every version of one plan and in its current content.
 *
 * Matching, version by version in order (v1, v2, …, then the current content), list by list
 * (rewards, quotas, contest prizes, collective criteria, individual criteria), an item takes the
 * id of the previous version's item that is
 *   1. at the same position with the same text (every field but the id), else
 *   2. the first not yet matched with the same text anywhere in the list (items moved or shifted
 *      by an insertion or removal), else
 *   3. at the same position and not matched by 1 or 2 (an item edited in place);
 * an item matched by none gets a new id. Self-contained on purpose: a migration never changes, so
 * it does not import the live code that makes ids (shared/plan-items.ts), only repeats its format.
 */

type Json = Record<string, unknown>;
type ListKey = 'rewards' | 'quotas' | 'prizes' | 'criteria.collective' | 'criteria.individual';
const prefix: Record<ListKey, string> = {
  rewards: 'r',
  quotas: 'q',
  prizes: 'p',
  'criteria.collective': 'c',
  'criteria.individual': 'c',
};
const listKeys = Object.keys(prefix) as ListKey[];

const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';
function newId(p: string, used: Set<string>): string {
  for (;;) {
    const id = `${p}-${[...randomBytes(8)].map((b) => BASE36[b % 36]).join('')}`;
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The items of one list (criteria are strings, the others objects), or null when absent. */
function itemsOf(content: Json, key: ListKey): unknown[] | null {
  if (key === 'prizes') {
    const contest = content.contest;
    return isObject(contest) && Array.isArray(contest.prizes) ? contest.prizes : null;
  }
  if (key.startsWith('criteria.')) {
    const criteria = content.criteria;
    const scope = key.slice('criteria.'.length);
    return isObject(criteria) && Array.isArray(criteria[scope]) ? criteria[scope] : null;
  }
  const list = content[key];
  return Array.isArray(list) ? list : null;
}

function textOf(item: unknown): string {
  if (!isObject(item)) return JSON.stringify(item);
  const { id: _id, ...rest } = item;
  return JSON.stringify(
    Object.keys(rest)
      .sort()
      .map((k) => [k, rest[k]]),
  );
}

/** Ids for `items`, matched against the previous version's items and ids (rules 1–3 above). */
export function matchIds(
  items: unknown[],
  previous: { items: unknown[]; ids: string[] } | null,
  p: string,
  used: Set<string>,
): string[] {
  const ids: (string | undefined)[] = items.map(() => undefined);
  if (previous !== null) {
    const prevTexts = previous.items.map(textOf);
    const texts = items.map(textOf);
    const taken = previous.items.map(() => false);
    const take = (i: number, j: number) => {
      ids[i] = previous.ids[j];
      taken[j] = true;
    };
    texts.forEach((t, i) => {
      if (prevTexts[i] === t) take(i, i);
    });
    texts.forEach((t, i) => {
      if (ids[i] !== undefined) return;
      const j = prevTexts.findIndex((pt, k) => !taken[k] && pt === t);
      if (j >= 0) take(i, j);
    });
    texts.forEach((_, i) => {
      if (ids[i] === undefined && i < prevTexts.length && !taken[i]) take(i, i);
    });
  }
  return ids.map((id) => id ?? newId(p, used));
}

/** The content with ids written in; `previous` is the prior version's lists and ids. */
function withIds(
  content: Json,
  previous: Map<ListKey, { items: unknown[]; ids: string[] }>,
  used: Set<string>,
): { content: Json; lists: Map<ListKey, { items: unknown[]; ids: string[] }> } {
  const lists = new Map<ListKey, { items: unknown[]; ids: string[] }>();
  const out: Json = { ...content };
  for (const key of listKeys) {
    const items = itemsOf(content, key);
    if (items === null) continue;
    const ids = matchIds(items, previous.get(key) ?? null, prefix[key], used);
    lists.set(key, { items, ids });
    if (key.startsWith('criteria.')) {
      const scope = key.slice('criteria.'.length);
      const criteria = { ...(out.criteria as Json) };
      criteria[`${scope}Ids`] = ids;
      out.criteria = criteria;
    } else {
      const withId = items.map((item, i) => (isObject(item) ? { ...item, id: ids[i] } : item));
      if (key === 'prizes') out.contest = { ...(out.contest as Json), prizes: withId };
      else out[key] = withId;
    }
  }
  return { content: out, lists };
}

type PlanRow = { id: number; content: Json };
type VersionRow = { planId: number; version: number; snapshot: Json };

export async function up(db: Kysely<unknown>): Promise<void> {
  const plans = await sql<PlanRow>`SELECT id, content FROM campaign_plan ORDER BY id`.execute(db);
  const versions = await sql<VersionRow>`
    SELECT plan_id AS "planId", version, snapshot FROM campaign_plan_version
    ORDER BY plan_id, version`.execute(db);
  const byPlan = new Map<number, VersionRow[]>();
  for (const v of versions.rows) byPlan.set(v.planId, [...(byPlan.get(v.planId) ?? []), v]);
  for (const plan of plans.rows) {
    const used = new Set<string>();
    let previous = new Map<ListKey, { items: unknown[]; ids: string[] }>();
    for (const v of byPlan.get(plan.id) ?? []) {
      if (!isObject(v.snapshot.content)) continue;
      const done = withIds(v.snapshot.content, previous, used);
      previous = done.lists;
      const snapshot = { ...v.snapshot, content: done.content };
      await sql`UPDATE campaign_plan_version SET snapshot = ${JSON.stringify(snapshot)}::jsonb
        WHERE plan_id = ${v.planId} AND version = ${v.version}`.execute(db);
    }
    const done = withIds(plan.content, previous, used);
    await sql`UPDATE campaign_plan SET content = ${JSON.stringify(done.content)}::jsonb
      WHERE id = ${plan.id}`.execute(db);
  }
}

/** Drops the ids again (content as before this migration). */
export async function down(db: Kysely<unknown>): Promise<void> {
  const strip = (content: Json): Json => {
    const out: Json = { ...content };
    for (const key of ['rewards', 'quotas'] as const)
      if (Array.isArray(out[key]))
        out[key] = (out[key] as unknown[]).map((x) => {
          if (!isObject(x)) return x;
          const { id: _id, ...rest } = x;
          return rest;
        });
    if (isObject(out.contest) && Array.isArray(out.contest.prizes))
      out.contest = {
        ...out.contest,
        prizes: (out.contest.prizes as unknown[]).map((x) => {
          if (!isObject(x)) return x;
          const { id: _id, ...rest } = x;
          return rest;
        }),
      };
    if (isObject(out.criteria)) {
      const { collectiveIds: _c, individualIds: _i, ...rest } = out.criteria;
      out.criteria = rest;
    }
    return out;
  };
  const plans = await sql<PlanRow>`SELECT id, content FROM campaign_plan`.execute(db);
  for (const p of plans.rows)
    await sql`UPDATE campaign_plan SET content = ${JSON.stringify(strip(p.content))}::jsonb
      WHERE id = ${p.id}`.execute(db);
  const versions = await sql<VersionRow>`
    SELECT plan_id AS "planId", version, snapshot FROM campaign_plan_version`.execute(db);
  for (const v of versions.rows)
    if (isObject(v.snapshot.content))
      await sql`UPDATE campaign_plan_version
        SET snapshot = ${JSON.stringify({ ...v.snapshot, content: strip(v.snapshot.content) })}::jsonb
        WHERE plan_id = ${v.planId} AND version = ${v.version}`.execute(db);
}
