import type { DossierRule, Quota } from '../../../shared/campaign';
import { deciderUnitKinds, type Decider } from '../../../shared/awards';
import { governmentKinds, type UnitKind } from '../../../shared/org';
import { foldVietnamese } from '../../platform/text';

/**
 * Pure rules of the levels a nomination travels through (decision 041): which unit decides a
 * form, where a forward goes, which of the plan's dossier rules and quotas apply at a level. A
 * plan names levels in words ("Cấp thành phố", "Trình cấp xã"); a unit is a level by its kind.
 */

/** A unit on the way up, as the rules need it. */
export type LevelUnit = { id: number; kind: UnitKind; name: string };

/** The words a plan uses for the level of a unit of each kind (folded, whole words). */
const levelWords: Partial<Record<UnitKind, readonly string[]>> = {
  province: ['tinh', 'thanh pho'],
  district: ['huyen', 'quan', 'thi xa', 'thanh pho'],
  commune: ['xa', 'phuong', 'thi tran', 'dac khu'],
  ward: ['xa', 'phuong', 'thi tran', 'dac khu'],
  township: ['xa', 'phuong', 'thi tran', 'dac khu'],
  special_zone: ['xa', 'phuong', 'thi tran', 'dac khu'],
};
const allLevelWords = [...new Set(Object.values(levelWords).flat())];

const fold = (s: string) =>
  ` ${foldVietnamese(s)
    .replace(/[^a-z0-9 ]+/gu, ' ')
    // OCR misreads the accented vowel of "phố" (seed 003: "thanh phe").
    .replace(/\bthanh ph[a-z]\b/gu, 'thanh pho')
    .replace(/\s+/gu, ' ')
    .trim()} `;
const hasWord = (folded: string, w: string) => folded.includes(` ${w} `);

/**
 * Whether a level as a plan writes it applies at a unit of `kind`: 'this' (it names the unit's
 * level), 'other' (it names another level) or 'any' (it names no level: "Giấy khen tập thể").
 * OCR'd seeds misspell accents ("cdp thanh phe"); only the level words are looked at.
 */
export function levelApplies(levelText: string, kind: UnitKind): 'this' | 'other' | 'any' {
  const t = fold(levelText);
  const named = allLevelWords.filter((w) => hasWord(t, w));
  if (named.length === 0) return 'any';
  return named.some((w) => (levelWords[kind] ?? []).includes(w)) ? 'this' : 'other';
}

/**
 * The unit that decides a form for a nomination: the nearest unit above the proposing unit
 * (`above`, nearest first) whose kind holds one of the form's deciders (catalogue, decision 035);
 * null when none on the way up does (a minister's form, or a tree without that level) — then the
 * top level the plan reaches decides (decision 041).
 */
export function decidingUnit(
  deciders: readonly Decider[],
  above: readonly LevelUnit[],
): LevelUnit | null {
  const kinds = new Set(deciders.flatMap((d) => deciderUnitKinds[d]));
  return above.find((u) => kinds.has(u.kind)) ?? null;
}

/**
 * Where a forward from the current level goes: the nearest unit above it (`above`, nearest first)
 * that is a level of government or the top; never past the top (null: the nomination is at the
 * top already, or the top is not above it).
 */
export function forwardTarget(
  currentUnitId: number,
  above: readonly LevelUnit[],
  topUnitId: number,
): LevelUnit | null {
  if (currentUnitId === topUnitId) return null;
  const topAt = above.findIndex((u) => u.id === topUnitId);
  if (topAt < 0) return null;
  return (
    above.slice(0, topAt + 1).find((u) => u.id === topUnitId || governmentKinds.includes(u.kind)) ??
    null
  );
}

/**
 * The dossier checklist at a level: the items of the plan's dossier rules that name this level
 * or no level, in the plan's order, without repeats. The seeds write a rule per item prefixed by
 * its level ("Trình cấp thành phố: Tờ trình …"); the prefix is kept as written.
 */
export function dossierChecklist(rules: readonly DossierRule[], kind: UnitKind): string[] {
  const items: string[] = [];
  for (const rule of rules) {
    const ruleLevel = levelApplies(rule.level, kind);
    if (ruleLevel === 'other') continue;
    for (const item of rule.items) {
      // The plan reader keeps one rule and the level in each item ("Trình cấp xã: Biên bản …").
      const prefix = ruleLevel === 'any' && item.includes(':') ? (item.split(':')[0] ?? '') : '';
      if (levelApplies(prefix, kind) !== 'other') items.push(item);
    }
  }
  return [...new Set(items)];
}

/** A plan quota that applies at a decision: the quota and its counter key. */
export type QuotaAtLevel = { quota: Quota; quotaKey: string };

/**
 * The plan's quotas an approval at `decider` counts against: those of the subject's scope
 * (collective for a unit, individual for a person) whose level names the deciding unit's level
 * (counted per deciding unit: `q-…@unit:<id>`, each ward its own seats) or names no level
 * (counted over the whole plan: `q-…`).
 */
export function quotasAt(
  quotas: readonly Quota[],
  subject: 'person' | 'unit',
  decider: LevelUnit,
): QuotaAtLevel[] {
  const scope = subject === 'person' ? 'individual' : 'collective';
  const out: QuotaAtLevel[] = [];
  for (const quota of quotas) {
    if (quota.scope !== scope) continue;
    const applies = levelApplies(quota.level, decider.kind);
    if (applies === 'this') out.push({ quota, quotaKey: `${quota.id}@unit:${decider.id}` });
    else if (applies === 'any') out.push({ quota, quotaKey: quota.id });
  }
  return out;
}

/** A checklist item, ticked when a file or a generated document of it is present. */
export type ChecklistItem = { item: string; present: boolean };

/** The checklist ticked against the items present (attachments, generated documents). */
export function tickChecklist(
  items: readonly string[],
  present: ReadonlySet<string>,
): ChecklistItem[] {
  return items.map((item) => ({ item, present: present.has(item) }));
}
