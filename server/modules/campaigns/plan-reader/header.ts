import { findDates, type DateHit } from './dates';
import { capitalize, clean, out, slice, tokensIn, type Doc, type Span } from './document';
import type { EvidenceLog } from './evidence';
import { findAny, matchAnyAt, type Token } from './fold';
import { findHeaderNumber, findRefs } from './numbers';
import type { PlanImportJson } from './schema';
import { issuerLabel, orgAt, type OrgHit } from './vocabulary';

/**
 * The header and the opening sentence: number and symbol, place and date of issue, title, kind,
 * and the issuing body. A news post has no header: its opening sentence ("Ngày 15/3/2024, UBND xã
 * X ban hành Kế hoạch số 12/KH-UBND …") gives the same fields.
 */

const VERBS = ['xay dung', 'ban hanh', 'phat dong', 'trien khai'];
const ADVERBS = ['vua', 'da', 'moi', 'chinh thuc'];
const OBJECTS = ['ke hoach', 'the le', 'quyet dinh'];
const CONTEST = ['cuoc thi', 'hoi thi', 'the le'];
const HEADER_CUT = ['cong hoa', 'doc lap'];

const AGENCIES = ['van phong', 'trung tam', 'hoi dong', 'chi cuc', 'so', 'phong', 'ban', 'cuc'];

type IssuerSentence = { label: string; span: Span; objectEnd: number };

/** "Sở Nội vụ ban hành …": an agency word, capitalised, and its name up to the verb. */
function agencyAt(
  doc: Doc,
  tokens: readonly Token[],
  i: number,
): { next: number; span: Span } | null {
  const hit = matchAnyAt(tokens, i, AGENCIES, 0);
  const first = hit ? tokens[hit.next] : undefined;
  if (!hit || !first || !/^\p{Lu}/u.test(doc.text.charAt(hit.start))) return null;
  if (!/^\p{Lu}/u.test(doc.text.charAt(first.start))) return null;
  for (let j = hit.next + 1; j < tokens.length && j <= hit.next + 6; j++) {
    const last = tokens[j - 1];
    if (last && matchAnyAt(tokens, j, VERBS))
      return { next: j, span: { start: hit.start, end: last.end } };
  }
  return null;
}

/** "<UBND …> (vừa) ban hành / xây dựng Kế hoạch": the body names its issuer. */
function findIssuerSentence(
  doc: Doc,
  span: Span,
  header: OrgHit | null,
  place: string | null,
): IssuerSentence | null {
  const tokens = tokensIn(doc, span);
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0 && matchAnyAt(tokens, i - 1, ['cua'])) continue; // "… của UBND huyện …": a citation
    const org = orgAt(doc, tokens, i, VERBS);
    const agency = org ? null : agencyAt(doc, tokens, i);
    if (!(org?.level || agency)) continue;
    let j = org ? org.next : (agency?.next ?? i);
    while (j < tokens.length && matchAnyAt(tokens, j, ADVERBS, 0)) j++;
    const verb = matchAnyAt(tokens, j, VERBS);
    const object = verb ? matchAnyAt(tokens, verb.next, OBJECTS) : null;
    if (!object) continue;
    if (org) return { label: orgIssuer(doc, org, header, place), span: org, objectEnd: object.end };
    if (agency)
      return {
        label: out(doc, clean(slice(doc, agency.span))),
        span: agency.span,
        objectEnd: object.end,
      };
  }
  return null;
}

/** "UBND huyện An Biên": the name from the sentence, else from the header, else the place. */
function orgIssuer(doc: Doc, org: OrgHit, header: OrgHit | null, place: string | null): string {
  let name = org.name;
  if (name === null && header?.level === org.level && header.name) name = header.name;
  if (name === null) name = place;
  return issuerLabel(org.level, name === null ? null : out(doc, name));
}

/** The header lines before "Số:", without the national motto column. */
function headerAuthority(doc: Doc): { tokens: Token[]; span: Span } | null {
  const kept: Token[] = [];
  for (const line of doc.lines) {
    if (line.start >= doc.header.end) break;
    const tokens = tokensIn(doc, line);
    if (/(?<![a-z])s[a-z0-9$]{0,2}[ \t]*:/u.test(doc.folded.slice(line.start, line.end))) break;
    const cut = findAny(tokens, HEADER_CUT);
    kept.push(...(cut ? tokens.slice(0, cut.index) : tokens));
  }
  const first = kept[0];
  const last = kept[kept.length - 1];
  return first && last ? { tokens: kept, span: { start: first.start, end: last.end } } : null;
}

/** "Lương Điền, ngày 06 tháng 3 năm 2023": the capitalised words just before the comma. */
function placeBefore(doc: Doc, date: DateHit): Span | null {
  const before = doc.text.slice(0, date.start);
  const comma = /,\s*$/u.exec(before);
  if (!comma) return null;
  const lineStart = before.lastIndexOf('\n') + 1;
  const tokens = tokensIn(doc, { start: lineStart, end: comma.index });
  let startIdx = tokens.length;
  while (startIdx > 0 && tokens.length - startIdx < 4) {
    const t = tokens[startIdx - 1];
    // "Lương Điền", "Phường 7"; not "KH-UBND"
    if (!t || !/^(?:\p{Lu}\p{Ll}*|\d{1,3})$/u.test(doc.text.slice(t.start, t.end))) break;
    const gap = doc.text.slice(t.end, tokens[startIdx]?.start ?? comma.index);
    if (gap.trim() !== '') break;
    startIdx--;
  }
  while (startIdx < tokens.length && /^\d+$/u.test(tokens[startIdx]?.text ?? '')) startIdx++;
  const first = tokens[startIdx];
  const last = tokens[tokens.length - 1];
  if (!first || !last) return null;
  return { start: first.start, end: last.end };
}

