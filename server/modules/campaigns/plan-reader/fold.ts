import { foldVietnamese } from '../../../platform/text';

/**
 * Accent-insensitive and OCR-tolerant matching. The reader matches on a folded copy of the text
 * that has exactly the same length as the original (one folded character per UTF-16 unit), so an
 * offset found in the folded copy is an offset in the original: evidence needs no mapping back.
 */

const foldCache = new Map<string, string>();

/** One character folded with `foldVietnamese` (lower case, no accents, đ → d); always length 1. */
export function foldChar(ch: string): string {
  let folded = foldCache.get(ch);
  if (folded === undefined) {
    if (ch === '\n') folded = '\n';
    else if (/\s/u.test(ch)) folded = ' ';
    else folded = foldVietnamese(ch).charAt(0) || ' ';
    foldCache.set(ch, folded);
  }
  return folded;
}

/** The folded copy of `text`, same length, newlines kept. */
export function foldAligned(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldChar(text.charAt(i));
  return out;
}

/** Removes accents but keeps case: "Tién Thanh" → "Tien Thanh" (for OCR text, whose accents are noise). */
export function stripMarks(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/đ/gu, 'd')
    .replace(/Đ/gu, 'D')
    .normalize('NFC');
}

/**
 * Share of letters carrying a Vietnamese vowel modifier (ă â ê ô ơ ư) or đ. Accented Vietnamese has
 * several percent; text typed without accents or OCR'd without them has almost none (the OCR in
 * seed 003 has stray acute accents but no modified vowels).
 */
export function modifiedLetterRatio(text: string): number {
  let letters = 0;
  let modified = 0;
  for (const ch of text.normalize('NFD')) {
    if (/\p{L}/u.test(ch)) {
      letters++;
      if (ch === 'đ' || ch === 'Đ') modified++;
    } else if (ch === '\u0302' || ch === '\u0306' || ch === '\u031b') {
      modified++;
    }
  }
  return letters === 0 ? 0 : modified / letters;
}

export type Token = { text: string; start: number; end: number };

const TOKEN_RE = /[^\s.,;:!?()[\]{}"“”'‘’/\\\-–—*…%&+=<>|_]+/gu;

/** Word tokens of the folded text between `from` and `to`, with their offsets. */
export function tokenize(folded: string, from = 0, to = folded.length): Token[] {
  const tokens: Token[] = [];
  const re = new RegExp(TOKEN_RE.source, 'gu');
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(folded)) !== null && m.index < to) {
    const end = Math.min(m.index + m[0].length, to);
    tokens.push({ text: folded.slice(m.index, end), start: m.index, end });
  }
  return tokens;
}

// OCR confusions (folded): digits read for letters, ư read as w. Nearly free.
const OCR_GROUPS = ['o06', 'l1i', 'a4', 's$5', 'uw', 'b8'];
const VOWELS = 'aeiouyqw';

function subCost(a: string, b: string): number {
  if (a === b) return 0;
  for (const g of OCR_GROUPS) if (g.includes(a) && g.includes(b)) return 0.25;
  const va = VOWELS.includes(a);
  const vb = VOWELS.includes(b);
  if (va && vb) return 0.5; // a vowel whose accent the OCR misread
  if ('dpb'.includes(a) && 'dpb'.includes(b)) return 0.5; // Đ read as P or B
  if ((a === 'd' && vb) || (b === 'd' && va)) return 0.75; // accented vowel read as d
  return 1;
}

// "ư" read by OCR as two letters: "tir" (từ), "ctr" (cứ), "chirc" (chức), "ctia" (của).
const U_PAIRS = ['ir', 'tr', 'ti'];

function pairCost(a: string, i: number, b: string, j: number): number {
  // a[i-2..i] is one of the pairs and b[j-1] is "u" (or the other way round)
  if (i >= 2 && j >= 1 && b.charAt(j - 1) === 'u' && U_PAIRS.includes(a.slice(i - 2, i)))
    return 0.5;
  if (j >= 2 && i >= 1 && a.charAt(i - 1) === 'u' && U_PAIRS.includes(b.slice(j - 2, j)))
    return 0.5;
  return Infinity;
}

