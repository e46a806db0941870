import { squish } from '../../../platform/text';
import {
  foldAligned,
  matchAnyAt,
  modifiedLetterRatio,
  phraseCostAt,
  stripMarks,
  tokenize,
  type Token,
} from './fold';

/**
 * The source text cut into lines, blocks (paragraphs and numbered or bulleted items) and the
 * regions of an administrative document: header (authority, number, place and date), the document
 * type line ("KẾ HOẠCH"), the title, the body and the tail ("Nơi nhận:" and the signature).
 */

export type Span = { start: number; end: number };

/** A numbering in front of a block: "II.", "2.", "3.1.", "a)", "Điều 1.", "-", "*". */
export type Marker = {
  kind: 'roman' | 'arabic' | 'decimal' | 'letter' | 'article' | 'bullet';
  /** Outline depth: roman and articles 1, arabic 2, decimal and letters 3, bullets 9. */
  level: number;
};

export type Block = Span & {
  marker: Marker | null;
  /** where the text after the marker starts */ contentStart: number;
};

export type Doc = {
  text: string;
  folded: string;
  tokens: Token[];
  lines: Span[];
  /** Typed or OCR'd without accents: values are returned without the (noise) accents. */
  unaccented: boolean;
  header: Span;
  docType: Span | null;
  title: Span | null;
  /** Blocks between the title and the tail. */
  blocks: Block[];
  /** Index in `blocks` of the first heading (the end of the preamble); blocks.length when none. */
  firstHeading: number;
  tail: Span | null;
};

export const DOC_TYPES = [
  'ke hoach',
  'quyet dinh',
  'the le',
  'thong bao',
  'huong dan',
  'chuong trinh',
];

const NOI_NHAN = ['noi nhan'];

export function slice(doc: Doc, span: Span): string {
  return doc.text.slice(span.start, span.end);
}

/** First index in sorted `tokens` whose start is at or after `offset`. */
function lowerBound(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid]?.start ?? Infinity) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The tokens lying wholly inside the span (binary search: the reader calls this a lot). */
export function tokensIn(doc: Doc, span: Span): Token[] {
  const out: Token[] = [];
  for (let i = lowerBound(doc.tokens, span.start); i < doc.tokens.length; i++) {
    const t = doc.tokens[i];
    if (!t || t.start >= span.end) break;
    if (t.end <= span.end) out.push(t);
  }
  return out;
}

/** Markdown emphasis removed, whitespace collapsed, no space inside curly quotes. */
export function clean(raw: string): string {
  return squish(raw.replace(/\*/gu, '')).replace(/“\s+/gu, '“').replace(/\s+”/gu, '”');
}

/** A list item or sentence as a value: cleaned, without trailing ";", ",", "." or "./.". */
export function cleanItem(raw: string): string {
  return clean(raw)
    .replace(/[\s;,.:/]+$/u, '')
    .replace(/^[\s;,.:]+/u, '');
}

/** Values from unaccented (OCR) text lose their stray accents; canonical words are not passed here. */
export function out(doc: Doc, value: string): string {
  return doc.unaccented ? stripMarks(value) : value;
}

export function capitalize(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}

/** Cuts a span at ";" and at sentence ends (". " before a capital letter); blank parts dropped. */
export function splitClauses(doc: Doc, span: Span): Span[] {
  const raw = doc.text.slice(span.start, span.end);
  const parts: Span[] = [];
  let from = 0;
  for (const m of raw.matchAll(/;|\.(?=\s+\p{Lu})/gu)) {
    parts.push({ start: span.start + from, end: span.start + m.index });
    from = m.index + 1;
  }
  parts.push({ start: span.start + from, end: span.end });
  return parts.filter((p) => doc.text.slice(p.start, p.end).trim() !== '');
}

/** The span without surrounding whitespace and markdown asterisks. */
export function trimSpan(doc: Doc, span: Span): Span {
  let { start, end } = span;
  while (start < end && /[\s*]/u.test(doc.text.charAt(start))) start++;
  while (end > start && /[\s*]/u.test(doc.text.charAt(end - 1))) end--;
  return { start, end };
}

