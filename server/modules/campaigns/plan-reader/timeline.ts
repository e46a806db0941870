import { addDays, findDates, isoDate, type DateHit } from './dates';
import {
  capitalize,
  cleanItem,
  out,
  splitClauses,
  tokensIn,
  type Block,
  type Doc,
  type Span,
} from './document';
import type { EvidenceLog } from './evidence';
import { findAny, matchAnyAt } from './fold';
import { findRefs } from './numbers';
import type { PlanImportJson } from './schema';
import { labelOf } from './sections';

/**
 * The campaign period, the registration deadline and every other dated obligation.
 *
 * - "Từ ngày ban hành … đến ngày 31/12/2023", "từ nay đến hết ngày 31/12/2025": the period starts
 *   on the date of issue (null when that date is blank) and ends on the date named.
 * - "đến trước ngày 20 tháng 12 năm 2023": "trước" excludes the day, so the period ends on
 *   2023-12-19 (periodEnd is always the last day included).
 * - "Thời gian thi đua trong năm 2020": 2020-01-01 to 2020-12-31.
 * - "từ ngày 01/4/2024 đến hết ngày 31/7/2024" in a sentence or section about the time of the
 *   campaign or contest.
 * - Deadlines: a date after "chậm nhất", "hạn chót", "thời hạn", "trước", or after "đến" in a
 *   sentence about registering, sending, submitting or reporting. "tính đến ngày" is not one, nor
 *   is the date of a cited document ("số 12/KH-UBND ngày …").
 */

const FROM_ISSUE = ['tu ngay ban hanh', 'ke tu ngay ban hanh', 'tu khi ban hanh'];
const TIME_WORDS = ['thoi gian', 'phong trao', 'cuoc thi', 'hoi thi'];
const OBLIGATION = ['dang ky', 'gui', 'nop', 'bao cao', 'hoan thanh', 'hoan chinh', 'tong hop'];
const REGISTER = ['dang ky'];