export function readHeader(doc: Doc, plan: PlanImportJson, ev: EvidenceLog): void {
  const headerSpan = doc.docType ? doc.header : { start: 0, end: Math.min(doc.text.length, 400) };

  const ref = findHeaderNumber(doc, headerSpan);
  if (ref) {
    plan.documentNumber = ref.number;
    plan.documentSymbol = ref.symbol;
    if (ref.number) ev.add('documentNumber', ref);
    ev.add('documentSymbol', ref);
  }

  const date = doc.docType
    ? (findDates(doc.folded, doc.header.start, doc.header.end)[0] ?? null)
    : null;
  if (date) {
    plan.issuedOn = date.iso;
    plan.issuedYear = date.year;
    if (date.iso) ev.add('issuedOn', date);
    ev.add('issuedYear', date);
    const place = placeBefore(doc, date);
    if (place) {
      plan.place = out(doc, slice(doc, place));
      ev.add('place', place);
    }
  }

  if (doc.title) {
    plan.title = out(doc, clean(slice(doc, doc.title)));
    ev.add('title', doc.title);
  }

  const preamble = {
    start: doc.blocks[0]?.start ?? 0,
    end: doc.blocks[doc.firstHeading]?.start ?? doc.tail?.start ?? doc.text.length,
  };
  const authority = doc.docType ? headerAuthority(doc) : null;
  const headerOrg = authority ? orgAt(doc, authority.tokens, 0) : null;
  // "UBND TỈNH QUẢNG NGÃI / SỞ NỘI VỤ": the issuer is the agency under the UBND line, not the UBND
  const fromHeader =
    headerOrg && headerOrg.next >= (authority?.tokens.length ?? 0) ? headerOrg : null;
  const sentence =
    findIssuerSentence(doc, preamble, fromHeader, plan.place) ??
    findIssuerSentence(
      doc,
      { start: 0, end: doc.tail?.start ?? doc.text.length },
      fromHeader,
      plan.place,
    );
  if (sentence) {
    plan.issuer = sentence.label;
    ev.add('issuer', sentence.span);
  } else if (fromHeader?.level) {
    plan.issuer = orgIssuer(doc, fromHeader, null, null);
    ev.add('issuer', fromHeader);
  }
  if (sentence && !doc.docType) readNewsOpening(doc, plan, ev, sentence);

  const kindSource = [doc.docType, doc.title].filter((s): s is Span => s !== null);
  for (const span of kindSource) {
    if (findAny(tokensIn(doc, span), CONTEST)) {
      plan.kind = 'contest';
      ev.add('kind', span);
      break;
    }
  }
}

/** "Ngày 15/3/2024, UBND xã X ban hành Kế hoạch số 12/KH-UBND phát động …". */
function readNewsOpening(doc: Doc, plan: PlanImportJson, ev: EvidenceLog, s: IssuerSentence): void {
  const lineStart = doc.text.lastIndexOf('\n', s.span.start) + 1;
  const date = findDates(doc.folded, lineStart, s.span.start)
    .filter((d) => d.iso !== null)
    .pop();
  if (date && plan.issuedOn === null) {
    plan.issuedOn = date.iso;
    plan.issuedYear = date.year;
    ev.add('issuedOn', date);
    ev.add('issuedYear', date);
  }
  const lineEnd = doc.text.indexOf('\n', s.objectEnd);
  const rest = { start: s.objectEnd, end: lineEnd < 0 ? doc.text.length : lineEnd };
  const ref = findRefs(doc, rest)[0];
  let titleFrom = s.objectEnd;
  if (ref && ref.start - s.objectEnd < 8) {
    if (plan.documentNumber === null) {
      plan.documentNumber = ref.number;
      plan.documentSymbol = ref.symbol;
      ev.add('documentNumber', ref);
      ev.add('documentSymbol', ref);
    }
    titleFrom = ref.end;
    const refDate = findDates(doc.folded, ref.end, Math.min(ref.end + 30, rest.end))[0];
    if (refDate && /^\s*,?\s*ng/u.test(doc.folded.slice(ref.end, refDate.start + 2)))
      titleFrom = refDate.end;
  }
  if (plan.title !== null) return;
  const tail = doc.text.slice(titleFrom, rest.end);
  const stop = /[.;](?=\s|$)|,\s*(?:nhằm|với|theo đó|trong đó|qua đó)\s/u.exec(tail);
  const raw = tail
    .slice(0, stop ? stop.index : tail.length)
    .replace(/^[\s,]*(?:về việc|về|v\/v)\s+/iu, '');
  const title = clean(raw);
  if (title.length < 8) return;
  const start = titleFrom + tail.indexOf(raw.trimStart().charAt(0));
  plan.title = out(doc, capitalize(title));
  ev.add('title', { start, end: start + raw.trimStart().length });
}
