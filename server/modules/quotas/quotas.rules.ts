import { quotaCap, type QuotaRule, type QuotaSubject } from '../../../shared/quotas';

/**
 * The selection rule of a quota (issue 12 item 5, decision 037): from the highest score down, up
 * to the cap; at the boundary, equal scores are broken by Decree 152/2025 Art. 4(6) — a woman, or
 * a collective with at least 70 % women, first — and what is still tied is reported for the
 * council to decide, never cut silently. Every candidate gets its explanation in Vietnamese. Pure.
 */

export const WOMEN_SHARE_PRIORITY = 0.7;
export const TIE_BREAK_BASIS = 'Điều 4 khoản 6 Nghị định 152/2025/NĐ-CP';

export type QuotaCandidate = {
  /** Stable key: "unit:12", "person:40". */
  key: string;
  name: string;
  score: number;
  /** The unit it is or belongs to (for a quota counted per unit subtree). */
  unitId?: number | null;
  band?: string | null;
  /** The results' own rank, if any (shown, not used: the score decides). */
  rank?: number | null;
  /** An individual: a woman. */
  female?: boolean | null;
  /** A collective: the share of women among its members, 0..1 (null: unknown). */
  womenShare?: number | null;
};

export type QuotaStatus = 'in' | 'out' | 'tie';

export type QuotaSelection = {
  key: string;
  name: string;
  score: number;
  /** 1 + the number of candidates with a higher score ("Xếp thứ 3/15"). */
  position: number;
  status: QuotaStatus;
  /** Preferred under Art. 4(6). */
  priority: boolean;
  explanation: string;
};

export type QuotaOutcome = {
  base: number;
  cap: number;
  /** "3 (20% của 15)". */
  capReason: string;
  selected: number;
  /** Candidates tied for the last places: the council decides `seats` among them. */
  tie: { keys: string[]; seats: number } | null;
  rows: QuotaSelection[];
};

export type SelectOptions = {
  /** What a percent is taken of; default: the number of candidates (base "eligible"). */
  base?: number;
  /** Overrides the quota's rounding of a percent. */
  rounding?: QuotaRule['rounding'];
};

/** Art. 4(6): a woman, or a collective with ≥ 70 % women. */
export function hasPriority(c: QuotaCandidate, subject: QuotaSubject): boolean {
  if (subject === 'individual') return c.female === true;
  return (
    c.womenShare !== null && c.womenShare !== undefined && c.womenShare >= WOMEN_SHARE_PRIORITY
  );
}

const priorityWords = (subject: QuotaSubject) =>
  subject === 'individual'
    ? `ưu tiên nữ theo ${TIE_BREAK_BASIS}`
    : `ưu tiên tập thể có từ 70% nữ trở lên theo ${TIE_BREAK_BASIS}`;

/** The others of a group, "A, B, C và 3 khác": at most three names, O(1) per call. */
function othersIn(group: readonly QuotaCandidate[], self: QuotaCandidate): string {
  const shown: string[] = [];
  for (let k = 0; k < group.length && shown.length < 3; k++) {
    const c = group[k] as QuotaCandidate;
    if (c !== self) shown.push(c.name);
  }
  const more = group.length - 1 - shown.length;
  return more > 0 ? `${shown.join(', ')} và ${more} khác` : shown.join(', ');
}

/**
 * Selects within a quota: sorts by score (highest first; equal scores by key, for a stable
 * answer), admits whole score groups while they fit the cap, and at the group that crosses the
 * cap admits the Art. 4(6) priority candidates first; if the seats left still cannot take a
 * whole subgroup, that subgroup is a tie (status 'tie') for the council. Cap = min(count,
 * rounding(percent × base)); rounding is floor unless the quota or `options` say otherwise.
 */
export function selectWithinQuota(
  candidates: readonly QuotaCandidate[],
  quota: Pick<QuotaRule, 'maxCount' | 'maxPercent' | 'rounding' | 'subject'>,
  options: SelectOptions = {},
): QuotaOutcome {
  const base = options.base ?? candidates.length;
  const { cap, reason } = quotaCap(
    { ...quota, rounding: options.rounding ?? quota.rounding },
    base,
  );
  const total = candidates.length;
  const sorted = [...candidates].sort((a, b) =>
    b.score !== a.score ? b.score - a.score : a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
  );
  const rows: QuotaSelection[] = [];
  let tie: QuotaOutcome['tie'] = null;
  let taken = 0;
  const within = `trong hạn mức ${reason}`;
  const outside = `ngoài hạn mức ${reason}`;

  let i = 0;
  while (i < sorted.length) {
    let j = i + 1;
    const first = sorted[i] as QuotaCandidate;
    while (j < sorted.length && (sorted[j] as QuotaCandidate).score === first.score) j++;
    const group = sorted.slice(i, j);
    const position = i + 1;
    const place = `Xếp thứ ${position}/${total}`;
    const left = cap - taken;
    const push = (c: QuotaCandidate, status: QuotaStatus, explanation: string) =>
      rows.push({
        key: c.key,
        name: c.name,
        score: c.score,
        position,
        status,
        priority: hasPriority(c, quota.subject),
        explanation,
      });
    const others = (c: QuotaCandidate) => othersIn(group, c);

    if (group.length <= left) {
      for (const c of group) push(c, 'in', `${place}, ${within}`);
      taken += group.length;
    } else if (left <= 0) {
      for (const c of group) push(c, 'out', `${place}, ${outside}`);
    } else {
      // The group crosses the cap: Art. 4(6) first, then a tie for the council.
      const preferred = group.filter((c) => hasPriority(c, quota.subject));
      const rest = group.filter((c) => !hasPriority(c, quota.subject));
      const why = priorityWords(quota.subject);
      if (preferred.length > left) {
        for (const c of preferred)
          push(
            c,
            'tie',
            `${place}, bằng điểm với ${others(c)}; còn ${left} suất ${within} cho ${preferred.length} người cùng được ưu tiên: Hội đồng quyết định`,
          );
        for (const c of rest)
          push(c, 'out', `${place}, bằng điểm với ${others(c)}; ${outside}, ${why}`);
        tie = { keys: preferred.map((c) => c.key), seats: left };
        taken = cap;
      } else {
        for (const c of preferred)
          push(c, 'in', `${place}, ${within}; bằng điểm với ${others(c)}; ${why}`);
        taken += preferred.length;
        const seats = cap - taken;
        if (seats === 0)
          for (const c of rest)
            push(c, 'out', `${place}, bằng điểm với ${others(c)}; ${outside}, ${why}`);
        else {
          for (const c of rest)
            push(
              c,
              'tie',
              `${place}, bằng điểm với ${others(c)}; còn ${seats} suất ${within} cho ${rest.length} người bằng điểm: Hội đồng quyết định`,
            );
          tie = { keys: rest.map((c) => c.key), seats };
          taken = cap;
        }
      }
    }
    i = j;
  }
  const selected = rows.reduce((n, r) => n + (r.status === 'in' ? 1 : 0), 0);
  return { base, cap, capReason: reason, selected, tie, rows };
}
