import { capitalize, type Doc } from './document';
import { matchAnyAt, type Token } from './fold';

/**
 * Closed vocabularies (administrative levels, reward forms, office titles, prize ranks). Words from
 * these lists are returned in their canonical accented form even when the source is OCR noise
 * ("Cap thanh phé" → "Cấp thành phố"): that restores a known word, it does not invent a value.
 */

type Entry = readonly [folded: string, canonical: string];

function lookup(entries: readonly Entry[], phrase: string): string {
  return entries.find(([f]) => f === phrase)?.[1] ?? phrase;
}

function matchEntries(
  entries: readonly Entry[],
  tokens: readonly Token[],
  i: number,
): { label: string; next: number; start: number; end: number } | null {
  const hit = matchAnyAt(
    tokens,
    i,
    entries.map(([f]) => f),
  );
  return hit
    ? { label: lookup(entries, hit.phrase), next: hit.next, start: hit.start, end: hit.end }
    : null;
}

export const LEVELS: readonly Entry[] = [
  ['thanh pho', 'thành phố'],
  ['thi xa', 'thị xã'],
  ['thi tran', 'thị trấn'],
  ['dac khu', 'đặc khu'],
  ['co so', 'cơ sở'],
  ['tinh', 'tỉnh'],
  ['huyen', 'huyện'],
  ['phuong', 'phường'],
  ['quan', 'quận'],
  ['xa', 'xã'],
];

export function levelAt(tokens: readonly Token[], i: number) {
  return matchEntries(LEVELS, tokens, i);
}

const ORGS = ['uy ban nhan dan', 'ubnd'];

/** A word of a place name: capitalised in the source ("Châu", "Tién", "THÀNH") or a number ("7"). */
function capitalised(doc: Doc, t: Token): boolean {
  return /^\p{Lu}/u.test(doc.text.charAt(t.start)) || /^\d{1,3}$/u.test(t.text);
}

/** "THÀNH" → "Thành"; mixed-case words are kept as they are. */
function nameWord(doc: Doc, t: Token): string {
  const raw = doc.text.slice(t.start, t.end);
  return raw === raw.toLocaleUpperCase('vi') ? capitalize(raw.toLocaleLowerCase('vi')) : raw;
}

export type OrgHit = {
  level: string | null;
  name: string | null;
  next: number;
  start: number;
  end: number;
};

/**
 * "UBND huyện Châu Thành", "Ủy ban nhân dân phường Trung Lương", "UY BAN NHAN DAN PHUONG TIEN
 * THANH": the level and the capitalised words of the place name after it (at most four).
 */
export function orgAt(
  doc: Doc,
  tokens: readonly Token[],
  i: number,
  stop: readonly string[] = [],
): OrgHit | null {
  const org = matchAnyAt(tokens, i, ORGS, 0.75);
  if (!org) return null;
  const level = levelAt(tokens, org.next);
  if (!level) return { level: null, name: null, next: org.next, start: org.start, end: org.end };
  const words: string[] = [];
  let next = level.next;
  let end = level.end;
  while (words.length < 4) {
    const t = tokens[next];
    if (!t || !capitalised(doc, t) || matchAnyAt(tokens, next, stop) !== null) break;
    if (doc.text.slice(end, t.start).trim() !== '') break; // punctuation between: not the name
    words.push(nameWord(doc, t));
    end = t.end;
    next++;
  }
  return {
    level: level.label,
    name: words.length ? words.join(' ') : null,
    next,
    start: org.start,
    end,
  };
}

export const FORMS: readonly (readonly [folded: string, accented: string, canonical: string])[] = [
  ['giay khen', 'giấy khen', 'Giấy khen'],
  ['bang khen', 'bằng khen', 'Bằng khen'],
  ['co thi dua', 'cờ thi đua', 'Cờ thi đua'],
  ['giay chung nhan', 'giấy chứng nhận', 'Giấy chứng nhận'],
  ['bang qua', 'bằng quà', 'Quà'],
  ['tang qua', 'tặng quà', 'Quà'],
  ['phan qua', 'phần quà', 'Quà'],
];

/** A reward form at token i; in accented text the accents must agree ("bằng quà", not "bằng quả"). */
export function formAt(doc: Doc, tokens: readonly Token[], i: number) {
  const hit = matchAnyAt(
    tokens,
    i,
    FORMS.map(([f]) => f),
    1,
  );
  if (!hit) return null;
  const entry = FORMS.find(([f]) => f === hit.phrase);
  if (!entry) return null;
  if (!doc.unaccented) {
    const raw = doc.text.slice(hit.start, hit.end).toLocaleLowerCase('vi').replace(/\s+/gu, ' ');
    if (raw !== entry[1]) return null;
  }
  return { label: entry[2], next: hit.next, start: hit.start, end: hit.end };
}

