import { formatVietnamDate } from '../../../shared/dates';
import { disciplineKindLabels, type DisciplineKind } from '../../../shared/honours';

/**
 * Which discipline, investigation, inspection or complaint records block an award on a date
 * (Decree 152/2025 Art. 4(4): no award while a disciplinary case, investigation, inspection or
 * complaint is pending, nor while a discipline is in force). Pure; nominations call it.
 */

export type DisciplineFacts = {
  id: number;
  kind: DisciplineKind;
  level: string | null;
  fromDate: string;
  /** Last day (inclusive); null: pending or ongoing. */
  toDate: string | null;
  decisionRef: string | null;
};

export type BlockingRecord = { record: DisciplineFacts; explanation: string };

const LEGAL = 'Nghị định 152/2025/NĐ-CP, Điều 4 khoản 4';

/**
 * The records of `person` that block an award on `onDate` (YYYY-MM-DD), each explained in
 * Vietnamese. A record blocks when it has started by that date and has not ended before it: a
 * discipline whose period runs through the date (or has no end yet), an investigation,
 * inspection or complaint still pending (no end date) or closed only on or after that date.
 * A record starting after the date, or ended before it, does not block.
 */
export function blockingRecords(
  person: { records: readonly DisciplineFacts[] },
  onDate: string,
): BlockingRecord[] {
  return person.records
    .filter((r) => r.fromDate <= onDate && (r.toDate === null || r.toDate >= onDate))
    .map((record) => ({ record, explanation: explain(record) }));
}

function explain(r: DisciplineFacts): string {
  const ref = r.decisionRef === null ? '' : ` (${r.decisionRef})`;
  const from = formatVietnamDate(r.fromDate);
  if (r.kind === 'discipline') {
    const level = r.level === null ? '' : ` hình thức ${r.level}`;
    const period =
      r.toDate === null
        ? `từ ${from}, chưa hết thời hạn`
        : `từ ${from} đến ${formatVietnamDate(r.toDate)}`;
    return `Đang chịu kỷ luật${level}${ref} ${period}: chưa được khen thưởng trong thời gian thi hành kỷ luật (${LEGAL}).`;
  }
  const state =
    r.toDate === null
      ? `từ ${from}, chưa kết thúc`
      : `từ ${from} đến ${formatVietnamDate(r.toDate)}`;
  return `${disciplineKindLabels[r.kind]}${ref} ${state}: chưa được xét khen thưởng khi đang xem xét, điều tra, thanh tra, kiểm tra hoặc giải quyết khiếu nại, tố cáo (${LEGAL}).`;
}

/**
 * Where an achievement period must start counting for a person disciplined during it (Decree
 * 152/2025 Art. 4(4): after a discipline ends, achievements count only from the end of the
 * discipline period): the day after the latest discipline that ended inside [periodStart,
 * periodEnd], explained; null when no discipline ended inside the period. A discipline still in
 * force at the period's end is `blockingRecords`' business.
 */
export function achievementsCountFrom(
  person: { records: readonly DisciplineFacts[] },
  period: { start: string; end: string },
): { from: string; explanation: string } | null {
  const ended = person.records
    .filter((r) => r.kind === 'discipline' && r.toDate !== null)
    .filter((r) => (r.toDate ?? '') >= period.start && (r.toDate ?? '') < period.end)
    .sort((a, b) => (a.toDate ?? '').localeCompare(b.toDate ?? ''));
  const last = ended[ended.length - 1];
  if (last?.toDate == null) return null;
  const next = new Date(`${last.toDate}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const from = next.toISOString().slice(0, 10);
  const ref = last.decisionRef === null ? '' : ` (${last.decisionRef})`;
  return {
    from,
    explanation: `Kỷ luật${ref} kết thúc ngày ${formatVietnamDate(last.toDate)}: thành tích chỉ được tính từ ngày ${formatVietnamDate(from)} (${LEGAL}).`,
  };
}
