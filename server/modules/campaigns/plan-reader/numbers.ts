import type { Doc, Span } from './document';

/**
 * Document numbers ("số 47/KH-UBND", "19 /KH-UBND", "Số: /KH - UBND", "91/2017/ND-CP",
 * "05-CT/TU"), money ("300.000đ", "2 triệu đồng") and small counts ("01", "02").
 */

export type DocRef = Span & {
  /** "47/KH-UBND", "91/2017/NĐ-CP"; null when the number is blank. */
  number: string | null;
  /** "KH-UBND", "NĐ-CP" (without the year part). */
  symbol: string;
};

// Folded text: number (maybe with a party suffix "-CT"), slash, optional year, symbol segments.
const REF =
  /(?<![\d/])(\d{1,5}(?:[ \t]*-[ \t]*[a-z]{1,6})?)[ \t]*\/[ \t]*(?:(\d{4})[ \t]*\/[ \t]*)?([a-z]{1,8}(?:[ \t]*[-–][ \t]*[a-z0-9]{1,8})*)/gu;

/** "KH - UBND" → "KH-UBND"; an all-lower-case part is upper-cased ("nđ" → "NĐ"), "TTg" is kept. */
export function canonicalSymbol(raw: string): string {
  return raw
    .replace(/[–]/gu, '-')
    .replace(/\s+/gu, '')
    .split(/(?=[-/])|(?<=[-/])/u)
    .map((part) => (part === part.toLocaleLowerCase('vi') ? part.toLocaleUpperCase('vi') : part))
    .join('');
}

/** Every document reference in [span.start, span.end) whose symbol starts with a capital letter. */
export function findRefs(doc: Doc, span: Span): DocRef[] {
  const refs: DocRef[] = [];
  const part = doc.folded.slice(span.start, span.end);
  for (const m of part.matchAll(new RegExp(REF.source, 'gdu'))) {
    const symbolAt = m.indices?.[3];
    const numberPart = m[1];
    const symbolPart = m[3];
    if (!symbolAt || numberPart === undefined || symbolPart === undefined) continue;
    const symbolStart = span.start + symbolAt[0];
    if (!/\p{Lu}/u.test(doc.text.charAt(symbolStart))) continue;
    const symbol = canonicalSymbol(doc.text.slice(symbolStart, span.start + symbolAt[1]));
    const num = canonicalSymbol(
      doc.text.slice(span.start + m.index, span.start + m.index + numberPart.length),
    );
    const year = m[2] === undefined ? '' : `${m[2]}/`;
    const start = span.start + m.index;
    refs.push({ start, end: start + m[0].length, number: `${num}/${year}${symbol}`, symbol });
  }
  return refs;
}

const HEADER_NUMBER =
  /(?<![a-z])s[a-z0-9$]{0,2}[ \t]*:[ \t]*\**[ \t]*(\d{1,5})?[ \t]*\**[ \t]*\/[ \t]*([a-z]{1,8}(?:[ \t]*[-–][ \t]*[a-z0-9]{1,8})*)/du;

/** The "Số: 47/KH-UBND" line of the header (OCR "sé: 19 /KH-UBND" too). */
export function findHeaderNumber(doc: Doc, span: Span): DocRef | null {
  const part = doc.folded.slice(span.start, span.end);
  const m = HEADER_NUMBER.exec(part);
  const symbolAt = m?.indices?.[2];
  if (!m || !symbolAt) return null;
  const symbol = canonicalSymbol(
    doc.text.slice(span.start + symbolAt[0], span.start + symbolAt[1]),
  );
  const start = span.start + m.index;
  return {
    start,
    end: start + m[0].length,
    number: m[1] === undefined ? null : `${m[1]}/${symbol}`,
    symbol,
  };
}

// "300.000đ", "300.000 đồng", "1.500.000 VNĐ", "2 triệu đồng", "2,5 triệu".
const AMOUNT =
  /(?<![\d.,])(\d{1,3}(?:[.,]\d{3})+|\d{4,}|\d{1,3}(?:[.,]\d{1,2})?[ \t]*trieu)(?:[ \t]*(?:d|dong|vnd)(?![a-z]))?/gu;

export type AmountHit = Span & { vnd: number };

/** Money amounts in folded[span]: a thousands-grouped number followed by đ/đồng/VNĐ, or "N triệu". */
export function findAmounts(doc: Doc, span: Span): AmountHit[] {
  const hits: AmountHit[] = [];
  const part = doc.folded.slice(span.start, span.end);
  for (const m of part.matchAll(AMOUNT)) {
    const raw = m[1] ?? '';
    let vnd: number;
    if (raw.endsWith('trieu')) {
      vnd = Math.round(Number(raw.replace(/[ \t]*trieu$/u, '').replace(',', '.')) * 1_000_000);
    } else {
      if (m[0].length === raw.length) continue; // no currency: a count or a year, not money
      vnd = Number(raw.replace(/[.,]/gu, ''));
    }
    if (!Number.isFinite(vnd) || vnd <= 0) continue;
    const start = span.start + m.index;
    hits.push({ start, end: start + m[0].length, vnd });
  }
  return hits;
}

/** "01" → 1; OCR-confused digits are not guessed. */
export function count(token: string): number | null {
  return /^\d{1,4}$/u.test(token) ? Number(token) : null;
}