export const PERSON_TITLES: readonly Entry[] = [
  ['pho chu tich', 'Phó Chủ tịch'],
  ['chu tich', 'Chủ tịch'],
  ['pho giam doc', 'Phó Giám đốc'],
  ['giam doc', 'Giám đốc'],
  ['pho truong ban', 'Phó Trưởng ban'],
  ['truong ban', 'Trưởng ban'],
  ['pho truong phong', 'Phó Trưởng phòng'],
  ['truong phong', 'Trưởng phòng'],
  ['pho bi thu', 'Phó Bí thư'],
  ['bi thu', 'Bí thư'],
  ['hieu truong', 'Hiệu trưởng'],
  ['thu truong', 'Thủ trưởng'],
  ['chanh van phong', 'Chánh Văn phòng'],
  ['thu tuong chinh phu', 'Thủ tướng Chính phủ'],
];

export function personTitleAt(tokens: readonly Token[], i: number) {
  return matchEntries(PERSON_TITLES, tokens, i);
}

function orgLabel(org: OrgHit): string {
  return ['UBND', org.level, org.name].filter((s) => s !== null).join(' ');
}

/**
 * Who gives a reward: "Chủ tịch UBND thành phố" (from "Cha tich UBND thanh phé"), "UBND xã",
 * "Thủ tướng Chính phủ". `out` maps the as-found place name (OCR accents stripped).
 */
export function issuerTitleAt(
  doc: Doc,
  tokens: readonly Token[],
  i: number,
  out: (s: string) => string,
) {
  const person = personTitleAt(tokens, i);
  const org = orgAt(doc, tokens, person ? person.next : i);
  if (org && org.level) {
    const label = orgLabel({ ...org, name: org.name === null ? null : out(org.name) });
    return {
      label: person ? `${person.label} ${label}` : label,
      next: org.next,
      start: person?.start ?? org.start,
      end: org.end,
    };
  }
  if (person && person.label === 'Thủ tướng Chính phủ') return person;
  const agency = person ? agencyNameAt(doc, tokens, person.next) : null;
  if (person && agency) {
    return {
      label: `${person.label} ${out(agency.name)}`,
      next: agency.next,
      start: person.start,
      end: agency.end,
    };
  }
  return null;
}

const AGENCY_WORDS = ['so', 'phong', 'ban', 'cuc', 'chi cuc', 'vien', 'truong'];

/** "Sở", "Sở Tư pháp", "Phòng Nội vụ": a capitalised agency word and the capitalised words after it. */
function agencyNameAt(doc: Doc, tokens: readonly Token[], i: number) {
  const hit = matchAnyAt(tokens, i, AGENCY_WORDS, 0);
  if (!hit || !/^\p{Lu}/u.test(doc.text.charAt(hit.start))) return null;
  let next = hit.next;
  let end = hit.end;
  while (next < hit.next + 4) {
    const t = tokens[next];
    if (
      !t ||
      !/^\p{Lu}/u.test(doc.text.charAt(t.start)) ||
      doc.text.slice(end, t.start).trim() !== ''
    )
      break;
    end = t.end;
    next++;
  }
  return { name: doc.text.slice(hit.start, end), next, end };
}

export function issuerLabel(level: string | null, name: string | null): string {
  return ['UBND', level, name].filter((s) => s !== null).join(' ');
}

export const RANKS: readonly Entry[] = [
  ['dac biet', 'Đặc biệt'],
  ['khuyen khich', 'Khuyến khích'],
  ['nhat', 'Nhất'],
  ['nhi', 'Nhì'],
  ['ba', 'Ba'],
  ['tu', 'Tư'],
];

export function rankAt(tokens: readonly Token[], i: number) {
  return matchEntries(RANKS, tokens, i);
}

export const COLLECTIVE_WORDS = ['tap the', 'don vi', 'co quan', 'to chuc', 'bo phan'];
export const INDIVIDUAL_WORDS = [
  'ca nhan',
  'can bo',
  'cong chuc',
  'vien chuc',
  'nguoi lao dong',
  'nhan vien',
  'doan vien',
  'hoi vien',
  'hoc sinh',
  'sinh vien',
  'giao vien',
  'nguoi',
];
