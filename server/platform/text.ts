/**
 * Vietnamese text normalisation. The database has the same rule (f_norm in the first migration:
 * lower(unaccent(x)) with whitespace collapsed); this JS twin is for places that normalise outside
 * SQL (Excel headers, import look-ups) and is tested to agree with it.
 */

/** NFC: decomposed accents (from some keyboards and PDF text) render misplaced and compare unequal. */
export function nfc(s: string): string {
  return s.normalize('NFC');
}

/** Collapses runs of whitespace and trims. */
export function squish(s: string): string {
  return s.replace(/\s+/gu, ' ').trim();
}

/** Lower-case, accents removed, đ → d, whitespace collapsed: "Lương  Điền" → "luong dien". */
export function foldVietnamese(s: string): string {
  return squish(
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/gu, '')
      .replace(/[đĐ]/gu, 'd')
      .toLowerCase(),
  );
}

/** The given name (tên) of a Vietnamese full name: its last word. Lists sort by it first. */
export function givenName(fullName: string): string {
  const parts = squish(fullName).split(' ');
  return parts[parts.length - 1] ?? '';
}

/** At most this many words of a search are used (each one is a LIKE over a few columns). */
const MAX_SEARCH_WORDS = 8;

/** The accent-free words of a search box, duplicates and blanks dropped. */
export function searchWords(search: string): string[] {
  return [...new Set(foldVietnamese(search).split(' ').filter(Boolean))].slice(0, MAX_SEARCH_WORDS);
}

/** Escapes LIKE wildcards so user input is matched literally. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/gu, (c) => `\\${c}`);
}

/** Edit distance (insertions, deletions, substitutions), for short words. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(
        (prev[j] ?? 0) + 1,
        (cur[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/**
 * Whether `text` contains the words of `phrase` in a row, read loosely enough for text typed
 * without accents or scanned (OCR): "Can bg, cong chirc" contains "cán bộ" and "công chức". Each
 * word must start with the same letter and lie within one edit (words of up to 3 letters) or two
 * (longer words) of the phrase's word, at most two edits over the phrase; `unlike` lists real words
 * that are close but mean something else ("chung" in "công chúng" is not "chức").
 */
export function containsLoosely(text: string, phrase: string, unlike: readonly string[] = []) {
  const words = foldVietnamese(text)
    .split(/[^a-z0-9]+/u)
    .filter((w) => w !== '');
  const want = foldVietnamese(phrase).split(' ');
  for (let i = 0; i + want.length <= words.length; i++) {
    let total = 0;
    const fits = want.every((p, k) => {
      const w = words[i + k] ?? '';
      if (w[0] !== p[0] || unlike.includes(w)) return false;
      const d = w === p ? 0 : editDistance(w, p);
      total += d;
      return d <= (p.length <= 3 ? 1 : 2);
    });
    if (fits && total <= 2) return true;
  }
  return false;
}

const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Why PostgreSQL cannot store `s` faithfully, or null: `nul` — U+0000, refused by `text` and
 * `jsonb`; `surrogate` — a lone UTF-16 surrogate ("\ud800", only reachable through a JSON
 * `\u` escape): not a Unicode character, so `jsonb` refuses it and a `text` column would
 * silently store U+FFFD instead.
 */
export function unstorableText(s: string): 'nul' | 'surrogate' | null {
  if (s.includes('\u0000')) return 'nul';
  // `String.prototype.isWellFormed` (ES2024) in a form the ES2023 lib types: with the `u` flag a
  // surrogate pair is one code point, so only a lone surrogate is of category Cs.
  return LONE_SURROGATE.test(s) ? 'surrogate' : null;
}
