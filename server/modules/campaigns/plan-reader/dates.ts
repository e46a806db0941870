/**
 * Dates in Vietnamese administrative text, matched on the folded copy so accents and OCR noise do
 * not matter: "ngày 06 tháng 3 năm 2023", "ngay 24 thang 02 nam 2023", "ngdy … nim 2023",
 * "18/02/2022", "31.7.2020". A blank day or month ("ngày    tháng 5 năm 2024") gives a hit with
 * `iso` null but the year kept.
 */

export type DateHit = {
  start: number;
  end: number;
  day: number | null;
  month: number | null;
  year: number;
  /** YYYY-MM-DD, or null when the day or month is blank or the date does not exist. */
  iso: string | null;
};

const VERBOSE =
  /(?<![a-z])ng[a-z]{1,2}y[ \t.]*(\d{1,2})?\s*th[a-z]{2,3}g[ \t.]*(\d{1,2})?\s*n[a-z]{1,2}m[ \t.]*(\d{4})(?!\d)/gu;
const NUMERIC = /(?<![\d/.])(\d{1,2})[ \t]*([/.-])[ \t]*(\d{1,2})[ \t]*\2[ \t]*(\d{4})(?![\d/])/gu;

export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1945 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return d.toISOString().slice(0, 10);
}

function num(s: string | undefined): number | null {
  return s === undefined ? null : Number(s);
}

/** Every date in folded[from, to), in order. */
export function findDates(folded: string, from = 0, to = folded.length): DateHit[] {
  const part = folded.slice(from, to);
  const hits: DateHit[] = [];
  for (const m of part.matchAll(VERBOSE)) {
    const day = num(m[1]);
    const month = num(m[2]);
    const year = Number(m[3]);
    if (month !== null && (month < 1 || month > 12)) continue;
    const iso = day !== null && month !== null ? isoDate(year, month, day) : null;
    if (day !== null && month !== null && iso === null) continue;
    hits.push({ start: from + m.index, end: from + m.index + m[0].length, day, month, year, iso });
  }
  for (const m of part.matchAll(NUMERIC)) {
    const day = Number(m[1]);
    const month = Number(m[3]);
    const year = Number(m[4]);
    const iso = isoDate(year, month, day);
    if (iso === null) continue;
    const start = from + m.index;
    if (hits.some((h) => start >= h.start && start < h.end)) continue;
    hits.push({ start, end: start + m[0].length, day, month, year, iso });
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** The first full date in the range, or null. */
export function firstDate(folded: string, from: number, to: number): DateHit | null {
  return findDates(folded, from, to).find((d) => d.iso !== null) ?? null;
}
