import {
  capitalize,
  cleanItem,
  out,
  splitClauses,
  tokensIn,
  type Doc,
  type Span,
} from './document';
import type { EvidenceLog } from './evidence';
import { findAny, matchAnyAt } from './fold';
import type { PlanImportJson, Scope } from './schema';
import { findSection, sectionItems, type Item } from './sections';
import { hasDeadline } from './timeline';
import { INDIVIDUAL_WORDS } from './vocabulary';

/**
 * The listed parts of a plan, each from its own section: participants ("Đối tượng …"), contents
 * ("Nội dung …"), criteria ("Tiêu chuẩn" / "Tiêu chí", split by "Đối với tập thể / cá nhân") and
 * the dossier ("Hồ sơ …"). An item is a numbered or bulleted item or a paragraph; what has no
 * section stays empty.
 */

const EXCLUDED = ['khong ap dung', 'khong xet', 'khong tinh', 'loai tru'];
const LEADING = ['cac', 'nhung', 'toan the', 'moi'];

/** "tập thể" or "cá nhân" in a label ("a. Tdp thé", "b. Déi véi cd nhin"), else null. */
export function scopeOf(doc: Doc, span: Span | null): Scope | null {
  if (!span) return null;
  const tokens = tokensIn(doc, span);
  const collective = findAny(tokens, ['tap the']);
  const individual = findAny(tokens, ['ca nhan']);
  if (collective && !individual) return 'collective';
  if (individual && !collective) return 'individual';
  return null;
}

function text(doc: Doc, span: Span): string {
  return out(doc, cleanItem(doc.text.slice(span.start, span.end)));
}

/** Skips a leading phrase: returns the span after it (and after "là", ":", "đối với"). */
function after(doc: Doc, span: Span, phrases: readonly string[]): Span | null {
  const tokens = tokensIn(doc, span);
  const hit = matchAnyAt(tokens, 0, phrases);
  if (!hit) return null;
  let next = hit.next;
  const link = matchAnyAt(tokens, next, ['la', 'doi voi', 'cho'], 0);
  if (link) next = link.next;
  const start = tokens[next]?.start ?? span.end;
  return { start, end: span.end };
}

/** "Thành viên Ban Tổ chức … không được tham gia dự thi": who is excluded. */
function notAllowed(doc: Doc, span: Span): Span | null {
  const m = /\s+khong\s+(?:duoc\s+)?(?:tham gia|du thi|xet)(?![a-z])/u.exec(
    doc.folded.slice(span.start, span.end),
  );
  return m && m.index > 0 ? { start: span.start, end: span.start + m.index } : null;
}

function participantScope(doc: Doc, span: Span): Scope {
  const tokens = tokensIn(doc, span);
  let i = 0;
  for (
    let lead = matchAnyAt(tokens, 0, LEADING, 0);
    lead;
    lead = matchAnyAt(tokens, i, LEADING, 0)
  ) {
    i = lead.next;
  }
  return matchAnyAt(tokens, i, INDIVIDUAL_WORDS) ? 'individual' : 'collective';
}

/** "các ban, ngành … và toàn thể cán bộ, công chức …": a collective part then an individual one. */
function splitAtIndividuals(doc: Doc, part: Span): Span[] {
  if (participantScope(doc, part) !== 'collective') return [part];
  const tokens = tokensIn(doc, part);
  for (let i = 1; i < tokens.length; i++) {
    const and = tokens[i];
    if (!and || !matchAnyAt(tokens, i, ['va'], 0)) continue;
    const rest = { start: tokens[i + 1]?.start ?? part.end, end: part.end };
    if (participantScope(doc, rest) === 'individual') {
      return [{ start: part.start, end: and.start }, rest];
    }
  }
  return [part];
}

/** Items of the "Đối tượng" section, or the sentence "Đối tượng thi đua là …" of a news post. */
function participantItems(doc: Doc): Item[] {
  const section = findSection(doc, ['doi tuong']);
  if (section) return sectionItems(doc, section);
  for (const block of doc.blocks) {
    const tokens = tokensIn(doc, block);
    const head = matchAnyAt(tokens, 0, ['doi tuong thi dua', 'doi tuong du thi', 'doi tuong']);
    const link = head ? matchAnyAt(tokens, head.next, ['la'], 0) : null;
    const colon = head && /^\s*:/u.test(doc.text.slice(head.end, head.end + 3));
    const start = link ? tokens[link.next]?.start : colon ? tokens[head.next]?.start : undefined;
    if (start === undefined) continue;
    const content = { start, end: block.end };
    return [{ full: content, content, label: null, group: null }];
  }
  return [];
}

