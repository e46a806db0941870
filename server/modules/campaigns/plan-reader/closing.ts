import {
  capitalize,
  clean,
  cleanItem,
  markerOf,
  out,
  tokensIn,
  trimSpan,
  type Doc,
  type Span,
} from './document';
import type { EvidenceLog } from './evidence';
import { matchAnyAt } from './fold';
import type { PlanImportJson } from './schema';
import { PERSON_TITLES } from './vocabulary';

/**
 * The tail: recipients (the "- …;" lines after "Nơi nhận:") and the signer (the title line, e.g.
 * "CHỦ TỊCH", and the name after it). "TM. ỦY BAN NHÂN DÂN XÃ" names the authority, not the title;
 * after "KT. CHỦ TỊCH" the next line ("PHÓ CHỦ TỊCH") is the signer's own title. OCR can put the
 * title on the "Nơi nhận:" line ("Noi nhén: CHU TICH"), so a title is looked for at line ends.
 */

const SKIP_BEFORE_NAME = ['luu', 'noi nhan', 'da ky', 'ky ten', 'ky'];
const NAME = /^\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,5}$/u;
const NAME_CAPS = /^\p{Lu}+(?:\s+\p{Lu}+){1,5}$/u;

function lineText(doc: Doc, line: Span): string {
  return clean(doc.text.slice(line.start, line.end));
}

type TitleHit = {
  label: string;
  deputy: boolean;
  /** where a recipient before it ends */ cut: number;
};

/**
 * The person title a line ends with: a line that is only the title ("CHỦ TỊCH", "KT. CHỦ TỊCH"),
 * or, where OCR merged the two columns, an upper-case title after the recipients column
 * ("Noi nhén: CHU TICH", "- UBND huyén; PHO CHU TICH").
 */
function titleAtEnd(doc: Doc, line: Span): TitleHit | null {
  const bullet = markerOf(doc, line)?.marker.kind === 'bullet';
  const tokens = tokensIn(doc, line);
  for (const [folded, label] of PERSON_TITLES) {
    const at = tokens.length - folded.split(' ').length;
    const first = tokens[at];
    if (!first || !matchAnyAt(tokens, at, [folded])) continue;
    const prefix = tokens
      .slice(0, at)
      .map((t) => t.text)
      .join(' ');
    const whole = prefix === '' || prefix === 'kt' || prefix === 'tm';
    if (whole && !bullet) return { label, deputy: prefix === 'kt', cut: line.start };
    const upper = doc.text.slice(first.start, line.end);
    const before = doc.text.slice(line.start, first.start);
    const merged =
      upper === upper.toLocaleUpperCase('vi') && /(?:[;:]|\s{2,})\s*(?:KT\.?\s*)?$/u.exec(before);
    if (merged || /^noi nh[a-z]n(?: kt)?$/u.test(prefix)) {
      const kt = /KT\.?\s*$/u.test(before);
      return { label, deputy: kt, cut: line.start + (merged ? merged.index + 1 : before.length) };
    }
  }
  return null;
}

function nameOf(raw: string): string | null {
  if (NAME.test(raw)) return raw;
  if (NAME_CAPS.test(raw)) {
    return raw
      .split(/\s+/u)
      .map((w) => capitalize(w.toLocaleLowerCase('vi')))
      .join(' ');
  }
  return null;
}

export function readClosing(doc: Doc, plan: PlanImportJson, ev: EvidenceLog): void {
  const tailStart = doc.tail?.start ?? doc.lines[Math.max(0, doc.lines.length - 15)]?.start ?? 0;
  const lines = doc.lines.filter((l) => l.start >= tailStart);
  if (doc.tail) readRecipients(doc, plan, ev, lines);

  const titles = lines.map((l) => titleAtEnd(doc, l));
  let titleIdx = titles.findIndex((t) => t !== null);
  let title = titles[titleIdx] ?? null;
  if (title?.deputy) {
    // "KT. CHỦ TỊCH" signs for the chairman: the signer's own title follows ("PHÓ CHỦ TỊCH")
    const nextIdx = titles.findIndex((t, k) => k > titleIdx && t !== null);
    const next = titles[nextIdx];
    if (next && nextIdx - titleIdx <= 3) {
      title = next;
      titleIdx = nextIdx;
    }
  }
  let name: string | null = null;
  let nameLine: Span | null = null;
  for (const line of lines.slice(titleIdx + 1, titleIdx + 16)) {
    const raw = lineText(doc, line);
    if (raw === '' || markerOf(doc, line)?.marker.kind === 'bullet') continue;
    if (matchAnyAt(tokensIn(doc, line), 0, SKIP_BEFORE_NAME, 0)) continue;
    name = nameOf(raw);
    if (name) {
      nameLine = line;
      break;
    }
  }
  if (titleIdx < 0 && !doc.tail) name = null; // a name-like last line without a title: a byline
  if (!title && !name) return;
  plan.signer = { title: title?.label ?? null, name: name === null ? null : out(doc, name) };
  const titleLine = titleIdx >= 0 ? lines[titleIdx] : undefined;
  const from = titleLine ?? nameLine;
  const to = nameLine ?? titleLine;
  if (from && to) ev.add('signer', trimSpan(doc, { start: from.start, end: to.end }));
}

function readRecipients(doc: Doc, plan: PlanImportJson, ev: EvidenceLog, lines: Span[]): void {
  for (const line of lines.slice(1)) {
    const raw = lineText(doc, line);
    if (raw === '') continue;
    const m = markerOf(doc, line);
    if (m?.marker.kind !== 'bullet') {
      if (plan.recipients.length > 0) return;
      continue;
    }
    const title = titleAtEnd(doc, line);
    const end = title && title.cut > m.contentStart ? title.cut : line.end;
    const value = cleanItem(doc.text.slice(m.contentStart, end));
    if (value === '') continue;
    ev.add(`recipients.${plan.recipients.length}`, { start: line.start, end });
    plan.recipients.push(out(doc, value));
  }
}