const END_BEFORE =
  /(?:^|[\s*(])d[a-z]n\s+(?:(het)\s+)?(?:(tr[a-z]{2,3}c)\s+)?(?:ng[a-z]{1,2}y\s+)?[*\s]*$/u;
const START_BEFORE = /(?:^|[\s*(:])(?:ke\s+)?t[a-z]{1,2}\s+(?:ng[a-z]{1,2}y\s+)?[*\s]*$/u;
const DEADLINE_WORDS = ['cham nhat', 'han chot', 'han cuoi', 'thoi han', 'truoc'];
const YEAR_ONLY = /trong\s+n[a-z]{1,2}m\s+(\d{4})(?!\d)/u;
const MONTH = String.raw`th[a-z]{2,3}g\s+(\d{1,2})\s*(?:[/-]|n[a-z]{1,2}m)\s*(\d{4})`;
// "Từ tháng 4/2024 đến hết tháng 10/2025", "từ tháng 4 năm 2024 đến tháng 10 năm 2025"
const MONTH_RANGE = new RegExp(
  String.raw`t[a-z]{1,2}\s+${MONTH}\s+d[a-z]n\s+(?:het\s+)?${MONTH}`,
  'u',
);
const EVENT_TIME = ['thoi gian to chuc', 'thoi gian dien ra', 'thoi gian thi'];

/** Blocks of the body; a text without headings (a news post) is all body. */
function bodyBlocks(doc: Doc): Block[] {
  return doc.firstHeading < doc.blocks.length ? doc.blocks.slice(doc.firstHeading) : doc.blocks;
}

/** Whether the nearest heading at or above `block` is about time ("Thời gian thi đua"). */
function underTimeHeading(doc: Doc, block: Block): boolean {
  for (let i = doc.blocks.indexOf(block); i >= 0; i--) {
    const b = doc.blocks[i];
    if (!b?.marker || b.marker.kind === 'bullet') continue;
    const label = labelOf(doc, b).label ?? {
      start: b.contentStart,
      end: Math.min(b.end, b.contentStart + 60),
    };
    return findAny(tokensIn(doc, label), ['thoi gian']) !== null;
  }
  return false;
}

function before(doc: Doc, clause: Span, date: DateHit): string {
  return doc.folded.slice(Math.max(clause.start, date.start - 60), date.start);
}

type Period = { start: string | null; end: string | null; span: Span };

function periodIn(doc: Doc, plan: PlanImportJson, clause: Span, aboutTime: boolean): Period | null {
  const tokens = tokensIn(doc, clause);
  const dates = findDates(doc.folded, clause.start, clause.end).filter((d) => d.iso !== null);
  const endOf = (from: number): string | null => {
    for (const d of dates) {
      if (d.start < from || d.iso === null) continue;
      const m = END_BEFORE.exec(before(doc, clause, d));
      if (m) return m[2] ? addDays(d.iso, -1) : d.iso;
    }
    return null;
  };
  const fromIssue = findAny(tokens, FROM_ISSUE) ?? findAny(tokens, ['tu nay'], 0, 0);
  if (fromIssue) {
    const end = endOf(fromIssue.end);
    if (end) return { start: plan.issuedOn, end, span: clause };
  }
  if (aboutTime || findAny(tokens, TIME_WORDS)) {
    for (const d of dates) {
      if (START_BEFORE.test(before(doc, clause, d))) {
        const end = endOf(d.end);
        if (end) return { start: d.iso, end, span: clause };
      }
    }
  }
  const folded = doc.folded.slice(clause.start, clause.end);
  const months = aboutTime || findAny(tokens, TIME_WORDS) ? MONTH_RANGE.exec(folded) : null;
  if (months) {
    const [, m1, y1, m2, y2] = months.map(Number);
    if (m1 && y1 && m2 && y2) {
      const start = isoDate(y1, m1, 1);
      const next = isoDate(m2 === 12 ? y2 + 1 : y2, m2 === 12 ? 1 : m2 + 1, 1);
      if (start && next) return { start, end: addDays(next, -1), span: clause };
    }
  }
  // "Thời gian tổ chức Hội thi: ngày 20/5/2024": a one-day event
  if (matchAnyAt(tokens, 0, EVENT_TIME) && dates.length === 1 && dates[0]?.iso) {
    const d = dates[0];
    if (!END_BEFORE.test(before(doc, clause, d)) && !deadlineWordBefore(doc, clause, d)) {
      return { start: d.iso, end: d.iso, span: clause };
    }
  }
  if (aboutTime || findAny(tokens, ['thoi gian'])) {
    const m = YEAR_ONLY.exec(folded);
    if (m?.[1]) {
      const year = Number(m[1]);
      return { start: isoDate(year, 1, 1), end: isoDate(year, 12, 31), span: clause };
    }
  }
  return null;
}

function isCitationDate(doc: Doc, clause: Span, d: DateHit): boolean {
  return findRefs(doc, { start: Math.max(clause.start, d.start - 40), end: d.start }).some(
    (r) => d.start - r.end < 25,
  );
}

/** "chậm nhất (là) ngày", "trước ngày", OCR "chim nhét ngay" just before the date. */
function deadlineWordBefore(doc: Doc, clause: Span, d: DateHit): boolean {
  const tokens = tokensIn(doc, { start: clause.start, end: d.start });
  let k = tokens.length;
  while (k > 0 && matchAnyAt(tokens, k - 1, ['ngay', 'la'])) k--;
  return DEADLINE_WORDS.some((w) => {
    const at = k - w.split(' ').length;
    return at >= 0 && matchAnyAt(tokens, at, [w]) !== null;
  });
}

function isDeadline(doc: Doc, clause: Span, d: DateHit): boolean {
  const prefix = before(doc, clause, d);
  if (/tinh\s+d[a-z]n\s+(?:ng[a-z]{1,2}y\s+)?$/u.test(prefix)) return false;
  if (deadlineWordBefore(doc, clause, d)) return true;
  return END_BEFORE.test(prefix) && findAny(tokensIn(doc, clause), OBLIGATION) !== null;
}

/** Whether a span states a dated obligation (a dossier paragraph that is only a deadline). */
export function hasDeadline(doc: Doc, span: Span): boolean {
  return findDates(doc.folded, span.start, span.end).some(
    (d) => d.iso !== null && !isCitationDate(doc, span, d) && isDeadline(doc, span, d),
  );
}

export function readTimeline(doc: Doc, plan: PlanImportJson, ev: EvidenceLog): void {
  let period: Period | null = null;
  for (const block of bodyBlocks(doc)) {
    const aboutTime = underTimeHeading(doc, block);
    for (const clause of splitClauses(doc, { start: block.contentStart, end: block.end })) {
      const p: Period | null = period ? null : periodIn(doc, plan, clause, aboutTime);
      if (p) {
        period = p;
        plan.periodStart = p.start;
        plan.periodEnd = p.end;
        if (p.start) ev.add('periodStart', p.span);
        ev.add('periodEnd', p.span);
        continue;
      }
      for (const d of findDates(doc.folded, clause.start, clause.end)) {
        if (d.iso === null || isCitationDate(doc, clause, d) || !isDeadline(doc, clause, d))
          continue;
        const i = plan.deadlines.length;
        plan.deadlines.push({
          text: out(doc, capitalize(cleanItem(doc.text.slice(clause.start, clause.end)))),
          date: d.iso,
        });
        ev.add(`deadlines.${i}`, clause);
        if (plan.registrationDeadline === null && findAny(tokensIn(doc, clause), REGISTER)) {
          plan.registrationDeadline = d.iso;
          ev.add('registrationDeadline', clause);
        }
      }
    }
  }
}