// "Điều 1.", "DIEU 2:", OCR "Diéu 3." / "Dicu 4." (matched on the folded line, capital first)
const ARTICLE = /^[dp]i[a-z]{1,2}u\s+\d{1,2}\s*[.:]\s*/u;

const MARKERS: { re: RegExp; kind: Marker['kind']; level: number }[] = [
  { re: /^[IVX][IVXl1]{0,4}\s*[.)]\s+/u, kind: 'roman', level: 1 },
  { re: /^\d{1,2}\.\d{1,2}\.?\s+/u, kind: 'decimal', level: 3 },
  { re: /^\d{1,2}\s*[.)]\s+/u, kind: 'arabic', level: 2 },
  { re: /^[a-zđ]\s*[.)]\s+/u, kind: 'letter', level: 3 },
  { re: /^(?:[-–—+•●]\s*|\*\s+)/u, kind: 'bullet', level: 9 },
];

/** The marker at the start of a line (after indentation and "**"), with where the content starts. */
export function markerOf(doc: Doc, line: Span): { marker: Marker; contentStart: number } | null {
  const raw = doc.text.slice(line.start, line.end);
  const lead = /^[\s]*(?:\*\*)?[\s]*/u.exec(raw)?.[0].length ?? 0;
  const rest = raw.slice(lead);
  const article = /^\p{Lu}/u.test(rest)
    ? ARTICLE.exec(doc.folded.slice(line.start + lead, line.end))
    : null;
  if (article) {
    return {
      marker: { kind: 'article', level: 1 },
      contentStart: line.start + lead + article[0].length,
    };
  }
  for (const m of MARKERS) {
    const hit = m.re.exec(rest);
    if (hit) {
      return {
        marker: { kind: m.kind, level: m.level },
        contentStart: line.start + lead + hit[0].length,
      };
    }
  }
  return null;
}

function isBlank(doc: Doc, line: Span): boolean {
  return /^[\s*]*$/u.test(doc.text.slice(line.start, line.end));
}

function splitLines(text: string): Span[] {
  const lines: Span[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) {
      lines.push({ start, end: text.length });
      return lines;
    }
    lines.push({ start, end: nl });
    start = nl + 1;
  }
}

/** Paragraphs and items: a blank line or a numbered/bulleted line starts a new block. */
function buildBlocks(doc: Doc, from: number, to: number): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  let afterBlank = false;
  for (const line of doc.lines) {
    if (line.start < from || line.end > to) continue;
    if (isBlank(doc, line)) {
      current = null;
      afterBlank = true;
      continue;
    }
    const m = markerOf(doc, line);
    if (current && !m && !standsAlone(doc, current, line)) {
      current.end = line.end;
    } else {
      const lead = trimSpan(doc, line).start;
      const prev = blocks[blocks.length - 1];
      if (!m && afterBlank && prev && continuesAcrossBreak(doc, prev, lead)) {
        prev.end = line.end; // a paragraph cut by a page break
        current = prev;
      } else {
        current = {
          start: lead,
          end: line.end,
          marker: m?.marker ?? null,
          contentStart: m?.contentStart ?? lead,
        };
        blocks.push(current);
      }
    }
    afterBlank = false;
  }
  return blocks;
}

const CONNECTORS = ['cua', 'va', 'cac', 'trong', 've', 'cho', 'voi', 'tai', 'theo', 'nhung', 'la'];

/**
 * "I. ĐỐI TƯỢNG" or "Điều 2. Thời gian" on a line of its own, the text on the next line without a
 * blank between: the heading is a block by itself, so its section gets the text. Only a short
 * roman or article heading (or an all-capitals numbered one) that does not end in ",;:" and is
 * followed by a line starting with a capital or a digit; a numbered item wrapped mid-sentence
 * (the next line in lower case, or the line ending on "của", "và", …) stays one block.
 */
