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

/** Escapes LIKE wildcards so user input is matched literally. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/gu, (c) => `\\${c}`);
}
