import type {
  PlanContent,
  PlanContentDraft,
  PlanCriteria,
  Prize,
  Quota,
  RewardForm,
} from './campaign';

/**
 * The items of a plan that later stages point at — reward forms, quotas, prizes and criteria —
 * and their stable ids (decision 025). Ids are made here, kept by the server across edits and
 * amendments, and looked up by `findPlanItem`.
 */

export const PlanItemKind = {
  reward: 'reward',
  quota: 'quota',
  prize: 'prize',
  criterion: 'criterion',
} as const;
export type PlanItemKind = (typeof PlanItemKind)[keyof typeof PlanItemKind];

/** The letter an id of each kind starts with ("q-k3v9x0ab" is a quota). */
export const planItemPrefix: Record<PlanItemKind, string> = {
  reward: 'r',
  quota: 'q',
  prize: 'p',
  criterion: 'c',
};

const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A fresh random id of the kind: prefix, '-', 8 base-36 characters (36^8 ≈ 2.8·10^12). */
export function newPlanItemId(kind: PlanItemKind): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  let tail = '';
  for (const b of bytes) tail += BASE36[b % 36];
  return `${planItemPrefix[kind]}-${tail}`;
}

/** Where a criterion stands: the list of texts and the parallel list of ids. */
export type CriterionScope = 'collective' | 'individual';
export type PlanCriterion = { id: string; scope: CriterionScope; text: string };

export type PlanItem =
  | { kind: 'reward'; item: RewardForm }
  | { kind: 'quota'; item: Quota }
  | { kind: 'prize'; item: Prize }
  | { kind: 'criterion'; item: PlanCriterion };

/** Every item of the content with its kind and the path of its id field, in document order. */
export function listPlanItems(content: PlanContent): (PlanItem & { field: string })[] {
  const out: (PlanItem & { field: string })[] = [];
  for (const scope of ['collective', 'individual'] as const) {
    const ids = criterionIds(content.criteria, scope);
    content.criteria[scope].forEach((text, i) => {
      const id = ids[i];
      if (id !== undefined)
        out.push({
          kind: 'criterion',
          item: { id, scope, text },
          field: `content.criteria.${scope}Ids.${i}`,
        });
    });
  }
  content.rewards.forEach((item, i) =>
    out.push({ kind: 'reward', item, field: `content.rewards.${i}.id` }),
  );
  content.quotas.forEach((item, i) =>
    out.push({ kind: 'quota', item, field: `content.quotas.${i}.id` }),
  );
  (content.contest?.prizes ?? []).forEach((item, i) =>
    out.push({ kind: 'prize', item, field: `content.contest.prizes.${i}.id` }),
  );
  return out;
}

function criterionIds(c: PlanCriteria, scope: CriterionScope): string[] {
  return scope === 'collective' ? c.collectiveIds : c.individualIds;
}

/**
 * The reward form, quota, prize or criterion with this id in the plan's content, or null when the
 * plan has no such item (removed by an amendment, or another plan's id).
 */
export function findPlanItem(content: PlanContent, id: string): PlanItem | null {
  const found = listPlanItems(content).find((x) => x.item.id === id);
  if (found === undefined) return null;
  const { field: _field, ...item } = found;
  return item;
}

/** Why an id sent with the content cannot be used, with the path of the field. */
export type PlanItemProblem = { field: string; message: string };

/**
 * Gives every item of a draft its id: an id the item brings is kept when `known` allows it
 * (`'any'`: every well-formed id, for previews and fixtures; a set: only the ids of this plan's
 * lineage), has the prefix of its kind and appears once; items without one get a fresh id that
 * collides with neither. Problems are returned, not thrown (the server turns them into errors).
 */
export function assignPlanItemIds(
  draft: PlanContentDraft,
  known: ReadonlySet<string> | 'any',
  newId: (kind: PlanItemKind) => string = newPlanItemId,
): { content: PlanContent; problems: PlanItemProblem[] } {
  const problems: PlanItemProblem[] = [];
  const c = draft.criteria;
  // Ids the draft brings are reserved first, so a fresh id never takes one a later item keeps.
  const reserved = new Set(
    [
      ...(c.collectiveIds ?? []),
      ...(c.individualIds ?? []),
      ...draft.rewards.map((r) => r.id),
      ...draft.quotas.map((q) => q.id),
      ...(draft.contest?.prizes ?? []).map((p) => p.id),
    ].filter((id): id is string => typeof id === 'string'),
  );
  const used = new Set<string>();
  const fresh = (kind: PlanItemKind) => {
    let id = newId(kind);
    while (used.has(id) || reserved.has(id) || (known !== 'any' && known.has(id))) id = newId(kind);
    used.add(id);
    return id;
  };
  const keepOrNew = (kind: PlanItemKind, id: string | null | undefined, field: string) => {
    if (id === undefined || id === null) return fresh(kind);
    if (!id.startsWith(`${planItemPrefix[kind]}-`))
      problems.push({ field, message: `"${id}" không phải mã của mục loại này` });
    else if (used.has(id)) problems.push({ field, message: `"${id}" bị trùng trong kế hoạch` });
    else if (known !== 'any' && !known.has(id))
      problems.push({ field, message: `"${id}" không thuộc kế hoạch này` });
    used.add(id);
    return id;
  };

  const criteriaIds = (scope: CriterionScope) => {
    const ids = scope === 'collective' ? c.collectiveIds : c.individualIds;
    const field = `content.criteria.${scope}Ids`;
    if (ids !== undefined && ids.length !== c[scope].length)
      problems.push({ field, message: 'phải có đúng một mã (hoặc null) cho mỗi tiêu chí' });
    return c[scope].map((_, i) => keepOrNew('criterion', ids?.[i], `${field}.${i}`));
  };
  const collectiveIds = criteriaIds('collective');
  const individualIds = criteriaIds('individual');
  const content: PlanContent = {
    ...draft,
    criteria: {
      collective: c.collective,
      individual: c.individual,
      collectiveIds,
      individualIds,
    },
    rewards: draft.rewards.map((r, i) => ({
      ...r,
      id: keepOrNew('reward', r.id, `content.rewards.${i}.id`),
    })),
    quotas: draft.quotas.map((q, i) => ({
      ...q,
      id: keepOrNew('quota', q.id, `content.quotas.${i}.id`),
    })),
    contest:
      draft.contest === null
        ? null
        : {
            ...draft.contest,
            prizes: draft.contest.prizes.map((p, i) => ({
              ...p,
              id: keepOrNew('prize', p.id, `content.contest.prizes.${i}.id`),
            })),
          },
  };
  return { content, problems };
}

/** The ids of every item of the content (the lineage a later edit may keep ids from). */
export function planItemIds(content: PlanContent): Set<string> {
  return new Set(listPlanItems(content).map((x) => x.item.id));
}

/**
 * The content without item ids: what a different plan copies (a lower unit's plan "căn cứ" this
 * one gets new ids for the items it carries over).
 */
export function withoutPlanItemIds(content: PlanContent): PlanContentDraft {
  const strip = <T extends { id: string }>({ id: _id, ...rest }: T) => rest;
  return {
    ...content,
    criteria: { collective: content.criteria.collective, individual: content.criteria.individual },
    rewards: content.rewards.map(strip),
    quotas: content.quotas.map(strip),
    contest:
      content.contest === null
        ? null
        : { ...content.contest, prizes: content.contest.prizes.map(strip) },
  };
}