export function readParticipants(doc: Doc, plan: PlanImportJson, ev: EvidenceLog): void {
  const p = plan.participants;
  for (const item of participantItems(doc)) {
    const groupScope = scopeOf(doc, item.group ?? item.label);
    for (const part of splitClauses(doc, item.content)) {
      const excluded = after(doc, part, EXCLUDED) ?? notAllowed(doc, part);
      if (excluded) {
        ev.add(`participants.excluded.${p.excluded.length}`, part);
        p.excluded.push(capitalize(text(doc, excluded)));
        continue;
      }
      let span = part;
      let scope = groupScope;
      const folded = doc.folded.slice(part.start, part.end);
      const labelled = /^\s*(?:tap the|ca nhan)\s*(?:la|:)\s/u.exec(folded);
      const la = /^\s*la\s/u.exec(folded);
      if (labelled) {
        scope = scopeOf(doc, { start: part.start, end: part.start + labelled[0].length });
        span = { start: part.start + labelled[0].length, end: part.end };
      } else if (la) {
        span = { start: part.start + la[0].length, end: part.end };
      }
      for (const piece of scope ? [span] : splitAtIndividuals(doc, span)) {
        const value = capitalize(text(doc, piece));
        if (value.length < 3) continue;
        const key =
          (scope ?? participantScope(doc, piece)) === 'individual' ? 'individuals' : 'collectives';
        ev.add(`participants.${key}.${p[key].length}`, piece);
        p[key].push(value);
      }
    }
  }
}

export function readContents(doc: Doc, plan: PlanImportJson, ev: EvidenceLog): void {
  const section = findSection(doc, ['noi dung']);
  if (!section) return;
  for (const item of sectionItems(doc, section)) {
    const value = text(doc, item.full);
    if (value.length < 3) continue;
    ev.add(`contents.${plan.contents.length}`, item.full);
    plan.contents.push(value);
  }
}

export function readCriteria(doc: Doc, plan: PlanImportJson, ev: EvidenceLog): void {
  const section = findSection(doc, ['tieu chuan', 'tieu chi']);
  if (!section) return;
  for (const item of sectionItems(doc, section)) {
    const scope = scopeOf(doc, item.group ?? item.label);
    if (!scope) continue; // a criterion that names neither collectives nor individuals
    const key = scope === 'collective' ? 'collective' : 'individual';
    const value = text(doc, item.content);
    if (value.length < 3) continue;
    ev.add(`criteria.${key}.${plan.criteria[key].length}`, item.full);
    plan.criteria[key].push(value);
  }
}

/** "Hồ sơ … gồm: Tờ trình, biên bản họp xét, báo cáo thành tích (02 bản)": one item per document. */
function listAfterGom(doc: Doc, item: Item, span: Span): Span[] | null {
  const label = item.label ?? item.group;
  if (!label || !findAny(tokensIn(doc, label), ['gom', 'bao gom'], 0)) return null;
  const parts: Span[] = [];
  let depth = 0;
  let from = span.start;
  for (let k = span.start; k < span.end; k++) {
    const ch = doc.text.charAt(k);
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === ',' && depth === 0) {
      parts.push({ start: from, end: k });
      from = k + 1;
    }
  }
  parts.push({ start: from, end: span.end });
  return parts;
}

export function readDossier(doc: Doc, plan: PlanImportJson, ev: EvidenceLog): void {
  const section = findSection(doc, ['ho so']);
  if (!section) return;
  for (const item of sectionItems(doc, section)) {
    // a sentence that only sets a deadline ("Hồ sơ gửi về … chậm nhất ngày …") is in `deadlines`
    const kept = splitClauses(doc, item.content).filter((c) => !hasDeadline(doc, c));
    const first = kept[0];
    const last = kept[kept.length - 1];
    if (!first || !last) continue;
    const span = { start: first.start, end: last.end };
    const own = item.group !== null && item.label !== null && item.group.start === item.label.start;
    const label = own ? null : (item.group ?? item.label);
    const pieces = listAfterGom(doc, item, span);
    for (const piece of pieces ?? [span]) {
      const body = text(doc, piece);
      const value = pieces ? capitalize(body) : label ? `${text(doc, label)}: ${body}` : body;
      if (value.length < 3) continue;
      ev.add(`dossier.${plan.dossier.length}`, pieces ? piece : item.full);
      plan.dossier.push(value);
    }
  }
}