function standsAlone(doc: Doc, current: Block, next: Span): boolean {
  const kind = current.marker?.kind;
  if (kind !== 'roman' && kind !== 'article' && kind !== 'arabic') return false;
  if (doc.text.slice(current.start, current.end).includes('\n')) return false;
  const content = doc.text.slice(current.contentStart, current.end).replace(/[\s*]+$/u, '');
  if (content.length < 2 || content.length > 80 || /[,;:]$/u.test(content)) return false;
  if (kind === 'arabic' && content !== content.toLocaleUpperCase('vi')) return false;
  const last = doc.folded.slice(current.contentStart, current.end).trim().split(/\s+/u).pop();
  if (last && CONNECTORS.includes(last)) return false; // "…phong trào của" + "UBND huyện …"
  return /^[\p{Lu}\d]/u.test(doc.text.slice(trimSpan(doc, next).start, next.end));
}

/** "…ban hành Quy" + blank + "định xác định…": the next paragraph goes on mid-sentence. */
function continuesAcrossBreak(doc: Doc, prev: Block, nextStart: number): boolean {
  const prevText = doc.text.slice(prev.start, prev.end).replace(/[\s*]+$/u, '');
  const open = (prevText.match(/“/gu) ?? []).length > (prevText.match(/”/gu) ?? []).length;
  if (open) return true;
  if (/[.;:!?…”")]$/u.test(prevText)) return false;
  return /^\p{Ll}/u.test(doc.text.charAt(nextStart));
}

/** True when the whole line is one of `phrases` (ignoring markdown and a trailing colon). */
export function lineIs(doc: Doc, line: Span, phrases: readonly string[]): boolean {
  const tokens = tokensIn(doc, line);
  return phrases.some(
    (p) => p.split(' ').length === tokens.length && phraseCostAt(tokens, 0, p) !== null,
  );
}

/** The line starts with one of `phrases`. */
export function lineStartsWith(doc: Doc, line: Span, phrases: readonly string[]): boolean {
  return matchAnyAt(tokensIn(doc, line), 0, phrases) !== null;
}

export function buildDoc(input: string): Doc {
  const text = input.normalize('NFC');
  const folded = foldAligned(text);
  const doc: Doc = {
    text,
    folded,
    tokens: tokenize(folded),
    lines: splitLines(text),
    unaccented: modifiedLetterRatio(text) < 0.01,
    header: { start: 0, end: 0 },
    docType: null,
    title: null,
    blocks: [],
    firstHeading: 0,
    tail: null,
  };
  const searchable = doc.lines.slice(0, 60);
  const docType = searchable.find((l) => l.end - l.start < 40 && lineIs(doc, l, DOC_TYPES));
  let bodyStart = 0;
  if (docType) {
    doc.docType = docType;
    doc.header = { start: 0, end: docType.start };
    doc.title = findTitle(doc, docType);
    bodyStart = doc.title?.end ?? docType.end;
  }
  const tailLine = [...doc.lines]
    .reverse()
    .find((l) => l.start >= bodyStart && lineStartsWith(doc, l, NOI_NHAN));
  if (tailLine) doc.tail = { start: tailLine.start, end: text.length };
  doc.blocks = buildBlocks(doc, bodyStart, doc.tail?.start ?? text.length);
  const first = doc.blocks.findIndex((b) => b.marker !== null && b.marker.level <= 2);
  doc.firstHeading = first < 0 ? doc.blocks.length : first;
  return doc;
}

const BASIS_STARTS = ['can cu', 'thuc hien', 'xet de nghi'];

/** The lines after the document type up to a blank line (at most four). */
function findTitle(doc: Doc, docType: Span): Span | null {
  const idx = doc.lines.indexOf(docType);
  let start: number | null = null;
  let end = 0;
  let count = 0;
  for (const line of doc.lines.slice(idx + 1)) {
    const blank = isBlank(doc, line);
    if (start === null && blank) continue;
    if (blank || count >= 4 || markerOf(doc, line) || lineStartsWith(doc, line, BASIS_STARTS)) {
      break;
    }
    start ??= line.start;
    end = line.end;
    count++;
  }
  return start === null ? null : trimSpan(doc, { start, end });
}
