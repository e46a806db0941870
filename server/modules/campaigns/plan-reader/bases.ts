import { findDates } from './dates';
import {
  capitalize,
  cleanItem,
  out,
  splitClauses,
  tokensIn,
  trimSpan,
  type Doc,
  type Span,
} from './document';
import type { EvidenceLog } from './evidence';
import { matchAnyAt } from './fold';
import { findRefs } from './numbers';
import type { PlanImportJson } from './schema';

/**
 * Legal bases: the "Căn cứ …;" / "Thực hiện …;" paragraphs before the first heading. One paragraph
 * may cite several documents separated by ";" (seeds 000 and 004): each is one basis. A news post
 * cites them inline ("… nhằm thực hiện Kế hoạch số 45/KH-UBND ngày … của UBND huyện …").
 */

const BASIS_VERBS = ['can cu', 'thuc hien', 'trien khai', 'cu the hoa', 'tren co so'];
const DOC_KINDS = [
  'hien phap',
  'bo luat',
  'luat',
  'phap lenh',
  'nghi dinh',
  'nghi quyet',
  'quyet dinh',
  'chi thi',
  'thong tu',
  'ke hoach',
  'cong van',
  'van ban',
  'huong dan',
  'thong bao',
  'chuong trinh',
  'ket luan',
];

type Basis = PlanImportJson['legalBases'][number];

/** Length of a leading "Căn cứ" / "Thực hiện" (OCR "Can ctr" too) in the span, or null. */
function leadingVerb(doc: Doc, span: Span): Span | null {
  const tokens = tokensIn(doc, span);
  const hit = matchAnyAt(tokens, 0, BASIS_VERBS);
  if (hit) return hit;
  const [a, b] = tokens;
  if (a?.text === 'can' && b && /^c[a-z]{1,3}$/u.test(b.text))
    return { start: a.start, end: b.end };
  return null;
}

// "…, Ủy ban nhân dân huyện ban hành Kế hoạch …": the issuer's sentence after the last citation
const ISSUER_AFTER =
  /,\s+(?:uy ban nhan dan|ubnd|so|phong|ban)\s[^,;.]{0,60}?(?:ban hanh|xay dung|phat dong|trien khai)\s+(?:ke hoach|the le|quyet dinh)/u;

function toBasis(doc: Doc, whole: Span, verb: Span | null): Basis | null {
  const issuer = ISSUER_AFTER.exec(doc.folded.slice(whole.start, whole.end));
  const part = issuer ? { start: whole.start, end: whole.start + issuer.index } : whole;
  const start = verb ? verb.end : part.start;
  const text = cleanItem(doc.text.slice(start, part.end));
  if (text.length < 4) return null;
  const ref = findRefs(doc, part)[0];
  const date = findDates(doc.folded, ref ? ref.end : start, part.end).find((d) => d.iso !== null);
  return { text: out(doc, capitalize(text)), number: ref?.number ?? null, date: date?.iso ?? null };
}

function push(plan: PlanImportJson, ev: EvidenceLog, basis: Basis, span: Span): void {
  const i = plan.legalBases.length;
  plan.legalBases.push(basis);
  ev.add(`legalBases.${i}`, span);
}

function isCitation(doc: Doc, span: Span): boolean {
  const tokens = tokensIn(doc, span);
  return matchAnyAt(tokens, 0, DOC_KINDS) !== null || findRefs(doc, span).length > 0;
}

export function readLegalBases(doc: Doc, plan: PlanImportJson, ev: EvidenceLog): void {
  for (const block of doc.blocks.slice(0, doc.firstHeading)) {
    if (!leadingVerb(doc, block)) continue;
    for (const [k, part] of splitClauses(doc, block).entries()) {
      const trimmed = trimSpan(doc, part);
      const verb = leadingVerb(doc, trimmed);
      const rest = verb ? { start: verb.end, end: part.end } : trimmed;
      if (k > 0 && !verb && !isCitation(doc, rest)) break; // the sentence after the citations
      const basis = toBasis(doc, trimmed, verb);
      if (basis) push(plan, ev, basis, trimmed);
    }
  }
  if (!doc.docType && plan.legalBases.length === 0) readInlineBases(doc, plan, ev);
}

const CLAUSE_END = /[;]|\.(?=\s|$)|,\s+(?=(?:UBND|Ủy ban|Uỷ ban|theo đó|đồng thời|nhằm)\s)/u;

/** News style: "… thực hiện Kế hoạch số 45/KH-UBND ngày 02/3/2024 của UBND huyện …". */
function readInlineBases(doc: Doc, plan: PlanImportJson, ev: EvidenceLog): void {
  for (const block of doc.blocks) {
    const tokens = tokensIn(doc, block);
    for (let i = 0; i < tokens.length; i++) {
      const verb = matchAnyAt(tokens, i, BASIS_VERBS, 0);
      const kind = verb ? matchAnyAt(tokens, verb.next, DOC_KINDS, 0) : null;
      if (!verb || !kind) continue;
      const rest = doc.text.slice(kind.start, block.end);
      const stop = CLAUSE_END.exec(rest);
      const part = { start: kind.start, end: kind.start + (stop ? stop.index : rest.length) };
      if (findRefs(doc, part).length === 0) continue;
      const basis = toBasis(doc, part, null);
      if (basis) push(plan, ev, basis, part);
      i = kind.next;
    }
  }
}
