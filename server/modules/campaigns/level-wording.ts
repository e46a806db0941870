import type { Participants, PlanContentDraft } from '../../../shared/campaign';
import { governmentKinds, type UnitKind } from '../../../shared/org';

/**
 * Pure rules that carry a higher plan's wording down to a lower unit's plan: the level words
 * ("trên địa bàn huyện" → "trên địa bàn xã"), the named unit ("UBND huyện Châu Thành" → "UBND xã
 * Hảo Đước"), the reward issuer ("Chủ tịch UBND huyện" → "Chủ tịch UBND xã") and the participants
 * (re-derived from the lower unit's own subunits). Citations of other documents and quoted names
 * are left as written: "Quyết định số 1012/QĐ-UBND … của UBND huyện" stays the district's.
 */

/** A unit's administrative level as the documents write it: "huyện" + "Châu Thành". */
export type Level = { word: string; short: string };

const kindWords: Partial<Record<UnitKind, string>> = {
  province: 'tỉnh',
  district: 'huyện',
  commune: 'xã',
  ward: 'phường',
  township: 'thị trấn',
  special_zone: 'đặc khu',
};

// Longest first: "thị xã" before "xã", "thành phố" before anything else.
const prefixRe = /^(thành phố|thị trấn|thị xã|đặc khu|huyện|quận|tỉnh|xã|phường)\s+(.+)$/iu;

/** The level of a local-government unit (null for a department, office or organisation). */
export function levelOf(unit: { kind: UnitKind; name: string }): Level | null {
  if (!governmentKinds.includes(unit.kind)) return null;
  const m = prefixRe.exec(unit.name.trim());
  if (m?.[1] && m[2]) return { word: m[1].toLocaleLowerCase('vi'), short: m[2].trim() };
  const word = kindWords[unit.kind];
  return word === undefined ? null : { word, short: unit.name.trim() };
}

/** "huyện Châu Thành" — the unit as written inside a sentence ("UBND huyện Châu Thành"). */
export function unitPhrase(unit: { kind: UnitKind; name: string }): string {
  const level = levelOf(unit);
  return level === null ? unit.name : `${level.word} ${level.short}`;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const notLetterBefore = '(?<![\\p{L}\\p{N}])';
const notLetterAfter = '(?![\\p{L}\\p{N}])';

/** The replacement with the matched word's first letter case ("Huyện" → "Xã"). */
function sameCase(matched: string, replacement: string): string {
  const first = matched.charAt(0);
  return first !== first.toLocaleLowerCase('vi')
    ? replacement.charAt(0).toLocaleUpperCase('vi') + replacement.slice(1)
    : replacement;
}

/**
 * Spans left as written: a cited document from its number to the end of the clause ("Quyết định
 * số 1012/QĐ-UBND ngày 05/5/2021 của UBND huyện về việc …;") and quoted names.
 */
const protectedRe = new RegExp(
  [
    // A document type, then "số 47/…", "số 05-CT/TU" or a bare "47/KH-UBND", to the clause end.
    '(?:Luật|Bộ luật|Nghị quyết|Nghị định|Quyết định|Chỉ thị|Thông tư|Kế hoạch|Hướng dẫn|Công văn|Chương trình|Thông báo|Đề án)\\s+(?:số\\s*\\d|\\d+\\s*\\/)[^;]*?(?=;|\\.(?:\\s|$)|$)',
    '“[^”]*”',
    '"[^"]*"',
  ].join('|'),
  'giu',
);

/** Words that, followed by the level word, mean this level: "trên địa bàn huyện", "UBND huyện". */
const collocations = [
  'trên địa bàn',
  'UBND',
  'Ủy ban nhân dân',
  'Uỷ ban nhân dân',
  'HĐND',
  'Hội đồng nhân dân',
  'toàn',
  'cấp',
  'của',
];

function adaptPlain(text: string, from: Level, to: Level): string {
  const word = escape(from.word);
  const named = new RegExp(
    `${notLetterBefore}(${word})\\s+${escape(from.short)}${notLetterAfter}`,
    'giu',
  );
  const byCollocation = new RegExp(
    `${notLetterBefore}(${collocations.map(escape).join('|')})\\s+(${word})${notLetterAfter}`,
    'giu',
  );
  return text
    .replace(named, (_, w: string) => `${sameCase(w, to.word)} ${to.short}`)
    .replace(byCollocation, (_, before: string, w: string) => `${before} ${sameCase(w, to.word)}`);
}

/** One text with the parent's level words turned into the child's (citations and quotes kept). */
export function adaptLevelWording(text: string, from: Level, to: Level): string {
  if (from.word === to.word && from.short === to.short) return text;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(protectedRe)) {
    out += adaptPlain(text.slice(last, m.index), from, to) + m[0];
    last = m.index + m[0].length;
  }
  return out + adaptPlain(text.slice(last), from, to);
}

