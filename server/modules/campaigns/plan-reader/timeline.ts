import { addDays } from '../../../../shared/dates';
import { findDates, isoDate } from './dates';
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
 * - Whole years, in a sentence with "thời gian" or under a time heading: "từ năm 2021 đến năm
 *   2025" (2021-01-01 to 2025-12-31); "giai đoạn 2021 - 2025" only when the sentence starts with
 *   "Thời gian …" or sits under a time heading ("III. THỜI GIAN THI ĐUA"). Neither is read after
 *   the name of a document or programme in the same sentence ("theo Chương trình tổng thể CCHC giai
 *   đoạn 2021-2030" is that programme's span, not the plan's).
 * - Deadlines: a date after "chậm nhất", "hạn chót", "thời hạn", "trước", or after "đến" in a
 *   sentence about registering, sending, submitting, reporting or receiving entries ("Nhận bài dự
 *   thi đến hết ngày …"). "tính đến ngày" is not one, nor is the date of a cited document ("số
 *   12/KH-UBND ngày …").
 * - A yearly deadline ("trước ngày 30 tháng 11 hằng năm") has no year. When the plan's period is
 *   known (both ends), it is given as its first occurrence within the period and not before the
 *   date of issue, its text keeping "hằng năm" so the draft shows that it recurs; without a known
 *   period it is dropped. It never sets the registration deadline.
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
const RECEIVE = ['nhan bai', 'nhan ho so', 'nhan tac pham', 'nhan san pham'];
const YEAR_RANGE =
  /(?<![a-z])t[a-z]{1,2}\s+n[a-z]{1,2}m\s+(\d{4})\s+d[a-z]n\s+(?:het\s+)?(?:n[a-z]{1,2}m\s+)?(\d{4})(?!\d)/u;
const STAGE = /(?<![a-z])giai\s+d[a-z]{2,3}n\s*:?\s*(\d{4})\s*[-–]\s*(\d{4})(?!\d)/u;
// the name of a document or programme: a year range after it is that document's own span
const CITED = [
  'chuong trinh',
  'ke hoach',
  'de an',
  'du an',
  'nghi quyet',
  'chien luoc',
  'quy hoach',
  'quyet dinh',
  'chi thi',
  'nghi dinh',
  'thong tu',
  'van ban',
  'huong dan',
  'ket luan',
];
// "ngày 30 tháng 11 hằng năm", "ngày 20/11 hàng năm": a day and month recurring every year
const YEARLY =
  /(?<![a-z\d])(?:ng[a-z]{1,2}y[ \t.]*)?(\d{1,2})\s*(?:th[a-z]{2,3}g|[/.-])\s*(\d{1,2})\s*,?\s*h[a-z]{1,2}ng\s+n[a-z]{1,2}m(?![a-z])/gu;

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

function before(doc: Doc, clause: Span, date: Span): string {
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
  const years = yearsIn(doc, clause, aboutTime);
  if (years) return years;
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

/** "từ năm 2021 đến năm 2025", "giai đoạn 2021 - 2025" as the plan's own period (see above). */
function yearsIn(doc: Doc, clause: Span, aboutTime: boolean): Period | null {
  const tokens = tokensIn(doc, clause);
  const folded = doc.folded.slice(clause.start, clause.end);
  const range = aboutTime || findAny(tokens, ['thoi gian']) ? YEAR_RANGE.exec(folded) : null;
  const stage =
    range || !(aboutTime || matchAnyAt(tokens, 0, ['thoi gian'])) ? null : STAGE.exec(folded);
  const m = range ?? stage;
  if (!m) return null;
  const [y1, y2] = [Number(m[1]), Number(m[2])];
  const at = clause.start + m.index;
  const cited = tokens.some((t, i) => {
    const hit = t.start < at ? matchAnyAt(tokens, i, CITED) : null;
    return hit !== null && !matchAnyAt(tokens, hit.next, ['nay'], 0); // "kế hoạch này": this plan
  });
  if (cited || y2 < y1 || y2 - y1 > 10) return null;
  const start = isoDate(y1, 1, 1);
  const end = isoDate(y2, 12, 31);
  return start && end ? { start, end, span: clause } : null;
}

function isCitationDate(doc: Doc, clause: Span, d: Span): boolean {
  return findRefs(doc, { start: Math.max(clause.start, d.start - 40), end: d.start }).some(
    (r) => d.start - r.end < 25,
  );
}

/** "chậm nhất (là) ngày", "trước ngày", OCR "chim nhét ngay" just before the date. */
function deadlineWordBefore(doc: Doc, clause: Span, d: Span): boolean {
  const tokens = tokensIn(doc, { start: clause.start, end: d.start });
  let k = tokens.length;
  while (k > 0 && matchAnyAt(tokens, k - 1, ['ngay', 'la'])) k--;
  return DEADLINE_WORDS.some((w) => {
    const at = k - w.split(' ').length;
    return at >= 0 && matchAnyAt(tokens, at, [w]) !== null;
  });
}

function isDeadline(doc: Doc, clause: Span, d: Span): boolean {
  const prefix = before(doc, clause, d);
  if (/tinh\s+d[a-z]n\s+(?:ng[a-z]{1,2}y\s+)?$/u.test(prefix)) return false;
  if (deadlineWordBefore(doc, clause, d)) return true;
  if (!END_BEFORE.test(prefix)) return false;
  const tokens = tokensIn(doc, clause);
  return findAny(tokens, OBLIGATION) !== null || findAny(tokens, RECEIVE, 0, 0.5) !== null;
}

/** Whether a span states a dated obligation (a dossier paragraph that is only a deadline). */
export function hasDeadline(doc: Doc, span: Span): boolean {
  return findDates(doc.folded, span.start, span.end).some(
    (d) => d.iso !== null && !isCitationDate(doc, span, d) && isDeadline(doc, span, d),
  );
}

type Found = { clause: Span; date: string | null; yearly: { day: number; month: number } | null };

/** The first day and month of a yearly deadline within the known period, not before issue. */
function firstOccurrence(plan: PlanImportJson, day: number, month: number): string | null {
  const { periodStart, periodEnd, issuedOn } = plan;
  if (periodStart === null || periodEnd === null) return null;
  const from = issuedOn !== null && issuedOn > periodStart ? issuedOn : periodStart;
  for (let y = Number(from.slice(0, 4)); y <= Number(periodEnd.slice(0, 4)); y++) {
    const iso = isoDate(y, month, day);
    if (iso !== null && iso >= from && iso <= periodEnd) return iso;
  }
  return null;
}

/** Dated and yearly deadlines of a clause, in order. */
function deadlinesIn(doc: Doc, clause: Span): Found[] {
  const found: (Found & { at: number })[] = [];
  for (const d of findDates(doc.folded, clause.start, clause.end)) {
    if (d.iso === null || isCitationDate(doc, clause, d) || !isDeadline(doc, clause, d)) continue;
    found.push({ clause, date: d.iso, yearly: null, at: d.start });
  }
  for (const m of doc.folded.slice(clause.start, clause.end).matchAll(YEARLY)) {
    const d = { start: clause.start + m.index, end: clause.start + m.index + m[0].length };
    const [day, month] = [Number(m[1]), Number(m[2])];
    if (isoDate(2000, month, day) === null || !isDeadline(doc, clause, d)) continue; // 2000: leap
    found.push({ clause, date: null, yearly: { day, month }, at: d.start });
  }
  return found.sort((a, b) => a.at - b.at);
}

export function readTimeline(doc: Doc, plan: PlanImportJson, ev: EvidenceLog): void {
  let period: Period | null = null;
  const found: Found[] = [];
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
      found.push(...deadlinesIn(doc, clause));
    }
  }
  // yearly deadlines need the period, which may be stated after them
  for (const f of found) {
    const date = f.yearly ? firstOccurrence(plan, f.yearly.day, f.yearly.month) : f.date;
    if (date === null) continue;
    const { clause } = f;
    ev.add(`deadlines.${plan.deadlines.length}`, clause);
    plan.deadlines.push({
      text: out(doc, capitalize(cleanItem(doc.text.slice(clause.start, clause.end)))),
      date,
    });
    if (
      !f.yearly &&
      plan.registrationDeadline === null &&
      findAny(tokensIn(doc, clause), REGISTER)
    ) {
      plan.registrationDeadline = date;
      ev.add('registrationDeadline', clause);
    }
  }
}
