/**
 * Text formatting rules of Decree 30/2020/NĐ-CP (Appendix I) used when a plan is written out as
 * a document: dates with their leading zeros, document numbers, money, list punctuation.
 * Dates arrive as ISO 'YYYY-MM-DD' strings and are read without `Date`, so no time zone applies.
 */

import type { PlanDocType } from '../../../shared/campaign';

/** The centred type heading: "KẾ HOẠCH". */
export const docTypeHeadings: Record<PlanDocType, string> = {
  KH: 'KẾ HOẠCH',
  HD: 'HƯỚNG DẪN',
  CTr: 'CHƯƠNG TRÌNH',
};

/** How the body refers to the document itself: "Căn cứ Kế hoạch này". */
export const docTypeWords: Record<PlanDocType, string> = {
  KH: 'Kế hoạch',
  HD: 'Hướng dẫn',
  CTr: 'Chương trình',
};

type DateParts = { year: number; month: number; day: number };

function parseIsoDate(iso: string): DateParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  if (!m) throw new Error(`Invalid ISO date: ${iso}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** Days below 10 and months 1–2 take a leading zero; months 3–12 do not ("06", "02", "3"). */
function pad(n: number): string {
  return String(n).padStart(2, '0');
}
function dayText(day: number): string {
  return pad(day);
}
function monthText(month: number): string {
  return month <= 2 ? pad(month) : String(month);
}

/** "ngày 18 tháng 02 năm 2022", "ngày 06 tháng 3 năm 2023" (Decree 30 zero padding). */
export function longDate(iso: string): string {
  const d = parseIsoDate(iso);
  return `ngày ${dayText(d.day)} tháng ${monthText(d.month)} năm ${d.year}`;
}

/** "18/02/2022", "31/7/2020", "05/5/2021": the short form plans use inside sentences. */
export function shortDate(iso: string): string {
  const d = parseIsoDate(iso);
  return `${dayText(d.day)}/${monthText(d.month)}/${d.year}`;
}

/** Blank day and month left for the issuing clerk on a draft: "ngày      tháng      năm 2026". */
export function blankLongDate(year: number): string {
  return `ngày      tháng      năm ${year}`;
}

/** "Lương Điền, ngày 06 tháng 3 năm 2023", or with blank day and month when not yet issued. */
export function placeDateLine(place: string, issuedOn: string | null, draftYear: number): string {
  return `${place}, ${issuedOn === null ? blankLongDate(draftYear) : longDate(issuedOn)}`;
}

/**
 * "Số: 47/KH-UBND". A number below 10 gets a leading zero ("Số: 05/KH-UBND"); a bare number is
 * joined to the symbol; no number yet (a draft) leaves the number blank: "Số:      /KH-UBND".
 */
export function numberLine(documentNumber: string | null, documentSymbol: string): string {
  const raw = documentNumber?.trim() ?? '';
  if (raw === '') return `Số:      /${documentSymbol}`;
  const withSymbol = raw.includes('/') ? raw : `${raw}/${documentSymbol}`;
  return `Số: ${withSymbol.replace(/^(\d)\//u, '0$1/')}`;
}

/** Groups thousands with dots as Vietnamese does: 3000000 → "3.000.000". */
export function groupThousands(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/gu, '.');
}

/** Decimal comma: 0.3 → "0,3", 12.5 → "12,5", 20 → "20". */
export function decimal(n: number): string {
  return String(n).replace('.', ',');
}

/** "300.000 đồng". */
export function moneyText(amountVnd: number): string {
  return `${groupThousands(amountVnd)} đồng`;
}

/** "hệ số 0,3 × mức lương cơ sở" (Decree 152/2025 expresses rewards as base-salary multiples). */
export function coefficientText(coefficient: number): string {
  return `hệ số ${decimal(coefficient)} × mức lương cơ sở`;
}

/** Counts in plans are written with two digits: 1 → "01", 12 → "12". */
export function countText(n: number): string {
  return pad(n);
}

/** Lower-cases the first letter: "Phát động …" → "phát động …". */
export function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}

/** Vietnamese upper case ("Chủ tịch" → "CHỦ TỊCH"). */
export function upper(s: string): string {
  return s.toLocaleUpperCase('vi');
}

/** Drops the punctuation a list line ends with, so the list's own ";" / "." can be put on. */
export function stripEndPunctuation(s: string): string {
  return s.trim().replace(/[\s;.,:]+$/u, '');
}

/** Ends each line with ";" and the last one with "." (legal bases, recipients, generated lists). */
export function punctuateList(lines: readonly string[]): string[] {
  return lines.map(
    (line, i) => `${stripEndPunctuation(line)}${i === lines.length - 1 ? '.' : ';'}`,
  );
}

/** Joins words the way headings do: ["A"] → "A", ["A", "B"] → "A VÀ B", ["A", "B", "C"] → "A, B VÀ C". */
export function joinWithAnd(parts: readonly string[], and: string): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} ${and} ${parts[parts.length - 1] ?? ''}`;
}

const vietnameseLetters = 'a b c d đ e g h i k l m n o p q r s t u v x y'.split(' ');

/** Item letters in Vietnamese alphabetical order: 0 → "a", 4 → "đ". */
export function letter(i: number): string {
  return vietnameseLetters[i % vietnameseLetters.length] ?? 'a';
}

const romanTable: ReadonlyArray<readonly [number, string]> = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** 1 → "I", 4 → "IV", 9 → "IX". */
export function roman(n: number): string {
  let rest = n;
  let out = '';
  for (const [value, symbol] of romanTable) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}

/** Every string inside a plain JSON value in Unicode NFC (decomposed accents render misplaced). */
export function deepNfc<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((v: unknown) => deepNfc(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]: [string, unknown]) => [k, deepNfc(v)]),
    ) as T;
  }
  return value;
}

const levelWords = new Set(['TỈNH', 'HUYỆN', 'QUẬN', 'XÃ', 'PHƯỜNG', 'ĐẶC']);
const levelPairs = new Set(['THÀNH PHỐ', 'THỊ XÃ', 'THỊ TRẤN']);

/**
 * Splits a body name too long for one header line into two, the way clerks break it by hand:
 * before the locality ("ỦY BAN NHÂN DÂN" / "HUYỆN CHÂU THÀNH"), else at the most balanced
 * space that does not split a hyphenated name. Names up to `maxChars` stay on one line.
 */
export function headerLines(text: string, maxChars = 24): string[] {
  if (text.trim() === '') return [];
  const words = text.trim().split(/\s+/u);
  if (text.trim().length <= maxChars || words.length < 2) return [text.trim()];
  const split = (i: number) => [words.slice(0, i).join(' '), words.slice(i).join(' ')];
  for (let i = 1; i < words.length; i++) {
    const word = words[i] ?? '';
    if (levelWords.has(word) || levelPairs.has(`${word} ${words[i + 1] ?? ''}`)) return split(i);
  }
  let best = 1;
  let bestDiff = Infinity;
  for (let i = 1; i < words.length; i++) {
    // Keep "THI ĐUA - KHEN THƯỞNG" together: no break within a word of a "-".
    if (words.slice(Math.max(0, i - 2), i + 2).includes('-')) continue;
    const [a = '', b = ''] = split(i);
    if (Math.abs(a.length - b.length) < bestDiff)
      [best, bestDiff] = [i, Math.abs(a.length - b.length)];
  }
  return split(best);
}