/** A subunit of the child unit: its direct children are the collectives it can name. */
export type SubUnit = { id: number; kind: UnitKind; name: string };

const organisationKinds: readonly UnitKind[] = [
  'department',
  'one_stop',
  'party_mass_org',
  'public_service_unit',
];

/**
 * The child's participants, re-derived from its own subunits: the kinds the parent named that the
 * child has below it; and when the parent named units of the child's own kind (the communes
 * competed as collectives), the child's own offices and organisations. Units picked by id stay if
 * they lie in the child's tree (`inTree`). The collective lines name the units found; individual
 * lines keep the parent's wording with the levels adapted.
 */
export function childParticipants(
  parent: Participants,
  child: { kind: UnitKind },
  directSubunits: SubUnit[],
  inTree: (unitId: number) => boolean,
  adapt: (text: string) => string,
): Participants {
  const present = new Set(directSubunits.map((u) => u.kind));
  const kinds = new Set(parent.collectiveUnitKinds.filter((k) => present.has(k)));
  if (parent.collectiveUnitKinds.includes(child.kind))
    for (const k of organisationKinds) if (present.has(k)) kinds.add(k);
  const ids = parent.collectiveUnitIds.filter(inTree);
  const named = directSubunits
    .filter((u) => kinds.has(u.kind) || ids.includes(u.id))
    .map((u) => u.name)
    .sort((a, b) => a.localeCompare(b, 'vi'));
  return {
    collectiveUnitKinds: [...kinds],
    collectiveUnitIds: ids,
    collectives: [...new Set(named)],
    individualCategories: parent.individualCategories,
    individuals: parent.individuals.map(adapt),
    excluded: parent.excluded.map(adapt),
  };
}

type Carried = Pick<
  PlanContentDraft,
  | 'theme'
  | 'purposes'
  | 'requirements'
  | 'goals'
  | 'contents'
  | 'criteria'
  | 'reviewRounds'
  | 'rewards'
  | 'contest'
>;

/**
 * The parent's carried-over content in the child's words. Reward forms name the child's head as
 * issuer ("Chủ tịch UBND xã"); two forms that become the same are kept once.
 */
export function adaptCarriedContent<C extends Carried>(
  content: C,
  adapt: (text: string) => string,
): C {
  const rewards = content.rewards.map((r) => ({
    ...r,
    issuerTitle: r.issuerTitle === null ? null : adapt(r.issuerTitle),
    note: r.note === null ? null : adapt(r.note),
  }));
  const seen = new Set<string>();
  return {
    ...content,
    theme: content.theme === null ? null : adapt(content.theme),
    purposes: content.purposes.map(adapt),
    requirements: content.requirements.map(adapt),
    goals: content.goals.map(adapt),
    contents: content.contents.map(adapt),
    criteria: {
      ...content.criteria,
      collective: content.criteria.collective.map(adapt),
      individual: content.criteria.individual.map(adapt),
    },
    reviewRounds: content.reviewRounds.map((r) => ({ ...r, label: adapt(r.label) })),
    rewards: rewards.filter(({ id: _id, ...r }) => {
      const key = JSON.stringify(r);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
    contest:
      content.contest === null
        ? null
        : {
            ...content.contest,
            topics: content.contest.topics.map(adapt),
            funding: content.contest.funding === null ? null : adapt(content.contest.funding),
          },
  };
}