/** Weighted edit distance between two folded words; stops early above `limit`. */
export function wordDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit + 1) return Infinity;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const prev = rows[i - 1] ?? [];
    const prev2 = rows[i - 2] ?? [];
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(
        (prev[j] ?? Infinity) + 1,
        (cur[j - 1] ?? Infinity) + 1,
        (prev[j - 1] ?? Infinity) + subCost(a.charAt(i - 1), b.charAt(j - 1)),
      );
      const pc = pairCost(a, i, b, j);
      if (pc < Infinity) {
        const fromA = b.charAt(j - 1) === 'u' && i >= 2 ? (prev2[j - 1] ?? Infinity) : Infinity;
        const fromB = a.charAt(i - 1) === 'u' && j >= 2 ? (prev[j - 2] ?? Infinity) : Infinity;
        v = Math.min(v, Math.min(fromA, fromB) + pc);
      }
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > limit + 1) return Infinity;
    rows.push(cur);
  }
  return rows[a.length]?.[b.length] ?? Infinity;
}

/** How far one word of a phrase may be from the text: a third of an edit per letter, at least 1. */
function wordBudget(word: string): number {
  return Math.max(1, word.length / 3);
}

const distanceCache = new Map<string, number>();

/** wordDistance(text word, phrase word) within the word's budget, memoised (words repeat a lot). */
function cachedDistance(a: string, w: string): number {
  if (a === w) return 0;
  const key = `${a}\u0000${w}`;
  let d = distanceCache.get(key);
  if (d === undefined) {
    if (distanceCache.size > 200_000) distanceCache.clear();
    d = wordDistance(a, w, wordBudget(w));
    distanceCache.set(key, d);
  }
  return d;
}

/** Default tolerance for a phrase: a quarter of an edit per letter, at least half an edit. */
export function defaultBudget(phrase: string): number {
  return Math.max(0.5, phrase.replace(/ /gu, '').length * 0.25);
}

/**
 * Cost of matching the words of `phrase` (folded, space separated) against tokens[i…]; null when
 * the phrase does not match within `budget`. Words must match one to one.
 */
export function phraseCostAt(
  tokens: readonly Token[],
  i: number,
  phrase: string,
  budget = defaultBudget(phrase),
): number | null {
  const words = phrase.split(' ');
  let cost = 0;
  for (let k = 0; k < words.length; k++) {
    const t = tokens[i + k];
    const w = words[k];
    if (!t || w === undefined) return null;
    const d = cachedDistance(t.text, w);
    if (d > wordBudget(w)) return null;
    cost += d;
    if (cost > budget) return null;
  }
  return cost;
}

export type PhraseHit = { index: number; next: number; start: number; end: number; phrase: string };

/** The best (lowest cost, then earliest listed) of `phrases` matching at token i, or null. */
export function matchAnyAt(
  tokens: readonly Token[],
  i: number,
  phrases: readonly string[],
  budget?: number,
): PhraseHit | null {
  let best: PhraseHit | null = null;
  let bestCost = Infinity;
  for (const phrase of phrases) {
    const cost = phraseCostAt(tokens, i, phrase, budget);
    if (cost === null || cost >= bestCost) continue;
    const n = phrase.split(' ').length;
    const first = tokens[i];
    const last = tokens[i + n - 1];
    if (!first || !last) continue;
    best = { index: i, next: i + n, start: first.start, end: last.end, phrase };
    bestCost = cost;
    if (cost === 0) break;
  }
  return best;
}

/** The first place (from token `from` on) where any of `phrases` matches, or null. */
export function findAny(
  tokens: readonly Token[],
  phrases: readonly string[],
  from = 0,
  budget?: number,
): PhraseHit | null {
  for (let i = from; i < tokens.length; i++) {
    const hit = matchAnyAt(tokens, i, phrases, budget);
    if (hit) return hit;
  }
  return null;
}

/** Every non-overlapping place where any of `phrases` matches. */
export function findAll(
  tokens: readonly Token[],
  phrases: readonly string[],
  budget?: number,
): PhraseHit[] {
  const hits: PhraseHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const hit = matchAnyAt(tokens, i, phrases, budget);
    if (hit) {
      hits.push(hit);
      i = hit.next - 1;
    }
  }
  return hits;
}
