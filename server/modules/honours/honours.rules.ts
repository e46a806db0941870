/**
 * Pure rules over award history (decision 036): how many consecutive years a subject received a
 * form, and what the history suggests considering next (domain brief 1.3/1.4: Law 2022 Art.
 * 21–22, the provincial Bằng khen criteria). Suggestions only: an officer weighs them; they never
 * decide eligibility.
 */

/** One award in a subject's history, as the rules need it. */
export type HistoryEntry = {
  year: number;
  /** The catalogue code when the form is known to the catalogue (null: only its name is known). */
  formCode: string | null;
};

/**
 * The number of consecutive years, ending with `throughYear`, in which the history has the form
 * (several awards of one year count once). 0 when `throughYear` itself has none.
 */
export function consecutiveYears(
  history: readonly HistoryEntry[],
  formCode: string,
  throughYear: number,
): number {
  const years = new Set(history.filter((h) => h.formCode === formCode).map((h) => h.year));
  let n = 0;
  while (years.has(throughYear - n)) n++;
  return n;
}

/** A suggestion from history: which form to consider, and why, in Vietnamese. */
export type Suggestion = {
  /** The catalogue code of the form to consider. */
  formCode: string;
  /** The streak it rests on. */
  basedOn: { formCode: string; years: number[] };
  message: string;
};

type SuggestionRule = {
  /** The form whose streak is counted. */
  streakOf: string;
  streakName: string;
  /** The streak length that suggests `suggest`. */
  years: number;
  suggest: string;
  /** What to consider, completing "→ …". */
  advice: string;
};

/**
 * The streak rules (domain brief 1.3/1.4). Individuals: 2 consecutive CSTĐCS → Bằng khen of the
 * provincial chairman; 3 consecutive CSTĐCS → provincial CSTĐ (with an initiative of provincial
 * influence); 2 consecutive provincial CSTĐ → national CSTĐ. Collectives: 2 consecutive TTLĐXS →
 * Bằng khen of the provincial chairman.
 */
export const SUGGESTION_RULES: readonly SuggestionRule[] = [
  {
    streakOf: 'CSTDCS',
    streakName: 'Chiến sĩ thi đua cơ sở',
    years: 3,
    suggest: 'CSTD_TINH',
    advice:
      'có thể xét danh hiệu Chiến sĩ thi đua cấp tỉnh (cần thêm sáng kiến có phạm vi ảnh hưởng cấp tỉnh)',
  },
  {
    streakOf: 'CSTDCS',
    streakName: 'Chiến sĩ thi đua cơ sở',
    years: 2,
    suggest: 'BK_TINH_CN',
    advice: 'đề xuất Bằng khen của Chủ tịch UBND tỉnh',
  },
  {
    streakOf: 'CSTD_TINH',
    streakName: 'Chiến sĩ thi đua cấp tỉnh',
    years: 2,
    suggest: 'CSTD_TQ',
    advice:
      'có thể xét danh hiệu Chiến sĩ thi đua toàn quốc (cần thêm thành tích có phạm vi ảnh hưởng toàn quốc)',
  },
  {
    streakOf: 'TTLDXS',
    streakName: 'Tập thể lao động xuất sắc',
    years: 2,
    suggest: 'BK_TINH_TT',
    advice: 'đề xuất Bằng khen của Chủ tịch UBND tỉnh cho tập thể',
  },
];

/**
 * What the history suggests considering in the review of `throughYear` (the streak must end with
 * that year): each rule whose streak is long enough, unless the suggested form was already
 * received in a year of that streak (the streak was used). Suggestions never block or qualify.
 */
export function suggestionsFromHistory(
  history: readonly HistoryEntry[],
  throughYear: number,
): Suggestion[] {
  const out: Suggestion[] = [];
  for (const rule of SUGGESTION_RULES) {
    const streak = consecutiveYears(history, rule.streakOf, throughYear);
    if (streak < rule.years) continue;
    const first = throughYear - rule.years + 1;
    const years = Array.from({ length: rule.years }, (_, i) => first + i);
    const used = history.some(
      (h) => h.formCode === rule.suggest && h.year >= first && h.year <= throughYear,
    );
    if (used) continue;
    out.push({
      formCode: rule.suggest,
      basedOn: { formCode: rule.streakOf, years },
      message: `${rule.years} năm liên tục ${rule.streakName} (${years.join(', ')}) → ${rule.advice}.`,
    });
  }
  return out;
}
